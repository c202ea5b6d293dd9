import Foundation

extension Dossier {
    /// The same dossier with every review-side date moved by `days` (evidence receipt, row review
    /// times, review timestamps, rectification dates and progress). The unit's own report dates
    /// stay as printed. Used to make bundled samples look current when they are installed.
    public func shiftingDates(byDays days: Int) -> Dossier {
        guard days != 0 else { return self }
        let seconds = TimeInterval(days) * 86_400
        let day: (CalendarDay?) -> CalendarDay? = { $0?.adding(days: days) }
        var d = self
        d.evidence = evidence.map { e in var e = e; e.receivedOn = day(e.receivedOn); return e }
        d.results = results.mapValues { r in var r = r; r.reviewedAt = r.reviewedAt?.addingTimeInterval(seconds); return r }
        if var review {
            review.startedAt = review.startedAt?.addingTimeInterval(seconds)
            review.submittedAt = review.submittedAt?.addingTimeInterval(seconds)
            review.finalizedAt = review.finalizedAt?.addingTimeInterval(seconds)
            d.review = review
        }
        d.items = items.map { i in
            var i = i
            i.createdOn = i.createdOn.adding(days: days)
            i.deadline = i.deadline.adding(days: days)
            i.nextCheckOn = day(i.nextCheckOn)
            i.submittedOn = day(i.submittedOn)
            i.closedOn = day(i.closedOn)
            i.longTermSince = day(i.longTermSince)
            i.progress = i.progress.map { p in var p = p; p.date = p.date.adding(days: days); return p }
            i.deadlineHistory = i.deadlineHistory.map { h in
                var h = h
                h.old = h.old.adding(days: days); h.new = h.new.adding(days: days); h.on = h.on.adding(days: days)
                return h
            }
            return i
        }
        return d
    }
}
