import Foundation
import FuheCore

/// The changes a review edit stores besides the row itself: the draft review on the first edit,
/// and the self-evaluation status the review and items imply.
extension UpdateContext {
    /// A row change plus, on the first edit, the draft review and the self-evaluation status.
    func rowChanges(_ r: IndicatorResult) -> [StoreChange] {
        var changes: [StoreChange] = [.result(r)]
        guard let d = state.dossier else { return changes }
        var review = d.review
        if review == nil {
            review = draftReview(d)
            changes.insert(.review(review), at: 0)
        }
        return changes + evaluationChange(d, review: review, items: d.items)
    }

    /// The review as it stands, or the draft the first edit starts.
    func draftReview(_ d: Dossier) -> Review {
        d.review ?? Review(id: "RV-\(d.id)", team: [TeamMember(name: state.actor.name, role: state.actor.role ?? .member)],
                           status: .draft, startedAt: clock.now())
    }

    /// The self-evaluation status change a review or item change implies (整改中 / 已闭环 …).
    func evaluationChange(_ d: Dossier, review: Review?, items: [RectificationItem]) -> [StoreChange] {
        EvaluationLifecycle.completing([], for: { var after = d; after.review = review; after.items = items; return after }())
    }

    /// A row as reviewed now by this session's actor.
    func reviewed(_ result: IndicatorResult) -> IndicatorResult {
        var r = result
        r.status = .reviewed
        r.reviewedBy = state.actor.name
        r.reviewedAt = clock.now()
        return r
    }

    /// An item change plus the self-evaluation status it implies (整改中 / 已闭环).
    func itemChanges(_ item: RectificationItem, in d: Dossier) -> [StoreChange] {
        var items = d.items.filter { $0.id != item.id }
        items.append(item)
        return [.item(item)] + evaluationChange(d, review: d.review, items: items)
    }
}

/// When a review score needs a written reason (R-003 below the maximum, R-004 unlike the self score).
enum ReasonRule {
    static func needsReason(node: IndicatorNode, score: Score, selfScore: Score?) -> Bool {
        ReasonRules.needsWords(node: node, score: score, selfScore: selfScore, reviewNote: nil)
    }
}

/// New ids for entities created in the workstation ("EV-7", "F-3", "RI-12").
enum NewID {
    static func next(_ kind: String, tag: String = "", existing: [String]) -> String {
        let prefix = tag.isEmpty ? kind : "\(kind)-\(tag)"
        let numbers = existing.compactMap { id -> Int? in
            guard id.hasPrefix(prefix + "-") else { return nil }
            return Int(id.split(separator: "-").last ?? "")
        }
        var n = (numbers.max() ?? 0) + 1
        while existing.contains("\(prefix)-\(n)") { n += 1 }
        return "\(prefix)-\(n)"
    }
}

/// A finding category guessed from the rule flag of a row.
enum FindingSuggestion {
    static func category(for code: String?, node: IndicatorNode) -> FindingCategory {
        switch code {
        case "S-001": .scoreOverWeight
        case "S-002", "S-003": .totalInconsistent
        case "S-004", "S-005", "S-006": .reportIncomplete
        case "D-001", "D-002", "D-006": .calcError
        case "D-004": .staffing
        case "D-005": .budgetExecution
        case "OVERSHOOT": .targetUnclear
        case "R-005": .evidence
        default: node.name.contains("采购") ? .procurement : .other
        }
    }
}
