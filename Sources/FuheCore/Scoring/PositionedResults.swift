/// A dossier's scoresheet rows by template node position, read in place from
/// `Dossier.results`: one hash lookup per position when built, and reading a field copies that
/// field only (an `IndicatorResult` copied out of the dictionary costs a ~400-byte copy and a
/// retain of each of its strings, once per row and scoring — the largest cost of rescoring a store).
struct PositionedResults {
    private let byID: [String: IndicatorResult]
    private let slots: [Dictionary<String, IndicatorResult>.Index?]

    /// The rows of `results` at the positions of `ids` (nil where a node has no row).
    init(_ results: [String: IndicatorResult], ids: [String]) {
        byID = results
        slots = ids.map { results.index(forKey: $0) }
    }

    /// Whether the node at `p` has a row.
    func has(_ p: Int) -> Bool { slots[p] != nil }

    /// The whole row at `p` (a copy; hot paths read single fields below).
    subscript(_ p: Int) -> IndicatorResult? {
        guard let i = slots[p] else { return nil }
        return byID.values[i]
    }

    func selfScore(_ p: Int) -> Score? {
        guard let i = slots[p] else { return nil }
        return byID.values[i].selfScore
    }

    func reviewScore(_ p: Int) -> Score? {
        guard let i = slots[p] else { return nil }
        return byID.values[i].reviewScore
    }

    func status(_ p: Int) -> RowStatus? {
        guard let i = slots[p] else { return nil }
        return byID.values[i].status
    }

    func target(_ p: Int) -> ObservedValue? {
        guard let i = slots[p] else { return nil }
        return byID.values[i].target
    }

    /// The verified actual when set, else the stated actual.
    func effectiveActual(_ p: Int) -> ObservedValue? {
        guard let i = slots[p] else { return nil }
        return byID.values[i].verifiedActual ?? byID.values[i].actual
    }

    /// The evidence ids the row at `p` cites.
    func evidenceIDs(_ p: Int) -> [String]? {
        guard let i = slots[p] else { return nil }
        return byID.values[i].evidenceIDs
    }
}
