import Foundation
import Testing
import FuheApp
import FuheCore
import FuheStore
@testable import FuheUI
import FuheTestSupport

/// The cross-unit views read compact rows (`ItemTable`, `ItemFacts`, counts per category) and
/// judge them by the FuheCore rules; these tests compare what they show with the
/// straightforward computation over whole digests (`itemDigests`, `RectRow`, `CycleStats.compute`
/// over finding categories) on a generated store, on many days.
@Suite struct CycleViewEquivalenceTests {
    /// The sample store plus five earlier years of every sample unit whose items have their dates
    /// moved by a seeded random number of days (each item all of its dates by one offset, so the
    /// item rules still hold) and a random number of returns.
    static func generatedStore() throws -> SampleStore {
        let s = try SampleStore()
        var rng = SplitMix64(seed: 20261205)
        var copies: [Dossier] = []
        for d in try BundledData.samples(today: SampleStore.today) where !d.items.isEmpty {
            for year in 2015...2019 {
                var c = d
                c.cycle = EvaluationCycle(id: "C-GEN-\(year)-\(d.id)", fiscalYear: year, yearIsDemo: true, name: "\(year)年度生成")
                c.evaluation.id = "\(d.id)-GEN\(year)"
                c.evaluation.cycleID = c.cycle.id
                c.items = d.items.map { item in
                    let moved = Self.shifted(item, by: Int.random(in: -200...200, using: &rng), returns: Int.random(in: 0...3, using: &rng))
                    return ItemRules.validate(moved).isEmpty ? moved : item
                }
                copies.append(c)
            }
        }
        try s.store.importDossiers(copies, actor: "测试")
        return s
    }

    static func shifted(_ item: RectificationItem, by days: Int, returns: Int) -> RectificationItem {
        var i = item
        let move = { (d: CalendarDay) in d.adding(days: days) }
        i.createdOn = move(i.createdOn)
        i.deadline = move(i.deadline)
        i.nextCheckOn = i.nextCheckOn.map(move)
        i.submittedOn = i.submittedOn.map(move)
        i.longTermSince = i.longTermSince.map(move)
        i.closedOn = i.closedOn.map(move)
        i.progress = i.progress.map { var p = $0; p.date = move(p.date); return p }
        i.deadlineHistory = i.deadlineHistory.map { var h = $0; h.old = move(h.old); h.new = move(h.new); h.on = move(h.on); return h }
        i.escalations = i.escalations?.map { var e = $0; e.date = move(e.date); return e }
        i.returnCount = returns
        return i
    }

    static let days = stride(from: -180, through: 180, by: 9).map { SampleStore.today.adding(days: $0) }

    @Test func theItemTableHoldsEveryDigestInOrder() throws {
        let s = try Self.generatedStore()
        defer { s.remove() }
        let digests = try s.store.itemDigests()
        #expect(digests.count > 100)
        let table = try s.store.itemTable()
        #expect(table.digests == digests)
        #expect(ItemTable(digests).digests == digests)
        #expect(try s.store.itemFacts().sorted(by: Self.factsOrder) == digests.map(\.facts).sorted(by: Self.factsOrder))
    }

    @Test func standingsAreTheRulesVerdictOnEveryDay() throws {
        let s = try Self.generatedStore()
        defer { s.remove() }
        let digests = try s.store.itemDigests()
        let table = try s.store.itemTable()
        var seen = (overdue: 0, dueSoon: 0, candidates: 0, longTermChecks: 0)
        for day in Self.days {
            for (i, d) in digests.enumerated() {
                let old = RectRow(d, today: day)
                let standing = ItemStanding(table.rows[i].facts, today: day)
                #expect(standing.state == old.state && standing.bucket == old.bucket && standing.reasons == old.reasons, "\(d.itemID) \(day)")
                // The whole item's own rule agrees with the digest's.
                if old.state.isOverdue { seen.overdue += 1 }
                if old.state.dueSoon { seen.dueSoon += 1 }
                if !old.reasons.isEmpty { seen.candidates += 1 }
                if old.due.nextCheck != nil { seen.longTermChecks += 1 }
            }
        }
        // The generated store reaches every branch of the rules.
        #expect(seen.overdue > 0 && seen.dueSoon > 0 && seen.candidates > 0 && seen.longTermChecks > 0, "\(seen)")
    }

