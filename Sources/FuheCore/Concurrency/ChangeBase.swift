/// What a write was based on: the dossier as its writer saw it — when the form opened or the key
/// was pressed. The store compares every entity the write touches (or, for actions computed from
/// the whole scoresheet, every entity of the dossier) with what it holds now, inside the write
/// transaction, and refuses the write with `StaleWrite` when someone else changed it since
/// (compare-and-set). A field that already holds the value being written is no conflict.
public struct ChangeBase: Sendable {
    /// Which entities must still be as seen.
    public enum Scope: Sendable, Hashable {
        /// The entities the changes write (a row, an item, the review header…).
        case touched
        /// Every entity of the dossier: for actions whose values are computed from the whole
        /// scoresheet (submit, finalize with its frozen total, return, reopen).
        case dossier
    }

    /// The dossier as seen; nil for an unconditional write.
    public let seen: Dossier?
    public let scope: Scope

    private init(seen: Dossier?, scope: Scope) {
        self.seen = seen
        self.scope = scope
    }

    /// A write based on `dossier` as the writer saw it.
    public static func seen(_ dossier: Dossier, scope: Scope = .touched) -> ChangeBase {
        ChangeBase(seen: dossier, scope: scope)
    }

    /// A write that does not act on a view of the store (the training lessons' preparation of a
    /// sandbox, tests). Never use it for a person's edit.
    public static let unconditional = ChangeBase(seen: nil, scope: .touched)

    /// The entity `change` writes, as it was in the seen dossier, expressed as the change that
    /// would write it so (an absent evidence entry, finding or item is its removal; an absent
    /// row is the empty row). Nil for an unconditional write.
    public func seenState(of change: StoreChange) -> StoreChange? {
        seen.map { change.state(in: $0) }
    }
}

extension StoreChange {
    /// The journal's name of the entity this change writes: `result`, `evidence`, `finding`,
    /// `item`, `review` or `evaluation`.
    public var entity: String {
        switch self {
        case .result: "result"
        case .evidence, .removeEvidence: "evidence"
        case .finding, .removeFinding: "finding"
        case .item, .removeItem: "item"
        case .review: "review"
        case .evaluation: "evaluation"
        }
    }

    /// The id of the entity this change writes (the dossier id for the two headers).
    public func entityID(dossierID: String) -> String {
        switch self {
        case .result(let r): r.nodeID
        case .evidence(let e): e.id
        case .removeEvidence(let id), .removeFinding(let id), .removeItem(let id): id
        case .finding(let f): f.id
        case .item(let i): i.id
        case .review, .evaluation: dossierID
        }
    }

    /// The same entity as it is in `dossier`, as the change that would write it so.
    public func state(in dossier: Dossier) -> StoreChange {
        let id = entityID(dossierID: dossier.id)
        switch self {
        case .result: return .result(dossier.result(for: id))
        case .evidence, .removeEvidence:
            return dossier.evidence.first { $0.id == id }.map { .evidence($0) } ?? .removeEvidence(id: id)
        case .finding, .removeFinding:
            return dossier.findings.first { $0.id == id }.map { .finding($0) } ?? .removeFinding(id: id)
        case .item, .removeItem:
            return dossier.items.first { $0.id == id }.map { .item($0) } ?? .removeItem(id: id)
        case .review: return .review(dossier.review)
        case .evaluation: return .evaluation(dossier.evaluation)
        }
    }
}

extension Dossier {
    /// Every mergeable entity of the dossier as the change that writes it (rows, evidence,
    /// findings, items, the review header when there is one, the self-evaluation header).
    public var entityStates: [StoreChange] {
        var out: [StoreChange] = results.keys.sorted().compactMap { results[$0].map { .result($0) } }
        out += evidence.map { .evidence($0) }
        out += findings.map { .finding($0) }
        out += items.map { .item($0) }
        if let review { out.append(.review(review)) }
        out.append(.evaluation(evaluation))
        return out
    }
}
