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
    /// The template's id as the dossier's row names it (`template`'s, as read by that id).
    let templateID: String
    let evaluation: [UInt8]
    let selfTeam: [UInt8]
    let review: String?
    let unit: [UInt8]
    let cycle: [UInt8]
    let template: IndicatorTemplate
    /// The scoresheet rows: each row's node id, and its text at the same place in `results`.
    var resultIDs: [String] = []
    var results = PackedTexts()
    /// In the order `dossier(id:)` reads them: evidence by position, findings and items by seq, id.
    var evidence = PackedTexts()
    var findings = PackedTexts()
    var items = PackedTexts()

    init(id: String, evaluation: [UInt8], selfTeam: [UInt8], review: String?, unit: [UInt8], cycle: [UInt8], template: IndicatorTemplate,
         templateID: String? = nil) {
        self.id = id
        self.templateID = templateID ?? template.id
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
        try results.forEach { i, json in byNode[resultIDs[i]] = try JSONColumn.decode(IndicatorResult.self, utf8: json) }
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
/// dossier), for `fuhe check` and a merge's commit (`MergeHeldDossiers`): the texts are decoded
/// afterwards on every core. The order of a dossier's evidence, findings and items is
/// `listOrder`'s, which `FuheStore.dossier(id:)` reads one dossier by too.
enum DossierBatch {
    /// The tables of a dossier's lists, each with the order its rows are read in.
    static let listOrder = [(table: "evidence", order: "position"), (table: "finding", order: "seq, id"), (table: "rect_item", order: "seq, id")]

    /// The order of `table`'s rows of one dossier (`listOrder`).
    static func order(of table: String) -> String { listOrder.first { $0.table == table }!.order }

    /// What `read` does with an id that is not a stored dossier.
    enum Missing {
        /// `StoreError.unknownDossier` (`fuhe check`: the ids were just read).
        case refused
        /// Left out of the texts (a merge reads its lease's dossiers before its transaction,
        /// which refuses a merge whose dossiers changed since the plan).
        case skipped
    }

    /// The texts of `ids`, in that order; every id must be a stored dossier. `templates` keeps
    /// the templates read so far (by id) for the next blocks, so that a template is decoded once
    /// and its dossiers share one value (and one scoring index).
    static func read(_ ids: [String], _ db: Database, templates: inout [String: IndicatorTemplate],
                     missing: Missing = .refused) throws -> [StoredDossierTexts] {
        var rowsRead: [String: Int] = [:]
        return try read(ids, db, templates: &templates, rowsRead: &rowsRead, missing: missing)
    }

    /// The same, adding to `rowsRead` the rows read of each table (`FileFindings.countedTables`).
    static func read(_ ids: [String], _ db: Database, templates: inout [String: IndicatorTemplate],
                     rowsRead: inout [String: Int], missing: Missing = .refused) throws -> [StoredDossierTexts] {
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
                                          template: templates[templateID]!, templateID: templateID)
        }
        var ids = ids
        if let absent = ids.first(where: { found[place[$0]!] == nil }) {
            guard missing == .skipped else { throw StoreError.unknownDossier(absent) }
            // The dossiers found, at their places among themselves.
            let oldPlace = place, oldFound = found
            ids = ids.filter { oldFound[oldPlace[$0]!] != nil }
            place = [:]
            found = []
            for (i, id) in ids.enumerated() {
                if place[id] == nil { place[id] = i }
                found.append(oldFound[oldPlace[id]!])
            }
        }
        var texts = ids.map { found[place[$0]!]! }
        let resultStatement = try db.makeStatement(sql: "SELECT dossier_id, node_id, json FROM result WHERE dossier_id IN (\(marks))")
        let results = try Row.fetchCursor(resultStatement, arguments: arguments)
        var owner = Owner()
        var count = 0
        while let row = try results.next() {
            count += 1
            if let i = try owner.place(row, resultStatement, place) {
                texts[i].resultIDs.append(row[1])
                try withUTF8(row, resultStatement, 2) { texts[i].results.append($0) }
            }
        }
        rowsRead["result", default: 0] += count
        for (table, order) in listOrder {
            let statement = try db.makeStatement(sql: "SELECT dossier_id, json FROM \(table) WHERE dossier_id IN (\(marks)) ORDER BY dossier_id, \(order)")
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            var owner = Owner()
            var count = 0
            defer { rowsRead[table, default: 0] += count }
            while let row = try rows.next() {
                count += 1
                guard let i = try owner.place(row, statement, place) else { continue }
                try withUTF8(row, statement, 1) { json in
                    switch table {
                    case "evidence": texts[i].evidence.append(json)
                    case "finding": texts[i].findings.append(json)
                    default: texts[i].items.append(json)
                    }
                }
            }
        }
        for (i, id) in ids.enumerated() where place[id] != i { texts[i] = texts[place[id]!] }
        return texts
    }

    /// The place in the block of the dossier a row belongs to (column 0, `dossier_id`): rows come
    /// grouped by dossier, so the id is read as a `String` and looked up only when its bytes
    /// differ from the previous row's (1.2 million result rows at 20,000 dossiers).
    struct Owner {
        private var last: [UInt8] = []
        private var lastPlace: Int?
        private var known = false

        mutating func place(_ row: Row, _ statement: Statement, _ place: [String: Int]) throws -> Int? {
            let s = statement.sqliteStatement
            guard sqlite3_column_type(s, 0) == SQLITE_TEXT, let text = sqlite3_column_text(s, 0) else {
                known = false
                return place[try row.decode(String.self, atIndex: 0)]
            }
            let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(s, 0)))
            if known, bytes.elementsEqual(last) { return lastPlace }
            last = Array(bytes)
            lastPlace = place[try row.decode(String.self, atIndex: 0)]
            known = true
            return lastPlace
        }
    }

    /// The UTF-8 bytes of text column `column` of the row `statement` stands on: what reading the
    /// column as a `String` keeps (`String(cString:)`: up to the first NUL) before checking it,
    /// which the decoders do for the strings they keep (`StoredJSON.decode(_:utf8:)`). A column
    /// that is not text is read as a `String` would read it, and a NULL is GRDB's decoding error.
    static func utf8(_ row: Row, _ statement: Statement, _ column: Int) throws -> [UInt8] {
        try withUTF8(row, statement, column) { Array($0) }
    }

    /// The same bytes handed to `body` where SQLite keeps them (valid until the row changes).
    static func withUTF8<R>(_ row: Row, _ statement: Statement, _ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        let s = statement.sqliteStatement, c = Int32(column)
        guard sqlite3_column_type(s, c) == SQLITE_TEXT, let text = sqlite3_column_text(s, c) else {
            var string = try row.decode(String.self, atIndex: column)
            return try string.withUTF8(body)
        }
        let count = Int(sqlite3_column_bytes(s, c))
        let end = memchr(text, 0, count).map { UnsafeRawPointer(text).distance(to: UnsafeRawPointer($0)) } ?? count
        return try body(UnsafeBufferPointer(start: text, count: end))
    }
}

/// The texts of one table's rows of a dossier, one after another in one buffer: one allocation
/// per dossier and table instead of one per row (1.5 million rows at 20,000 dossiers, allocated
/// on the reading thread and freed on the workers).
struct PackedTexts: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    var count: Int { ends.count }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Each text's bytes with its place, in order.
    func forEach(_ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { all in
            var start = 0
            for (i, end) in ends.enumerated() {
                try body(i, UnsafeBufferPointer(rebasing: all[start..<end]))
                start = end
            }
        }
    }

    func map<T>(_ transform: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> [T] {
        var out: [T] = []
        out.reserveCapacity(ends.count)
        try forEach { _, text in out.append(try transform(text)) }
        return out
    }
}
