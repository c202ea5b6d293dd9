import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport

@Suite struct UndoTests {
    @Test func revertUndoesAndRevertingTheRevertRedoes() throws {
        let t = try TempStore()
        defer { t.remove() }
        var d = try t.store.dossier(id: "SE-1")
        var row = d.result(for: "TX-2.1")
        row.reviewScore = Score("45")
        row.deductionReason = "制度执行记录缺失"
        let edit = try #require(try t.store.apply([.result(row)], to: "SE-1", base: .seen(d), actor: "王某", session: "s1"))
        let undo = try #require(try t.store.revert(batch: edit, actor: "王某", session: "s1"))
        d = try t.store.dossier(id: "SE-1")
        #expect(d.results["TX-2.1"]?.reviewScore == nil)
        #expect(d.results["TX-2.1"]?.deductionReason == nil)
        #expect(d.results["TX-2.1"]?.selfScore == Score("90"))
        #expect(try t.store.journal(dossierID: "SE-1").first?.record.reason == "撤销 #\(edit)")
        _ = try #require(try t.store.revert(batch: undo, actor: "王某", session: "s1"))
        d = try t.store.dossier(id: "SE-1")
        #expect(d.results["TX-2.1"]?.reviewScore == Score("45"))
        #expect(d.results["TX-2.1"]?.deductionReason == "制度执行记录缺失")
    }

    @Test func undoingACreatedItemRemovesIt() throws {
        let t = try TempStore()
        defer { t.remove() }
        let d = try t.store.dossier(id: "SE-1")
        var item = d.items[0]
        item.id = "RI-NEW"
        item.seq = 2
        let batch = try #require(try t.store.apply([.item(item)], to: "SE-1", base: .seen(d), actor: "王某", session: "s1"))
        #expect(try t.store.dossier(id: "SE-1").items.count == 2)
        try t.store.revert(batch: batch, actor: "王某", session: "s1")
        #expect(try t.store.dossier(id: "SE-1").items.map(\.id) == ["RI-1"])
        #expect(try t.store.unitList(today: CalendarDay("2022-07-05")!)[0].openItems == 1)
    }
}
