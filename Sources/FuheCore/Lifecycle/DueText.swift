extension Deadlines {
    /// 剩余/逾期天数 as users read it: "逾期5天", "剩余3天", "今日到期", "待销号核实" (submitted in time,
    /// waiting for verification), or "" for closed and withdrawn items. One wording for the
    /// workstation, `fuhe show` and the ledger.
    public static func dueText(_ item: RectificationItem, today: CalendarDay) -> String {
        guard item.status.isOpen else { return "" }
        let state = state(of: item, today: today)
        if state.isOverdue { return "逾期\(state.daysOverdue)天" }
        if item.status == .submitted { return "待销号核实" }
        if state.daysLeft == 0 { return "今日到期" }
        return "剩余\(state.daysLeft)天"
    }
}
