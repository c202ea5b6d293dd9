/// Each date of an item with its own count of days (spec §2.4.4): the deadline with 剩余/逾期 to
/// the deadline, and — for a 持续整改 item — the next check date with the days to that check. A
/// figure is never printed beside a date it was not counted to.
///
/// `Deadlines.due(item, today: day).summary // "2027-08-23 剩余640天；下次检查 2026-02-07 剩余76天"`
public struct DueFigures: Hashable, Sendable {
    public var deadline: CalendarDay
    /// To the deadline: "剩余8天", "今日到期", "逾期5天"; "待销号核实" for an item submitted in
    /// time; "已过时限5天" for a 持续整改 item (judged on its check date, not overdue by the
    /// deadline); "" for a closed or withdrawn item.
    public var deadlineText: String
    /// The next check date of a 持续整改 item.
    public var nextCheck: CalendarDay?
    /// To the next check: "剩余76天", "今日检查", "逾期3天" (passed with no progress recorded
    /// since the item became 持续整改), "已过3天（已登记进度）"; nil without a check date.
    public var nextCheckText: String?

    /// "2027-08-23 剩余640天；下次检查 2026-02-07 剩余76天" — for `fuhe show`, the ledger and details.
    public var summary: String {
        [deadline.description, deadlineText].filter { !$0.isEmpty }.joined(separator: " ") + nextCheckPart(" ")
    }

    /// The summary without the deadline date itself, for a column printed right after the
    /// deadline: "剩余640天；下次检查 2026-02-07 剩余76天".
    public var afterDeadline: String {
        let check = nextCheckPart(" ")
        return deadlineText.isEmpty ? String(check.drop { $0 == "；" }) : deadlineText + check
    }

    private func nextCheckPart(_ space: String) -> String {
        guard let nextCheck, let nextCheckText else { return "" }
        return "；下次检查\(space)\(nextCheck)\(space)\(nextCheckText)"
    }
}

extension Deadlines {
    /// The deadline and (持续整改) next check of an item on `today`, each with its own days.
    public static func due(_ item: RectificationItem, today: CalendarDay) -> DueFigures {
        due(ItemFacts(item), today: today)
    }

    /// The same from the facts the rule reads.
    public static func due(_ item: ItemFacts, today: CalendarDay) -> DueFigures {
        var figures = DueFigures(deadline: item.deadline, deadlineText: "")
        guard item.status.isOpen else { return figures }
        let toDeadline = today.days(until: item.deadline)
        switch item.status {
        case .longTerm:
            figures.deadlineText = toDeadline < 0 ? "已过时限\(-toDeadline)天" : days(toDeadline, due: "今日到期")
            if let check = item.nextCheckOn {
                figures.nextCheck = check
                let toCheck = today.days(until: check)
                figures.nextCheckText = toCheck >= 0 ? days(toCheck, due: "今日检查")
                    : hasProgressSinceLongTerm(item) ? "已过\(-toCheck)天（已登记进度）" : "逾期\(-toCheck)天"
            }
        case .submitted:
            let state = state(of: item, today: today)
            figures.deadlineText = state.isOverdue ? "逾期\(state.daysOverdue)天" : "待销号核实"
        default:
            figures.deadlineText = toDeadline < 0 ? "逾期\(-toDeadline)天" : days(toDeadline, due: "今日到期")
        }
        return figures
    }

    /// 剩余/逾期 as users read it, each figure beside its own date: see ``due(_:today:)``
    /// (`afterDeadline`). One wording for the workstation, `fuhe show` and the ledger.
    public static func dueText(_ item: RectificationItem, today: CalendarDay) -> String {
        due(item, today: today).afterDeadline
    }

    private static func days(_ left: Int, due: String) -> String {
        left == 0 ? due : "剩余\(left)天"
    }
}
