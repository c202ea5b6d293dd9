import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport
import GRDB

/// `verify` beyond the chain's links: the anchored head (tail deletion, a wiped journal, a
/// rechained journal), the field framing (U+001F), the upgrade of old stores, and the data
/// against the journal.
@Suite struct JournalAuditTests {
    /// A store with the fixture dossier and three journalled edits.
    private func edited() throws -> TempStore {
        let t = try TempStore()
        for (i, score) in ["10", "20", "30"].enumerated() {
            var row = try t.store.dossier(id: "SE-1").result(for: "TX-2.1")
            row.reviewScore = Score(score)
            row.deductionReason = "第\(i + 1)次调整"
            try t.store.apply([.result(row)], to: "SE-1", base: .unconditional, actor: "王某", session: "测试会话")
        }
        #expect(try t.store.verifyJournal().isIntact)
        return t
    }

    private func problem(_ t: TempStore, after sql: String) throws -> String {
        try t.store.queue.write { db in try db.execute(sql: sql) }
        return try t.store.verifyJournal().problem ?? ""
    }

    @Test func removedTailEntriesAreCaught() throws {
        let t = try edited()
        defer { t.remove() }
        let message = try problem(t, after: "DELETE FROM journal WHERE seq = (SELECT MAX(seq) FROM journal)")
        #expect(message.contains("日志末尾少了 1 条"), "\(message)")
    }

    @Test func removedTailEntriesAreCaughtEvenWithTheAnchorMovedBack() throws {
        let t = try edited()
        defer { t.remove() }
        let message = try problem(t, after: """
            DELETE FROM journal WHERE seq = (SELECT MAX(seq) FROM journal);
            UPDATE meta SET value = CAST(value AS INTEGER) - 1 WHERE key = 'journal_count';
            UPDATE meta SET value = (SELECT hash FROM journal ORDER BY seq DESC LIMIT 1) WHERE key = 'journal_head';
            """)
        #expect(message.contains("之后的日志条目") && message.contains("被删除了"), "\(message)")
    }

    @Test func aWipedJournalIsCaught() throws {
        let t = try edited()
        defer { t.remove() }
        let message = try problem(t, after: "DELETE FROM journal")
        #expect(message.contains("日志被清空了"), "\(message)")
    }

    @Test func aRechainedJournalIsCaughtByTheAnchor() throws {
        let t = try edited()
        defer { t.remove() }
        try t.store.queue.write { db in
            try db.execute(sql: "UPDATE journal SET actor = '伪造者' WHERE seq = 3")
            try JournalChain.rechain(db, encoding: .v2)
        }
        let message = try t.store.verifyJournal().problem ?? ""
        #expect(message.contains("与锚点记录的不同"), "\(message)")
    }

    @Test func aRechainedJournalWithItsAnchorMovedIsCaughtByALease() throws {
        let t = try SampleStore()
        defer { t.remove() }
        try t.store.checkout(dossierIDs: ["SE-HS-ZWZX-2021"], to: t.directory.appendingPathComponent("c.sqlite").path, holder: "张三", actor: "王某")
        try t.store.queue.write { db in
            try db.execute(sql: "UPDATE journal SET actor = '伪造者' WHERE seq = 3")
            try JournalChain.rechain(db, encoding: .v2)
            try Journal.resetAnchor(db)
        }
        let message = try t.store.verifyJournal().problem ?? ""
        #expect(message.contains("借出 L-1 时记录的日志第"), "\(message)")
    }

    @Test func aCopyWitnessesTheMainJournalItWasTakenFrom() throws {
        let t = try SampleStore()
        defer { t.remove() }
        let copy = t.directory.appendingPathComponent("c.sqlite").path
        try t.store.checkout(dossierIDs: ["SE-HS-ZWZX-2021"], to: copy, holder: "张三", actor: "王某")
        // Main's journal is rewritten consistently — chain, meta anchor and lease anchor all moved.
        try t.store.queue.write { db in
            try db.execute(sql: "UPDATE journal SET actor = '伪造者' WHERE seq = 3")
            try JournalChain.rechain(db, encoding: .v2)
            try Journal.resetAnchor(db)
            try db.execute(sql: "UPDATE lease SET checkout_head = (SELECT hash FROM journal WHERE seq = lease.checkout_seq)")
        }
        #expect(try t.store.verifyJournal().isIntact)
        // The copy, which was away, still knows the old head.
        do {
            _ = try t.store.prepareMerge(copyPath: copy)
            Issue.record("merged a copy into a rewritten main store")
        } catch {
            #expect("\(error)".contains("M-009") && "\(error)".contains("被改写过"), "\(error)")
        }
    }

