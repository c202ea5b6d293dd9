import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport
@testable import FuheUI
import GRDB

/// The unit list read a window at a time (`unitPage`, SQL) gives exactly the rows, order and
/// counts of the whole list sorted by `UnitOrdering` (Swift), for every sort column, direction
/// and filter, on a generated store with ties, missing values and overdue items.
@Suite struct UnitPageTests {
    static let today = CalendarDay("2026-11-23")!

    /// The sample store plus `copies` generated dossiers with varied summary columns.
    static func generatedStore(copies: Int = 260) throws -> SampleStore {
        let s = try SampleStore()
        var seed: UInt64 = 0x5eed_1234
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        func maybe<T>(_ value: T) -> T? { next(4) == 0 ? nil : value }
        let grades: [String?] = [nil, "", "优", "良", "中", "差", "優", "良好", "合格", "不合格", "较差", "优秀", "一般", "其他"]
        let statuses: [String?] = [nil, "DRAFT", "SUBMITTED", "FINAL"]
        let types = ["PROJECT", "DEPT_OVERALL", "SPECIAL_FUND"]
        try s.store.queue.write { db in
            let originals = try String.fetchAll(db, sql: "SELECT id FROM dossier ORDER BY id")
            for n in 0..<copies {
                let source = originals[n % originals.count]
                let id = String(format: "G-%04d", next(10_000)) + "-\(n)"
                let sortKey = ["a", "b", "c", "huang", "yue"][next(5)]
                try db.execute(sql: """
                    INSERT INTO dossier SELECT ?, unit_id, cycle_id, template_id, evaluation_json, self_team_json, review_json,
                        unit_name || ?, ?, ?, year_is_demo, ?, status, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, total_items, updated_at, l1_scores, application
                    FROM dossier WHERE id = ?
                    """, arguments: [id, "\(n)", sortKey, 2020 + next(3), types[next(3)], statuses[next(4)],
                                     maybe(next(5) * 2_000 + 5_000), grades[next(grades.count)], maybe(next(5) * 2_000 + 5_000),
                                     next(2), grades[next(grades.count)], next(4), [0, 3, 4, 8][next(4)], next(3), next(4), source])
                if next(2) == 0 { try db.execute(sql: "INSERT INTO sample_dossier VALUES (?)", arguments: [id]) }
                try db.execute(sql: """
                    INSERT INTO rect_item SELECT ?, id, finding_id, seq, status, deadline, ?, json, measure, rect_type, resp_unit,
                        resp_person, created_on, submitted_on, next_check_on, long_term_since, last_progress_on, return_count,
                        escalation_count, last_escalation
                    FROM rect_item WHERE dossier_id = ?
                    """, arguments: [id, ["2026-10-01", "2026-11-23", "2026-12-30", nil][next(4)], source])
            }
        }
        return s
    }

    static let filters: [UnitFilter] = {
        var all: [UnitFilter] = [.all, UnitFilter(notStartedOnly: true), UnitFilter(flaggedOnly: true), UnitFilter(overdueOnly: true),
                                 UnitFilter(evalType: .project, flaggedOnly: true, overdueOnly: true)]
        all += EvalType.allCases.map { UnitFilter(evalType: $0) }
        all += ReviewStatus.allCases.map { UnitFilter(reviewStatus: $0) }
        return all
    }()

    static let orders: [UnitOrder?] = [nil] + UnitSortColumn.allCases.flatMap { [UnitOrder($0, descending: false), UnitOrder($0, descending: true)] }

