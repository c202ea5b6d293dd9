import Foundation
import FuheCore
import GRDB

/// 抽查 in the store: which self-evaluations are waiting to be sampled, and recording a selection
/// (each dossier RECEIVED → SELECTED / NOT_SELECTED, plus the selection itself with its method,
/// ratio and seed) as one journal batch.
extension FuheStore {
    /// The received (已报送) self-evaluations of `year` (default: the latest year that has any),
    /// each with its unit's latest earlier deviation and its overdue items from earlier years.
    public func samplingCandidates(year: Int? = nil, today: CalendarDay? = nil) throws -> (year: Int, candidates: [Sampling.Candidate])? {
        let day = (today ?? self.today).description
        return try queue.read { db in
            guard let y = try year ?? Int.fetchOne(db, sql: "SELECT MAX(fiscal_year) FROM dossier WHERE status = 'RECEIVED'") else { return nil }
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.id, d.unit_name,
                       (SELECT ABS(p.self_total - p.review_total) FROM dossier p
                         WHERE p.unit_id = d.unit_id AND p.fiscal_year < d.fiscal_year AND p.review_complete = 1
                           AND p.self_total IS NOT NULL AND p.review_total IS NOT NULL
                         ORDER BY p.fiscal_year DESC LIMIT 1),
                       (SELECT COUNT(*) FROM rect_item i JOIN dossier p ON p.id = i.dossier_id
                         WHERE p.unit_id = d.unit_id AND p.fiscal_year < d.fiscal_year
                           AND i.overdue_from IS NOT NULL AND i.overdue_from <= ?)
                FROM dossier d WHERE d.status = 'RECEIVED' AND d.fiscal_year = ? ORDER BY d.id
                """, arguments: [day, y])
            return (y, rows.map { Sampling.Candidate(dossierID: $0[0], unitName: $0[1], pastDeviation: ($0[2] as Int?).map(Score.init(hundredths:)),
                                                     overdueItems: $0[3]) })
        }
    }

    /// Records a selection in one transaction and one journal batch: every candidate's new status
    /// (field `status` of its self-evaluation) and the selection itself (entity `sampling`: method,
    /// ratio, seed, selected and not selected). Returns the batch.
    @discardableResult
    public func recordSampling(_ selection: Sampling.Selection, year: Int, actor: String, session: String? = nil) throws -> Int64 {
        try queue.write { db in
            let batch = try Journal.nextBatch(db)
            let now = clock.now()
            let reason = "抽查（\(selection.method.label)，比例 \(selection.ratio)，种子 \(selection.seed)）：抽取 \(selection.selected.count) 个，未抽取 \(selection.notSelected.count) 个"
            let who = Attribution(actor: actor, origin: "local", reason: reason, at: now, atText: ISO.format(now), session: session)
            let schemes = try Self.gradeSchemes(db)
            for (ids, status) in [(selection.selected, EvaluationStatus.selected), (selection.notSelected, .notSelected)] {
                for id in ids {
                    let d = try Self.dossier(id: id, db)
                    guard EvaluationLifecycle.canMove(from: d.evaluation.status, to: status) else {
                        throw StoreError.rule(code: "SM-001", message: "\(d.unit.displayName)（\(id)）当前为「\(d.evaluation.status.label)」，不能转为「\(status.label)」")
                    }
                    var e = d.evaluation
                    e.status = status
                    _ = try Self.applyChanges([.evaluation(e)], to: id, batch: batch, db, attribution: { _, _ in who })
                    try Self.refreshSummary(dossierID: id, schemes: schemes, today: today, db)
                }
            }
            try Journal.append(db, JournalRecord(actor: actor, origin: "local", dossierID: nil, entity: "sampling", entityID: "\(year)-\(batch)",
                                                 field: "*", old: nil, new: JSONColumn.encode(selection), reason: reason, session: session),
                               batch: batch, at: now)
            return batch
        }
    }
}
