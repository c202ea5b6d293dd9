import Foundation
import FuheCore
import GRDB

/// The journal's hash chain: each entry stores the previous entry's hash and its own, computed
/// over the previous hash and the entry's content; the store's `meta` keeps the chain's head
/// (entry count and last hash) as an anchor. `verify` walks the chain, checks the anchor and
/// names the first entry that does not fit.
///
/// Encodings: version 2 (every store since migration `v8-journal-anchor`) frames each field
/// with a presence byte and its length, so no text inside a field can move to a neighbour;
/// version 1 (fields joined by U+001F) is kept only to verify entries of a store whose old
/// chain was already broken when it was upgraded (`meta.journal_hash_v2_from`).
enum JournalChain {
    typealias Encoding = JournalHash.Encoding

    /// FuheCore's rule, hashed with the store's SHA-256 (`StoreSHA256`).
    static func hash(previous: String, at: String, record r: JournalRecord, batch: Int64, encoding: Encoding = .v2) -> String {
        JournalHash.hash(previous: previous, at: at, record: r, batch: batch, encoding: encoding, using: StoreSHA256.self)
    }

    /// Computes the chain over existing entries with `encoding` (migrations).
    static func rechain(_ db: Database, encoding: Encoding) throws {
        var previous = ""
        for e in try Journal.entries(db, sql: "ORDER BY seq", arguments: []) {
            let h = hash(previous: previous, at: e.at, record: e.record, batch: e.batch, encoding: encoding)
            try db.execute(sql: "UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?", arguments: [previous, h, e.seq])
            previous = h
        }
    }

    /// The first entry hashed with encoding 2 (entries before it use encoding 1).
    static func v2From(_ db: Database) throws -> Int64 {
        Int64(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'journal_hash_v2_from'") ?? "") ?? 1
    }

    /// Walks the chain link by link (not the anchor, see `JournalAudit`).
    static func walk(_ db: Database) throws -> JournalVerification {
        try walk(db, Journal.entries(db, sql: "ORDER BY seq", arguments: [], withHashes: true))
    }

    /// The same over entries already read (every entry of the journal, in order).
    static func walk(_ db: Database, _ entries: [Journal.Linked]) throws -> JournalVerification {
        let v2From = try v2From(db)
        return JournalHash.verify(entries.lazy.map { ChainedEntry(entry: $0.entry, previousHash: $0.prevHash, hash: $0.hash) }, v2From: v2From,
                                  using: StoreSHA256.self)
    }
}

extension FuheStore {
    /// Walks the journal's hash chain, checks the chain's anchors (in `meta` and in every lease)
    /// and — unless `checkingData` is false — the data against the journal; names the first thing
    /// that does not fit.
    public func verifyJournal(checkingData: Bool = true) throws -> JournalVerification {
        try readWholeStore { db in try JournalAudit.verify(db, checkingData: checkingData) }
    }

    /// What `verifyJournal(checkingData: false)` finds, with the entries it read (a merge
    /// indexes a copy's journal from them instead of reading it again).
    func verifyJournalChain() throws -> (verification: JournalVerification, entries: [JournalEntry]) {
        try readWholeStore { db in
            let linked = try Journal.entries(db, sql: "ORDER BY seq", arguments: [], withHashes: true)
            return (try JournalAudit.verify(db, checkingData: false, linked: linked), linked.map(\.entry))
        }
    }

    /// The chain's head now: entry count and last hash.
    public func journalAnchor() throws -> (count: Int, head: String) {
        try queue.read { db in try Journal.anchor(db) }
    }
}
