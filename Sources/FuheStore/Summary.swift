import Foundation
import FuheCore
import GRDB

extension FuheStore {
    /// The unit list in pinyin order, with overdue counts for `today`.
    public func unitList(today: CalendarDay? = nil, filter: UnitFilter = .all) throws -> [UnitSummary] {
        let day = (today ?? self.today).description
        var clauses: [String] = []
        var args: [any DatabaseValueConvertible] = [day]
        if let t = filter.evalType { clauses.append("d.eval_type = ?"); args.append(t.rawValue) }
        if let s = filter.reviewStatus { clauses.append("d.review_status = ?"); args.append(s.rawValue) }
        if filter.flaggedOnly { clauses.append("d.warning_count > 0") }
        if filter.overdueOnly { clauses.append("COALESCE(o.n, 0) > 0") }
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        return try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.id, d.unit_name, d.fiscal_year, d.year_is_demo, d.eval_type, d.status, d.review_status,
                       d.self_total, d.self_grade, d.review_total, d.review_complete, d.review_grade, d.reviewed_rows,
                       d.scorable_rows, d.warning_count, d.open_items, d.total_items, COALESCE(o.n, 0) AS overdue_items
                FROM dossier d
                LEFT JOIN (SELECT dossier_id, COUNT(*) AS n FROM rect_item WHERE overdue_from <= ? GROUP BY dossier_id) o
                  ON o.dossier_id = d.id
                \(whereSQL) ORDER BY d.sort_key, d.fiscal_year, d.id
                """, arguments: StatementArguments(args)).map(Self.summary)
        }
    }

    static func summary(_ row: Row) -> UnitSummary {
        let score: (String) -> Score? = { key in (row[key] as Int?).map { Score(hundredths: $0) } }
        return UnitSummary(dossierID: row["id"], unitName: row["unit_name"], fiscalYear: row["fiscal_year"],
                           yearIsDemo: row["year_is_demo"], evalType: EvalType(rawValue: row["eval_type"]) ?? .project,
                           status: EvaluationStatus(rawValue: row["status"]) ?? .selected,
                           reviewStatus: (row["review_status"] as String?).flatMap(ReviewStatus.init(rawValue:)),
                           selfTotal: score("self_total"), selfGrade: row["self_grade"], reviewTotal: score("review_total"),
                           reviewComplete: row["review_complete"], reviewGrade: row["review_grade"],
                           reviewedRows: row["reviewed_rows"], scorableRows: row["scorable_rows"], warningCount: row["warning_count"],
                           openItems: row["open_items"], totalItems: row["total_items"], overdueItems: row["overdue_items"])
    }

    /// Recomputes one dossier's summary columns (scores, grades, progress, flags, item counts).
    static func refreshSummary(dossierID: String, schemes: [String: GradeScheme], today: CalendarDay, _ db: Database) throws {
        let d = try dossier(id: dossierID, db)
        let scheme = schemes[d.template.gradeSchemeID] ?? GradeScheme.mof4
        let scored = DossierScorer.score(d, scheme: scheme)
        let computedSelf = scored.total(.selfStated)
        let selfTotal = d.evaluation.finalStatedTotal ?? (computedSelf.complete ? computedSelf.value : nil)
        let selfGrade = d.evaluation.statedGrade ?? selfTotal.flatMap { scheme.grade(for: $0)?.label }
        let review = scored.total(.review)
        let reviewGrade = review.complete ? review.value.flatMap { scheme.grade(for: $0)?.label } : nil
        let open = d.items.filter { $0.status.isOpen }.count
        try db.execute(sql: """
            UPDATE dossier SET review_status = ?, self_total = ?, self_grade = ?, review_total = ?, review_complete = ?,
                review_grade = ?, reviewed_rows = ?, scorable_rows = ?, warning_count = ?, open_items = ?, total_items = ?,
                status = ?, updated_at = ? WHERE id = ?
            """, arguments: [d.review?.status.rawValue, selfTotal?.hundredths, selfGrade, review.value?.hundredths, review.complete,
                             reviewGrade, scored.reviewedLeafCount, scored.scorableLeafCount,
                             scored.messages.filter { $0.level == .warning }.count, open, d.items.count,
                             d.evaluation.status.rawValue, ISO.format(Date()), dossierID])
    }
}
