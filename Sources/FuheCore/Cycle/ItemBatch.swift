/// What one lifecycle step would do to each selected rectification item: `RectLifecycle` checks
/// every item, and refused items are listed with their rule codes.
public struct ItemBatchPlan: Sendable {
    public struct Line: Sendable {
        public var item: RectificationItem
        /// The dossier the item belongs to (a batch may span units).
        public var dossierID: String
        public var transition: RectTransition?
        public var refusals: [ValidationMessage]

        public var isRefused: Bool { !refusals.isEmpty }
    }

    public var action: RectAction
    public var lines: [Line]

    /// The items to store.
    public var changed: [Line] { lines.filter { $0.transition != nil } }
    public var refused: [Line] { lines.filter(\.isRefused) }
}

/// Moves many items through one lifecycle step.
///
/// ```swift
/// let plan = ItemBatch.plan(.extendDeadline(to: day, reason: "汛期施工受阻"), items: selected, by: actor, on: today)
/// ```
public enum ItemBatch {
    public static func plan(_ action: RectAction, items: [(dossierID: String, item: RectificationItem)], by actor: Actor,
                            on day: CalendarDay) -> ItemBatchPlan {
        ItemBatchPlan(action: action, lines: items.map { entry in
            do throws(RuleViolation) {
                let t = try RectLifecycle.transition(action, of: entry.item, by: actor, on: day)
                return .init(item: entry.item, dossierID: entry.dossierID, transition: t, refusals: [])
            } catch {
                return .init(item: entry.item, dossierID: entry.dossierID, transition: nil, refusals: error.messages)
            }
        })
    }
}
