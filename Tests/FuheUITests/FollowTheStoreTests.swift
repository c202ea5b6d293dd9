import Foundation
import Testing
import FuheApp
import FuheCore
import FuheStore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Two workstations on two connections of one store file, as two reviewers at one machine: each
/// follows the other's saves, and no write is made from a view the other changed since.
@Suite struct FollowTheStoreTests {
    static let heshan = "SE-HS-ZWZX-2021"
    static let staffRow = "T4-1.1.1"

    /// A store and two workstations on their own connections: A is 李某, B is 王某 (leader);
    /// both have 赫山 open on the staffing row (1.1.1).
    struct Pair {
        let s: SampleStore
        let a: Workstation
        let b: Workstation
        let bStore: FuheStore

        init(width: Int = 80, height: Int = 24) throws {
            s = try SampleStore()
            bStore = try FuheStore.open(path: s.path, createIfMissing: false, clock: s.clock)
            a = s.workstation(width: width, height: height, actor: Actor(name: "李某", role: .member))
            b = SampleStore.workstation(on: bStore, clock: s.clock, width: width, height: height)
            for w in [a, b] {
                ReviewWorkflowTests.open(w, "heshan")
                ReviewWorkflowTests.select(w, indicator: "在职人员控制率")
            }
        }

        /// The staffing row as stored.
        func row() throws -> IndicatorResult { try s.store.dossier(id: FollowTheStoreTests.heshan).result(for: FollowTheStoreTests.staffRow) }

        /// Saves a score with a reason in the score form of `w`.
        func score(_ w: Workstation, _ score: String, reason: String, save: Bool = true) {
            w.press(.enter, .ctrl("u"))
            w.type(score)
            w.press(.tab)
            w.type(reason)
            if save { w.press(.ctrl("s")) }
        }

        func remove() { s.remove() }
    }

    @Test func anotherSessionsSaveIsShownWithTheCursorKept() throws {
        let p = try Pair()
        defer { p.remove() }
        // B looks at another row; nothing has happened yet.
        p.b.press(.character("j"))
        let bRow = try #require(p.b.state.selectedRow?.node.id)
        #expect(bRow != Self.staffRow)
        #expect(!p.b.followStore())
        p.score(p.a, "4.5", reason: "超编1人")
        #expect(try p.row().reviewScore == Score("4.5"))
        // B's next look at the store: the row, the totals and the unit line follow, the cursor
        // stays on B's row, and the status line says who changed what.
        #expect(p.b.followStore())
        #expect(p.b.state.dossier?.result(for: Self.staffRow).reviewScore == Score("4.5"))
        #expect(p.b.state.selectedRow?.node.id == bRow)
        #expect(p.b.state.selectedUnit?.dossierID == Self.heshan)
        #expect(p.b.state.selectedUnit?.reviewedRows == 1)
        #expect(p.b.state.message == "李某 修改了 1.1.1 复核分 （空） → 4.50 等 3 处")
        #expect(p.b.screenText.contains("李某 修改了 1.1.1 复核分"))
        // Nothing new: nothing is read or said.
        #expect(!p.b.followStore())
        // B's own save is not announced to B, and A hears of it.
        p.b.press(.character("k"))
        p.b.press(.character("m"), .ctrl("u"))
        p.b.type("王某的备注")
        p.b.press(.ctrl("s"))
        #expect(!p.b.followStore())
        #expect(p.a.followStore())
        #expect(p.a.state.message == "王某 修改了 1.1.1 复核备注 （空） → 王某的备注")
        #expect(p.a.state.dossier?.result(for: Self.staffRow).reviewNote == "王某的备注")
    }

    @Test func severalChangesAreSaidAsTheFirstAndHowMany() throws {
        let p = try Pair()
        defer { p.remove() }
        p.a.press(.character("m"), .ctrl("u"))
        p.a.type("备注一")
        p.a.press(.ctrl("s"))
        p.a.press(.character("m"), .ctrl("u"))
        p.a.type("备注二")
        p.a.press(.ctrl("s"))
        // B also wrote in between: its own change is not counted.
        p.b.press(.character("j"), .character("r"), .ctrl("u"))
        p.b.type("B的理由")
        p.b.press(.ctrl("s"))
        #expect(p.b.followStore())
        #expect(p.b.state.message == "李某 修改了 1.1.1 复核备注 （空） → 备注一 等 3 处")
    }

