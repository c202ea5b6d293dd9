/// The first day on which an item counts as overdue if nothing else happens to it, stored per
/// item so that listing units counts overdue items with one indexed comparison against today.
public enum OverdueFrom {
    public static func day(for item: RectificationItem) -> CalendarDay? {
        guard item.status.isOpen else { return nil }
        var candidates = [item.createdOn, item.deadline.adding(days: 1)]
        if let next = item.nextCheckOn { candidates.append(next.adding(days: 1)) }
        if let submitted = item.submittedOn { candidates.append(submitted) }
        let farFuture = CalendarDay(year: 2200, month: 1, day: 1)
        for day in candidates.sorted() where Deadlines.state(of: item, today: day).isOverdue
            && Deadlines.state(of: item, today: farFuture).isOverdue {
            return day
        }
        return nil
    }
}
