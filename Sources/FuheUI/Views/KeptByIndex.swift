import Synchronization

/// Values kept per list index with what they were made from (`Key`), for the list panes' memos
/// (``KeptRows``, ``KeptTexts``): a value is given back only for the key it was kept with.
/// Bounded: at most `capacity` indexes, all dropped when full.
final class KeptByIndex<Key: Equatable & Sendable, Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var key: Key
        var value: Value
    }

    private let rows = Mutex<[Int: Entry]>([:])
    private let capacity: Int

    init(capacity: Int = 256) { self.capacity = capacity }

    /// The value kept for `index` when it was kept with `key`.
    func value(_ index: Int, key: Key) -> Value? {
        rows.withLock { rows in
            guard let entry = rows[index], entry.key == key else { return nil }
            return entry.value
        }
    }

    /// Keeps `value` for `index`, made from `key`.
    func keep(_ index: Int, key: Key, value: Value) {
        rows.withLock { rows in
            if rows.count >= capacity && rows[index] == nil { rows.removeAll(keepingCapacity: true) }
            rows[index] = Entry(key: key, value: value)
        }
    }

    /// How many indexes are kept (for tests).
    var count: Int { rows.withLock { $0.count } }
}
