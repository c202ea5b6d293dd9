/// The journal's hash chain, the same in every store: each entry stores the previous entry's hash
/// and its own, SHA-256 over the previous hash and the entry's content, so a changed, removed or
/// reordered entry breaks the chain. `verify` walks entries and names the first that does not fit.
public enum JournalHash {
    /// The hash of an entry written after one whose hash is `previous` ("" for the first).
    public static func hash(previous: String, at: String, record r: JournalRecord, batch: Int64) -> String {
        var fields = [previous, at, r.actor, r.origin, r.dossierID ?? "\u{0}", r.entity, r.entityID, r.field,
                      r.old ?? "\u{0}", r.new ?? "\u{0}", r.reason ?? "\u{0}", String(batch)]
        // Entries with a session (migration v5-journal-session on) chain it too; older ones hash as before.
        if let session = r.session { fields.append(session) }
        return SHA256.hex(Array(fields.joined(separator: "\u{1F}").utf8))
    }

    /// Checks entries in journal order against their stored links and hashes.
    public static func verify<S: Sequence>(_ entries: S) -> JournalVerification where S.Element == ChainedEntry {
        var previous = ""
        var count = 0
        var lastSeq: Int64?
        for c in entries {
            let e = c.entry
            if c.previousHash != previous {
                let after = lastSeq.map { "entry #\($0)" } ?? "the start of the journal"
                return JournalVerification(entries: count, firstBroken: e.seq,
                                           problem: "journal entry #\(e.seq) does not follow \(after): an entry before it was removed, reordered or changed")
            }
            if hash(previous: previous, at: e.at, record: e.record, batch: e.batch) != c.hash {
                return JournalVerification(entries: count, firstBroken: e.seq,
                                           problem: "journal entry #\(e.seq) (\(e.record.entity) \(e.record.entityID) \(e.record.field), \(e.at)) was changed after it was written")
            }
            previous = c.hash
            lastSeq = e.seq
            count += 1
        }
        return JournalVerification(entries: count, firstBroken: nil, problem: nil)
    }
}

/// A journal entry with the chain links stored beside it.
public struct ChainedEntry: Sendable, Hashable {
    public var entry: JournalEntry
    /// The hash the entry says its predecessor has.
    public var previousHash: String
    public var hash: String

    public init(entry: JournalEntry, previousHash: String, hash: String) {
        self.entry = entry
        self.previousHash = previousHash
        self.hash = hash
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

    public init(entries: Int, firstBroken: Int64?, problem: String?) {
        self.entries = entries
        self.firstBroken = firstBroken
        self.problem = problem
    }

    public var isIntact: Bool { firstBroken == nil }
}
