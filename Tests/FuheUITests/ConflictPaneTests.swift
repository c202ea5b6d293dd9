import Foundation
import Testing
import FuheApp
import FuheCore
import FuheStore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// The conflict pane of `fuhe merge`: keys decide conflicts, the screen shows base / main / copy
/// side by side at 80×24 and 160×48.
@Suite struct ConflictPaneTests {
    /// A main store and one copy with two conflicts on 赫山's staffing row: the reason (decided
    /// with the copy's verified actual, its group) and the note.
    static func pane(width: Int, height: Int) throws -> (ConflictPane, SampleStore) {
        let s = try SampleStore()
        let path = s.directory.appendingPathComponent("site.sqlite").path
        try s.store.checkout(dossierIDs: ["SE-HS-ZWZX-2021"], to: path, holder: "张三", actor: "王某")
        for (store, reason, note, actor) in [(try FuheStore.open(path: path, createIfMissing: false, clock: s.clock),
                                              "现场核实：实有在编在岗11人，超编1人，控制率110%，按标准不得分", "编制文件已复印", "张三"),
                                             (s.store, "超编", "待现场核实编制文件和工资发放名册", "王某")] {
            let seen = try store.dossier(id: "SE-HS-ZWZX-2021")
            var row = seen.result(for: "T4-1.1.1")
            row.deductionReason = reason
            row.reviewNote = note
            if store !== s.store { row.verifiedActual = ObservedValue(text: "11/10", number: 110) }
            try store.apply([.result(row)], to: "SE-HS-ZWZX-2021", base: .seen(seen), actor: actor)
        }
        let prepared = try s.store.prepareMerge(copyPath: path)
        let dossiers = MergePlanText.dossiers(of: prepared, in: s.store)
        let rows = prepared.plan.conflicts.map { ConflictPane.Row(conflict: $0, dossier: dossiers[$0.key.dossierID]) }
        return (ConflictPane(title: "副本 site.sqlite（L-1 · 张三）", automatic: prepared.plan.changes.count, rows: rows, width: width, height: height), s)
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func screen(width: Int, height: Int) throws {
        var (pane, s) = try Self.pane(width: width, height: height)
        defer { s.remove() }
        #expect(pane.rows.map(\.field) == ["扣分原因", "复核备注"])
        pane.handle(.character("c"))
        let text = ConflictPaneView.render(pane).text
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(DisplayWidth.of(line) <= width, "\(line)")
        }
        assertSnapshot(text, named: "conflict-pane-\(width)x\(height)")
    }

    @Test func keysDecideEditAndFinish() throws {
        var (pane, s) = try Self.pane(width: 100, height: 30)
        defer { s.remove() }
        let (reason, note) = (pane.rows[0].conflict.id, pane.rows[1].conflict.id)
        pane.handle(.character("a"))
        #expect(pane.outcome == nil && pane.message == "还有 2 个冲突未决定")
        pane.handle(.character("m"))
        #expect(pane.decisions[reason] == .main && pane.cursor == 1)
        // A typed value for the note; Esc in the editor keeps the pane open.
        pane.handle(.character("e"))
        #expect(pane.editor?.text == "编制文件已复印")
        pane.handle(.ctrl("u"))
        for ch in "两边合并：编制文件已复印，待核实名册" { pane.handle(.character(ch)) }
        pane.handle(.ctrl("s"))
        #expect(pane.editor == nil)
        #expect(pane.decisions[note] == .value(JSONFields.quote("两边合并：编制文件已复印，待核实名册")))
        #expect(ConflictPaneView.render(pane).text.contains("[改值  ]"))
        pane.handle(.character("a"))
        #expect(pane.outcome == .merge([reason: .main, note: .value(JSONFields.quote("两边合并：编制文件已复印，待核实名册"))]))
    }

    @Test func cancellingAsksOnceThenWritesNothing() throws {
        var (pane, s) = try Self.pane(width: 80, height: 24)
        defer { s.remove() }
        pane.handle(.character("C"))
        #expect(pane.decidedCount == 2)
        pane.handle(.character("q"))
        #expect(pane.outcome == nil && pane.message?.contains("再按一次 q") == true)
        pane.handle(.character("q"))
        #expect(pane.outcome == .cancel)
    }

    @Test func aWholeEntityConflictCannotBeEdited() throws {
        let key = EntityKey(dossierID: "D", entity: "item", id: "RI-1")
        let conflict = MergeConflict(key: key, fields: ["*"], kind: .entity, base: "{}", main: nil, copy: "{}")
        var pane = ConflictPane(title: "t", automatic: 0, rows: [ConflictPane.Row(conflict: conflict, dossier: nil)], width: 80, height: 24)
        pane.handle(.character("e"))
        #expect(pane.editor == nil && pane.message?.contains("只能取一边") == true)
        let text = ConflictPaneView.render(pane).text
        #expect(text.contains("D · 整改事项 RI-1 · 整条记录"))
        #expect(text.contains("一边删除/新建，另一边修改"))
    }
}
