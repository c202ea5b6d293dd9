import Foundation
import FuheCore
import GRDB

/// Writes the units, cycles and templates an import brings, which other dossiers may share.
/// An equal one is left alone; a new one is inserted; a different one used by no other
/// dossier is replaced; a different one another dossier uses is refused, or with
/// `.replaceExisting` replaced through the journal of every dossier it changes (a template
/// only when every row those dossiers hold still has its indicator). Bundled templates never
/// change.
struct SharedWriter {
    let db: Database
    let mode: FuheStore.ImportMode
    let batch: Int64
    let at: Date
    let actor: String
    let origin: String
    /// Dossiers this import brings in (their own entries come from the import).
    let importing: Set<String>
    /// Other dossiers whose shared data changed (their summaries are refreshed).
    private(set) var touched: Set<String> = []
    private(set) var changes: [FuheStore.SharedChange] = []
    /// What this import wrote, by entity and id: two dossiers of one import may share a unit,
    /// cycle or template only when they agree on it.
    private var written: [String: (json: String, by: String?)] = [:]
    /// The units, cycles and templates this import has already written or found equal: the same
    /// text again (the usual case, every dossier of a file sharing one template) changes nothing,
    /// so it is not read back and compared again — only who last brought it is noted, as the full
    /// path notes it. A template is recognised without encoding it (`Self.identical`).
    private var settled: [String: String] = [:]
    private var settledTemplates: [String: IndicatorTemplate] = [:]

    init(db: Database, mode: FuheStore.ImportMode, batch: Int64, at: Date, actor: String, origin: String, importing: Set<String>) {
        self.db = db
        self.mode = mode
        self.batch = batch
        self.at = at
        self.actor = actor
        self.origin = origin
        self.importing = importing
    }

    mutating func unit(_ u: EvaluatedUnit, for dossierID: String) throws {
        let json = JSONColumn.encode(u)
        if let known = settled["unit/" + u.id], known.utf8.elementsEqual(json.utf8) { return noteAgain("unit", u.id, by: dossierID) }
        try write(entity: "unit", id: u.id, json: json, label: tr("单位", "unit"), for: dossierID,
                  describe: { tr("“\(u.name)”", "\"\(u.name)\"") },
                  save: { try $0.execute(sql: "INSERT OR REPLACE INTO unit(id, name, json) VALUES (?, ?, ?)", arguments: [u.id, u.name, JSONColumn.encode(u)]) })
        settled["unit/" + u.id] = json
    }

    mutating func cycle(_ c: EvaluationCycle, for dossierID: String) throws {
        let json = JSONColumn.encode(c)
        if let known = settled["cycle/" + c.id], known.utf8.elementsEqual(json.utf8) { return noteAgain("cycle", c.id, by: dossierID) }
        try write(entity: "cycle", id: c.id, json: json, label: tr("评价周期", "cycle"), for: dossierID,
                  describe: { "\(c.fiscalYear)" },
                  save: { try $0.execute(sql: "INSERT OR REPLACE INTO cycle(id, fiscal_year, json) VALUES (?, ?, ?)",
                                         arguments: [c.id, c.fiscalYear, JSONColumn.encode(c)]) })
        settled["cycle/" + c.id] = json
    }

    mutating func template(_ t: IndicatorTemplate, for dossierID: String?) throws {
        if let known = settledTemplates[t.id], Self.identical(known, t) { return noteAgain("template", t.id, by: dossierID) }
        if let existing = try FuheStore.template(id: t.id, db), existing != t,
           try Bool.fetchOne(db, sql: "SELECT bundled FROM template WHERE id = ?", arguments: [t.id]) == true {
            throw StoreError.rule(code: "T-000", message: dossierID.map {
                tr("档案 \($0) 附带的模板“\(t.id)”与内置的同名模板不同；内置模板不能被替换", "dossier \($0) carries a template \"\(t.id)\" that differs from the bundled one")
            } ?? tr("模板 \(t.id) 会替换同名的内置模板；内置模板不能被替换", "template \(t.id) would replace the bundled template of the same id"))
        }
        let db = self.db
        try write(entity: "template", id: t.id, json: JSONColumn.encode(t), label: tr("模板", "template"), for: dossierID,
                  describe: { tr("“\(t.name)”", "\"\(t.name)\"") },
                  check: { others in try Self.requireRowsFit(t, others: others, db) },
                  save: { try FuheStore.saveTemplate(t, bundled: false, $0) })
        settledTemplates[t.id] = t
    }

