import Foundation
/// The journal's hash chain, the same in every store: each entry stores the previous entry's hash
/// and its own, SHA-256 over the previous hash and the entry's content, so a changed, removed or
/// reordered entry breaks the chain. `verify` walks entries and names the first that does not fit.
///
/// Encodings: version 2 (every store since migration `v8-journal-anchor`, and the server) frames
/// each field with a presence byte and its length, so no text inside a field can move to a
/// neighbour; version 1 (fields joined by U+001F) only verifies entries of a store whose old chain
/// was already broken when it was upgraded (`meta.journal_hash_v2_from`).
public enum JournalHash {
    public enum Encoding: Sendable { case v1, v2 }

    /// The hash of an entry written after one whose hash is `previous` ("" for the first).
    public static func hash(previous: String, at: String, record r: JournalRecord, batch: Int64, encoding: Encoding = .v2) -> String {
        hash(previous: previous, at: at, record: r, batch: batch, encoding: encoding, using: SHA256.self)
    }

    /// The same with the SHA-256 `hasher` (the same digest from every implementation).
    public static func hash<H: SHA256Hashing>(previous: String, at: String, record r: JournalRecord, batch: Int64, encoding: Encoding = .v2,
                                              using hasher: H.Type) -> String {
        switch encoding {
        case .v1:
            var fields: [String?] = [previous, at, r.actor, r.origin, r.dossierID, r.entity, r.entityID, r.field, r.old, r.new, r.reason, String(batch)]
            // Entries with a session (migration v5-journal-session on) chained it too.
            if let session = r.session { fields.append(session) }
            return Array(fields.map { $0 ?? "\u{0}" }.joined(separator: "\u{1F}").utf8).withUnsafeBufferPointer { H.hex($0) }
        case .v2:
            // "fuhe.journal/2", then each field: a presence byte, its UTF-8 length (8 bytes,
            // big-endian), its bytes — framed into one buffer and hashed at once (a merge hashes
            // one entry per field it writes), without an array of the fields.
            let batchText = String(batch)
            func fields(_ visit: (String?) -> Void) {
                visit(previous); visit(at); visit(r.actor); visit(r.origin); visit(r.dossierID); visit(r.entity); visit(r.entityID)
                visit(r.field); visit(r.old); visit(r.new); visit(r.reason); visit(batchText); visit(r.session)
            }
            let tag: StaticString = "fuhe.journal/2"
            var count = tag.utf8CodeUnitCount
            fields { count += $0.map { 9 + $0.utf8.count } ?? 1 }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { out in
                var at = 0
                func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
                    (out.baseAddress! + at).update(from: base, count: bytes.count)
                    at += bytes.count
                }
                put(UnsafeBufferPointer(start: tag.utf8Start, count: tag.utf8CodeUnitCount))
                fields { field in
                    guard var field else {
                        out[at] = 0
                        at += 1
                        return
                    }
                    field.withUTF8 { bytes in
                        out[at] = 1
                        at += 1
                        withUnsafeBytes(of: UInt64(bytes.count).bigEndian) { put($0.bindMemory(to: UInt8.self)) }
                        put(bytes)
                    }
                }
                return H.hex(UnsafeBufferPointer(rebasing: out[0..<at]))
            }
        }
    }

    /// Checks entries in journal order against their stored links and hashes (entries from
    /// `v2From` on with encoding 2, earlier ones with encoding 1).
    public static func verify<S: Sequence>(_ entries: S, v2From: Int64 = 1) -> JournalVerification where S.Element == ChainedEntry {
        verify(entries, v2From: v2From, using: SHA256.self)
    }

    /// The same with the SHA-256 `hasher`.
    public static func verify<S: Sequence, H: SHA256Hashing>(_ entries: S, v2From: Int64 = 1, using hasher: H.Type) -> JournalVerification
        where S.Element == ChainedEntry {
        let list = Array(entries)
        let intact = hashesMatch(list, v2From: v2From, using: hasher)
        var previous = ""
        var count = 0
        var lastSeq: Int64?
        for (i, c) in list.enumerated() {
            let e = c.entry
            if c.previousHash != previous {
                let after = lastSeq.map { tr("第 \($0) 条", "entry #\($0)") } ?? tr("日志开头", "the start of the journal")
                return JournalVerification(entries: count, firstBroken: e.seq, head: previous,
                                           problem: tr("日志第 \(e.seq) 条接不上\(after)：它之前的条目被删除、调换或修改过",
                                                       "journal entry #\(e.seq) does not follow \(after): an entry before it was removed, reordered or changed"))
            }
            if !intact[i] {
                let r = e.record
                return JournalVerification(entries: count, firstBroken: e.seq, head: previous,
                                           problem: tr("日志第 \(e.seq) 条（\(r.entity) \(r.entityID) \(r.field)，\(e.at)）写入后被改动过",
                                                       "journal entry #\(e.seq) (\(r.entity) \(r.entityID) \(r.field), \(e.at)) was changed after it was written"))
            }
            previous = c.hash
            lastSeq = e.seq
            count += 1
        }
        return JournalVerification(entries: count, firstBroken: nil, head: previous, problem: nil)
    }

    /// Whether each entry's stored hash is the hash of its content after the previous hash it
    /// stores (which `verify` checks against the entry before), computed on every core: a
    /// copy's journal holds an entry per field merged, a store's one per edit.
    static func hashesMatch<H: SHA256Hashing>(_ entries: [ChainedEntry], v2From: Int64, using hasher: H.Type) -> [Bool] {
        var out = [Bool](repeating: false, count: entries.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, entries.count / 512))
        let chunk = (entries.count + workers - 1) / max(1, workers)
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let results = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                for i in (w * chunk)..<min(entries.count, (w + 1) * chunk) {
                    let c = entries[i], e = c.entry
                    let encoding: Encoding = e.seq >= v2From ? .v2 : .v1
                    results[i] = hash(previous: c.previousHash, at: e.at, record: e.record, batch: e.batch, encoding: encoding, using: hasher) == c.hash
                }
            }
        }
        return out
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

    public init(entries: Int, firstBroken: Int64?, head: String = "", problem: String?) {
        self.entries = entries
        self.firstBroken = firstBroken
        self.head = head
        self.problem = problem
    }

    public var isIntact: Bool { problem == nil }
}
