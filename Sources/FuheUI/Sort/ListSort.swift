import Foundation
import FuheCore
import TermCore

/// How a list is sorted: by which column (its title, as the header shows it) and which way.
/// nil anywhere means the list's natural order (pinyin for units, template order for rows,
/// ledger order for items).
public struct ColumnSort: Codable, Hashable, Sendable {
    public var column: String
    public var descending: Bool

    public init(column: String, descending: Bool) {
        self.column = column
        self.descending = descending
    }

    /// "差异▼": the header's marker.
    public var label: String { column + (descending ? "▼" : "▲") }
}

/// A column a list can be sorted by: its header title, the direction it starts in, and how two
/// rows compare (nil values always last).
struct SortColumn<Row>: Sendable {
    var title: String
    var startsDescending: Bool
    var key: @Sendable (Row) -> SortValue?

    init(_ title: String, descending: Bool = false, key: @escaping @Sendable (Row) -> SortValue?) {
        self.title = title
        self.startsDescending = descending
        self.key = key
    }
}

/// A comparable sort value: a number or a text (pinyin for Chinese).
enum SortValue: Comparable, Sendable {
    case number(Int)
    case text(String)
}

enum ListSort {
    /// `rows` sorted by `order` among `columns` (stable: equal rows keep their natural order;
    /// rows without a value last).
    static func sorted<Row>(_ rows: [Row], by order: ColumnSort?, in columns: [SortColumn<Row>]) -> [Row] {
        guard let order, let column = columns.first(where: { $0.title == order.column }) else { return rows }
        return rows.stablySorted(descending: order.descending, by: column.key)
    }

    /// The next sort after `current` among `titles` (`step` 1 or −1), wrapping through the
    /// natural order (nil).
    static func cycle(_ current: ColumnSort?, titles: [String], startsDescending: (String) -> Bool, step: Int) -> ColumnSort? {
        let all: [String?] = [nil] + titles.map { $0 }
        let i = all.firstIndex { $0 == current?.column } ?? 0
        let next = all[((i + step) % all.count + all.count) % all.count]
        return next.map { ColumnSort(column: $0, descending: startsDescending($0)) }
    }

    /// Pinyin of Chinese text, for sorting by a text column: FuheCore's `SortKey`, the unit
    /// list's order.
    static func text(_ s: String) -> SortValue { .text(SortKey.of(s)) }

    /// Grades best first (`GradeRank`, the unit list's rule).
    static func grade(_ label: String?) -> SortValue? { GradeRank.rank(label).map { .number($0) } }

    /// Column titles with the sorted one marked (▲/▼), for the header.
    static func marked(_ columns: [Column], _ order: ColumnSort?) -> [Column] {
        guard let order else { return columns }
        return columns.map { c in
            var c = c
            if c.title == order.column { c.title = order.label }
            return c
        }
    }
}

/// A pane whose list can be sorted by its columns (`>` `<` `~`).
protocol SortablePane: Pane {
    /// The column titles it sorts by, in header order.
    static var sortTitles: [String] { get }
    static func startsDescending(_ title: String) -> Bool
    static func sortOrder(_ state: AppState) -> ColumnSort?
    /// Sorts by `order` (nil: natural order), keeping the cursor on the same row.
    static func setSort(_ order: ColumnSort?, in ctx: inout UpdateContext)
}