    /// The feed is read in pages; this session's own writes since the last look are skipped,
    /// however many, and what others wrote after them is still said. Past the last page the
    /// screen is read again whole.
    @Test func ownWritesBeyondAPageDoNotHideOthersChanges() throws {
        for pages in [20, 1] {
            let p = try Pair()
            defer { p.remove() }
            let repository = try #require((p.b.runner as? RepositoryRunner)?.repository)
            p.b.follower = try StoreFollower(repository: repository, limit: 2, pages: pages)
            for note in ["一", "二", "三"] {
                p.b.press(.character("m"), .ctrl("u"))
                p.b.type("B的备注" + note)
                p.b.press(.ctrl("s"))
            }
            #expect(p.a.followStore())
            p.a.press(.character("j"), .character("m"), .ctrl("u"))
            p.a.type("A的备注")
            p.a.press(.ctrl("s"))
            #expect(p.b.followStore())
            #expect(p.b.state.message == (pages == 20 ? "李某 修改了 1.1.2 复核备注 （空） → A的备注" : "其他会话有大量修改，已全部重新读取"))
            #expect(p.b.state.dossier?.result(for: "T4-1.1.2").reviewNote == "A的备注")
            #expect(!p.b.followStore())
        }
    }

    @Test func theUnitCursorStaysOnItsUnitWhenAnImportAddsOneAbove() throws {
        let p = try Pair()
        defer { p.remove() }
        p.b.press(.tab, .tab)
        #expect(p.b.state.focus == .units)
        let index = p.b.state[UnitsPane.self].position.cursor
        #expect(p.b.state.selectedUnit?.dossierID == Self.heshan)
        // A new unit that sorts first (阿…), imported by another process.
        var d = try p.s.store.dossier(id: "SE-YYX-TZGZ-2021")
        d.evaluation.id = "SE-TEST-0001"
        d.unit.id = "U-TEST-0001"
        d.unit.name = "阿拉善测试中心"
        d.unit.shortName = nil
        d.review = nil
        try p.bStore.importDossiers([d], actor: "张三")
        #expect(p.b.followStore() == false, "B's own connection wrote it: the version does not move")
        p.a.press(.tab, .tab)
        #expect(p.a.followStore())
        #expect(p.a.state.units.first?.dossierID == "SE-TEST-0001")
        #expect(p.a.state.message == "张三 导入了 阿拉善测试中心")
        // A's list cursor was moved off 赫山 by nothing: same unit, one row further down.
        #expect(p.a.state.selectedUnit?.dossierID == Self.heshan)
        #expect(p.a.state[UnitsPane.self].position.cursor == index + 1)
    }

    @Test func aFormStaysOpenWithWhatWasTypedAndIsRefusedThenReapplied() throws {
        let p = try Pair()
        defer { p.remove() }
        // B opens the score form and types; A saves the same row meanwhile.
        p.score(p.b, "3", reason: "B的理由", save: false)
        p.score(p.a, "4.5", reason: "A的理由")
        #expect(p.b.followStore())
        let marked = try #require(p.b.state.overlay as? FormState)
        #expect(marked.value("score") == "3" && marked.value("reason") == "B的理由")
        #expect(marked.notices.count == 1)
        #expect(marked.notices.first?.hasPrefix("此处已被 李某 修改：复核分 4.50，扣分原因 A的理由（2026-11-23 ") == true, "\(marked.notices)")
        #expect(p.b.screenText.contains("此处已被 李某 修改"))
        #expect(p.b.state.dossier?.result(for: Self.staffRow).reviewScore == Score("4.5"), "the screen behind the form follows")
        // B saves anyway: the store refuses (the form was based on the row without A's score).
        p.b.press(.ctrl("s"))
        let refused = try #require(p.b.state.overlay as? FormState)
        #expect(refused.value("score") == "3")
        let refusal = try #require(refused.refusal)
        #expect(refusal.fields.contains { $0.field == "reviewScore" && $0.changedBy == "李某" })
        let screen = p.b.screenText
        #expect(screen.contains("✗ 未保存：此表打开后已有人修改了下列内容"))
        #expect(screen.contains("复核分：现为 4.50（李某 2026-11-23"))
        #expect(screen.contains("你输入 3.00"))
        #expect(try p.row().reviewScore == Score("4.5"))
        #expect(p.b.state.saveState != .saved)
        // Re-apply: B's typed values, written on the row as it is now.
        p.b.press(.ctrl("r"))
        #expect(p.b.state.overlay == nil)
        let row = try p.row()
        #expect(row.reviewScore == Score("3") && row.deductionReason == "B的理由" && row.reviewedBy == "王某")
        let scores = try p.s.store.journal(dossierID: Self.heshan, entity: "result", entityID: Self.staffRow, field: "reviewScore")
        #expect(scores.first?.record.actor == "王某")
        #expect(scores.first?.record.old == "\"4.50\"", "\(String(describing: scores.first?.record))")
        #expect(p.b.state.saveState == .saved)
    }

