import Foundation
import FuheCore
import GRDB

/// The lease's dossiers as they stand before a merge writes, read once before its write
/// transaction: every stored text, decoded on all cores, so that the
/// status the writes imply and the summaries after them are computed from the dossier in memory
/// with the writes laid over it (`Dossier.applying`) instead of reading each dossier back inside
/// the transaction. The transaction refuses the merge when any of these dossiers was journalled
/// since the plan was made, and every change to their rows, evidence, findings, items and
/// headers is journalled: these texts are what it sees. Units and cycles, which no figure of a
/// summary depends on, are read here too.
struct MergeHeldDossiers {
    /// One dossier's stored texts, in the order `FuheStore.dossier(id:)` reads them.
    struct Texts {
        var templateID = ""
        var unit = "", cycle = "", selfTeam = "", evaluation = ""
        var review: String?
        var results: [(nodeID: String, json: String)] = []
        var evidence: [String] = [], findings: [String] = [], items: [String] = []
    }

    /// One dossier's values, decoded from its texts.
    struct Values {
        var unit: EvaluatedUnit
        var cycle: EvaluationCycle
        var selfTeam: [TeamMember]
        var evaluation: SelfEvaluation
        var review: Review?
        var results: [String: IndicatorResult]
        var evidence: [Evidence], findings: [Finding], items: [RectificationItem]
    }

    private(set) var texts: [String: Texts] = [:]
    private var values: [String: Values] = [:]

    /// Reads the dossiers' texts in one statement per table.
    static func read(_ ids: [String], _ db: Database) throws -> MergeHeldDossiers {
        var held = MergeHeldDossiers()
        guard !ids.isEmpty else { return held }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let args = StatementArguments(ids)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT d.id, d.template_id, u.json, c.json, d.self_team_json, d.evaluation_json, d.review_json
            FROM dossier d JOIN unit u ON u.id = d.unit_id JOIN cycle c ON c.id = d.cycle_id WHERE d.id IN (\(marks))
            """, arguments: args)
        while let row = try rows.next() {
            held.texts[row[0]] = Texts(templateID: row[1], unit: row[2], cycle: row[3], selfTeam: row[4], evaluation: row[5], review: row[6])
        }
        let results = try Row.fetchCursor(db, sql: "SELECT dossier_id, node_id, json FROM result WHERE dossier_id IN (\(marks))", arguments: args)
        while let row = try results.next() {
            let nodeID: String = row[1], json: String = row[2]
            held.texts[row[0]]?.results.append((nodeID, json))
        }
        for (table, order, path) in [("evidence", "position", \Texts.evidence), ("finding", "seq, id", \Texts.findings),
                                     ("rect_item", "seq, id", \Texts.items)] {
            let cursor = try Row.fetchCursor(db, sql: "SELECT dossier_id, json FROM \(table) WHERE dossier_id IN (\(marks)) ORDER BY dossier_id, \(order)",
                                             arguments: args)
            while let row = try cursor.next() {
                let json: String = row[1]
                held.texts[row[0]]?[keyPath: path].append(json)
            }
        }
        return held
    }

    /// The headers' texts (`evaluation`, `review`), for `DecodedTexts.decode` with the merged
    /// values: the row rules look the self-evaluation up by its text.
    var headerTexts: [String: [String]] {
        var out: [String: [String]] = [:]
        for t in texts.values {
            out["evaluation", default: []].append(t.evaluation)
            if let review = t.review { out["review", default: []].append(review) }
        }
        return out
    }

    /// Decodes every dossier's texts, the rows on all cores, in order: no text is hashed to be
    /// found again (before the transaction).
    mutating func decode() throws {
        let texts = self.texts
        let ids = Array(texts.keys)
        func all<T: Decodable & Sendable>(_ path: (Texts) -> [String], as type: T.Type) throws -> [String: ArraySlice<T>] {
            let decoded = try ParallelDecoder.decodeInOrder(ids.flatMap { path(texts[$0]!) }, as: type)
            var out: [String: ArraySlice<T>] = [:]
            var at = 0
            for id in ids {
                let n = path(texts[id]!).count
                out[id] = decoded[at..<(at + n)]
                at += n
            }
            return out
        }
        let rows = try all({ $0.results.map(\.json) }, as: IndicatorResult.self)
        let evidence = try all(\.evidence, as: Evidence.self)
        let findings = try all(\.findings, as: Finding.self)
        let items = try all(\.items, as: RectificationItem.self)
        for id in ids {
            let t = texts[id]!
            var results: [String: IndicatorResult] = [:]
            results.reserveCapacity(t.results.count)
            for (r, row) in zip(t.results, rows[id]!) { results[r.nodeID] = row }
            values[id] = Values(unit: try JSONColumn.decode(EvaluatedUnit.self, t.unit), cycle: try JSONColumn.decode(EvaluationCycle.self, t.cycle),
                                selfTeam: try JSONColumn.decode([TeamMember].self, t.selfTeam),
                                evaluation: try JSONColumn.decode(SelfEvaluation.self, t.evaluation),
                                review: try t.review.map { try JSONColumn.decode(Review.self, $0) },
                                results: results, evidence: Array(evidence[id]!), findings: Array(findings[id]!), items: Array(items[id]!))
        }
    }

    /// The dossier as stored now, from the values decoded ahead, with its template (read in the
    /// transaction); what `FuheStore.dossier(id:)` would read there.
    func dossier(_ id: String, templates: [String: IndicatorTemplate]) throws -> Dossier {
        guard let t = texts[id], let v = values[id] else { throw StoreError.unknownDossier(id) }
        guard let template = templates[t.templateID] else { throw StoreError.unknownTemplate(t.templateID) }
        return Dossier(unit: v.unit, cycle: v.cycle, template: template, evaluation: v.evaluation, results: v.results, evidence: v.evidence,
                       selfTeam: v.selfTeam, review: v.review, findings: v.findings, items: v.items)
    }

    /// The model change a merge write makes (a row, evidence entry or review taken as stored,
    /// from its decoded text).
    static func change(_ write: FuheStore.PendingWrite, decoded: DecodedTexts) throws -> StoreChange {
        switch write {
        case .change(let change): return change
        case .raw("result", _, let json): return .result(try decoded.results[json] ?? DecodeCaches.results.decode(json))
        case .raw("evidence", _, let json): return .evidence(try decoded.evidence[json] ?? JSONColumn.decode(Evidence.self, json))
        case .raw("review", _, let json): return .review(try decoded.reviews[json] ?? JSONColumn.decode(Review.self, json))
        case .raw(let entity, let id, _):
            throw StoreError.rule(code: "J-002", message: tr("\(entity) \(id) 不能绕过规则写入", "\(entity) \(id) cannot be written without its rules"))
        }
    }
}
