import Foundation
import Testing
import FuheCore
import FuheExchange
@testable import FuheStore
import GRDB
import FuheTestSupport

/// The bulk writes of issue 14 §5 (import, merge) write what they wrote before: the journal's
/// anchor moves once per write call instead of once per entry, and an import settles a shared
/// unit, cycle or template once instead of once per dossier — with the same store, journal and
/// messages, and nothing written when the transaction fails.
@Suite struct BulkWriteShapeTests {
    /// The anchor in `meta` after many fields journalled in one call: the count and the last hash,
    /// exactly what appending entry by entry left, and `verify` passes.
    @Test func anchorMovesOnceAndDescribesTheLastEntry() throws {
        let t = try TempStore()
        defer { t.remove() }
        let d = try t.store.dossier(id: "SE-1")
        let before = try t.store.journalCount()
        var rows: [StoreChange] = []
        for id in ["TX-1.1", "TX-1.2", "TX-2.1"] {
            var row = d.result(for: id)
            row.reviewNote = "现场核查：\(id)"
            row.deductionReason = "依据佐证材料（\(id)）"
            rows.append(.result(row))
        }
        #expect(try t.store.apply(rows, to: "SE-1", base: .seen(d), actor: "王某", reason: "复核") != nil)
        let count = try t.store.journalCount()
        #expect(count >= before + 5)   // two fields on each existing row, one entry for the new row TX-1.2
        let anchor = try t.store.journalAnchor()
        let last = try #require(try t.store.journal(limit: 1).first)
        let stored = try t.store.queue.read { db in
            (try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'journal_count'"),
             try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'journal_head'"),
             try String.fetchOne(db, sql: "SELECT hash FROM journal WHERE seq = ?", arguments: [last.seq]))
        }
        #expect(stored.0 == String(count) && anchor.count == count)
        #expect(stored.1 == stored.2 && stored.1 == anchor.head)
        #expect(try t.store.verifyJournal().isIntact)
    }

    /// A write call that fails on a later change leaves the journal, its anchor and the rows as
    /// they were (the entries already appended in the call are rolled back with it).
    @Test func aFailedCallLeavesJournalAndAnchorUnchanged() throws {
        let t = try TempStore()
        defer { t.remove() }
        let d = try t.store.dossier(id: "SE-1")
        let anchor = try t.store.journalAnchor()
        var good = d.result(for: "TX-1.2")
        good.reviewNote = "先写的一行"
        var bad = d.result(for: "TX-2.1")
        bad.reviewScore = Score("1000")   // beyond the indicator's weight: refused by the stored rules
        #expect(throws: (any Error).self) { try t.store.apply([.result(good), .result(bad)], to: "SE-1", base: .seen(d), actor: "王某") }
        #expect(try t.store.journalAnchor() == anchor)
        #expect(try t.store.dossier(id: "SE-1").results["TX-1.2"]?.reviewNote == d.results["TX-1.2"]?.reviewNote)
        #expect(try t.store.verifyJournal().isIntact)
    }

    /// Dossiers of one import sharing a unit, cycle and template: written once, each dossier's
    /// own rows and baseline as when imported one at a time.
    @Test func sharedValuesOfOneImportAreWrittenOnceAndTheStoreIsTheSame() throws {
        let together = try TempStore(loadFixture: false)
        let apart = try TempStore(loadFixture: false)
        defer { together.remove(); apart.remove() }
        let file = try Fixture.decode(Self.threeDossiers())
        #expect(file.dossiers.count == 3)
        try together.store.importDossiers(file.dossiers, actor: "测试")
        for d in file.dossiers { try apart.store.importDossiers([d], actor: "测试") }
        for d in file.dossiers {
            #expect(try together.store.dossier(id: d.id) == apart.store.dossier(id: d.id))
        }
        let rows = { (s: FuheStore, sql: String) in try s.queue.read { db in try Row.fetchAll(db, sql: sql).map { $0.description } } }
        for sql in ["SELECT id, name, json FROM unit ORDER BY id", "SELECT id, fiscal_year, json FROM cycle ORDER BY id",
                    "SELECT id, json FROM template ORDER BY id",
                    "SELECT dossier_id, entity, entity_id, hex(digest) FROM entity_base ORDER BY 1, 2, 3",
                    "SELECT dossier_id, entity, entity_id, field, old, new FROM journal ORDER BY seq"] {
            #expect(try rows(together.store, sql) == rows(apart.store, sql), "\(sql)")
        }
        #expect(try together.store.verifyJournal().isIntact)
    }

    /// A unit brought again with other content later in the same import is refused as before,
    /// naming the last dossier that brought the first content and the one that differs.
    @Test func aSharedUnitThatDiffersLaterIsRefusedNamingBothDossiers() throws {
        let t = try TempStore(loadFixture: false)
        defer { t.remove() }
        var dossiers = try Fixture.decode(Self.threeDossiers()).dossiers
        dossiers[2].unit.name = "另一个名称"
        let error = #expect(throws: StoreError.self) { try t.store.importDossiers(dossiers, actor: "测试") }
        let text = String(describing: error)
        #expect(text.contains("U-1") && text.contains("SE-2") && text.contains("SE-3"), "\(text)")
        #expect(!text.contains("SE-1"), "\(text)")
        #expect(try t.store.dossierIDs().isEmpty)
        #expect(try t.store.journalCount() == 0)
    }

    /// The fixture's dossier three times (SE-1…SE-3), sharing unit, cycle and template.
    static func threeDossiers() -> String {
        let one = Fixture.dossierJSON
        let body = one[one.range(of: "\"unit\"")!.lowerBound...].dropLast(2)
        let copies = (1...3).map { n in
            "{" + String(body).replacingOccurrences(of: "\"SE-1\"", with: "\"SE-\(n)\"").replacingOccurrences(of: "\"RV-1\"", with: "\"RV-\(n)\"") + "}"
        }
        return "{\"format\": \"fuhe.dossier/1\", \"as_of\": \"2022-05-20\", \"dossiers\": [" + copies.joined(separator: ",") + "]}"
    }
}
