import Foundation
import FuheCore
import GRDB

extension FuheStore {
    /// How an import treats a dossier id that is already in the store.
    public enum ImportMode: Sendable {
        /// Refuse the whole import.
        case refuseExisting
        /// Replace the stored dossier (journalled).
        case replaceExisting
    }

    /// Imports dossiers (and standalone `templates`) in one transaction: either all are stored,
    /// with their units, cycles and embedded templates, or none.
    /// `samples`: ids of the dossiers that are bundled samples — marked as such; such an id already
    /// taken by a dossier that is not a sample is refused (real work is never replaced by a sample).
    ///
    /// Leases are respected: into a checked-out copy nothing is imported (its merge only takes
    /// field edits of its own units); in a main store, replacing a unit that is out as a copy is
    /// refused unless `overridingLeases`, and then that lease is marked unmergeable.
    public func importDossiers(_ dossiers: [Dossier], templates: [IndicatorTemplate] = [], mode: ImportMode = .refuseExisting,
                               overridingLeases: Bool = false, actor: String, origin: String = "import", reason: String? = nil,
                               sources: [String: ReportSource] = [:], samples: Set<String> = []) throws {
        try queue.write { db in
            _ = try importDossiers(dossiers, templates: templates, mode: mode, overridingLeases: overridingLeases, actor: actor,
                                   origin: origin, reason: reason, sources: sources, samples: samples, db)
        }
    }

