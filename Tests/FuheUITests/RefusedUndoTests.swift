import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Undo and redo refused, with no store: the store's answer is fed back by hand.
@Suite struct RefusedUndoTests {
    typealias U = UpdateWithoutStoreTests

    /// A workstation whose undo list holds batch 7 of 赫山; `u` asks to revert it.
    static func undoing() throws -> (Workstation, Revert) {
        let w = try U.workstation()
        U.openSheet(w)
        w.context.state.undo.undo = [UndoEntry(batch: 5, dossierID: U.heshan), UndoEntry(batch: 7, dossierID: U.heshan)]
        w.press(.character("u"))
        guard w.pending.count == 1, case .revert(let revert) = w.pending[0] else {
            Issue.record("\(w.pending)")
            throw CancellationError()
        }
        #expect(revert.batch == 7 && revert.direction == .undo)
        w.clearPending()
        return (w, revert)
    }

    @Test func anUndoTheRulesRefuseIsExplainedAndLeavesTheList() throws {
        let (w, revert) = try Self.undoing()
        let refusal = UndoRefusal.otherSession(batch: 7, actor: "李某")
        w.receive(.failed(.revert(revert), EffectFailure(refusal)))
        let view = try #require(w.state.overlay as? RefusalView)
        #expect(view.title == "不能撤销")
        #expect(view.lines.first == "不能撤销 #7：那是 李某 在另一会话中的修改，撤销只撤回本会话自己的修改")
        #expect(w.state.message == view.lines.first && w.state.messageIsError)
        #expect(w.screenText.contains("不能撤销 #7"))
        // The next undo goes on with the batch before.
        w.press(.escape, .character("u"))
        guard case .revert(let next)? = w.pending.first else { Issue.record("\(w.pending)"); return }
        #expect(next.batch == 5)
    }

    @Test func aStaleUndoShowsTheValueNowAndWhoWroteIt() throws {
        let (w, revert) = try Self.undoing()
        let key = EntityKey(dossierID: U.heshan, entity: "result", id: "T4-1.1.1")
        let stale = StaleWrite(action: .revert(batch: 7), dossierID: U.heshan, fields: [
            StaleField(key: key, field: "reviewScore", base: "\"3.00\"", current: "\"2.00\"", proposed: nil,
                       changedBy: "张三", changedAt: "2026-11-23T10:02:00+08:00"),
        ])
        w.receive(.failed(.revert(revert), EffectFailure(stale)))
        let view = try #require(w.state.overlay as? RefusalView)
        #expect(view.lines.first == "不能撤销/重做 #7：之后已有人修改了这些内容")
        #expect(view.lines.contains("1.1.1 在职人员控制率 · 复核分：现为 2.00（张三 2026-11-23 10:02 改），本会话写的是 3.00，撤销将写 （空）"))
        #expect(w.state.undo.undo.map(\.batch) == [5])
        // The unit is read again (its screen was stale).
        #expect(w.pending.contains { if case .loadDossier(let r) = $0 { r.id == U.heshan && r.mode == .refresh } else { false } })
    }

    @Test func anotherFailureKeepsTheUndoForLater() throws {
        let (w, revert) = try Self.undoing()
        w.receive(.failed(.revert(revert), EffectFailure("database is locked")))
        #expect(w.state.overlay == nil)
        #expect(w.state.message == "database is locked")
        #expect(w.state.undo.undo.map(\.batch) == [5, 7])
    }
}
