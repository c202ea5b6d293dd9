import Synchronization

/// The column texts of a list pane's rows as last made, per list index, with what they were made
/// from (`Key`: every input of the row's texts), so that a row whose inputs did not change is
/// not formatted again. A kept row is used only when its key equals the row's key now (an edited
/// unit, another filter or sort puts another unit at the index: its key differs); none is kept
/// or used while ``KeptRows/bypassed`` is set. Bounded: at
/// most `capacity` rows, all dropped when full.
final class KeptTexts<Key: Equatable & Sendable>: Sendable {
    private struct Entry: Sendable {
        var key: Key
        var texts: [String]
    }

    private let rows = Mutex<[Int: Entry]>([:])
    private let capacity: Int

    init(capacity: Int = 256) { self.capacity = capacity }

    /// The texts of row `index`: the kept ones when they were made from `key`, else `make(key)`'s
    /// (kept for the next time).
    func texts(_ index: Int, key: Key, make: (Key) -> [String]) -> [String] {
        if KeptRows.bypassed { return make(key) }
        if let kept = rows.withLock({ rows -> [String]? in
            guard let entry = rows[index], entry.key == key else { return nil }
            return entry.texts
        }) {
            return kept
        }
        let texts = make(key)
        rows.withLock { rows in
            if rows.count >= capacity && rows[index] == nil { rows.removeAll(keepingCapacity: true) }
            rows[index] = Entry(key: key, texts: texts)
        }
        return texts
    }
}
