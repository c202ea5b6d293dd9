import Foundation
import Testing
import FuheApp
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Issue 13 item 4 by keys: any list sorted by any column (shown in the header), and the sorts,
/// filters and position remembered per store between runs.
@Suite struct SortAndMemoryTests {
    static func open(_ w: Workstation, _ query: String) {
        w.press(.character("/"))
        w.type(query)
        w.press(.enter, .enter)
    }

    /// Presses `>` until the focused list is sorted by `column`.
    static func sort(_ w: Workstation, by column: String) {
        for _ in 0..<12 where currentSort(w)?.column != column { w.press(.character(">")) }
    }

    static func currentSort(_ w: Workstation) -> ColumnSort? {
        switch w.state.focus {
        case .units: w.state[UnitsPane.self].sort
        case .sheet: w.state[ScoresheetPane.self].sort
        default: w.state[ItemsPane.self].sort
        }
    }

    @Test func unitsSortByDeltaProgressOverdueAndGrade() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        let natural = w.state.units.map(\.dossierID)
        Self.sort(w, by: "差异")
        #expect(w.state[UnitsPane.self].sort == ColumnSort(column: "差异", descending: true))
        let deltas = w.state.units.map { $0.delta?.hundredths }
        let known = deltas.compactMap { $0 }
        #expect(known.count >= 2)
        #expect(known == known.sorted(by: >))
        #expect(deltas.firstIndex(of: nil).map { i in deltas[i...].allSatisfy { $0 == nil } } ?? true)
        #expect(w.screenText.contains("差异▼"))
        w.press(.character("~"))
        #expect(w.state[UnitsPane.self].sort?.descending == false)
        #expect(w.state.units.compactMap { $0.delta?.hundredths } == known.sorted())
        Self.sort(w, by: "进度")
        let progress = w.state.units.filter { $0.scorableRows > 0 }.map { Double($0.reviewedRows) / Double($0.scorableRows) }
        #expect(progress == progress.sorted())
        Self.sort(w, by: "整改")
        #expect(w.state.units.map(\.overdueItems) == w.state.units.map(\.overdueItems).sorted(by: >))
        Self.sort(w, by: "等次")
        #expect(w.state.units.first?.grade == "优")
        // Back to the natural (pinyin) order through the cycle.
        for _ in 0..<12 where w.state[UnitsPane.self].sort != nil { w.press(.character("<")) }
        #expect(w.state.units.map(\.dossierID) == natural)
    }

    @Test func rowsSortByDeltaAndFlagsItemsByDeadlineStatusAndOverdue() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "fupin")
        let scored = try #require(w.state.scored)
        Self.sort(w, by: "差异")
        let diffs = w.state.sheetRows.compactMap { scored.rowDiff($0.node.id)?.hundredths }
        #expect(diffs.count >= 3)
        #expect(diffs == diffs.sorted(by: >))
        #expect(w.state.sheetRows.allSatisfy { $0.isLeaf })
        #expect(w.screenText.contains("差异▼"))
        Self.sort(w, by: "标记")
        let flags = w.state.sheetRows.map { RowWork.flagCodes($0.node.id, scored: scored).count }
        #expect(flags == flags.sorted(by: >))
        // Items: days overdue first, deadline, status.
        w.press(.tab)
        #expect(w.state.focus == .items)
        Self.sort(w, by: "时限")
        #expect(w.state.items.map(\.deadline) == w.state.items.map(\.deadline).sorted())
        Self.sort(w, by: "剩余/逾期")
        let first = try #require(w.state.items.first)
        #expect(Deadlines.state(of: first, today: SampleStore.today).isOverdue)
        Self.sort(w, by: "状态")
        let order = w.state.items.map { RectStatus.allCases.firstIndex(of: $0.status)! }
        #expect(order == order.sorted())
    }

    @Test func sortsFiltersAndPositionAreRememberedBetweenRuns() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let first = s.workstation()
        first.press(.character("s"), .character("s"))          // 复核中
        Self.sort(first, by: "差异")
        Self.open(first, "yueyangxian")
        first.press(.character("x"))                          // 未复核
        first.press(.character("j"), .character("j"))
        let node = try #require(first.state.selectedRow?.node.id)
        first.press(.tab)
        Self.sort(first, by: "时限")
        first.press(.character("j"))
        let item = try #require(first.state.selectedItem?.id)
        // Through JSON, as the file keeps it.
        let data = try JSONEncoder().encode(first.preferences)
        let remembered = try JSONDecoder().decode(ViewPreferences.self, from: data)

        let label = StoreLabel(name: "fuhe.sqlite", kind: "main")
        let second = Workstation(repository: StoreRepository(s.store, role: .leader), actor: Actor(name: "王某", role: .leader), storeLabel: label,
                                 clock: s.clock, width: 80, height: 24)
        second.start(restoring: remembered)
        #expect(second.state[UnitsPane.self].filter.reviewStatus == .draft)
        #expect(second.state[UnitsPane.self].sort == ColumnSort(column: "差异", descending: true))
        #expect(second.state.units.map(\.dossierID) == first.state.units.map(\.dossierID))
        #expect(second.state.dossier?.id == first.state.dossier?.id)
        #expect(second.state.selectedUnit?.dossierID == first.state.dossier?.id)
        #expect(second.state[ScoresheetPane.self].filter == .unreviewed)
        #expect(second.state.selectedRow?.node.id == node)
        #expect(second.state.focus == .units)
        #expect(second.state.selectedItem?.id == item)
        #expect(second.state[ItemsPane.self].sort?.column == "时限")
    }

    @Test func preferencesFileIsPerStoreAndPrivate() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let env = ["XDG_STATE_HOME": s.directory.appendingPathComponent("state").path]
        #expect(ViewPreferencesFile.load(for: s.store, environment: env) == nil)
        var p = ViewPreferences()
        p.unitSort = ColumnSort(column: "进度", descending: false)
        p.dossierID = "SE-YYX-TZGZ-2021"
        ViewPreferencesFile.save(p, for: s.store, environment: env)
        #expect(ViewPreferencesFile.load(for: s.store, environment: env) == p)
        let path = try #require(ViewPreferencesFile.path(for: s.store, environment: env))
        let storeID = try #require(try s.store.meta("store_id"))
        #expect(path.hasSuffix("fuhe/views/\(storeID).json"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Another store does not see it.
        let other = try SampleStore(samples: false)
        defer { other.remove() }
        #expect(ViewPreferencesFile.load(for: other.store, environment: env) == nil)
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func screens(width: Int, height: Int) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: width, height: height)
        Self.sort(w, by: "差异")
        assertSnapshot(w.screenText, named: "units-sorted-delta-\(width)x\(height)")
        Self.open(w, "fupin")
        Self.sort(w, by: "差异")
        assertSnapshot(w.screenText, named: "sheet-sorted-delta-\(width)x\(height)")
        #expect(ScreenTests.widthsFit(Renderer.render(w.state)))
    }
}
