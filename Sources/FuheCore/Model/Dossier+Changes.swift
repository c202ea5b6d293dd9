extension Dossier {
    /// The dossier as it would be after `changes` (what the store would hold once they are
    /// written): rows, evidence, findings and items replaced or added by id, removals applied,
    /// review and self-evaluation header replaced.
    public func applying(_ changes: [StoreChange]) -> Dossier {
        var d = self
        for change in changes {
            switch change {
            case .result(let r): d.results[r.nodeID] = r
            case .evidence(let e):
                if let k = d.evidence.firstIndex(where: { $0.id == e.id }) { d.evidence[k] = e } else { d.evidence.append(e) }
            case .removeEvidence(let id): d.evidence.removeAll { $0.id == id }
            case .finding(let f):
                if let k = d.findings.firstIndex(where: { $0.id == f.id }) { d.findings[k] = f } else { d.findings.append(f) }
            case .removeFinding(let id): d.findings.removeAll { $0.id == id }
            case .item(let i):
                if let k = d.items.firstIndex(where: { $0.id == i.id }) { d.items[k] = i } else { d.items.append(i) }
            case .removeItem(let id): d.items.removeAll { $0.id == id }
            case .review(let r): d.review = r
            case .evaluation(let e): d.evaluation = e
            }
        }
        return d
    }
}
