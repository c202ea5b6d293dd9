/// Self-evaluation status (spec §2.4.1): the manual sampling moves plus the status derived from
/// the review and the rectification items.
public enum EvaluationLifecycle {
    /// Allowed single moves: the §2.4.1 table, plus the back-moves the other lifecycles cause —
    /// a reopened review (REVIEWED / RECTIFYING / CLOSED → IN_REVIEW), a reopened or new
    /// rectification item (CLOSED → RECTIFYING), and a review taken away again (its start
    /// undone: back to SELECTED).
    public static func canMove(from: EvaluationStatus, to: EvaluationStatus) -> Bool {
        moves[from, default: []].contains(to)
    }

    private static let moves: [EvaluationStatus: Set<EvaluationStatus>] = [
        .received: [.selected, .notSelected],
        .selected: [.inReview],
        .inReview: [.reviewed, .selected],
        .reviewed: [.rectifying, .closed, .inReview, .selected],
        .rectifying: [.closed, .inReview, .selected],
        .closed: [.rectifying, .inReview, .selected],
    ]

    /// The status implied by the review and the items. RECEIVED and NOT_SELECTED are decided by
    /// sampling and kept. Without a review the evaluation is SELECTED (a status of the review
    /// stage — 复核中 and after — cannot stand without one). With a draft or submitted review
    /// the evaluation is IN_REVIEW. With a finalized review it is RECTIFYING while any item is open,
    /// otherwise CLOSED (all items CLOSED/WITHDRAWN, or none were raised) — passing through REVIEWED.
    public static func derivedStatus(current: EvaluationStatus, review: Review?,
                                     items: [RectificationItem]) -> EvaluationStatus {
        guard current != .received, current != .notSelected else { return current }
        guard let review else { return current == .selected ? current : .selected }
        guard review.status == .finalized else { return .inReview }
        return items.contains { $0.status.isOpen } ? .rectifying : .closed
    }

    /// `changes` plus the self-evaluation status they imply: the review and item changes are laid
    /// over `dossier`, the status is derived (``derivedStatus(current:review:items:)``), and when
    /// it differs an `.evaluation` change is added (or the one in `changes` corrected). Every
    /// writer asks this — the workstation before it writes, the store on every write (so undo,
    /// merge and the command line keep the status too).
    public static func completing(_ changes: [StoreChange], for dossier: Dossier) -> [StoreChange] {
        var review = dossier.review
        var items = dossier.items
        var evaluation = dossier.evaluation
        var evaluationIndex: Int?
        for (index, change) in changes.enumerated() {
            switch change {
            case .review(let r): review = r
            case .item(let item):
                if let k = items.firstIndex(where: { $0.id == item.id }) { items[k] = item } else { items.append(item) }
            case .removeItem(let id): items.removeAll { $0.id == id }
            case .evaluation(let e):
                evaluation = e
                evaluationIndex = index
            default: break
            }
        }
        let status = derivedStatus(current: evaluation.status, review: review, items: items)
        guard status != evaluation.status else { return changes }
        evaluation.status = status
        var out = changes
        if let evaluationIndex { out[evaluationIndex] = .evaluation(evaluation) } else { out.append(.evaluation(evaluation)) }
        return out
    }
}

extension EvaluationLifecycle {
    /// Whether `changes` can move the self-evaluation status (only the review and the items
    /// decide it: a change of rows alone, most edits, leaves it as it is).
    public static func touchesStatus(_ changes: [StoreChange]) -> Bool {
        changes.contains { change in
            switch change {
            case .review, .item, .removeItem, .evaluation: true
            default: false
            }
        }
    }

    /// The changes a store writes after `changes` to `stored` so that the status is the one they
    /// imply (empty when it already is): what every store adds to a write in the same batch.
    public static func settling(_ changes: [StoreChange], on stored: Dossier) -> [StoreChange] {
        guard touchesStatus(changes) else { return [] }
        return completing([], for: stored.applying(changes))
    }
}
