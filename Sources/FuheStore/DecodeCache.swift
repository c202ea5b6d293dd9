import Foundation
import FuheCore
import Synchronization

/// Decoded values keyed by their stored JSON text: a row that did not change since it was last
/// decoded (reloading a dossier after one edit, refreshing a summary after a merge) is not decoded
/// again. Content-addressed, so a changed row is simply a new entry; bounded, emptied when full.
final class DecodeCache<Value: Decodable & Sendable>: Sendable {
    private let entries = Mutex<[String: Value]>([:])
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    func removeAll() { entries.withLock { $0.removeAll() } }

    func decode(_ json: String) throws -> Value {
        if let hit = entries.withLock({ $0[json] }) { return hit }
        let value = try JSONColumn.decode(Value.self, json)
        entries.withLock { cache in
            if cache.count >= limit { cache.removeAll(keepingCapacity: true) }
            cache[json] = value
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

/// Decodes many scoresheet rows on every core at once (a merge touches thousands): the result
/// maps each row's stored text to its value.
enum ParallelRowDecoder {
    static func decode(_ texts: [String]) throws -> [String: IndicatorResult] {
        let unique = Array(Set(texts))
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let chunk = (unique.count + workers - 1) / max(workers, 1)
        let out = Mutex<[String: IndicatorResult]>([:])
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * chunk, end = min(unique.count, start + chunk)
            guard start < end else { return }
            var local: [String: IndicatorResult] = [:]
            for text in unique[start..<end] {
                do { local[text] = try JSONColumn.decode(IndicatorResult.self, text) } catch {
                    failure.withLock { $0 = $0 ?? error }
                    return
                }
            }
            out.withLock { all in all.merge(local) { a, _ in a } }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return out.withLock { $0 }
    }
}
