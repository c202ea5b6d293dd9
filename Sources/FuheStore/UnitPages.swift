import Foundation
import FuheCore
import GRDB

/// The unit list a window at a time: the rows a screen shows, the list's length and where a unit
/// is in it, in SQL over the summary columns, so that what the workstation reads does not grow
/// with the store. The order is `UnitSortColumn`'s (the keys below are its keys in SQL).
extension FuheStore {
    /// Rows of the unit list under `request`'s filter and order, with the counts.
    public func unitPage(_ request: UnitPageRequest) throws -> UnitPage {
        let day = (request.today ?? self.today).description
        let q = UnitListSQL(filter: request.filter, order: request.order)
        return try queue.read { db in
            // Counted without the sample mark's join (a unique key: it changes no count, and
            // without it SQLite counts the whole list from its smallest index); the samples
            // from their own table.
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(q.counted) \(q.whereSQL)",
                                         arguments: StatementArguments(q.arguments(day))) ?? 0
            let samples = total == 0 ? 0 : try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(q.samplesFrom) \(q.whereSQL)",
                                                            arguments: StatementArguments(q.arguments(day))) ?? 0
            var anchorIndex: Int?
            if let anchor = request.anchor {
                // How many rows come before the anchor (nil when the filter leaves it out).
                anchorIndex = try Int.fetchOne(db, sql: """
                    SELECT (SELECT COUNT(*) FROM \(q.counted) \(q.whereSQL.isEmpty ? "WHERE" : q.whereSQL + " AND") (\(q.before)))
                    FROM (SELECT \(q.key) AS k, d.sort_key, d.fiscal_year, d.id FROM \(q.counted)
                          \(q.whereSQL.isEmpty ? "WHERE" : q.whereSQL + " AND") d.id = ?) t
                    """, arguments: StatementArguments(q.arguments(day) + q.arguments(day) + [anchor]))
            }
            let start = UnitPage.start(total: total, request: request, anchorIndex: anchorIndex)
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.id, d.unit_name, d.fiscal_year, d.year_is_demo, d.eval_type, d.status, d.review_status,
                       d.self_total, d.self_grade, d.review_total, d.review_complete, d.review_grade, d.reviewed_rows,
                       d.scorable_rows, d.warning_count, d.open_items, d.total_items,
                       \(q.joinsOverdue ? "COALESCE(o.n, 0)" : UnitListSQL.overdueOfRow),
                       s.dossier_id IS NOT NULL
                FROM \(q.from) \(q.whereSQL) ORDER BY \(q.orderBy) LIMIT ? OFFSET ?
                """, arguments: StatementArguments((q.joinsOverdue ? [] : [day]) + q.arguments(day) + [max(0, request.limit), start]))
            return UnitPage(total: total, samples: samples, start: start, rows: rows.map(Self.summary), anchorIndex: anchorIndex)
        }
    }

    /// Every unit of the list under `filter` and `order`, without the figures (what search and
    /// the command palette match against).
    public func unitKeys(filter: UnitFilter, order: UnitOrder?, today: CalendarDay? = nil) throws -> [UnitKey] {
        let day = (today ?? self.today).description
        let q = UnitListSQL(filter: filter, order: order)
        // Read through a cursor: no copy of 20,000 rows is made (and left in the heap) on the way.
        return try queue.read { db in
            var keys: [UnitKey] = []
            // Sized once (the array is kept while the list is searched).
            keys.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(q.counted) \(q.whereSQL)",
                                                  arguments: StatementArguments(q.arguments(day))) ?? 0)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT d.id, d.unit_name, d.fiscal_year, d.year_is_demo, d.eval_type, d.review_status
                FROM \(q.counted) \(q.whereSQL) ORDER BY \(q.orderBy)
                """, arguments: StatementArguments(q.arguments(day)))
            while let row = try rows.next() {
                keys.append(UnitKey(dossierID: row[0], unitName: row[1], fiscalYear: row[2], yearIsDemo: row[3],
                                    evalType: EvalType(rawValue: row[4]) ?? .project,
                                    reviewStatus: (row[5] as String?).flatMap(ReviewStatus.init(rawValue:))))
            }
            return keys
        }
    }
}

/// The unit list's FROM, WHERE and ORDER BY for a filter and an order.
struct UnitListSQL {
    var filter: UnitFilter
    var order: UnitOrder?

