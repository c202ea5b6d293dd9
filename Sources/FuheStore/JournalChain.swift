import Foundation
import FuheCore
import GRDB

/// The journal's hash chain: each entry stores the previous entry's hash and its own, computed
/// over the previous hash and the entry's content. `verify` walks the chain and names the first
/// entry that does not fit.
enum JournalChain {
    static func hash(previous: String, at: String, record r: JournalRecord, batch: Int64) -> String {
        var fields = [previous, at, r.actor, r.origin, r.dossierID ?? "\u{0}", r.entity, r.entityID, r.field,
                      r.old ?? "\u{0}", r.new ?? "\u{0}", r.reason ?? "\u{0}", String(batch)]
        // Entries with a session (migration v5-journal-session on) chain it too; older ones hash as before.
        if let session = r.session { fields.append(session) }
        return SHA256.hex(Array(fields.joined(separator: "\u{1F}").utf8))
    }

    /// Computes the chain over existing entries (migration of stores written before the chain).
    static func rechain(_ db: Database) throws {
        var previous = ""
        for e in try Journal.entries(db, sql: "ORDER BY seq", arguments: []) {
            let h = hash(previous: previous, at: e.at, record: e.record, batch: e.batch)
            try db.execute(sql: "UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?", arguments: [previous, h, e.seq])
            previous = h
        }
    }

    static func verify(_ db: Database) throws -> JournalVerification {
        var previous = ""
        var count = 0
        var lastSeq: Int64?
        for row in try Row.fetchAll(db, sql: "SELECT * FROM journal ORDER BY seq") {
            let e = Journal.entry(row)
            let stored: String = row["hash"]
            let link: String = row["prev_hash"]
            if link != previous {
                let after = lastSeq.map { "entry #\($0)" } ?? "the start of the journal"
                return JournalVerification(entries: count, firstBroken: e.seq,
                                           problem: "journal entry #\(e.seq) does not follow \(after): an entry before it was removed, reordered or changed")
            }
            if hash(previous: previous, at: e.at, record: e.record, batch: e.batch) != stored {
                return JournalVerification(entries: count, firstBroken: e.seq,
                                           problem: "journal entry #\(e.seq) (\(e.record.entity) \(e.record.entityID) \(e.record.field), \(e.at)) was changed after it was written")
            }
            previous = stored
            lastSeq = e.seq
            count += 1
        }
        return JournalVerification(entries: count, firstBroken: nil, problem: nil)
    }
}

/// The result of checking the journal's hash chain.
public struct JournalVerification: Sendable, Equatable {
    /// Entries checked before the first problem (all of them when intact).
    public var entries: Int
    /// The first entry that breaks the chain.
    public var firstBroken: Int64?
    /// What is wrong with it, in one sentence.
    public var problem: String?

    public var isIntact: Bool { firstBroken == nil }
}

extension FuheStore {
    /// Walks the journal's hash chain and names the first broken link.
    public func verifyJournal() throws -> JournalVerification {
        try queue.read { db in try JournalChain.verify(db) }
    }
}
