import Foundation
import FuheCore
import GRDB

/// The stored texts of one dossier, read together with many others (`DossierBatch.read`) and
/// decoded later, on any core, into the same `Dossier` that `FuheStore.dossier(id:)` assembles.
struct StoredDossierTexts: Sendable {
    let id: String
    let evaluation: String
    let selfTeam: String
    let review: String?
    let unit: String
    let cycle: String
    let template: IndicatorTemplate
    var results: [(nodeID: String, json: String)] = []
    /// In the order `dossier(id:)` reads them: evidence by position, findings and items by seq, id.
    var evidence: [String] = []
    var findings: [String] = []
    var items: [String] = []

    /// Decodes every text (the stored-row reader for the rows) and assembles the dossier.
    func dossier() throws -> Dossier {
        var byNode: [String: IndicatorResult] = [:]
        byNode.reserveCapacity(results.count)
        for (nodeID, json) in results { byNode[nodeID] = try JSONColumn.decode(IndicatorResult.self, json) }
        return Dossier(unit: try JSONColumn.decode(EvaluatedUnit.self, unit),
                       cycle: try JSONColumn.decode(EvaluationCycle.self, cycle),
                       template: template,
                       evaluation: try JSONColumn.decode(SelfEvaluation.self, evaluation),
                       results: byNode,
                       evidence: try evidence.map { try JSONColumn.decode(Evidence.self, $0) },
                       selfTeam: try JSONColumn.decode([TeamMember].self, selfTeam),
                       review: try review.map { try JSONColumn.decode(Review.self, $0) },
                       findings: try findings.map { try JSONColumn.decode(Finding.self, $0) },
                       items: try items.map { try JSONColumn.decode(RectificationItem.self, $0) })
    }
}

/// Reads the stored texts of many dossiers with one statement per table (instead of six per
/// dossier), for `fuhe check`: the texts are decoded afterwards on every core.
enum DossierBatch {
    /// The texts of `ids`, in that order; every id must be a stored dossier. `templates` keeps
    /// the templates read so far (by id) for the next blocks, so that a template is decoded once
    /// and its dossiers share one value (and one scoring index).
    static func read(_ ids: [String], _ db: Database, templates: inout [String: IndicatorTemplate]) throws -> [StoredDossierTexts] {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let arguments = StatementArguments(ids)
        var byID: [String: StoredDossierTexts] = [:]
        byID.reserveCapacity(ids.count)
        // Cursors read each value straight from the statement (no copied rows, no column names).
        let dossiers = try Row.fetchCursor(db, sql: """
            SELECT d.id, d.evaluation_json, d.self_team_json, d.review_json, d.template_id, u.json, c.json
            FROM dossier d JOIN unit u ON u.id = d.unit_id JOIN cycle c ON c.id = d.cycle_id WHERE d.id IN (\(marks))
            """, arguments: arguments)
        while let row = try dossiers.next() {
            let templateID: String = row[4]
            if templates[templateID] == nil {
                guard let t = try FuheStore.template(id: templateID, db) else { throw StoreError.unknownTemplate(templateID) }
                templates[templateID] = t
            }
            let id: String = row[0]
            byID[id] = StoredDossierTexts(id: id, evaluation: row[1], selfTeam: row[2], review: row[3], unit: row[5], cycle: row[6],
                                          template: templates[templateID]!)
        }
        for id in ids where byID[id] == nil { throw StoreError.unknownDossier(id) }
        let results = try Row.fetchCursor(db, sql: "SELECT dossier_id, node_id, json FROM result WHERE dossier_id IN (\(marks))",
                                          arguments: arguments)
        while let row = try results.next() {
            byID[row[0] as String]?.results.append((row[1], row[2]))
        }
        for (table, order) in [("evidence", "position"), ("finding", "seq, id"), ("rect_item", "seq, id")] {
            let rows = try Row.fetchCursor(db, sql: "SELECT dossier_id, json FROM \(table) WHERE dossier_id IN (\(marks)) ORDER BY dossier_id, \(order)",
                                           arguments: arguments)
            while let row = try rows.next() {
                let id: String = row[0], json: String = row[1]
                switch table {
                case "evidence": byID[id]?.evidence.append(json)
                case "finding": byID[id]?.findings.append(json)
                default: byID[id]?.items.append(json)
                }
            }
        }
        return ids.map { byID[$0]! }
    }
}
