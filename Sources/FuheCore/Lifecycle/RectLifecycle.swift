/// The rectification lifecycle (spec §2.4.3) as guarded transitions. A refused action throws a
/// `RuleViolation` with K-005 (illegal transition, missing reason) or the more specific K-003
/// (completion/evidence, separation of duties) or K-004 (next check date); messages name the
/// from/to status.
///
/// ```swift
/// let t = try RectLifecycle.transition(.returnToUnit(reason: "佐证不足"), of: item, by: reviewer, on: today)
/// journal(t.summary); item = t.item
/// ```
public enum RectLifecycle {
    /// Applies an action and returns the updated item.
    public static func apply(_ action: RectAction, to item: RectificationItem, by actor: Actor,
                             on day: CalendarDay) throws(RuleViolation) -> RectificationItem {
        try transition(action, of: item, by: actor, on: day).item
    }

    /// Applies an action and returns the updated item with the journal data (from, to, reason).
    public static func transition(_ action: RectAction, of item: RectificationItem, by actor: Actor,
                                  on day: CalendarDay) throws(RuleViolation) -> RectTransition {
        let from = item.status
        let to = action.target(from: from)
        guard action.allowedFrom.contains(from) else {
            let change = to == from ? "" : "，不能转为「\(to.label)」"
            throw refusal("K-005", "不能\(action.label)：\(RuleText.item(item))当前为「\(from.label)」\(change)",
                          item, "status")
        }
        var next = item
        next.status = to
        try RectGuards.apply(action, to: &next, from: from, by: actor, on: day)
        return RectTransition(item: next, action: action, from: from, to: to,
                              reason: RuleText.trimmed(action.reason), by: actor, on: day)
    }

    /// True when the action would be accepted (for enabling menu entries).
    public static func canApply(_ action: RectAction, to item: RectificationItem, by actor: Actor,
                                on day: CalendarDay) -> Bool {
        (try? transition(action, of: item, by: actor, on: day)) != nil
    }

    static func refusal(_ code: String, _ message: String, _ item: RectificationItem, _ field: String)
        -> RuleViolation {
        RuleViolation(code: code, message, itemID: item.id, field: field)
    }
}

/// The per-action guards and effects; `item.status` is already the target status.
enum RectGuards {
    static func apply(_ action: RectAction, to item: inout RectificationItem, from: RectStatus,
                      by actor: Actor, on day: CalendarDay) throws(RuleViolation) {
        let move = "\(RuleText.item(item))「\(from.label)」→「\(item.status.label)」"
        if let reason = action.reason, RuleText.isBlank(reason), needsReason(action) {
            throw RectLifecycle.refusal("K-005", "\(move)须填写原因", item, "reason")
        }
        switch action {
        case .addProgress(let entry):
            guard !RuleText.isBlank(entry.text) else {
                throw RectLifecycle.refusal("K-005", "\(move)：进度说明不能为空", item, "progress")
            }
            item.progress.append(entry)
        case let .submit(desc, evidence, submittedOn):
            item.completionDesc = RuleText.trimmed(desc)
            item.evidenceIDs += evidence.filter { !item.evidenceIDs.contains($0) }
            item.submittedOn = submittedOn
            try requireCompletion(item, move)
        case let .markLongTerm(_, nextCheck, approved):
            guard item.rectType == .longTerm || approved else {
                throw RectLifecycle.refusal("K-005", "\(move)：整改类型为「\(item.rectType.label)」，"
                    + "须经复核人员认定方可转为持续整改", item, "status")
            }
            guard nextCheck >= day else {
                throw RectLifecycle.refusal("K-004", "\(move)：下次检查日期\(nextCheck)早于今天\(day)", item, "next_check_on")
            }
            if let problem = ItemRules.nextCheckProblem(item, nextCheck: nextCheck) { throw RuleViolation([problem]) }
            item.nextCheckOn = nextCheck
            item.longTermSince = day
        case .resume:
            item.nextCheckOn = nil
            item.longTermSince = nil
        case .close(let note):
            try close(&item, note: note, by: actor, on: day, move: move)
        case .returnToUnit:
            item.returnCount += 1
            item.submittedOn = nil
        case .withdraw:
            break
        case .reopen:
            item.closedBy = nil
            item.closedOn = nil
            item.closureNote = nil
            item.submittedOn = nil
        case let .extendDeadline(newDeadline, reason):
            guard newDeadline > item.deadline else {
                throw RectLifecycle.refusal("K-005", "\(RuleText.item(item))延期后的期限\(newDeadline)"
                    + "须晚于原期限\(item.deadline)", item, "deadline")
            }
            item.deadlineHistory.append(DeadlineChange(old: item.deadline, new: newDeadline,
                                                       reason: RuleText.trimmed(reason) ?? reason,
                                                       by: actor.name, on: day))
            item.deadline = newDeadline
        }
    }

    /// Every action carrying a reason needs it, except the closure note (optional).
    private static func needsReason(_ action: RectAction) -> Bool {
        if case .close = action { return false }
        return true
    }

    private static func close(_ item: inout RectificationItem, note: String, by actor: Actor,
                              on day: CalendarDay, move: String) throws(RuleViolation) {
        try requireCompletion(item, move)
        if let problem = ItemRules.closerProblem(item, closer: actor.name) { throw RuleViolation([problem]) }
        item.closedBy = RuleText.trimmed(actor.name)
        item.closedOn = day
        item.closureNote = RuleText.trimmed(note)
    }

    /// K-003 as `ItemRules` states it, refused with the move named.
    private static func requireCompletion(_ item: RectificationItem, _ move: String) throws(RuleViolation) {
        let problems = ItemRules.completionProblems(item)
        guard !problems.isEmpty else { return }
        throw RuleViolation(problems.map { var m = $0; m.message = "\(move)：" + m.message; return m })
    }
}