    @Test func aUnitSeparatorCannotMoveBetweenFields() {
        let a = JournalRecord(actor: "王\u{1F}某", origin: "local", dossierID: "D", entity: "result", entityID: "1", field: "f", old: nil, new: "1", reason: nil)
        var b = a
        b.actor = "王"
        b.origin = "某\u{1F}local"
        // Encoding 1 joined the fields with U+001F: these two entries had the same hash.
        #expect(JournalChain.hash(previous: "", at: "t", record: a, batch: 1, encoding: .v1)
                == JournalChain.hash(previous: "", at: "t", record: b, batch: 1, encoding: .v1))
        #expect(JournalChain.hash(previous: "", at: "t", record: a, batch: 1) != JournalChain.hash(previous: "", at: "t", record: b, batch: 1))
        var nul = a
        nul.old = "\u{0}"
        #expect(JournalChain.hash(previous: "", at: "t", record: a, batch: 1) != JournalChain.hash(previous: "", at: "t", record: nul, batch: 1))
    }

    @Test func anIntactOldChainIsRechainedWhenUpgraded() throws {
        let t = try edited()
        defer { t.remove() }
        try t.store.queue.write { db in try OldStore.undoV5(db) }
        let reopened = try FuheStore.open(path: t.path, createIfMissing: false)
        let v = try reopened.verifyJournal()
        #expect(v.isIntact, "\(v.problem ?? "")")
        #expect(try reopened.meta("journal_hash_v2_from") == "1")
        // The upgrade recorded each dossier's data as its baseline, in the journal.
        #expect(try reopened.journal(entity: "baseline").count == 1)
    }

    @Test func aBrokenOldChainKeepsItsBreakWhenUpgraded() throws {
        let t = try edited()
        defer { t.remove() }
        try t.store.queue.write { db in
            try OldStore.undoV5(db)
            try db.execute(sql: "UPDATE journal SET reason = '事后改的' WHERE seq = 2")
        }
        let reopened = try FuheStore.open(path: t.path, createIfMissing: false)
        let v = try reopened.verifyJournal()
        #expect(v.firstBroken == 2, "\(v.problem ?? "")")
        #expect(v.problem?.contains("写入后被改动过") == true)
        let last = try #require(try reopened.journal(limit: 1).first?.seq)
        #expect(try reopened.meta("journal_hash_v2_from") == String(last))
    }

    @Test func aValueChangedAfterItsLastEntryIsNamed() throws {
        let t = try edited()
        defer { t.remove() }
        let message = try problem(t, after: "UPDATE result SET json = replace(json, '\"30.00\"', '\"31.00\"') WHERE node_id = 'TX-2.1'")
        #expect(message.contains("档案 SE-1 的 result TX-2.1 字段 reviewScore") && message.contains("绕过 Fuhe"), "\(message)")
    }

    @Test func anImportedValueChangedWithoutAnEntryIsNamed() throws {
        let t = try edited()
        defer { t.remove() }
        let message = try problem(t, after: "UPDATE result SET json = replace(json, '实有11人', '实有12人') WHERE node_id = 'TX-1.1'")
        #expect(message.contains("档案 SE-1 的 result TX-1.1") && message.contains("与导入时不同"), "\(message)")
    }

    @Test func aSharedUnitChangedOutsideFuheIsNamed() throws {
        let t = try edited()
        defer { t.remove() }
        let message = try problem(t, after: "UPDATE unit SET json = replace(json, '赫山', '别处')")
        #expect(message.contains("unit"), "\(message)")
    }

    @Test func everyWayFuheWritesIsExplainedByTheJournal() throws {
        let t = try edited()
        defer { t.remove() }
        let d = try t.store.dossier(id: "SE-1")
        let batch = try #require(try t.store.journal(limit: 1).first?.batch)
        try t.store.revert(batch: batch, actor: "王某", session: "测试会话")
        try t.store.importDossiers([d], mode: .replaceExisting, actor: "王某")
        var row = try t.store.dossier(id: "SE-1").result(for: "TX-2.1")
        row.reviewNote = "再次调整"
        try t.store.apply([.result(row)], to: "SE-1", base: .unconditional, actor: "王某", session: "测试会话")
        let v = try t.store.verifyJournal()
        #expect(v.isIntact, "\(v.problem ?? "")")
    }
}

/// Test helper: turns a current store back into what migration v4 left.
enum OldStore {
    static func undoV5(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM journal WHERE entity IN ('baseline', 'decision');
            UPDATE journal SET new = 'imported' WHERE entity = 'dossier' AND field = '*';
            DROP TABLE entity_base;
            ALTER TABLE lease DROP COLUMN checkout_head;
            DELETE FROM meta WHERE key IN ('journal_count', 'journal_head', 'journal_hash_v2_from');
            DELETE FROM grdb_migrations WHERE identifier = 'v8-journal-anchor';
            """)
        try JournalChain.rechain(db, encoding: .v1)
    }
}
