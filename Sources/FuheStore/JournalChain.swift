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
    enum Encoding: Sendable { case v1, v2 }

    static func hash(previous: String, at: String, record r: JournalRecord, batch: Int64, encoding: Encoding = .v2) -> String {
        var fields: [String?] = [previous, at, r.actor, r.origin, r.dossierID, r.entity, r.entityID, r.field, r.old, r.new, r.reason, String(batch)]
        switch encoding {
        case .v1:
            // Entries with a session (migration v5-journal-session on) chained it too.
            if let session = r.session { fields.append(session) }
            return SHA256.hex(Array(fields.map { $0 ?? "\u{0}" }.joined(separator: "\u{1F}").utf8))
        case .v2:
            fields.append(r.session)
            var hasher = SHA256()
            hasher.update("fuhe.journal/2")
            for field in fields {
                guard let field else { hasher.update([0]); continue }
                let bytes = Array(field.utf8)
                var length = UInt64(bytes.count).bigEndian
                hasher.update([1])
                withUnsafeBytes(of: &length) { hasher.update(Array($0)) }
                hasher.update(bytes)
            }
            return hasher.finalizeHex()
        }
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
        let v2From = try v2From(db)
        var previous = ""
        var count = 0
        var lastSeq: Int64?
        for e in try Journal.entries(db, sql: "ORDER BY seq", arguments: [], withHashes: true) {
            if e.prevHash != previous {
                let after = lastSeq.map { tr("第 \($0) 条", "entry #\($0)") } ?? tr("日志开头", "the start of the journal")
                return JournalVerification(entries: count, firstBroken: e.entry.seq, head: previous,
                                           problem: tr("日志第 \(e.entry.seq) 条接不上\(after)：它之前的条目被删除、调换或修改过",
                                                       "journal entry #\(e.entry.seq) does not follow \(after): an entry before it was removed, reordered or changed"))
            }
            let encoding: Encoding = e.entry.seq >= v2From ? .v2 : .v1
            if hash(previous: previous, at: e.entry.at, record: e.entry.record, batch: e.entry.batch, encoding: encoding) != e.hash {
                let r = e.entry.record
                return JournalVerification(entries: count, firstBroken: e.entry.seq, head: previous,
                                           problem: tr("日志第 \(e.entry.seq) 条（\(r.entity) \(r.entityID) \(r.field)，\(e.entry.at)）写入后被改动过",
                                                       "journal entry #\(e.entry.seq) (\(r.entity) \(r.entityID) \(r.field), \(e.entry.at)) was changed after it was written"))
            }
            previous = e.hash
            lastSeq = e.entry.seq
            count += 1
        }
        return JournalVerification(entries: count, firstBroken: nil, head: previous, problem: nil)
    }
}

/// The result of checking the journal: its chain, its anchor, and the data against it.
public struct JournalVerification: Sendable, Equatable {
    /// Entries checked before the first problem (all of them when intact).
    public var entries: Int
    /// The first entry that breaks the chain (nil when the chain itself is intact).
    public var firstBroken: Int64?
    /// The last good hash (the chain's head when intact): write it down to compare later.
    public var head: String
    /// What is wrong, in one sentence (nil when everything checked is intact).
    public var problem: String?

    public var isIntact: Bool { problem == nil }
}

extension FuheStore {
    /// Walks the journal's hash chain, checks the chain's anchors (in `meta` and in every lease)
    /// and — unless `checkingData` is false — the data against the journal; names the first thing
    /// that does not fit.
    public func verifyJournal(checkingData: Bool = true) throws -> JournalVerification {
        try queue.read { db in try JournalAudit.verify(db, checkingData: checkingData) }
    }

    /// The chain's head now: entry count and last hash.
    public func journalAnchor() throws -> (count: Int, head: String) {
        try queue.read { db in try Journal.anchor(db) }
    }
}