    @Test func dashboardFiguresEqualTheStraightforwardComputation() throws {
        let s = try Self.generatedStore()
        defer { s.remove() }
        for day in Self.days {
            let old = CycleStats.compute(units: try s.store.cycleUnits(today: day), findings: try s.store.findingCategories(),
                                         items: try s.store.itemDigests(), today: day)
            #expect(try s.store.cycleStats(today: day) == old, "\(day)")
        }
        let thresholds = EscalationThresholds(overdueDays: 3, stalledDays: 10, returns: 1)
        let old = CycleStats.compute(units: try s.store.cycleUnits(), findings: try s.store.findingCategories(),
                                     items: try s.store.itemDigests(), today: SampleStore.today, thresholds: thresholds)
        #expect(try s.store.cycleStats(today: SampleStore.today, thresholds: thresholds) == old)
    }

    @Test func theItemsPageShowsWhatFilteringWholeRowsShows() throws {
        let s = try Self.generatedStore()
        defer { s.remove() }
        let digests = try s.store.itemDigests()
        let table = try s.store.itemTable()
        let respUnit = try #require(digests.first?.respUnit)
        var filters: [RectOverviewFilter] = RectOverviewFilter.View.allCases.map { var f = RectOverviewFilter(); f.view = $0; return f }
        for status in RectOverviewFilter.statusCycle { var f = RectOverviewFilter(); f.status = status; filters.append(f) }
        for bucket in AgeingBucket.allCases { var f = RectOverviewFilter(); f.view = .overdue; f.bucket = bucket; filters.append(f) }
        var f = RectOverviewFilter()
        f.respUnit = respUnit
        f.type = digests.first?.rectType
        filters.append(f)
        for day in Self.days.prefix(20) {
            let rows = digests.map { RectRow($0, today: day) }
            for filter in filters {
                for sort in [nil] + RectOverviewPage.titles.map({ ColumnSort(column: $0, descending: false) }) {
                    var page = RectOverviewPage()
                    page.filter = filter
                    page.sort = sort
                    page.receive(table, today: day)
                    let expected = ListSort.sorted(rows.indices.filter { filter.matches(rows[$0]) }, by: sort, in: Self.sortColumns(rows))
                    #expect(page.shown == expected, "\(filter.description) \(sort?.label ?? "") \(day)")
                    #expect(page.shown.map { page.row($0) } == expected.map { rows[$0] })
                    #expect(page.summary == RectSummary(rows))
                    #expect(page.shownSummary == RectSummary(expected.map { rows[$0] }))
                }
            }
        }
    }

    /// The page's sort columns as they were over whole rows.
    static func sortColumns(_ rows: [RectRow]) -> [SortColumn<Int>] {
        [
            SortColumn("单位") { ListSort.text(rows[$0].item.unitName) },
            SortColumn("类型") { .number(RectType.allCases.firstIndex(of: rows[$0].item.rectType) ?? 0) },
            SortColumn("责任单位/人") { .text(rows[$0].item.respUnit + rows[$0].item.respPerson) },
            SortColumn("时限") { .number(rows[$0].item.deadline.dayNumber) },
            SortColumn("逾期", descending: true) { rows[$0].state.isOverdue ? .number(rows[$0].state.daysOverdue) : nil },
            SortColumn("状态") { .number(RectStatus.allCases.firstIndex(of: rows[$0].item.status) ?? 0) },
            SortColumn("退回", descending: true) { .number(rows[$0].item.returnCount) },
            SortColumn("督办", descending: true) { .number(rows[$0].reasons.count * 100 + rows[$0].item.escalationCount) },
        ]
    }

    @Test func theDashboardDrawsTheLinesItWouldPrint() throws {
        let s = try Self.generatedStore()
        defer { s.remove() }
        let stats = try s.store.cycleStats(today: SampleStore.today)
        #expect(stats.heat.count > 10)
        for width in [80, 120, 160] {
            let page = DashboardLines.Page(stats, width: width)
            let all = (0..<page.count).map(page.line)
            #expect(all == DashboardLines.lines(stats, width: width))
            // The heat map's title and legend fit the width the dashboard gives them.
            #expect(DashboardLines.heatHead(stats, width: width).lines.prefix(2).allSatisfy { $0.text.displayWidth <= width - 2 })
        }
    }

    static func factsOrder(_ a: ItemFacts, _ b: ItemFacts) -> Bool {
        (a.createdOn, a.deadline, a.status.rawValue, a.returnCount, a.lastProgressOn?.dayNumber ?? -1, a.nextCheckOn?.dayNumber ?? -1)
            < (b.createdOn, b.deadline, b.status.rawValue, b.returnCount, b.lastProgressOn?.dayNumber ?? -1, b.nextCheckOn?.dayNumber ?? -1)
    }
}
