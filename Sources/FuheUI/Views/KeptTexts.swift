/// The column texts of a list pane's rows as last made, per list index, with what they were made
/// from (`Key`: every input of the row's texts), so that a row whose inputs did not change is
/// not formatted again. A kept row is used only when its key equals the row's key now (an edited
/// unit, another filter or sort puts another unit at the index: its key differs); none is kept
/// or used while ``KeptRows/bypassed`` is set.
typealias KeptTexts<Key: Equatable & Sendable> = KeptByIndex<Key, [String]>

extension KeptByIndex where Value == [String] {
    /// The texts of row `index`: the kept ones when they were made from `key`, else `make(key)`'s
    /// (kept for the next time).
    func texts(_ index: Int, key: Key, make: (Key) -> [String]) -> [String] {
        if KeptRows.bypassed { return make(key) }
        if let kept = value(index, key: key) { return kept }
        let texts = make(key)
        keep(index, key: key, value: texts)
        return texts
    }
}
