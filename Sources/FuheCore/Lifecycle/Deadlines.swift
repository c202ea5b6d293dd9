/// Deadline position of one item on one day (spec §2.4.4).
/// `daysLeft` counts to the governing date: `next_check_on` for a LONG_TERM item that has one,
/// otherwise the deadline (negative once passed).
public struct DeadlineState: Hashable, Sendable {
    public var daysLeft: Int
    public var isOverdue: Bool
    /// Days past the governing date when overdue (for SUBMITTED: how late the submission was), else 0.
    public var daysOverdue: Int
    /// Open, not overdue, still awaiting work, and 0 ≤ daysLeft ≤ N.
    public var dueSoon: Bool

    public init(daysLeft: Int, isOverdue: Bool, daysOverdue: Int, dueSoon: Bool) {
        self.daysLeft = daysLeft
        self.isOverdue = isOverdue
        self.daysOverdue = daysOverdue
        self.dueSoon = dueSoon
    }
}

/// Overdue / due-soon derivation, default deadlines and the report label (已整改 / 正在整改 / 持续整改 / 未整改).
public enum Deadlines {
    /// Where an item stands on `today`:
    /// PENDING/IN_PROGRESS are overdue when today > deadline; SUBMITTED when submitted_on > deadline
    /// (judged on the submission day, vector 28); LONG_TERM when today > next_check_on with no progress
    /// entry dated on or after `longTermSince`; CLOSED and WITHDRAWN never.
    public static func state(of item: RectificationItem, today: CalendarDay, dueSoonDays: Int = 7) -> DeadlineState {
        state(of: ItemFacts(item), today: today, dueSoonDays: dueSoonDays)
    }

    /// The same rule on the facts it reads (the cross-unit views keep only these per item).
    public static func state(of item: ItemFacts, today: CalendarDay, dueSoonDays: Int = 7) -> DeadlineState {
        let governing = governingDate(of: item)
        let daysLeft = today.days(until: governing)
        var overdueBy = 0
        switch item.status {
        case .pending, .inProgress:
            overdueBy = -daysLeft
        case .submitted:
            overdueBy = governing.days(until: item.submittedOn ?? today)
        case .longTerm:
            overdueBy = item.nextCheckOn != nil && !hasProgressSinceLongTerm(item) ? -daysLeft : 0
        case .closed, .withdrawn:
            overdueBy = 0
        }
        let isOverdue = overdueBy > 0
        let awaitingWork = item.status == .pending || item.status == .inProgress
            || (item.status == .longTerm && !hasProgressSinceLongTerm(item))
        let dueSoon = awaitingWork && !isOverdue && daysLeft >= 0 && daysLeft <= dueSoonDays
        return DeadlineState(daysLeft: daysLeft, isOverdue: isOverdue, daysOverdue: isOverdue ? overdueBy : 0,
                             dueSoon: dueSoon)
    }

    /// Default deadline for a new item, by type (inferred; "立行立改" has no fixed day count in the
    /// sources): IMMEDIATE (立行立改) created + 7 days, DEADLINE (限期整改) + 30, LONG_TERM
    /// (持续整改) + 90. The only place these numbers live: the item form, import and docs ask here.
    public static func defaultDeadline(for type: RectType, createdOn: CalendarDay) -> CalendarDay {
        createdOn.adding(days: defaultDays(for: type))
    }

    /// Days from creation to the default deadline of `type` (7 / 30 / 90).
    public static func defaultDays(for type: RectType) -> Int {
        switch type {
        case .immediate: 7
        case .deadline: 30
        case .longTerm: 90
        }
    }

    /// "立行立改7天、限期整改30天、持续整改90天": the defaults in words, for hints and docs.
    public static var defaultDeadlinesText: String {
        RectType.allCases.map { "\($0.label)\(defaultDays(for: $0))天" }.joined(separator: "、")
    }

    /// The next check date offered when an item becomes 持续整改 on `today`: 90 days on, but never
    /// after the item's deadline (a later check date is refused, K-004).
    public static func defaultNextCheck(for item: RectificationItem, today: CalendarDay) -> CalendarDay {
        min(today.adding(days: defaultDays(for: .longTerm)), max(item.deadline, today))
    }

    /// The new deadline offered for an extension: 30 days after the current one.
    public static func defaultExtension(of item: RectificationItem) -> CalendarDay {
        item.deadline.adding(days: defaultDays(for: .deadline))
    }

    /// Report label (§2.4.3): CLOSED → 已整改; an open item that is PENDING or overdue → 未整改;
    /// IN_PROGRESS / SUBMITTED → 正在整改; LONG_TERM → 持续整改. WITHDRAWN → 已撤销 (not a rectification state).
    public static func reportLabel(_ item: RectificationItem, today: CalendarDay) -> String {
        switch item.status {
        case .closed: return "已整改"
        case .withdrawn: return RectStatus.withdrawn.label
        case .pending: return "未整改"
        case .inProgress, .submitted, .longTerm:
            if state(of: item, today: today).isOverdue { return "未整改" }
            return item.status == .longTerm ? "持续整改" : "正在整改"
        }
    }

    /// next_check_on for LONG_TERM items that have one, otherwise the deadline.
    static func governingDate(of item: ItemFacts) -> CalendarDay {
        item.status == .longTerm ? item.nextCheckOn ?? item.deadline : item.deadline
    }

    /// A progress entry dated on or after the day LONG_TERM (and its check date) was set.
    /// Without `longTermSince` (older records) only an entry on or after next_check_on counts.
    static func hasProgressSinceLongTerm(_ item: ItemFacts) -> Bool {
        guard let since = item.longTermSince ?? item.nextCheckOn, let last = item.lastProgressOn else { return false }
        return last >= since
    }
}

/// What the deadline, ageing and escalation rules read of an item: its status, its dates and
/// how often it was returned — plain values, so that the cross-unit views keep 20,000 of them
/// without the items' text. `Deadlines`, `EscalationRules` and `ItemStanding` decide on these.
public struct ItemFacts: Sendable, Hashable {
    public var status: RectStatus
    public var createdOn: CalendarDay
    public var deadline: CalendarDay
    public var submittedOn: CalendarDay?
    public var nextCheckOn: CalendarDay?
    public var longTermSince: CalendarDay?
    /// The latest progress entry's date (`RectificationItem.lastProgressOn`).
    public var lastProgressOn: CalendarDay?
    public var returnCount: Int

    public init(status: RectStatus, createdOn: CalendarDay, deadline: CalendarDay, submittedOn: CalendarDay?, nextCheckOn: CalendarDay?,
                longTermSince: CalendarDay?, lastProgressOn: CalendarDay?, returnCount: Int) {
        self.status = status
        self.createdOn = createdOn
        self.deadline = deadline
        self.submittedOn = submittedOn
        self.nextCheckOn = nextCheckOn
        self.longTermSince = longTermSince
        self.lastProgressOn = lastProgressOn
        self.returnCount = returnCount
    }

    /// The facts of a whole item.
    public init(_ item: RectificationItem) {
        self.init(status: item.status, createdOn: item.createdOn, deadline: item.deadline, submittedOn: item.submittedOn,
                  nextCheckOn: item.nextCheckOn, longTermSince: item.longTermSince, lastProgressOn: item.lastProgressOn,
                  returnCount: item.returnCount)
    }
}
