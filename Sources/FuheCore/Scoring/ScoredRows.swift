/// The engine's evaluation of every reachable leaf of a scored dossier, kept by node position
/// and looked up by node id (`scored.rows["1.1.2"]`; a repeated id gives its last leaf); iterates
/// as (node id, evaluation) pairs in template order.
public struct ScoredRows: Sendable, Sequence {
    let index: TemplateIndex
    /// By node position; nil for parents and unreachable nodes.
    let byPosition: [RowEvaluation?]

    init(index: TemplateIndex, byPosition: [RowEvaluation?]) {
        self.index = index
        self.byPosition = byPosition
    }

    /// How many leaf ids have an evaluation.
    public var count: Int { index.rowPosition.count }

    /// The evaluation of a leaf (nil for an unknown id or a parent).
    public subscript(nodeID: String) -> RowEvaluation? {
        guard let p = index.rowPosition[nodeID] else { return nil }
        return byPosition[p]
    }

    public func makeIterator() -> AnyIterator<(key: String, value: RowEvaluation)> {
        var next = 0
        let index = index, rows = byPosition
        return AnyIterator {
            while next < index.leafPositions.count {
                let p = index.leafPositions[next]
                next += 1
                if index.rowPosition[index.ids[p]] == p, let row = rows[p] { return (index.ids[p], row) }
            }
            return nil
        }
    }
}