    @Test func droppingKeepsTheValueNow() throws {
        let p = try Pair()
        defer { p.remove() }
        p.score(p.b, "3", reason: "B的理由", save: false)
        // Re-apply and drop are offered only once someone changed what the form is about.
        p.b.press(.ctrl("t"))
        #expect(p.b.state.overlay is FormState)
        #expect(p.b.state.message == "只在他人修改了此表所涉内容后可用")
        p.score(p.a, "4.5", reason: "A的理由")
        // B does not look at the store before saving: the store still refuses.
        p.b.press(.ctrl("s"))
        #expect((p.b.state.overlay as? FormState)?.refusal != nil)
        p.b.press(.ctrl("t"))
        #expect(p.b.state.overlay == nil)
        #expect(p.b.state.message == "已放弃你的输入，保留现值：复核分 4.50（李某）")
        #expect(try p.row().reviewScore == Score("4.5"))
        #expect(p.b.state.dossier?.result(for: Self.staffRow).reviewScore == Score("4.5"))
    }

    /// Repro 10 in process: B's screen still shows the row before A's verified actual, and B
    /// accepts the suggestion computed from it. Refused, A's value kept, B told and shown the row
    /// as it is; accepting again uses the new suggestion.
    @Test func aKeyEditOnAStaleViewIsRefusedAndExplained() throws {
        let p = try Pair()
        defer { p.remove() }
        #expect(p.b.state.scored?.rows[Self.staffRow]?.suggestion == Score("5"))
        p.a.press(.character("v"), .ctrl("u"))
        p.a.type("11/10")
        p.a.press(.enter)
        #expect(try p.row().verifiedActual?.text == "11/10")
        p.b.press(.character("a"))
        #expect(try p.row().verifiedActual?.text == "11/10")
        #expect(try p.row().reviewScore == nil)
        let refusal = try #require(p.b.state.overlay as? RefusalView)
        #expect(refusal.title == "未保存")
        #expect(refusal.lines.contains { $0.contains("核实值：现为 11/10（李某 2026-11-23") && $0.contains("你看到的是 （空）") })
        #expect(p.b.screenText.contains("核实值：现为 11/10"))
        #expect(p.b.state.dossier?.result(for: Self.staffRow).verifiedActual?.text == "11/10", "the stale view was read again")
        p.b.press(.escape)
        #expect(p.b.state.overlay == nil)
        p.b.press(.character("a"))
        #expect(try p.row().reviewScore == .zero)
        #expect(try p.row().verifiedActual?.text == "11/10")
    }

    @Test func undoIsRefusedWhenSomeoneChangedTheFieldSince() throws {
        let p = try Pair()
        defer { p.remove() }
        p.b.press(.character("m"), .ctrl("u"))
        p.b.type("B的备注")
        p.b.press(.ctrl("s"))
        #expect(p.a.followStore())
        p.a.press(.character("m"), .ctrl("u"))
        p.a.type("A的备注")
        p.a.press(.ctrl("s"))
        #expect(try p.row().reviewNote == "A的备注")
        // B's undo would write its old value over A's: refused, with the reason.
        p.b.press(.character("u"))
        #expect(try p.row().reviewNote == "A的备注")
        let refusal = try #require(p.b.state.overlay as? RefusalView)
        #expect(refusal.title == "不能撤销")
        #expect(refusal.lines.first?.hasPrefix("不能撤销/重做 #") == true)
        #expect(refusal.lines.contains { $0.contains("复核备注：现为 A的备注（李某") })
        #expect(p.b.state.dossier?.result(for: Self.staffRow).reviewNote == "A的备注")
        #expect(p.b.state.undo.undo.isEmpty && p.b.state.undo.redo.isEmpty)
        p.b.press(.enter)
        p.b.press(.character("u"))
        #expect(p.b.state.message == "本次会话没有可撤销的修改")
        // A's own undo still works: nobody changed the note since.
        p.a.press(.character("u"))
        #expect(try p.row().reviewNote == "B的备注")
    }

    @Test func anOpenHistoryFollowsWithItsCursorKept() throws {
        let p = try Pair()
        defer { p.remove() }
        p.b.press(.character("m"), .ctrl("u"))
        p.b.type("第一条")
        p.b.press(.ctrl("s"))
        p.b.press(.character("H"))
        let before = try #require(p.b.state.overlay as? HistoryView)
        #expect(before.entries.count >= 1)
        let selected = before.entries[before.position.cursor].seq
        #expect(p.a.followStore())
        p.a.press(.character("m"), .ctrl("u"))
        p.a.type("第二条")
        p.a.press(.ctrl("s"))
        #expect(p.b.followStore())
        let after = try #require(p.b.state.overlay as? HistoryView)
        #expect(after.entries.count == before.entries.count + 1)
        #expect(after.entries.first?.record.actor == "李某")
        #expect(after.entries[after.position.cursor].seq == selected)
        #expect(p.b.state.overlays.count == 1)
    }
}
