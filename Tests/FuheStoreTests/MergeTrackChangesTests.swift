import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport

/// A merge's decisions and the values it did not take are journalled, and history orders every
/// change by the time it was made (a site's edit among the main store's own).
@Suite struct MergeTrackChangesTests {
    static let heshan = "SE-HS-ZWZX-2021"
    static let row = "T4-1.1.1"

    @Test func takingMainsValueLeavesTheCopysValueInTheJournal() throws {
        let main = try SampleStore()
        defer { main.remove() }
        let copyPath = main.directory.appendingPathComponent("site.sqlite").path
        try main.store.checkout(dossierIDs: [Self.heshan], to: copyPath, holder: "张三", actor: "王某")
        do {
            // The site edits the copy (and closes it before it is merged).
            let copy = try FuheStore.open(path: copyPath, createIfMissing: false, clock: main.clock)
            var row = try copy.dossier(id: Self.heshan).result(for: Self.row)
            row.deductionReason = "副本：实有11人"
            try copy.apply([.result(row)], to: Self.heshan, base: .unconditional, actor: "张三", reason: "现场核查")
        }
        var mainRow = try main.store.dossier(id: Self.heshan).result(for: Self.row)
        mainRow.deductionReason = "主库：待核实"
        try main.store.apply([.result(mainRow)], to: Self.heshan, base: .unconditional, actor: "王某")
        let prepared = try main.store.prepareMerge(copyPath: copyPath)
        let conflict = try #require(prepared.plan.conflicts.first)
        try main.store.commitMerge(prepared, decisions: [conflict.id: .main], actor: "王某")
        #expect(try main.store.dossier(id: Self.heshan).result(for: Self.row).deductionReason == "主库：待核实")
        let history = try main.store.history(dossierID: Self.heshan, entity: "result", entityID: Self.row)
        let decision = try #require(history.first { $0.record.entity == "decision" })
        #expect(decision.record.field == "deductionReason")
        #expect(decision.record.old == "\"副本：实有11人\"" && decision.record.new == "\"主库：待核实\"")
        #expect(decision.record.reason?.contains("取主库") == true)
        // History is newest first by time; the decision and the main edit are both in it.
        #expect(history.map(\.at) == history.map(\.at).sorted(by: >))
        #expect(history.contains { $0.record.entity == "result" && $0.record.new == "\"主库：待核实\"" })
        #expect(try main.store.verifyJournal().isIntact)
    }

    @Test func aNumberOutOfRangeIsRefusedByTheStoreAndFoundByCheck() throws {
        let t = try TempStore()
        defer { t.remove() }
        var finding = try #require(try t.store.dossier(id: "SE-1").findings.first)
        finding.seq = Int.max
        #expect(throws: StoreError.self) { try t.store.apply([.finding(finding)], to: "SE-1", base: .unconditional, actor: "王某") }
        try TempSQL.execute(t.path, "UPDATE finding SET json = replace(json, '\"seq\":1', '\"seq\":9223372036854775807')")
        #expect(try t.store.check().integrityProblems.contains { $0.contains("N-001") })
    }
}