    @Test func windowedPagesAreTheWholeListForEverySortAndFilter() throws {
        let s = try Self.generatedStore()
        defer { s.remove() }
        var checked = 0
        for filter in Self.filters {
            let natural = try s.store.unitList(today: Self.today, filter: filter)
            for order in Self.orders {
                let full = UnitOrdering.sorted(natural, by: order)
                var read: [UnitSummary] = []
                var start = 0
                repeat {
                    let page = try s.store.unitPage(UnitPageRequest(filter: filter, order: order, today: Self.today, start: start, limit: 37))
                    #expect(page.total == full.count && page.samples == full.count { $0.isSample }, "\(filter) \(String(describing: order))")
                    #expect(page.start == min(start, max(0, full.count - 37)))
                    read += page.rows.dropFirst(start - page.start)
                    start += 37
                } while start < full.count
                #expect(read.map(\.dossierID) == full.map(\.dossierID), "order differs: \(filter) \(String(describing: order))")
                #expect(read == full, "rows differ: \(filter) \(String(describing: order))")
                #expect(try s.store.unitKeys(filter: filter, order: order, today: Self.today) == full.map(UnitKey.init))
                // Where a unit is: at its index in the whole list, the page around it; absent when filtered out.
                for i in stride(from: 0, to: full.count, by: max(1, full.count / 7)) {
                    let page = try s.store.unitPage(UnitPageRequest(filter: filter, order: order, today: Self.today, limit: 30,
                                                                    anchor: full[i].dossierID))
                    #expect(page.anchorIndex == i, "anchor \(full[i].dossierID) \(filter) \(String(describing: order))")
                    #expect(page.rows.map(\.dossierID) == Array(full[page.start..<min(full.count, page.start + 30)]).map(\.dossierID))
                    #expect(page.rows.contains { $0.dossierID == full[i].dossierID })
                }
                let missing = try s.store.unitList(today: Self.today).first { u in !full.contains { $0.dossierID == u.dossierID } }
                if let missing {
                    #expect(try s.store.unitPage(UnitPageRequest(filter: filter, order: order, today: Self.today, limit: 30,
                                                                  anchor: missing.dossierID)).anchorIndex == nil)
                }
                checked += 1
            }
        }
        #expect(checked == Self.filters.count * Self.orders.count)
    }

    /// The generated store has what makes an order hard: ties, missing keys, overdue and not.
    /// Each shown unit's overdue count is a look into the small partial index of the items that
    /// can be overdue (`v12-overdue-count-index`), not a walk of the items' wide rows.
    @Test func overdueCountsAreReadFromTheirIndex() throws {
        let s = try Self.generatedStore(copies: 20)
        defer { s.remove() }
        let plan = try s.store.queue.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT d.id, \(UnitListSQL.overdueOfRow) FROM dossier d", arguments: ["2026-11-23"])
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("COVERING INDEX rect_item_overdue_of") }, "\(plan)")
    }

    @Test func theGeneratedStoreHasTiesAndGaps() throws {
        let s = try Self.generatedStore()
        defer { s.remove() }
        let all = try s.store.unitList(today: Self.today)
        #expect(all.count == 271)
        #expect(all.contains { $0.reviewTotal == nil } && all.contains { $0.delta != nil } && all.contains { $0.delta == nil })
        #expect(all.contains { $0.overdueItems > 0 } && all.contains { $0.overdueItems == 0 && $0.openItems > 0 })
        #expect(Set(all.compactMap { GradeRank.rank($0.grade) }).count == 5)
        #expect(all.contains { $0.scorableRows == 0 } && all.contains { $0.isSample } && all.contains { !$0.isSample })
    }
}

/// The workstation's unit list holds a window of the list: moving past it reads the next one,
/// and sorting, filtering, search, the palette and a reload keep the cursor on the unit by id.
@Suite struct UnitWindowTests {
    @Test func theCursorCrossesWindowsAndKeepsItsUnit() throws {
        let s = try UnitPageTests.generatedStore()
        defer { s.remove() }
        let full = try s.store.unitList(today: UnitPageTests.today)
        let w = SampleStore.workstation(on: s.store, clock: s.clock, width: 80, height: 24)
        let pane = { w.state[UnitsPane.self] }
        #expect(pane().total == full.count && pane().units.count == UnitsPane.windowRows && pane().windowStart == 0)
        #expect(w.screenText.contains("单位 (271)"))
        // To the end: the window moves to the end of the list.
        w.press(.character("G"))
        #expect(w.state.selectedUnit?.dossierID == full.last?.dossierID)
        #expect(pane().windowStart > 0 && pane().windowStart + pane().units.count == full.count)
        #expect(w.screenText.contains(full.last!.unitName))
        for _ in 0..<5 { w.press(.character("k")) }
        #expect(w.state.selectedUnit?.dossierID == full[full.count - 6].dossierID)
        // Down from the top, one key at a time, past the window's end.
        w.press(.character("g"))
        for i in 1...250 {
            w.press(.character("j"))
            if w.state.selectedUnit?.dossierID != full[i].dossierID { Issue.record("after \(i) moves: \(String(describing: w.state.selectedUnit?.dossierID))"); break }
        }
        #expect(pane().windowStart > 0)
        // Sorting keeps the unit under the cursor; its index is its index in the sorted list.
        let kept = try #require(w.state.selectedUnit?.dossierID)
        w.press(.character(">"))
        let byYear = UnitOrdering.sorted(full, by: UnitOrder(.year, descending: true))
        #expect(w.state.selectedUnit?.dossierID == kept)
        #expect(pane().position.cursor == byYear.firstIndex { $0.dossierID == kept })
        w.press(.character("~"))
        #expect(w.state.selectedUnit?.dossierID == kept)
        // A filter that keeps the unit keeps the cursor on it (t: 项目 first); clearing it too.
        while w.state.selectedUnit?.evalType != .project { w.press(.character("j")) }
        let project = try #require(w.state.selectedUnit?.dossierID)
        w.press(.character("t"))
        #expect(w.state[UnitsPane.self].filter.evalType == .project)
        #expect(w.state.selectedUnit?.dossierID == project && w.state.unitCount == full.count { $0.evalType == .project })
        w.press(.character("c"))
        #expect(w.state.selectedUnit?.dossierID == project && w.state.unitCount == full.count)
        // Search reaches a unit outside the window.
        for _ in UnitSortColumn.allCases { w.press(.character(">")) }
        #expect(w.state[UnitsPane.self].sort == nil)
        w.press(.character("g"))
        let far = try #require(full.suffix(40).first { u in full.filter { $0.unitName.contains(u.unitName) }.count == 1 })
        w.press(.character("/"))
        w.type(far.unitName)
        w.press(.enter)
        #expect(w.state.selectedUnit?.dossierID == far.dossierID, "\(w.state.message ?? "")")
        // A reload (as after another session's commit) keeps the cursor by id.
        let before = w.state.selectedUnit?.dossierID
        w.run(.filterClear)
        #expect(w.state.selectedUnit?.dossierID == before)
    }
}