    /// Overdue items of the row's dossier on the day (one `?`): read only for the rows shown.
    static let overdueOfRow = "(SELECT COUNT(*) FROM rect_item r WHERE r.dossier_id = d.id AND r.overdue_from IS NOT NULL AND r.overdue_from <= ?)"

    /// Whether the overdue counts of every unit are needed (to filter or to sort by them).
    var joinsOverdue: Bool { filter.overdueOnly || order?.column == .items }

    var from: String { "dossier d LEFT JOIN sample_dossier s ON s.dossier_id = d.id" + overdueJoin }
    /// The same rows without the sample mark (for counting: the filters never read it).
    var counted: String { "dossier d" + overdueJoin }
    /// The sample rows only.
    var samplesFrom: String { "sample_dossier s JOIN dossier d ON d.id = s.dossier_id" + overdueJoin }

    /// Every unit's overdue count on the day (one `?`), when the filter or the order needs it.
    private var overdueJoin: String {
        guard joinsOverdue else { return "" }
        return """
             LEFT JOIN (SELECT dossier_id, COUNT(*) AS n FROM rect_item WHERE overdue_from IS NOT NULL AND overdue_from <= ?
             GROUP BY dossier_id) o ON o.dossier_id = d.id
            """
    }

    private var clauses: [(String, (any DatabaseValueConvertible)?)] {
        var c: [(String, (any DatabaseValueConvertible)?)] = []
        if let t = filter.evalType { c.append(("d.eval_type = ?", t.rawValue)) }
        if filter.notStartedOnly {
            c.append(("d.review_status IS NULL", nil))
        } else if let s = filter.reviewStatus {
            c.append(("d.review_status = ?", s.rawValue))
        }
        if filter.flaggedOnly { c.append(("d.warning_count > 0", nil)) }
        if filter.overdueOnly { c.append(("COALESCE(o.n, 0) > 0", nil)) }
        return c
    }

    var whereSQL: String {
        let c = clauses
        return c.isEmpty ? "" : "WHERE " + c.map(\.0).joined(separator: " AND ")
    }

    /// The arguments of `from` and `whereSQL`, in order.
    func arguments(_ day: String) -> [any DatabaseValueConvertible] {
        (joinsOverdue ? [day] : []) + clauses.compactMap(\.1)
    }

    /// The sort key in SQL: `UnitSortColumn.key` (NULL where it is nil).
    var key: String {
        guard let column = order?.column else { return "NULL" }
        switch column {
        case .year: return "d.fiscal_year"
        case .type:
            let cases = UnitSortColumn.typeOrder.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }
            return "(CASE d.eval_type \(cases.joined(separator: " ")) ELSE \(UnitSortColumn.typeRank(.project)) END)"
        case .selfTotal: return "d.self_total"
        case .reviewTotal: return "d.review_total"
        case .delta:
            return "(CASE WHEN d.review_complete AND d.self_total IS NOT NULL AND d.review_total IS NOT NULL THEN d.self_total - d.review_total END)"
        case .grade:
            let grade = "(CASE WHEN d.review_complete THEN d.review_grade ELSE d.self_grade END)"
            let cases = GradeRank.ranks.sorted { $0.key < $1.key }.map { "WHEN '\($0.key)' THEN \($0.value)" }
            return "(CASE WHEN \(grade) IS NULL OR \(grade) = '' THEN NULL ELSE (CASE \(grade) \(cases.joined(separator: " ")) ELSE 0 END) END)"
        case .items: return "(COALESCE(o.n, 0) * \(UnitSortColumn.overdueWeight) + d.open_items)"
        case .progress:
            return "(CASE WHEN d.scorable_rows = 0 THEN NULL ELSE d.reviewed_rows * \(UnitSortColumn.progressScale) / d.scorable_rows END)"
        }
    }

    /// Natural order: pinyin (the stored sort key), year, id.
    static let natural = "d.sort_key, d.fiscal_year, d.id"

    var orderBy: String {
        guard let order else { return Self.natural }
        return "(\(key)) IS NULL, \(key) \(order.descending ? "DESC" : "ASC"), \(Self.natural)"
    }

    /// Whether row `d` comes before the anchor row `t` (with `t.k` its key).
    var before: String {
        let natural = "(d.sort_key, d.fiscal_year, d.id) < (t.sort_key, t.fiscal_year, t.id)"
        guard let order else { return natural }
        let op = order.descending ? ">" : "<"
        return "((\(key)) IS NOT NULL AND (t.k IS NULL OR (\(key)) \(op) t.k)) OR ((\(key)) IS t.k AND \(natural))"
    }
}
