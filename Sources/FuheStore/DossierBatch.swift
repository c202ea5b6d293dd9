import Foundation
import FuheCore
import GRDB
import GRDBSQLite

/// The stored texts of one dossier, read together with many others (`DossierBatch.read`) and
/// decoded later, on any core, into the same `Dossier` that `FuheStore.dossier(id:)` assembles.
/// The texts the per-type readers read are kept as their UTF-8 bytes (`StoredJSON.decode(_:utf8:)`),
/// so that the reading thread copies them without checking them as `String`s first.
struct StoredDossierTexts: Sendable {
    let id: String
    let evaluation: [UInt8]
    let selfTeam: [UInt8]
    let review: String?
    let unit: [UInt8]
    let cycle: [UInt8]
    let template: IndicatorTemplate
    var results: [(nodeID: String, json: [UInt8])] = []
    /// In the order `dossier(id:)` reads them: evidence by position, findings and items by seq, id.
    var evidence: [[UInt8]] = []
    var findings: [[UInt8]] = []
    var items: [[UInt8]] = []

    init(id: String, evaluation: [UInt8], selfTeam: [UInt8], review: String?, unit: [UInt8], cycle: [UInt8], template: IndicatorTemplate) {
        self.id = id
        self.evaluation = evaluation
        self.selfTeam = selfTeam
        self.review = review
        self.unit = unit
        self.cycle = cycle
        self.template = template
    }

    /// The texts of a dossier being imported (as the store will hold them).
    init(id: String, evaluation: String, selfTeam: String, review: String?, unit: String, cycle: String, template: IndicatorTemplate) {
        self.init(id: id, evaluation: Array(evaluation.utf8), selfTeam: Array(selfTeam.utf8), review: review,
                  unit: Array(unit.utf8), cycle: Array(cycle.utf8), template: template)
    }

    /// Decodes every text (the stored-row reader for the rows) and assembles the dossier.
    func dossier() throws -> Dossier {
        var byNode: [String: IndicatorResult] = [:]
        byNode.reserveCapacity(results.count)
        for (nodeID, json) in results { byNode[nodeID] = try JSONColumn.decode(IndicatorResult.self, utf8: json) }
        return Dossier(unit: try JSONColumn.decode(EvaluatedUnit.self, utf8: unit),
                       cycle: try JSONColumn.decode(EvaluationCycle.self, utf8: cycle),
                       template: template,
                       evaluation: try JSONColumn.decode(SelfEvaluation.self, utf8: evaluation),
                       results: byNode,
                       evidence: try evidence.map { try JSONColumn.decode(Evidence.self, utf8: $0) },
                       selfTeam: try JSONColumn.decode([TeamMember].self, utf8: selfTeam),
                       review: try review.map { try JSONColumn.decode(Review.self, $0) },
                       findings: try findings.map { try JSONColumn.decode(Finding.self, utf8: $0) },
                       items: try items.map { try JSONColumn.decode(RectificationItem.self, utf8: $0) })
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
        // Each dossier's texts by its place in `ids`: rows are appended in place (appending
        // through a dictionary's optional subscript moved each dossier's texts out and back).
        var place: [String: Int] = [:]
        place.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where place[id] == nil { place[id] = i }
        var found: [StoredDossierTexts?] = Array(repeating: nil, count: ids.count)
        // Cursors read each value straight from the statement (no copied rows, no column names).
        let dossierStatement = try db.makeStatement(sql: """
            SELECT d.id, d.evaluation_json, d.self_team_json, d.review_json, d.template_id, u.json, c.json
            FROM dossier d JOIN unit u ON u.id = d.unit_id JOIN cycle c ON c.id = d.cycle_id WHERE d.id IN (\(marks))
            """)
        let dossiers = try Row.fetchCursor(dossierStatement, arguments: arguments)
        while let row = try dossiers.next() {
            let templateID: String = row[4]
            if templates[templateID] == nil {
                guard let t = try FuheStore.template(id: templateID, db) else { throw StoreError.unknownTemplate(templateID) }
                templates[templateID] = t
            }
            let id: String = row[0]
            guard let i = place[id] else { continue }
            found[i] = StoredDossierTexts(id: id, evaluation: try utf8(row, dossierStatement, 1), selfTeam: try utf8(row, dossierStatement, 2),
                                          review: row[3], unit: try utf8(row, dossierStatement, 5), cycle: try utf8(row, dossierStatement, 6),
                                          template: templates[templateID]!)
        }
        for id in ids where found[place[id]!] == nil { throw StoreError.unknownDossier(id) }
        var texts = ids.map { found[place[$0]!]! }
        let resultStatement = try db.makeStatement(sql: "SELECT dossier_id, node_id, json FROM result WHERE dossier_id IN (\(marks))")
        let results = try Row.fetchCursor(resultStatement, arguments: arguments)
        while let row = try results.next() {
            if let i = place[row[0] as String] { texts[i].results.append((row[1], try utf8(row, resultStatement, 2))) }
        }
        for (table, order) in [("evidence", "position"), ("finding", "seq, id"), ("rect_item", "seq, id")] {
            let statement = try db.makeStatement(sql: "SELECT dossier_id, json FROM \(table) WHERE dossier_id IN (\(marks)) ORDER BY dossier_id, \(order)")
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            while let row = try rows.next() {
                guard let i = place[row[0] as String] else { continue }
                let json = try utf8(row, statement, 1)
                switch table {
                case "evidence": texts[i].evidence.append(json)
                case "finding": texts[i].findings.append(json)
                default: texts[i].items.append(json)
                }
            }
        }
        for (i, id) in ids.enumerated() where place[id] != i { texts[i] = texts[place[id]!] }
        return texts
    }

    /// The UTF-8 bytes of text column `column` of the row `statement` stands on: what reading the
    /// column as a `String` keeps (`String(cString:)`: up to the first NUL) before checking it,
    /// which the decoders do for the strings they keep (`StoredJSON.decode(_:utf8:)`). A column
    /// that is not text is read as a `String` would read it, and a NULL is GRDB's decoding error.
    static func utf8(_ row: Row, _ statement: Statement, _ column: Int) throws -> [UInt8] {
        let s = statement.sqliteStatement, c = Int32(column)
        guard sqlite3_column_type(s, c) == SQLITE_TEXT, let text = sqlite3_column_text(s, c) else {
            return Array(try row.decode(String.self, atIndex: column).utf8)
        }
        let count = Int(sqlite3_column_bytes(s, c))
        let end = memchr(text, 0, count).map { UnsafeRawPointer(text).distance(to: UnsafeRawPointer($0)) } ?? count
        return Array(UnsafeBufferPointer(start: text, count: end))
    }
}
