import FuheCore

/// The field history overlay: who set each field of the selected row, item or unit, when, from
/// where (this store, a copy, a merge decision), what it replaced, and why.
public struct HistoryView: Sendable, Hashable {
    public var title: String
    public var entries: [JournalEntry]
    public var position = ListPosition()

    public init(title: String, entries: [JournalEntry]) {
        self.title = title
        self.entries = entries
    }

    /// The two lines an entry is shown as: "2026-11-23 10:30 · 张三 · 副本 L-1 · 复核分" and
    /// "（空） → 0.00 · 现场核查".
    public static func lines(_ e: JournalEntry) -> (String, String) { JournalText.lines(e) }
}
