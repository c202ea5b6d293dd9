import Foundation
import FuheCore
import GRDB

extension FuheStore {
    /// The unit list in pinyin order, with overdue counts for `today`.
    public func unitList(today: CalendarDay? = nil, filter: UnitFilter = .all) throws -> [UnitSummary] {
        var clauses: [String] = []
        var args: [any DatabaseValueConvertible] = []
        if let t = filter.evalType { clauses.append("d.eval_type = ?"); args.append(t.rawValue) }
        if filter.notStartedOnly {
            clauses.append("d.review_status IS NULL")
        } else if let s = filter.reviewStatus {
            clauses.append("d.review_status = ?"); args.append(s.rawValue)
        }
        if filter.flaggedOnly { clauses.append("d.warning_count > 0") }
        if filter.overdueOnly { clauses.append("COALESCE(o.n, 0) > 0") }
        return try summaries(today: today, clauses: clauses, arguments: args)
    }

    /// One unit's summary line (after an edit, instead of re-reading the whole list).
    public func unitSummary(dossierID: String, today: CalendarDay? = nil) throws -> UnitSummary? {
        try summaries(today: today, clauses: ["d.id = ?"], arguments: [dossierID]).first
    }

    private func summaries(today: CalendarDay?, clauses: [String], arguments: [any DatabaseValueConvertible]) throws -> [UnitSummary] {
        let day = today ?? self.today
        return try queue.read { db in try Self.summaryRows(db, today: day, clauses: clauses, arguments: arguments).map(Self.summary) }
    }

    /// The rows of the summary query (`summary(_:)` maps one), in unit list order; after the
    /// summary columns each row has the unit's `sort_key` (column 19).
    static func summaryRows(_ db: Database, today: CalendarDay, clauses: [String], arguments: [any DatabaseValueConvertible]) throws -> [Row] {
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        // Reads only summary columns (served by the covering index dossier_list) and counts
        // overdue items through the partial index on rect_item.overdue_from.
        return try Row.fetchAll(db, sql: """
            SELECT d.id, d.unit_name, d.fiscal_year, d.year_is_demo, d.eval_type, d.status, d.review_status,
                   d.self_total, d.self_grade, d.review_total, d.review_complete, d.review_grade, d.reviewed_rows,
                   d.scorable_rows, d.warning_count, d.open_items, d.total_items, COALESCE(o.n, 0) AS overdue_items,
                   s.dossier_id IS NOT NULL AS is_sample, d.sort_key
            FROM dossier d
            LEFT JOIN sample_dossier s ON s.dossier_id = d.id
            LEFT JOIN (SELECT dossier_id, COUNT(*) AS n FROM rect_item WHERE overdue_from IS NOT NULL AND overdue_from <= ? GROUP BY dossier_id) o
              ON o.dossier_id = d.id
            \(whereSQL) ORDER BY d.sort_key, d.fiscal_year, d.id
            """, arguments: StatementArguments([today.description] + arguments))
    }

    /// Maps a row of the summary query (columns by position, in the SELECT's order).
    static func summary(_ row: Row) -> UnitSummary {
        let score: (Int) -> Score? = { i in (row[i] as Int?).map { Score(hundredths: $0) } }
        return UnitSummary(dossierID: row[0], unitName: row[1], fiscalYear: row[2], yearIsDemo: row[3],
                           evalType: EvalType(rawValue: row[4]) ?? .project, status: EvaluationStatus(rawValue: row[5]) ?? .selected,
                           reviewStatus: (row[6] as String?).flatMap(ReviewStatus.init(rawValue:)),
                           selfTotal: score(7), selfGrade: row[8], reviewTotal: score(9), reviewComplete: row[10], reviewGrade: row[11],
                           reviewedRows: row[12], scorableRows: row[13], warningCount: row[14], openItems: row[15], totalItems: row[16],
                           overdueItems: row[17], isSample: row[18])
    }

    /// Recomputes one dossier's summary columns (scores, grades, progress, flags, item counts).
    /// Returns the dossier as stored and its scoring (for checks that need both).
    @discardableResult
    static func refreshSummary(dossierID: String, schemes: [String: GradeScheme], today: CalendarDay, _ db: Database,
                               decoded: DecodedTexts = DecodedTexts()) throws -> (Dossier, ScoredDossier) {
        let d = try dossier(id: dossierID, db, decoded: decoded)
        let scheme = schemes[d.template.gradeSchemeID] ?? GradeScheme.mof4
        let scored = DossierScorer.score(d, scheme: scheme)
        try writeSummary(d, scored, scheme: scheme, db)
        return (d, scored)
    }

    /// Writes the summary columns of a dossier from its scoring (`SummaryFigures`, the same
    /// figures every store keeps) and its first-level scores.
    static func writeSummary(_ d: Dossier, _ scored: ScoredDossier, scheme: GradeScheme, updatedAt: String = ISO.format(Date()),
                             _ db: Database) throws {
        let f = SummaryFigures(d, scored: scored, scheme: scheme)
        try db.cachedStatement(sql: """
            UPDATE dossier SET review_status = ?, self_total = ?, self_grade = ?, review_total = ?, review_complete = ?,
                review_grade = ?, reviewed_rows = ?, scorable_rows = ?, warning_count = ?, open_items = ?, total_items = ?,
                status = ?, updated_at = ?, l1_scores = ?, application = ? WHERE id = ?
            """).execute(arguments: [f.reviewStatus?.rawValue, f.selfTotal?.hundredths, f.selfGrade, f.reviewTotal?.hundredths, f.reviewComplete,
                                     f.reviewGrade, f.reviewedRows, f.scorableRows, f.warningCount, f.openItems, f.totalItems,
                                     f.status.rawValue, updatedAt, CycleColumns.firstLevel(d, scored),
                                     d.review?.application?.kind.rawValue, d.id])
    }
}
