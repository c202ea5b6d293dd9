import Foundation
import FuheCore
import PostgresNIO

/// A dossier as stored: the decoded model, each entity's stored JSON (for compare-and-set and the
/// journal's diffs), evidence positions, and its team.
struct LoadedDossier: Sendable {
    var dossier: Dossier
    var snapshot: EntitySnapshot
    var evidencePositions: [String: Int]
    var teamID: Int
    var teamName: String
}

extension ServerStore {
    /// Reads a dossier of the account's teams (locking its row when `forUpdate`: writes to one
    /// dossier are serialized). A dossier of another team is "not found", as if it did not exist.
    func load(_ id: String, access: Access, forUpdate: Bool, _ conn: PostgresConnection) async throws -> LoadedDossier {
        let lock = forUpdate ? "FOR UPDATE OF d" : ""
        guard let head = try await conn.rows(PostgresQuery(unsafeSQL: """
            SELECT d.team_id, t.name, d.evaluation_json, d.self_team_json, d.review_json, d.template_id, u.json, c.json
            FROM dossier d JOIN unit u ON u.id = d.unit_id JOIN cycle c ON c.id = d.cycle_id JOIN team t ON t.id = d.team_id
            WHERE d.id = \(ServerSchema.quoteLiteral(id)) AND d.team_id = ANY(\(intArray(access.teamIDs))) \(lock)
            """), logger).first else {
            throw ServerError.notFound("没有单位 \(id)（或不属于你的小组）")
        }
        let (teamID, teamName, evaluationJSON, selfTeamJSON, reviewJSON, templateID, unitJSON, cycleJSON) =
            try head.decode((Int, String, String, String, String?, String, String, String).self)
        var snapshot: EntitySnapshot = [:]
        var results: [String: IndicatorResult] = [:]
        var evidence: [(Int, Evidence)] = []
        var findings: [Finding] = []
        var items: [RectificationItem] = []
        var positions: [String: Int] = [:]
        for row in try await conn.rows("""
            SELECT 'result', node_id, json, 0 FROM result WHERE dossier_id = \(id)
            UNION ALL SELECT 'evidence', id, json, position FROM evidence WHERE dossier_id = \(id)
            UNION ALL SELECT 'finding', id, json, seq FROM finding WHERE dossier_id = \(id)
            UNION ALL SELECT 'item', id, json, seq FROM rect_item WHERE dossier_id = \(id)
            """, logger) {
            let (entity, entityID, json, order) = try row.decode((String, String, String, Int).self)
            snapshot[EntityKey(dossierID: id, entity: entity, id: entityID)] = json
            switch entity {
            case "result": results[entityID] = try StoredJSON.decode(IndicatorResult.self, json)
            case "evidence":
                evidence.append((order, try StoredJSON.decode(Evidence.self, json)))
                positions[entityID] = order
            case "finding": findings.append(try StoredJSON.decode(Finding.self, json))
            default: items.append(try StoredJSON.decode(RectificationItem.self, json))
            }
        }
        snapshot[EntityKey(dossierID: id, entity: "evaluation", id: id)] = evaluationJSON
        if let reviewJSON { snapshot[EntityKey(dossierID: id, entity: "review", id: id)] = reviewJSON }
        let dossier = Dossier(unit: try StoredJSON.decode(EvaluatedUnit.self, unitJSON), cycle: try StoredJSON.decode(EvaluationCycle.self, cycleJSON),
                              template: try await template(templateID, conn),
                              evaluation: try StoredJSON.decode(SelfEvaluation.self, evaluationJSON), results: results,
                              evidence: evidence.sorted { $0.0 < $1.0 }.map(\.1), selfTeam: try StoredJSON.decode([TeamMember].self, selfTeamJSON),
                              review: try reviewJSON.map { try StoredJSON.decode(Review.self, $0) },
                              findings: findings.sorted { ($0.seq, $0.id) < ($1.seq, $1.id) },
                              items: items.sorted { ($0.seq, $0.id) < ($1.seq, $1.id) })
        return LoadedDossier(dossier: dossier, snapshot: snapshot, evidencePositions: positions, teamID: teamID, teamName: teamName)
    }
}
