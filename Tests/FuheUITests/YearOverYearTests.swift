import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Issue 13 item 6 by keys: a unit's years linked and side by side; last year's open items in
/// this year's review; a finding repeated from last year flagged 重复问题.
@Suite struct YearOverYearTests {
    static func store() throws -> SampleStore {
        let s = try SampleStore()
        try s.store.importDossiers([try PreviousYear.huangtukuang2019()], actor: "测试")
        return s
    }

    static func open2020(_ w: Workstation) {
        w.press(.character("/"))
        w.type("SE-HTK-2020")
        w.press(.enter, .enter)
    }

    @Test func lastYearsOpenItemAppearsInThisYearsReview() throws {
        let s = try Self.store()
        defer { s.remove() }
        let w = s.workstation()
        Self.open2020(w)
        #expect(w.state.dossier?.id == "SE-HTK-2020")
        let carried = ItemsPane.carried(w.state)
        #expect(carried.map(\.itemID) == ["RI-HTK19-01"])
        #expect(carried.first?.deadlineState(today: SampleStore.today).isOverdue == true)
        #expect(w.screenText.contains("上年未完成 1"))
        // The carried row comes after this year's; J opens 2019 on it.
        w.press(.tab, .character("G"))
        #expect(ItemsPane.selectedCarried(w.state)?.itemID == "RI-HTK19-01")
        w.press(.character("p"))
        #expect(w.state.message?.contains("2019 年度的整改事项") == true)
        w.press(.character("J"))
        #expect(w.state.dossier?.id == PreviousYear.dossierID)
        #expect(w.state.selectedItem?.id == "RI-HTK19-01")
        #expect(w.state.focus == .items)
    }

    @Test func theUnitsYearsSideBySide() throws {
        let s = try Self.store()
        defer { s.remove() }
        let w = s.workstation(width: 160, height: 48)
        Self.open2020(w)
        w.press(.character("Y"))
        let page = try #require(w.state.overlay as? YearsPage)
        #expect(page.columns.map(\.fiscalYear) == [2019, 2020])
        #expect(page.chosen == 0)
        let lines = page.lines()
        #expect(lines.first { $0.label == "自评总分" }?.cells == ["88.00", "90.00"])
        #expect(lines.first { $0.label == "等次 自评/复核" }?.cells.first == "良/优")
        #expect(lines.contains { $0.label.contains("公务接待费") })
        #expect(lines.contains { $0.label == "  投入" })
        #expect(w.screenText.contains("年度对比 · 黄土矿镇政府（2 个年度）"))
        w.press(.enter)
        #expect(w.state.dossier?.id == PreviousYear.dossierID)
    }

    @Test func aFindingRepeatedFromLastYearIsFlagged() throws {
        let s = try Self.store()
        defer { s.remove() }
        let w = s.workstation()
        Self.open2020(w)
        // Existing findings compared with 2019: F-HTK-05 (三公 ratio, 2.1.4) repeats F-HTK19-01.
        w.press(.character("P"), .character("r"))
        var d = try s.store.dossier(id: "SE-HTK-2020")
        #expect(d.findings.first { $0.id == "F-HTK-05" }?.repeatOf == "\(PreviousYear.dossierID)/F-HTK19-01")
        #expect(d.findings.filter { $0.repeatOf != nil }.count >= 1)
        #expect(w.state.message?.contains("标记重复问题") == true)
        // A new finding like last year's is flagged when it is recorded.
        w.press(.escape, .character("/"))
        w.type("2.1.4")
        w.press(.enter, .character("f"))
        for _ in 0..<FindingCategory.allCases.count where (w.state.overlay as? FormState)?.value("category") != "计算错误" { w.press(.right) }
        w.press(.tab, .ctrl("u"))
        w.type("“三公”经费表节约比率计算错误，公务接待费比率列示有误")
        w.press(.ctrl("s"))
        #expect(w.state.message?.contains("重复问题：2019 年度问题 1") == true, "\(w.state.message ?? "") \(w.state.overlay.map { "\($0)" } ?? "")")
        d = try s.store.dossier(id: "SE-HTK-2020")
        #expect(d.findings.last?.repeatOf == "\(PreviousYear.dossierID)/F-HTK19-01")
        // The dashboard counts them.
        #expect(try s.store.cycleStats(today: SampleStore.today).repeatFindings == d.findings.filter { $0.repeatOf != nil }.count)
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func screens(width: Int, height: Int) throws {
        let s = try Self.store()
        defer { s.remove() }
        let w = s.workstation(width: width, height: height)
        Self.open2020(w)
        w.press(.character("Y"))
        assertSnapshot(w.screenText, named: "years-\(width)x\(height)")
        w.press(.escape, .tab, .character("G"))
        assertSnapshot(w.screenText, named: "items-carried-\(width)x\(height)")
        #expect(ScreenTests.widthsFit(Renderer.render(w.state)))
    }
}
