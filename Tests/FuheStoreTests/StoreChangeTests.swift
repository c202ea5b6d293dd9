import Foundation
import Testing
import FuheCore
import FuheExchange
@testable import FuheStore
import FuheTestSupport

@Suite struct StoreChangeTests {
    @Test func editIsJournalledFieldByField() throws {
        let t = try TempStore()
        defer { t.remove() }
        var d = try t.store.dossier(id: "SE-1")
        var row = d.result(for: "TX-2.1")
        row.reviewScore = Score("45")
        row.deductionReason = "制度已制定，但未见执行记录"
        row.status = .reviewed
        let batch = try t.store.apply([.result(row)], to: "SE-1", base: .seen(d), actor: "王某", reason: "复核")
        #expect(batch != nil)
        let entries = try t.store.journal(dossierID: "SE-1", entity: "result", entityID: "TX-2.1")
        #expect(Set(entries.map(\.record.field)) == ["reviewScore", "deductionReason", "status"])
        let score = try #require(entries.first { $0.record.field == "reviewScore" })
        #expect(score.record.old == nil && score.record.new == "\"45.00\"")
        #expect(score.record.actor == "王某" && score.record.reason == "复核")
        d = try t.store.dossier(id: "SE-1")
        #expect(d.results["TX-2.1"]?.reviewScore == Score("45"))
    }

    @Test func unchangedEditWritesNothing() throws {
        let t = try TempStore()
        defer { t.remove() }
        let d = try t.store.dossier(id: "SE-1")
        let before = try t.store.journalCount()
        #expect(try t.store.apply([.result(d.result(for: "TX-1.1"))], to: "SE-1", base: .seen(d), actor: "王某") == nil)
        #expect(try t.store.journalCount() == before)
    }

    @Test func summaryFollowsEveryWrite() throws {
        let t = try TempStore()
        defer { t.remove() }
        var list = try t.store.unitList(today: CalendarDay("2022-07-05")!)
        #expect(list.count == 1)
        #expect(list[0].selfTotal == Score("98.50"))
        #expect(list[0].reviewedRows == 1 && list[0].scorableRows == 3)
        #expect(list[0].openItems == 1 && list[0].overdueItems == 1)
        #expect(try t.store.unitList(today: CalendarDay("2022-06-30")!)[0].overdueItems == 0)

        var d = try t.store.dossier(id: "SE-1")
        for (id, score) in [("TX-1.2", "5"), ("TX-2.1", "80")] {
            var row = d.result(for: id)
            row.reviewScore = Score(score)
            row.status = .reviewed
            row.deductionReason = "依据佐证材料"
            try t.store.apply([.result(row)], to: "SE-1", base: .seen(d), actor: "王某")
            d.results[id] = row
        }
        list = try t.store.unitList(today: CalendarDay("2022-07-05")!)
        #expect(list[0].reviewTotal == Score("85"))
        #expect(list[0].reviewComplete)
        #expect(list[0].reviewGrade == "良")
        #expect(list[0].delta == Score("13.50"))
    }

    @Test func ruleViolationRollsBackTheWholeChange() throws {
        let t = try TempStore()
        defer { t.remove() }
        var d = try t.store.dossier(id: "SE-1")
        var row = d.result(for: "TX-2.1")
        row.reviewScore = Score("10")
        var item = d.items[0]
        item.status = .closed   // no evidence, no completion: K-003
        let before = try t.store.journalCount()
        #expect(throws: StoreError.self) { try t.store.apply([.result(row), .item(item)], to: "SE-1", base: .seen(d), actor: "王某") }
        d = try t.store.dossier(id: "SE-1")
        #expect(d.results["TX-2.1"]?.reviewScore == nil)
        #expect(d.items[0].status == .pending)
        #expect(try t.store.journalCount() == before)
    }

    @Test func filtersNarrowTheList() throws {
        let t = try TempStore()
        defer { t.remove() }
        let today = CalendarDay("2022-07-05")!
        #expect(try t.store.unitList(today: today, filter: UnitFilter(overdueOnly: true)).count == 1)
        #expect(try t.store.unitList(today: CalendarDay("2022-06-01")!, filter: UnitFilter(overdueOnly: true)).isEmpty)
        #expect(try t.store.unitList(today: today, filter: UnitFilter(evalType: .project)).isEmpty)
        #expect(try t.store.unitList(today: today, filter: UnitFilter(flaggedOnly: true)).count == 1)
    }

    @Test func checkFindsNoProblemsInAHealthyStore() throws {
        let t = try TempStore()
        defer { t.remove() }
        let report = try t.store.check()
        #expect(report.integrityProblems.isEmpty)
        let codes = Set(report.dossierMessages.flatMap { $0.messages.map(\.code) })
        #expect(codes.contains("D-004"))
    }
}
