import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Issue 13 item 7: the dashboard's figures, checked against the dossiers themselves, and the
/// page by keys.
@Suite struct DashboardTests {
    @Test func figuresAgreeWithTheDossiers() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let stats = try s.store.cycleStats(today: SampleStore.today)
        let dossiers = try s.store.dossierIDs().map { try s.store.dossier(id: $0) }
        let units = try s.store.unitList(today: SampleStore.today)
        #expect(stats.progress.units == dossiers.count)
        #expect(stats.progress.notStarted == dossiers.filter { $0.review == nil }.count)
        #expect(stats.progress.awaitingLeader == dossiers.filter { $0.review?.status == .submitted }.count)
        #expect(stats.progress.finalized == dossiers.filter { $0.review?.status == .finalized }.count)
        #expect(stats.progress.rowsLeft == units.reduce(0) { $0 + $1.scorableRows - $1.reviewedRows })
        // Grades self vs review.
        // A stated 優良 (the 扶贫 sample) is 优, not a row of its own.
        #expect(units.contains { $0.selfGrade == "優良" })
        #expect(!stats.grades.contains { $0.grade == "優良" || $0.grade == "优良" })
        let selfGood = units.filter { $0.selfGrade == "优" || $0.selfGrade == "優良" }.count
        let reviewGood = units.filter { $0.reviewComplete && $0.reviewGrade == "优" }.count
        let good = try #require(stats.grades.first { $0.grade == "优" })
        #expect(good.selfCount == selfGood && good.reviewCount == reviewGood)
        // Findings by category.
        let findings = dossiers.flatMap(\.findings)
        #expect(stats.findingTotal == findings.count)
        for c in stats.findings { #expect(c.count == findings.filter { $0.category == c.category }.count) }
        // Rectification from the items themselves.
        let items = dossiers.flatMap(\.items)
        let closed = items.filter { $0.status == .closed }.count
        let counted = items.filter { $0.status != .withdrawn }.count
        #expect(stats.rectification.closed == closed)
        #expect(stats.rectification.closureRate == RectSummary.percent(closed, counted))
        #expect(stats.rectification.overdue == items.filter { Deadlines.state(of: $0, today: SampleStore.today).isOverdue }.count)
        // The heat map: Δ per first-level indicator from the scored dossier.
        let yizhang = try #require(dossiers.first { $0.id == "SE-YZ-2019" })
        let scored = DossierScorer.score(yizhang, scheme: .mof4)
        let row = try #require(stats.heat.first { $0.dossierID == yizhang.id })
        for (i, name) in stats.heatColumns.enumerated() {
            guard let node = yizhang.template.nodes.first(where: { $0.parentID == nil && $0.name == name }) else {
                #expect(row.deltas[i] == nil); continue
            }
            #expect(row.deltas[i] == scored.rowDiff(node.id))
        }
    }

    @Test func dashboardByKeysShowsTheSameFigures() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: 160, height: 48)
        w.press(.character("Z"))
        let board = try #require(w.state.overlay as? Dashboard)
        #expect(board.stats == (try s.store.cycleStats(today: SampleStore.today)))
        let text = w.screenText
        #expect(text.contains("待组长定稿 1"))
        #expect(text.contains("差异热力图"))
        #expect(text.contains("▲+1.00"))
        #expect(text.contains("销号率 \(board.stats?.rectification.closureRate ?? "?")%"))
        w.press(.escape)
        // On a small screen it scrolls.
        let small = s.workstation(width: 80, height: 24)
        small.press(.character("Z"))
        // The heat map's legend fits 80 columns whole (it is a line of its own).
        #expect(small.screenText.contains("▲▲ 超过该项分值的20% · ▲ 自评高 · ＝ 相同 · ▼ 自评低"))
        small.press(.character("j"), .character("j"))
        #expect((small.state.overlay as? Dashboard)?.top == 2)
        w.press(.escape)
        #expect(w.state.overlay == nil)
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func screens(width: Int, height: Int) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: width, height: height)
        w.press(.character("Z"))
        assertSnapshot(w.screenText, named: "dashboard-\(width)x\(height)")
        #expect(ScreenTests.widthsFit(Renderer.render(w.state)))
    }
}