    /// Templates whose stored text is certainly the same: the same node array (the decoder hands
    /// every dossier of a file the one template it resolved) and the same bytes in every other
    /// field. Anything else takes the full path, which encodes and compares the text.
    static func identical(_ a: IndicatorTemplate, _ b: IndicatorTemplate) -> Bool {
        let sameNodes = a.nodes.withUnsafeBufferPointer { x in b.nodes.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress && x.count == y.count } }
        func same(_ x: String?, _ y: String?) -> Bool { x == nil ? y == nil : y.map { x!.utf8.elementsEqual($0.utf8) } ?? false }
        return sameNodes && same(a.id, b.id) && same(a.name, b.name) && same(a.version, b.version) && a.evalType == b.evalType
            && same(a.source, b.source) && a.baseTotal == b.baseTotal && a.totalCap == b.totalCap && a.maxBonusTotal == b.maxBonusTotal
            && a.maxPenaltyTotal == b.maxPenaltyTotal && same(a.gradeSchemeID, b.gradeSchemeID) && same(a.basedOn, b.basedOn)
    }

    /// A value this import already settled, brought again: equal, so equal text — the store holds
    /// it and nothing is written; as in `write`, the latest dossier that brought it is noted.
    private mutating func noteAgain(_ entity: String, _ id: String, by dossierID: String?) {
        written[entity + "/" + id]?.by = dossierID
    }

    private mutating func write(entity: String, id: String, json: String, label: String, for dossierID: String?,
                                describe: () -> String, check: ([String]) throws -> Void = { _ in },
                                save: (Database) throws -> Void) throws {
        let table = entity
        if let earlier = written[entity + "/" + id], earlier.json != json {
            let first = earlier.by ?? tr("模板文件", "a template file")
            throw StoreError.rule(code: "IM-001", message: tr(
                "\(label) \(id) 在这次导入中出现两次且内容不同（\(first) 与 \(dossierID ?? tr("模板文件", "a template file"))）",
                "\(label) \(id) appears twice in this import with different content (\(first) and \(dossierID ?? "a template file"))"))
        }
        written[entity + "/" + id] = (json, dossierID)
        guard let old = try String.fetchOne(db, sql: "SELECT json FROM \(table) WHERE id = ?", arguments: [id]) else {
            try save(db)
            return
        }
        guard old != json else { return }
        let others = try String.fetchAll(db, sql: "SELECT id FROM dossier WHERE \(entity)_id = ? ORDER BY id", arguments: [id])
            .filter { !importing.contains($0) && $0 != dossierID }
        let oldFields = JSONFields.split(old), newFields = JSONFields.split(json)
        let fields = Set(oldFields.keys).union(newFields.keys).filter { oldFields[$0] != newFields[$0] }.sorted()
        if !others.isEmpty {
            let fieldText = fields.map { MergeLabels.field($0) == $0 ? $0 : "\($0)（\(MergeLabels.field($0))）" }.joined(separator: tr("、", ", "))
            let whose = dossierID.map { tr("档案 \($0) 中的", "in dossier \($0), ") } ?? ""
            guard mode == .replaceExisting else {
                throw StoreError.rule(code: "IM-001", message: tr(
                    "\(whose)\(label) \(id) \(describe()) 与库中已有的同一 id 内容不同（\(fieldText)），而档案 \(others.joined(separator: "、")) 也使用它。若确要用文件中的内容替换它（同时改动这些档案），请加 --replace",
                    "\(whose)\(label) \(id) \(describe()) differs from the one already in the store (\(fieldText)), which dossier(s) \(others.joined(separator: ", ")) also use. To replace it with the file's version (changing those dossiers too), add --replace"))
            }
            try check(others)
            for other in others {
                for field in fields {
                    try Journal.append(db, JournalRecord(actor: actor, origin: origin, dossierID: other, entity: entity, entityID: id, field: field,
                                                         old: oldFields[field], new: newFields[field],
                                                         reason: tr("导入替换共用的\(label)", "import replaced the shared \(label)")),
                                       batch: batch, at: at)
                }
                touched.insert(other)
            }
            changes.append(FuheStore.SharedChange(entity: entity, id: id, fields: fields, otherDossiers: others))
        }
        try save(db)
    }

    /// Refuses a template that would leave a row of another dossier without its indicator.
    static func requireRowsFit(_ t: IndicatorTemplate, others: [String], _ db: Database) throws {
        let nodes = Set(t.nodes.map(\.id))
        for other in others {
            let rows = try String.fetchAll(db, sql: "SELECT node_id FROM result WHERE dossier_id = ? ORDER BY node_id", arguments: [other])
            let lost = rows.filter { !nodes.contains($0) }
            if !lost.isEmpty {
                throw StoreError.rule(code: "IM-002", message: tr(
                    "替换模板 \(t.id) 会让档案 \(other) 的指标行 \(lost.prefix(5).joined(separator: "、"))\(lost.count > 5 ? " 等 \(lost.count) 行" : "") 失去对应的指标；请给新模板换一个 id",
                    "replacing template \(t.id) would leave row(s) \(lost.prefix(5).joined(separator: ", "))\(lost.count > 5 ? " and \(lost.count - 5) more" : "") of dossier \(other) without their indicator; give the new template another id"))
            }
        }
    }
}
