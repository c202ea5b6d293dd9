import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport
import GRDB

/// What a merge reads and writes in bulk must be what the one-at-a-time paths read and write:
/// the store's SHA-256 gives FuheCore's digests, the held dossiers are `dossier(id:)`'s, the
/// compare-and-set reads what one `SELECT` per entity read, and values bound directly are
/// stored as GRDB stores them.
@Suite struct MergeReadsTests {
    static let yizhang = "SE-YZ-2019"
    static let heshan = "SE-HS-ZWZX-2021"

    /// swift-crypto's SHA-256 behind FuheCore's rules gives the same digests as FuheCore's own,
    /// for every length across the block boundaries, every journal entry and every snapshot.
    @Test func theStoreHashesAsFuheCoreHashes() {
        for n in 0..<300 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            #expect(bytes.withUnsafeBufferPointer { StoreSHA256.hex($0) } == SHA256.hex(bytes), "\(n) bytes")
        }
        let record = JournalRecord(actor: "王某", origin: "copy:L-1", dossierID: "SE-1", entity: "result", entityID: "T1-1.1", field: "reviewNote",
                                   old: nil, new: "现场核查：编制文件\u{3000}已补", reason: "合并")
        // The pinned hash of `MergeSummaryTests.journalHashIsPinned`, through the store's hasher.
        #expect(JournalChain.hash(previous: String(repeating: "ab", count: 32), at: "2026-12-06T13:00:00.000+08:00", record: record, batch: 42)
                == "8dca70748a50d31f7979b754f4914edc90dea14376198f565a204ff11a16e828")
        var long = record
        long.old = String(repeating: "長", count: 200)
        long.session = "S-1"
        long.reason = nil
        for r in [record, long] {
            for encoding in [JournalHash.Encoding.v1, .v2] {
                #expect(JournalChain.hash(previous: "p", at: "t", record: r, batch: 7, encoding: encoding)
                        == JournalHash.hash(previous: "p", at: "t", record: r, batch: 7, encoding: encoding))
            }
        }
        let snapshot: EntitySnapshot = [
            EntityKey(dossierID: "SE-2", entity: "result", id: "T1"): String(repeating: "{\"reviewNote\":\"复核\"}", count: 9),
            EntityKey(dossierID: "SE-1", entity: "review", id: "SE-1"): "",
        ]
        #expect(EntitySnapshots.digest(snapshot) == CopyChecks.digest(snapshot))
        #expect(EntitySnapshots.digest([:]) == CopyChecks.digest([:]))
    }

    /// The dossiers a merge holds, read by `fuhe check`'s block reader and decoded ahead, are the
    /// dossiers `dossier(id:)` reads; a dossier no longer stored is left out.
    @Test func heldDossiersAreThoseDossierReads() throws {
        let main = try SampleStore()
        defer { main.remove() }
        let ids = [Self.heshan, "SE-GONE", Self.yizhang]
        let texts = try MergeHeldDossiers.texts(ids, from: main.store.queue)
        #expect(texts.map(\.id) == [Self.heshan, Self.yizhang])
        let held = try MergeHeldDossiers(decoding: texts)
        let templates = try main.store.queue.read { db in
            try Dictionary(uniqueKeysWithValues: texts.map { ($0.templateID, try #require(try FuheStore.template(id: $0.templateID, db))) })
        }
        for id in [Self.heshan, Self.yizhang] {
            #expect(try held.dossier(id, templates: templates) == main.store.dossier(id: id))
        }
        #expect(throws: StoreError.self) { try held.dossier("SE-GONE", templates: templates) }
        // `fuhe check` still refuses an id that is not stored.
        var known: [String: IndicatorTemplate] = [:]
        #expect(throws: StoreError.self) { try main.store.queue.read { db in try DossierBatch.read(ids, db, templates: &known) } }
    }

    /// A prepared merge holds the lease's dossiers as `dossier(id:)` reads them when the plan was
    /// made (read on main's side of the preparation, beside the copy's checks); the commit lays
    /// its writes over these.
    @Test func aPreparedMergeHoldsTheDossiersAsStored() throws {
        let main = try SampleStore()
        defer { main.remove() }
        let path = main.directory.appendingPathComponent("site.sqlite").path
        try main.store.checkout(dossierIDs: [Self.heshan, Self.yizhang], to: path, holder: "张三", actor: "王某")
        let prepared = try main.store.prepareMerge(copyPath: path)
        defer { prepared.copyLock?.release() }
        let held = try #require(try prepared.held?.get())
        for id in [Self.heshan, Self.yizhang] {
            let stored = try main.store.dossier(id: id)
            #expect(try held.dossier(id, templates: [stored.template.id: stored.template]) == stored)
        }
        #expect(prepared.mainJournalSeq == (try main.store.queue.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM journal") }))
    }

    /// The compare-and-set reads each dossier's entities with one statement per table: the same
    /// texts (and absences) as one `SELECT` per entity.
    @Test func theCompareAndSetReadsWhatEachSelectRead() throws {
        let main = try SampleStore()
        defer { main.remove() }
        let d = try main.store.dossier(id: Self.yizhang)
        var keys = d.results.keys.sorted().prefix(5).map { EntityKey(dossierID: Self.yizhang, entity: "result", id: $0) }
        keys += d.evidence.prefix(2).map { EntityKey(dossierID: Self.yizhang, entity: "evidence", id: $0.id) }
        keys += d.findings.prefix(2).map { EntityKey(dossierID: Self.yizhang, entity: "finding", id: $0.id) }
        keys += d.items.prefix(2).map { EntityKey(dossierID: Self.yizhang, entity: "item", id: $0.id) }
        keys += ["review", "evaluation"].map { EntityKey(dossierID: Self.yizhang, entity: $0, id: Self.yizhang) }
        keys += [EntityKey(dossierID: Self.yizhang, entity: "result", id: "T9-not-there"),
                 EntityKey(dossierID: Self.yizhang, entity: "item", id: "RI-not-there"),
                 EntityKey(dossierID: Self.heshan, entity: "review", id: Self.heshan),
                 EntityKey(dossierID: "SE-GONE", entity: "result", id: "T1")]
        try main.store.queue.read { db in
            let read = try FuheStore.currentTexts(of: keys, db)
            for key in keys {
                let one = try FuheStore.currentJSON(FuheStore.locate(key), db)
                #expect(read[key.dossierID]?[key] == .some(one), "\(key)")
            }
            #expect(read.values.map(\.count).reduce(0, +) == keys.count)
        }
        #expect(keys.filter { $0.entity != "result" && $0.dossierID == Self.yizhang }.count >= 4)
    }

    /// Values bound directly are stored as GRDB stores them: an empty text as text, nil as NULL,
    /// a text up to its first NUL.
    @Test func directlyBoundValuesAreStoredAsGRDBStoresThem() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (way TEXT, a, b, c, d, n)")
            let values: [String?] = ["", "复核\u{0}后面", nil, "现场核查"]
            try db.execute(sql: "INSERT INTO t VALUES ('grdb', ?, ?, ?, ?, ?)", arguments: StatementArguments(values + [Int64(42)]))
            let direct = try DirectStatement("INSERT INTO t VALUES ('direct', ?, ?, ?, ?, ?)", db)
            for _ in 0..<2 {
                for (i, v) in values.enumerated() { direct.bind(Int32(i + 1), v) }
                direct.bind(5, Int64(42))
                try direct.execute(db)
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT way, typeof(a), a, typeof(b), hex(b), typeof(c), typeof(d), d, typeof(n), n FROM t ORDER BY rowid
                """)
            #expect(rows.count == 3)
            let grdb = Array(rows[0].databaseValues.dropFirst())
            for row in rows.dropFirst() { #expect(Array(row.databaseValues.dropFirst()) == grdb) }
            #expect(grdb.map(\.description) == ["\"text\"", "\"\"", "\"text\"", "\"E5A48DE6A0B8\"", "\"null\"", "\"text\"", "\"现场核查\"", "\"integer\"", "42"])
        }
    }
}
