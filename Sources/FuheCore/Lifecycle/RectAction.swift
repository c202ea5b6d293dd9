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
    var allowedFrom: Set<RectStatus> {
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
