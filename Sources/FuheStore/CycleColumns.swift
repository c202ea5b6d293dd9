import Foundation
import FuheCore
import GRDB

/// The summary columns the cross-unit views read (migration v9-cycle-summaries): a finding's
/// category, severity, indicator, description and repeat link; an item's measure, type, who is
/// responsible, its dates, returns and escalations; a dossier's first-level scores and 结果应用.
enum CycleColumns {
    static func upsertFinding(_ f: Finding, json: String?, dossierID: String, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO finding(dossier_id, id, seq, json, category, severity, node_id, description, repeat_of)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [dossierID, f.id, f.seq, json ?? JSONColumn.encode(f), f.category.rawValue, f.severity.rawValue,
                                     f.nodeID, f.description, f.repeatOf])
    }

    static func upsertItem(_ item: RectificationItem, json: String? = nil, dossierID: String, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO rect_item(dossier_id, id, finding_id, seq, status, deadline, overdue_from, json, measure, rect_type, resp_unit,
                                  resp_person, created_on, submitted_on, next_check_on, long_term_since, last_progress_on,
                                  return_count, escalation_count, last_escalation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(dossier_id, id) DO UPDATE SET finding_id = excluded.finding_id, seq = excluded.seq, status = excluded.status,
                deadline = excluded.deadline, overdue_from = excluded.overdue_from, json = excluded.json, measure = excluded.measure,
                rect_type = excluded.rect_type, resp_unit = excluded.resp_unit, resp_person = excluded.resp_person,
                created_on = excluded.created_on, submitted_on = excluded.submitted_on, next_check_on = excluded.next_check_on,
                long_term_since = excluded.long_term_since, last_progress_on = excluded.last_progress_on,
                return_count = excluded.return_count, escalation_count = excluded.escalation_count,
                last_escalation = excluded.last_escalation
            """).execute(arguments: [dossierID, item.id, item.findingID, item.seq, item.status.rawValue, item.deadline.description,
                                     OverdueFrom.day(for: item)?.description, json ?? JSONColumn.encode(item), item.measure, item.rectType.rawValue,
                                     item.respUnit, item.respPerson, item.createdOn.description, item.submittedOn?.description,
                                     item.nextCheckOn?.description, item.longTermSince?.description, item.lastProgressOn?.description,
                                     item.returnCount, item.escalationRecords.count, item.escalationRecords.last?.kind.rawValue])
    }

    /// The first-level scores of a scored dossier as one text column: per L1 node a line
    /// "name\tweight\tself\treview" in hundredths (empty when that view is incomplete).
    static func firstLevel(_ d: Dossier, _ scored: ScoredDossier) -> String {
        d.template.nodes.filter { $0.parentID == nil && $0.kind == .base }.map { node in
            let s = scored.score(node.id, .selfStated), r = scored.score(node.id, .review)
            let selfText = s.complete ? s.value.map { String($0.hundredths) } ?? "" : ""
            let reviewText = r.complete ? r.value.map { String($0.hundredths) } ?? "" : ""
            return [node.name.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " "),
                    String(node.weight.hundredths), selfText, reviewText].joined(separator: "\t")
        }.joined(separator: "\n")
    }

    /// Refreshes the summaries of dossiers whose first-level scores were never computed (a store
    /// from before v6), in one transaction.
    static func backfill(_ queue: DatabaseQueue, today: CalendarDay) throws {
        let pending = try queue.read { db in try String.fetchAll(db, sql: "SELECT id FROM dossier WHERE l1_scores IS NULL") }
        guard !pending.isEmpty else { return }
        try queue.write { db in
            let schemes = try FuheStore.gradeSchemes(db)
            for id in pending { try FuheStore.refreshSummary(dossierID: id, schemes: schemes, today: today, db) }
        }
    }
}
