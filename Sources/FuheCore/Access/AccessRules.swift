/// What an authenticated account may write to a dossier, checked where the write is stored (the
/// server), whatever the client sent: the role must allow editing at all, and then the review's
/// lifecycle and roles decide (`ReviewLifecycle.checkWrite`: a finalized scoresheet is read-only,
/// only a 组长 returns, finalizes or reopens, a submit must pass the submit rules).
public enum AccessRules {
    /// Throws the rule's refusal when the account may not make `changes` to `stored`; `reason` is
    /// the journal reason (a return or reopen needs one); `isUndo` for an undo or redo.
    public static func checkWrite(_ changes: [StoreChange], to stored: Dossier, role: ServerRole, actor: Actor, reason: String?,
                                  isUndo: Bool = false) throws(RuleViolation) {
        if let refusal = role.refusal(.edit, name: actor.name) { throw RuleViolation(code: "A-001", refusal) }
        try ReviewLifecycle.checkWrite(changes, to: stored, by: actor, reason: reason, isUndo: isUndo)
    }
}

/// The rules every store applies to a stored change, whatever the store: a finding's or an item's
/// number must be in range (N-001), an item must obey the item rules (K-…), and a finding that
/// items still cite cannot be removed (F-003, `FindingRules`).
public enum StoredChangeRules {
    /// `findingItems` counts the items hung on a finding of the dossier (all, and those still open).
    public static func check(_ change: StoreChange, findingItems: (String) throws -> (count: Int, open: Int)) throws -> RuleViolation? {
        switch change {
        case .finding(let f):
            if let problem = Numbering.check(f.seq, what: "问题") { return RuleViolation([problem]) }
        case .item(let i):
            if let problem = Numbering.check(i.seq, what: "整改事项") { return RuleViolation([problem]) }
            if let problem = ItemRules.validate(i).first(where: { $0.level == .error }) { return RuleViolation([problem]) }
        case .removeFinding(let id):
            let hanging = try findingItems(id)
            if hanging.count > 0 { return RuleViolation([FindingRules.deletionMessage(findingID: id, itemCount: hanging.count, openCount: hanging.open)]) }
        default: break
        }
        return nil
    }
}
