import Foundation
import FuheCore
import Synchronization

/// Decoded values keyed by their stored JSON text: a row that did not change since it was last
/// decoded (reloading a dossier after one edit, refreshing a summary after a merge) is not decoded
/// again. Content-addressed, so a changed row is simply a new entry; bounded, emptied when full.
final class DecodeCache<Value: Decodable & Sendable>: Sendable {
    private let entries = Mutex<[StoredText: Value]>([:])
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    func removeAll() { entries.withLock { $0.removeAll() } }

    func decode(_ json: String) throws -> Value {
        let key = StoredText(json)
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let value = try JSONColumn.decode(Value.self, json)
        entries.withLock { cache in
            if cache.count >= limit { cache.removeAll(keepingCapacity: true) }
            cache[key] = value
        }
        return value
    }
}

extension FuheStore {
    /// Forgets decoded rows kept in memory, so that a benchmark times the work a fresh process does.
    public static func forgetDecodedRows() { DecodeCaches.results.removeAll() }
}

enum DecodeCaches {
    /// Scoresheet rows: about 1 KB of text each, so at most a few MB.
    static let results = DecodeCache<IndicatorResult>(limit: 4_096)
}

/// Stored entities already decoded, by their stored text (a merge decodes the thousands of rows
/// it touches on every core at once, before its write transaction).
struct DecodedTexts: Sendable {
    var results = ByText<IndicatorResult>()
    var items = ByText<RectificationItem>()
    var findings = ByText<Finding>()
    var evidence = ByText<Evidence>()
    var evaluations = ByText<SelfEvaluation>()
    var reviews = ByText<Review>()
    /// Templates by id, each read once in the transaction that fills this (a merge of 100
    /// dossiers read the same 30 KB template 200 times: for the row rules and the summaries).
    var templates: [String: IndicatorTemplate] = [:]

    /// Decodes texts per entity kind (`result`, `item`, `finding`, `evidence`, `evaluation`,
    /// `review`) on all cores.
    static func decode(_ texts: [String: [String]]) throws -> DecodedTexts {
        var out = DecodedTexts()
        out.results = try ParallelDecoder.decode(texts["result"] ?? [], as: IndicatorResult.self)
        out.items = try ParallelDecoder.decode(texts["item"] ?? [], as: RectificationItem.self)
        out.findings = try ParallelDecoder.decode(texts["finding"] ?? [], as: Finding.self)
        out.evidence = try ParallelDecoder.decode(texts["evidence"] ?? [], as: Evidence.self)
        out.evaluations = try ParallelDecoder.decode(texts["evaluation"] ?? [], as: SelfEvaluation.self)
        out.reviews = try ParallelDecoder.decode(texts["review"] ?? [], as: Review.self)
        return out
    }
}

/// Decodes many stored texts of one type on every core at once.
enum ParallelDecoder {
    /// Decodes texts on all cores into an array in the same order (no de-duplication, so no
    /// hashing of long texts).
    static func decodeInOrder<T: Decodable & Sendable>(_ texts: [String], as type: T.Type) throws -> [T] {
        guard !texts.isEmpty else { return [] }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, texts.count))
        let chunk = (texts.count + workers - 1) / workers
        let parts = Mutex<[Int: [T]]>([:])
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * chunk, end = min(texts.count, start + chunk)
            guard start < end else { return }
            var local: [T] = []
            local.reserveCapacity(end - start)
            for text in texts[start..<end] {
                do { local.append(try JSONColumn.decode(T.self, text)) } catch {
                    failure.withLock { $0 = $0 ?? error }
                    return
                }
            }
            parts.withLock { $0[worker] = local }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return parts.withLock { all in (0..<workers).flatMap { all[$0] ?? [] } }
    }

    static func decode<T: Decodable & Sendable>(_ texts: [String], as type: T.Type) throws -> ByText<T> {
        let unique = Array(Set(texts.map(StoredText.init))).map(\.text)
        guard !unique.isEmpty else { return ByText() }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, unique.count))
        let chunk = (unique.count + workers - 1) / workers
        let out = Mutex<ByText<T>>(ByText())
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * chunk, end = min(unique.count, start + chunk)
            guard start < end else { return }
            var local = ByText<T>()
            for text in unique[start..<end] {
                do { local[text] = try JSONColumn.decode(T.self, text) } catch {
                    failure.withLock { $0 = $0 ?? error }
                    return
                }
            }
            out.withLock { all in all.merge(local) }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return out.withLock { $0 }
    }
}

/// Values keyed by the stored text they were decoded from. The text is hashed and compared byte
/// for byte: a `String` key hashes through Unicode normalisation, which was 11 % of `fuhe check`
/// on Chinese rows (and a stored text is only ever looked up by the same bytes).
struct ByText<Value: Sendable>: Sendable {
    private var storage: [StoredText: Value] = [:]

    init() {}

    subscript(text: String) -> Value? {
        get { storage[StoredText(text)] }
        set { storage[StoredText(text)] = newValue }
    }

    var count: Int { storage.count }

    /// Adds the entries of `other` that are not here yet.
    mutating func merge(_ other: ByText<Value>) { storage.merge(other.storage) { a, _ in a } }
}

/// A stored text as a dictionary key, by its UTF-8 bytes.
struct StoredText: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        var text = self.text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: StoredText, b: StoredText) -> Bool { a.text.hasSameBytes(as: b.text) }
}
