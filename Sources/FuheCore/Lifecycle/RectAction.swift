/// An action on a rectification item (spec §2.4.3). `RectLifecycle` checks the guards and applies it.
public enum RectAction: Hashable, Sendable {
    /// Records progress; PENDING → IN_PROGRESS on the first entry, otherwise the status is kept.
    case addProgress(ProgressEntry)
    /// 申请销号: PENDING / IN_PROGRESS / LONG_TERM → SUBMITTED. The evidence ids are added to the item's.
    case submit(completionDesc: String, evidenceIDs: [String], on: CalendarDay)
    /// 认定持续整改: IN_PROGRESS → LONG_TERM, or LONG_TERM → LONG_TERM to set a new check date.
    case markLongTerm(reason: String, nextCheckOn: CalendarDay, approvedByReviewer: Bool)
    /// LONG_TERM → IN_PROGRESS.
    case resume(reason: String)
    /// 销号: SUBMITTED → CLOSED, by someone other than the responsible person.
    case close(note: String)
    /// 退回: SUBMITTED → IN_PROGRESS; return_count += 1 and the original deadline applies again.
    case returnToUnit(reason: String)
    /// 撤销: PENDING / IN_PROGRESS / LONG_TERM → WITHDRAWN.
    case withdraw(reason: String)
    /// 重新整改: CLOSED → IN_PROGRESS (the problem recurs).
    case reopen(reason: String)
    /// 延期: moves the deadline later on any open item and logs the change; the status is kept.
    case extendDeadline(to: CalendarDay, reason: String)

    /// Chinese name of the action (登记进度, 申请销号 …).
    public var label: String {
        switch self {
        case .addProgress: "登记进度"
        case .submit: "申请销号"
        case .markLongTerm: "认定持续整改"
        case .resume: "恢复整改"
        case .close: "销号"
        case .returnToUnit: "退回"
        case .withdraw: "撤销"
        case .reopen: "重新整改"
        case .extendDeadline: "延期"
        }
    }

    /// The reason the action carries, if it has one (the text to journal).
    public var reason: String? {
        switch self {
        case .markLongTerm(let reason, _, _), .resume(let reason), .returnToUnit(let reason),
             .withdraw(let reason), .reopen(let reason), .extendDeadline(_, let reason):
            reason
        case .close(let note): note
        case .addProgress, .submit: nil
        }
    }

    /// Statuses the action may start from.
    var allowedFrom: Set<RectStatus> { kind.allowedFrom }

    /// The action without its data (for "may this be done now?" before a form asks for the data).
    public var kind: RectActionKind {
        switch self {
        case .addProgress: .addProgress
        case .submit: .submit
        case .markLongTerm: .markLongTerm
        case .resume: .resume
        case .close: .close
        case .returnToUnit: .returnToUnit
        case .withdraw: .withdraw
        case .reopen: .reopen
        case .extendDeadline: .extendDeadline
        }
    }

    /// Status after the action when started from `status`.
    func target(from status: RectStatus) -> RectStatus {
        switch self {
        case .addProgress: status == .pending ? .inProgress : status
        case .submit: .submitted
        case .markLongTerm: .longTerm
        case .resume, .returnToUnit, .reopen: .inProgress
        case .close: .closed
        case .withdraw: .withdrawn
        case .extendDeadline: status
        }
    }
}

/// The outcome of an accepted action, with what a caller needs to journal it (AuditLog):
/// the new item, from/to status, who, when, and the reason (nil for progress and submission).
public struct RectTransition: Hashable, Sendable {
    public var item: RectificationItem
    public var action: RectAction
    public var from: RectStatus
    public var to: RectStatus
    public var reason: String?
    public var by: Actor
    public var on: CalendarDay

    /// True when the status changed.
    public var changesStatus: Bool { from != to }

    /// One journal line, e.g. 「2021-07-05 王某 退回整改事项「R-1」：待销号 → 整改中；原因：佐证不足」.
    public var summary: String {
        var text = "\(on) \(by.name) \(action.label)\(RuleText.item(item))：\(from.label) → \(to.label)"
        if let reason = RuleText.trimmed(reason) {
            if case .close = action { text += "；销号意见：\(reason)" } else { text += "；原因：\(reason)" }
        }
        return text
    }
}

/// The kinds of ``RectAction``, without their data.
public enum RectActionKind: String, CaseIterable, Sendable {
    case addProgress, submit, markLongTerm, resume, close, returnToUnit, withdraw, reopen, extendDeadline

    /// Statuses the action may start from (spec §2.4.3).
    public var allowedFrom: Set<RectStatus> {
        switch self {
        case .addProgress: [.pending, .inProgress, .longTerm]
        case .submit, .withdraw: [.pending, .inProgress, .longTerm]
        case .markLongTerm: [.inProgress, .longTerm]
        case .resume: [.longTerm]
        case .close, .returnToUnit: [.submitted]
        case .reopen: [.closed]
        case .extendDeadline: [.pending, .inProgress, .submitted, .longTerm]
        }
    }

    /// 登记进度, 申请销号 … (as ``RectAction/label``).
    public var label: String {
        switch self {
        case .addProgress: "登记进度"
        case .submit: "申请销号"
        case .markLongTerm: "认定持续整改"
        case .resume: "恢复整改"
        case .close: "销号"
        case .returnToUnit: "退回"
        case .withdraw: "撤销"
        case .reopen: "重新整改"
        case .extendDeadline: "延期"
        }
    }
}

extension RectLifecycle {
    /// Why `actor` may not start `kind` on `item` now (wrong status, K-005; closing one's own
    /// item, K-003), nil when the form may open. The data the form asks for is checked when it
    /// is submitted (``transition(_:of:by:on:)``).
    public static func refusal(_ kind: RectActionKind, item: RectificationItem, by actor: Actor) -> ValidationMessage? {
        switch obstacle(kind, item: item, by: actor) {
        case nil:
            return nil
        case .status:
            return ValidationMessage(code: "K-005", level: .error,
                                     message: "不能\(kind.label)：\(RuleText.item(item))当前为「\(item.status.label)」",
                                     itemID: item.id, field: "status")
        case .closingOwnItem:
            return ItemRules.closerProblem(item, closer: actor.name)
        }
    }

    /// Whether `actor` may start `kind` on `item` now — ``refusal(_:item:by:)`` is nil — without
    /// making the refusal's message (the status line asks this of every hinted step on every key).
    public static func allows(_ kind: RectActionKind, item: RectificationItem, by actor: Actor) -> Bool {
        obstacle(kind, item: item, by: actor) == nil
    }

    /// What stops `actor` from starting `kind` on `item` now: the rule of ``refusal(_:item:by:)``
    /// and ``allows(_:item:by:)``, without its message.
    private enum Obstacle { case status, closingOwnItem }

    private static func obstacle(_ kind: RectActionKind, item: RectificationItem, by actor: Actor) -> Obstacle? {
        guard kind.allowedFrom.contains(item.status) else { return .status }
        // `closerProblem` refuses whenever the two names are equal (both empty: no closer recorded).
        if kind == .close, RuleText.trimmed(actor.name) == RuleText.trimmed(item.respPerson) { return .closingOwnItem }
        return nil
    }

    /// The actions `actor` can start on `item` now (for hints that offer only what works).
    public static func possibleActions(item: RectificationItem, by actor: Actor) -> [RectActionKind] {
        RectActionKind.allCases.filter { allows($0, item: item, by: actor) }
    }
}
