import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport
import GRDB

/// `bulkLoad` (how `fuhe-bench` builds its 20,000-dossier store) stores exactly what an import
/// stores — rows, summary, baseline digests, the journal entry that brings a dossier in — and
/// the store it makes passes `check` and `verify`.
@Suite struct BulkLoadTests {
    private func fixtureDossiers() throws -> [Dossier] {
        let d = try Fixture.decode(Fixture.dossierJSON).dossiers[0]
        var second = d
        second.evaluation.id = "SE-2"
        return [d, second]
    }

    /// What the store holds, without times and journal hashes (which differ between two stores).
    private func contents(_ store: FuheStore) throws -> [String] {
        try store.queue.read { db in
            var out: [String] = []
            for sql in [
                "SELECT * FROM dossier ORDER BY id",
                "SELECT * FROM result ORDER BY dossier_id, node_id",
                "SELECT * FROM evidence ORDER BY dossier_id, id",
                "SELECT * FROM finding ORDER BY dossier_id, id",
                "SELECT * FROM rect_item ORDER BY dossier_id, id",
                "SELECT dossier_id, entity, entity_id, hex(digest) FROM entity_base ORDER BY dossier_id, entity, entity_id",
                "SELECT dossier_id, entity, entity_id, field, old, new FROM journal ORDER BY seq",
                "SELECT id, json FROM unit ORDER BY id", "SELECT id, json FROM cycle ORDER BY id",
                "SELECT id, json FROM template ORDER BY id",
            ] {
                for row in try Row.fetchAll(db, sql: sql) {
                    let cells = row.columnNames.filter { $0 != "updated_at" }.map { "\($0)=\(row[$0] as DatabaseValue)" }
                    out.append(cells.joined(separator: "|"))
                }
            }
            return out
        }
    }

    @Test func storesWhatAnImportStores() throws {
        let imported = try TempStore(loadFixture: false)
        let bulk = try TempStore(loadFixture: false)
        defer { imported.remove(); bulk.remove() }
        let dossiers = try fixtureDossiers()
        try imported.store.importDossiers(dossiers, actor: "测试")
        try bulk.store.bulkLoad(dossiers, actor: "测试", transactionSize: 1)
        #expect(try contents(bulk.store) == contents(imported.store))
        #expect(try bulk.store.check().integrityProblems.isEmpty)
        let verified = try bulk.store.verifyJournal()
        #expect(verified.isIntact, "\(verified.problem ?? "")")
        #expect(verified.entries == 2)
    }

    @Test func aDossierAlreadyStoredIsRefusedAndNothingOfItsTransactionIsWritten() throws {
        let t = try TempStore(loadFixture: false)
        defer { t.remove() }
        let dossiers = try fixtureDossiers()
        try t.store.bulkLoad([dossiers[0]], actor: "测试")
        let before = try contents(t.store)
        #expect(throws: StoreError.self) { try t.store.bulkLoad([dossiers[1], dossiers[0]], actor: "测试") }
        #expect(try contents(t.store) == before)
        #expect(try t.store.verifyJournal().isIntact)
    }

    @Test func aDossierBreakingAStoredRuleIsRefused() throws {
        let t = try TempStore(loadFixture: false)
        defer { t.remove() }
        var d = try fixtureDossiers()[0]
        let nodeID = try #require(d.results.keys.sorted().first)
        d.results[nodeID]?.reviewScore = Score(hundredths: 999_900)   // far above any indicator's maximum
        #expect(throws: StoreError.self) { try t.store.bulkLoad([d], actor: "测试") }
        #expect(try t.store.dossierIDs().isEmpty)
    }
}