    /// The import inside an open transaction (see above); the report texts in `sources` (by dossier
    /// id) are stored beside their dossiers. Returns the journal batch.
    func importDossiers(_ dossiers: [Dossier], templates: [IndicatorTemplate], mode: ImportMode, overridingLeases: Bool = false,
                        actor: String, origin: String, reason: String?, sources: [String: ReportSource], samples: Set<String> = [],
                        _ db: Database) throws -> Int64 {
        do {
            let batch = try Journal.nextBatch(db)
            try Self.checkLeases(importing: dossiers.map(\.id), replacing: mode == .replaceExisting, overriding: overridingLeases,
                                 actor: actor, batch: batch, at: clock.now(), file: name, db)
            let schemes = try Self.gradeSchemes(db)
            for t in templates {
                if try Bool.fetchOne(db, sql: "SELECT bundled FROM template WHERE id = ?", arguments: [t.id]) == true,
                   try Self.template(id: t.id, db) != t {
                    throw StoreError.rule(code: "T-000", message: "template \(t.id) would replace the bundled template of the same id")
                }
                try Self.saveTemplate(t, bundled: false, db)
            }
            for var d in dossiers {
                // The self-evaluation status is derived from the review and the items; a file that
                // says otherwise is stored with the status the rules give.
                d.evaluation.status = EvaluationLifecycle.derivedStatus(current: d.evaluation.status, review: d.review, items: d.items)
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM dossier WHERE id = ?", arguments: [d.id]) == true {
                    guard mode == .replaceExisting else { throw StoreError.duplicateDossier(d.id) }
                    if samples.contains(d.id), try !Self.isSample(d.id, db) { throw Self.notASample(d.id) }
                    try db.execute(sql: "DELETE FROM dossier WHERE id = ?", arguments: [d.id])
                }
                if let existing = try Self.template(id: d.template.id, db) {
                    if existing != d.template {
                        // A different template under the same id would silently rescore other dossiers.
                        let bundled = try Bool.fetchOne(db, sql: "SELECT bundled FROM template WHERE id = ?", arguments: [d.template.id]) ?? false
                        if bundled { throw StoreError.rule(code: "T-000", message: "dossier \(d.id) carries a template \"\(d.template.id)\" that differs from the bundled one") }
                        try Self.saveTemplate(d.template, bundled: false, db)
                    }
                } else {
                    try Self.saveTemplate(d.template, bundled: false, db)
                }
                try Self.insert(d, db)
                if samples.contains(d.id) { try db.execute(sql: "INSERT OR IGNORE INTO sample_dossier(dossier_id) VALUES (?)", arguments: [d.id]) }
                let (stored, scored) = try Self.refreshSummary(dossierID: d.id, schemes: schemes, today: today, db)
                if let problem = StoredRules.violations(stored, scored: scored).first {
                    throw StoreError.rule(code: problem.code, message: "dossier \(d.id): \(problem.message)")
                }
                try Journal.append(db, JournalRecord(actor: actor, origin: origin, dossierID: d.id, entity: "dossier", entityID: d.id,
                                                     field: "*", old: nil, new: "imported", reason: reason), batch: batch, at: clock.now())
                if let source = sources[d.id] { try ReportSources.save(source, dossierID: d.id, db) }
            }
            return batch
        }
    }

    static func insert(_ d: Dossier, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO unit(id, name, json) VALUES (?, ?, ?)", arguments: [d.unit.id, d.unit.name, JSONColumn.encode(d.unit)])
        try db.execute(sql: "INSERT OR REPLACE INTO cycle(id, fiscal_year, json) VALUES (?, ?, ?)",
                       arguments: [d.cycle.id, d.cycle.fiscalYear, JSONColumn.encode(d.cycle)])
        try db.execute(sql: """
            INSERT INTO dossier(id, unit_id, cycle_id, template_id, evaluation_json, self_team_json, review_json,
                                unit_name, sort_key, fiscal_year, year_is_demo, eval_type, status, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')
            """, arguments: [d.id, d.unit.id, d.cycle.id, d.template.id, JSONColumn.encode(d.evaluation),
                             JSONColumn.encode(d.selfTeam), d.review.map(JSONColumn.encode), d.unit.displayName,
                             SortKey.of(d.unit.displayName), d.cycle.fiscalYear, d.cycle.yearIsDemo,
                             d.evaluation.evalType.rawValue, d.evaluation.status.rawValue])
        for (nodeID, r) in d.results {
            try db.execute(sql: "INSERT INTO result(dossier_id, node_id, json) VALUES (?, ?, ?)", arguments: [d.id, nodeID, JSONColumn.encode(r)])
        }
        for (i, e) in d.evidence.enumerated() {
            try db.execute(sql: "INSERT INTO evidence(dossier_id, id, position, json) VALUES (?, ?, ?, ?)", arguments: [d.id, e.id, i, JSONColumn.encode(e)])
        }
        for f in d.findings {
            try db.execute(sql: "INSERT INTO finding(dossier_id, id, seq, json) VALUES (?, ?, ?, ?)", arguments: [d.id, f.id, f.seq, JSONColumn.encode(f)])
        }
        for item in d.items { try upsertItem(item, dossierID: d.id, db) }
    }

    static func upsertItem(_ item: RectificationItem, dossierID: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO rect_item(dossier_id, id, finding_id, seq, status, deadline, overdue_from, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(dossier_id, id) DO UPDATE SET finding_id = excluded.finding_id, seq = excluded.seq, status = excluded.status,
                deadline = excluded.deadline, overdue_from = excluded.overdue_from, json = excluded.json
            """, arguments: [dossierID, item.id, item.findingID, item.seq, item.status.rawValue, item.deadline.description,
                             OverdueFrom.day(for: item)?.description, JSONColumn.encode(item)])
    }

    /// Loads one whole dossier.
    public func dossier(id: String) throws -> Dossier {
        try queue.read { db in try Self.dossier(id: id, db) }
    }

    /// Ids of all dossiers, in list order.
    public func dossierIDs() throws -> [String] {
        try queue.read { db in try String.fetchAll(db, sql: "SELECT id FROM dossier ORDER BY sort_key, fiscal_year, id") }
    }

    /// `decoded` holds rows already decoded, by their stored text (see `DecodedTexts`).
    static func dossier(id: String, _ db: Database, decoded: DecodedTexts = DecodedTexts()) throws -> Dossier {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT d.evaluation_json, d.self_team_json, d.review_json, d.template_id, u.json AS unit_json, c.json AS cycle_json
            FROM dossier d JOIN unit u ON u.id = d.unit_id JOIN cycle c ON c.id = d.cycle_id WHERE d.id = ?
            """, arguments: [id]) else { throw StoreError.unknownDossier(id) }
        guard let template = try template(id: row["template_id"], db) else { throw StoreError.unknownTemplate(row["template_id"]) }
        var results: [String: IndicatorResult] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT node_id, json FROM result WHERE dossier_id = ?", arguments: [id]) {
            let text: String = r["json"]
            results[r["node_id"]] = try decoded.results[text] ?? DecodeCaches.results.decode(text)
        }
        let evidence = try String.fetchAll(db, sql: "SELECT json FROM evidence WHERE dossier_id = ? ORDER BY position", arguments: [id])
            .map { try decoded.evidence[$0] ?? JSONColumn.decode(Evidence.self, $0) }
        let findings = try String.fetchAll(db, sql: "SELECT json FROM finding WHERE dossier_id = ? ORDER BY seq, id", arguments: [id])
            .map { try decoded.findings[$0] ?? JSONColumn.decode(Finding.self, $0) }
        let items = try String.fetchAll(db, sql: "SELECT json FROM rect_item WHERE dossier_id = ? ORDER BY seq, id", arguments: [id])
            .map { try decoded.items[$0] ?? JSONColumn.decode(RectificationItem.self, $0) }
        let reviewJSON: String? = row["review_json"]
        let evaluationJSON: String = row["evaluation_json"]
        return Dossier(unit: try JSONColumn.decode(EvaluatedUnit.self, row["unit_json"]),
                       cycle: try JSONColumn.decode(EvaluationCycle.self, row["cycle_json"]),
                       template: template,
                       evaluation: try decoded.evaluations[evaluationJSON] ?? JSONColumn.decode(SelfEvaluation.self, evaluationJSON),
                       results: results, evidence: evidence,
                       selfTeam: try JSONColumn.decode([TeamMember].self, row["self_team_json"]),
                       review: try reviewJSON.map { try decoded.reviews[$0] ?? JSONColumn.decode(Review.self, $0) },
                       findings: findings, items: items)
    }
}

/// The names a dossier can be found by (for resolving what a user typed on the command line).
public struct DossierNames: Sendable, Hashable {
    public var dossierID: String
    public var unitID: String
    public var unitName: String
    public var displayName: String
    public var objectName: String
    public var fiscalYear: Int
}

extension FuheStore {
    /// Ids and names of every dossier, in list order, without loading any dossier.
    public func dossierNames() throws -> [DossierNames] {
        try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.id, d.unit_id, u.name, d.unit_name, json_extract(d.evaluation_json, '$.objectName') AS object_name, d.fiscal_year
                FROM dossier d JOIN unit u ON u.id = d.unit_id ORDER BY d.sort_key, d.fiscal_year, d.id
                """).map { row in
                DossierNames(dossierID: row[0], unitID: row[1], unitName: row[2], displayName: row[3],
                             objectName: row[4] ?? "", fiscalYear: row[5])
            }
        }
    }
}
