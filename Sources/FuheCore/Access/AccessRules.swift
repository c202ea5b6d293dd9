import Foundation

/// What an authenticated account may write to a dossier, checked where the write is stored (the
/// server), whatever the client sent: the role must allow editing, a finalized review's scoresheet
/// is read-only, and every change of the review's status must be one `ReviewLifecycle` allows
/// for this actor (only a 组长 returns, finalizes or reopens).
public enum AccessRules {
    /// Throws the rule's refusal when `actor` (with `role`) may not turn `before` into `after`
    /// by `changes`; `reason` is the journal reason (a return or reopen needs one).
    public static func checkWrite(_ changes: [StoreChange], before: Dossier, after: Dossier, role: ServerRole, actor: Actor,
                                  reason: String?, at: Date) throws(RuleViolation) {
        if let refusal = role.refusal(.edit, name: actor.name) { throw RuleViolation(code: "A-001", refusal) }
        let old = before.review, new = after.review
        if let old, ReviewLifecycle.isReadOnly(old), new?.status == .finalized {
            let touchesSheet = changes.contains { if case .review = $0 { false } else if case .evaluation = $0 { false } else { true } }
            if touchesSheet || new != old {
                throw RuleViolation(code: "RV-001", "复核「\(old.id)」已定稿，只读；组长重新打开（需理由）后才能修改")
            }
        }
        guard let new, new.status != old?.status else { return }
        guard let old else {
            if new.status != .draft { throw RuleViolation(code: "RV-001", "复核「\(new.id)」须从「\(ReviewStatus.draft.label)」开始") }
            return
        }
        switch (old.status, new.status) {
        case (.draft, .submitted):
            _ = try ReviewLifecycle.submit(old, dossier: after, by: actor, at: at)
        case (.submitted, .draft):
            _ = try ReviewLifecycle.returnToDraft(old, by: actor, reason: reason ?? "", at: at)
        case (.submitted, .finalized):
            guard let total = new.frozenTotal else { throw RuleViolation(code: "RV-001", "复核「\(old.id)」定稿须冻结复核总分") }
            _ = try ReviewLifecycle.finalize(old, by: actor, total: total, grade: new.frozenGrade ?? "", at: at)
        case (.finalized, .draft):
            _ = try ReviewLifecycle.reopen(old, by: actor, reason: reason ?? "", at: at)
        default:
            throw RuleViolation(code: "RV-001", "复核「\(old.id)」当前为「\(old.status.label)」，不能直接转为「\(new.status.label)」")
        }
    }
}

extension Dossier {
    /// The dossier with one change written (what a store holds after it).
    public func applying(_ change: StoreChange) -> Dossier {
        var d = self
        switch change {
        case .result(let r): d.results[r.nodeID] = r
        case .evidence(let e):
            if let i = d.evidence.firstIndex(where: { $0.id == e.id }) { d.evidence[i] = e } else { d.evidence.append(e) }
        case .removeEvidence(let id): d.evidence.removeAll { $0.id == id }
        case .finding(let f):
            if let i = d.findings.firstIndex(where: { $0.id == f.id }) { d.findings[i] = f } else { d.findings.append(f) }
            d.findings.sort { ($0.seq, $0.id) < ($1.seq, $1.id) }
        case .removeFinding(let id): d.findings.removeAll { $0.id == id }
        case .item(let item):
            if let i = d.items.firstIndex(where: { $0.id == item.id }) { d.items[i] = item } else { d.items.append(item) }
            d.items.sort { ($0.seq, $0.id) < ($1.seq, $1.id) }
        case .removeItem(let id): d.items.removeAll { $0.id == id }
        case .review(let r): d.review = r
        case .evaluation(let e): d.evaluation = e
        }
        return d
    }

    /// The dossier with every change written, in order.
    public func applying(_ changes: [StoreChange]) -> Dossier {
        changes.reduce(self) { $0.applying($1) }
    }
}

/// The rules every store applies to a stored change, whatever the store: an item must obey the
/// item rules (K-…), and a finding that items still cite cannot be removed (K-005).
public enum StoredChangeRules {
    public static func check(_ change: StoreChange, findingHasItems: (String) throws -> Bool) throws -> RuleViolation? {
        switch change {
        case .item(let i):
            if let problem = ItemRules.validate(i).first(where: { $0.level == .error }) { return RuleViolation([problem]) }
        case .removeFinding(let id):
            if try findingHasItems(id) { return RuleViolation(code: "K-005", "问题 \(id) 下仍有整改事项，不能删除（可撤销整改事项）") }
        default: break
        }
        return nil
    }
}
