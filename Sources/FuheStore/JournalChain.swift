import Foundation
import FuheCore
import GRDB

/// The journal's hash chain in SQLite (the chain itself is FuheCore's `JournalHash`): each entry
/// stores the previous entry's hash and its own. `verify` walks the chain and names the first
/// entry that does not fit.
enum JournalChain {
    static func hash(previous: String, at: String, record r: JournalRecord, batch: Int64) -> String {
        JournalHash.hash(previous: previous, at: at, record: r, batch: batch)
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
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM journal ORDER BY seq")
        return JournalHash.verify(rows.lazy.map { row in
            ChainedEntry(entry: Journal.entry(row), previousHash: row["prev_hash"], hash: row["hash"])
        })
    }
}

extension FuheStore {
    /// Walks the journal's hash chain and names the first broken link.
    public func verifyJournal() throws -> JournalVerification {
        try queue.read { db in try JournalChain.verify(db) }
    }
}
