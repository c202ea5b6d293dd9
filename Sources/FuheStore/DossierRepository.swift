import Foundation
import FuheCore
import GRDB

extension FuheStore {
    /// Writes an item (`json`: its stored text when already encoded) with its summary columns.
    static func upsertItem(_ item: RectificationItem, json: String? = nil, dossierID: String, _ db: Database) throws {
        try CycleColumns.upsertItem(item, json: json, dossierID: dossierID, db)
    }

    /// Loads one whole dossier.
    public func dossier(id: String) throws -> Dossier {
        try queue.read { db in try Self.dossier(id: id, db) }
    }

    /// Ids of all dossiers, in list order.
    public func dossierIDs() throws -> [String] {
        try queue.read { db in try String.fetchAll(db, sql: "SELECT id FROM dossier ORDER BY sort_key, fiscal_year, id") }
    }

    /// `decoded` holds rows already decoded, by their stored text (see `DecodedTexts`). The
    /// lists are read in `DossierBatch.listOrder`, as `fuhe check` and a merge read many dossiers.
    static func dossier(id: String, _ db: Database, decoded: DecodedTexts = DecodedTexts()) throws -> Dossier {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT d.evaluation_json, d.self_team_json, d.review_json, d.template_id, u.json AS unit_json, c.json AS cycle_json
            FROM dossier d JOIN unit u ON u.id = d.unit_id JOIN cycle c ON c.id = d.cycle_id WHERE d.id = ?
            """, arguments: [id]) else { throw StoreError.unknownDossier(id) }
        let templateID: String = row["template_id"]
        guard let template = try decoded.templates[templateID] ?? template(id: templateID, db) else { throw StoreError.unknownTemplate(templateID) }
        var results: [String: IndicatorResult] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT node_id, json FROM result WHERE dossier_id = ?", arguments: [id]) {
            let text: String = r["json"]
            results[r["node_id"]] = try decoded.results[text] ?? DecodeCaches.results.decode(text)
        }
        let evidence = try String.fetchAll(db, sql: "SELECT json FROM evidence WHERE dossier_id = ? ORDER BY \(DossierBatch.order(of: "evidence"))", arguments: [id])
            .map { try decoded.evidence[$0] ?? JSONColumn.decode(Evidence.self, $0) }
        let findings = try String.fetchAll(db, sql: "SELECT json FROM finding WHERE dossier_id = ? ORDER BY \(DossierBatch.order(of: "finding"))", arguments: [id])
            .map { try decoded.findings[$0] ?? JSONColumn.decode(Finding.self, $0) }
        let items = try String.fetchAll(db, sql: "SELECT json FROM rect_item WHERE dossier_id = ? ORDER BY \(DossierBatch.order(of: "rect_item"))", arguments: [id])
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
