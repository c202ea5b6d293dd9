extension Sequence {
    /// The elements sorted by `key`, ascending or descending: stable (equal keys keep their
    /// order) and elements without a key last. Every sortable list (units, rows, items) sorts
    /// through this one rule.
    public func stablySorted<Key: Comparable>(descending: Bool, by key: (Element) -> Key?) -> [Element] {
        let keyed = enumerated().map { (index: $0.offset, key: key($0.element), element: $0.element) }
        return keyed.sorted { a, b in
            switch (a.key, b.key) {
            case (nil, nil): return a.index < b.index
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?):
                if x == y { return a.index < b.index }
                return descending ? x > y : x < y
            }
        }.map(\.element)
    }
}
