import Foundation
import Testing
import FuheCore
import FuheStore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// The workstation on an offline copy and on a main store with units out: labels, markers, ids,
/// and the history of a field after a merge.
@Suite struct CopyWorkflowTests {
    static let heshan = "SE-HS-ZWZX-2021"

    func copy(of s: SampleStore, holder: String = "张三") throws -> FuheStore {
        let path = s.directory.appendingPathComponent("site.sqlite").path
        try s.store.checkout(dossierIDs: [Self.heshan, "SE-YYX-TZGZ-2021"], to: path, holder: holder, actor: "王某")
        return try FuheStore.open(path: path, createIfMissing: false, clock: s.clock)
    }

    @Test func aCopySaysWhereItCameFromAndTagsTheIdsItMakes() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = SampleStore.workstation(on: try copy(of: s), clock: s.clock, actor: Actor(name: "张三", role: .member))
        #expect(w.screenText.split(separator: "\n").last?.contains("副本 L-1 · 来自 fuhe.sqlite · 2026-11-23 起") == true)
        ReviewWorkflowTests.open(w, "yueyangxian")
        w.press(.character("f"), .tab, .ctrl("u"))
        w.type("现场发现：采购合同未备案")
        w.press(.ctrl("s"))
        #expect(w.state.dossier?.findings.last?.id == "F-L1-1")
    }

    @Test func unitsOutAreMarkedInTheMainStore() throws {
        let s = try SampleStore()
        defer { s.remove() }
        _ = try copy(of: s)
        let w = s.workstation(width: 160, height: 48)
        let lines = w.screenText.split(separator: "\n")
        #expect(lines.contains { $0.contains("外 赫山区政") })
        #expect(!lines.contains { $0.contains("外 黄土") || $0.contains("外 江华") })
        w.press(.character("/"))
        w.type("heshan")
        w.press(.enter)
        #expect(w.screenText.contains("已借出（外）：副本 L-1 张三 2026-11-23 起"))
    }

    @Test func historyShowsWhoSetAFieldWhenAndFromWhere() throws {
        let s = try SampleStore()
        defer { s.remove() }
        do {  // the site's workstation, quit before the copy comes back
            let site = SampleStore.workstation(on: try copy(of: s), clock: s.clock, width: 120, height: 40, actor: Actor(name: "张三", role: .member))
            ReviewWorkflowTests.open(site, "heshan")
            ReviewWorkflowTests.select(site, indicator: "在职人员控制率")
            site.press(.character("v"), .ctrl("u"))
            site.type("11/10")
            site.press(.enter, .character("a"))
            #expect(site.state.saveState == .saved)
        }
        let prepared = try s.store.prepareMerge(copyPath: s.directory.appendingPathComponent("site.sqlite").path)
        try s.store.commitMerge(prepared, decisions: [:], actor: "王某")

        let w = s.workstation(width: 120, height: 40)
        ReviewWorkflowTests.open(w, "heshan")
        ReviewWorkflowTests.select(w, indicator: "在职人员控制率")
        w.press(.character("H"))
        guard let view = w.state.overlay as? HistoryView else { Issue.record("no history overlay"); return }
        let score = try #require(view.entries.first { $0.record.field == "reviewScore" })
        #expect(score.record.actor == "张三" && score.record.origin == "copy:L-1")
        let screen = w.screenText
        #expect(screen.contains("修改历史 · 1.1.1 在职人员控制率"))
        #expect(screen.contains("张三 · 副本 L-1 · 复核分"))
        #expect(screen.contains("（空） → 0.00"))
        #expect(screen.contains("张三 · 副本 L-1 · 核实值"))
        w.press(.escape)
        #expect(w.state.overlay == nil)
    }
}
