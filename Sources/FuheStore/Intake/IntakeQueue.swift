import Foundation
import FuheCore
import GRDB

extension FuheStore {
    /// Puts drafts into the intake queue in one transaction; a draft already queued (same id: the
    /// same report of the same file) is refused with the whole batch.
    public func enqueueDrafts(_ drafts: [IntakeDraft], actor: String) throws {
        if try kind() == .copy {
            throw StoreError.rule(code: "I-007", message: "\(name) 是离线副本：报告请读入主库（副本合并时只带回已借出单位的修改）")
        }
        try queue.write { db in
            let batch = try Journal.nextBatch(db)
            var position = (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM intake_draft") ?? 0) + 1
            for d in drafts {
                if let status = try String.fetchOne(db, sql: "SELECT status FROM intake_draft WHERE id = ?", arguments: [d.id]) {
                    throw StoreError.rule(code: "I-001", message: "\(d.source.file) 第\(d.source.reportIndex)篇已在待确认队列中（草稿 \(d.id)，\(status == "converted" ? "已生成卷宗" : "待确认")）")
                }
                try db.execute(sql: """
                    INSERT INTO intake_draft(id, position, status, source_file, unit_name, created_at, created_by, json)
                    VALUES (?, ?, 'open', ?, ?, ?, ?, ?)
                    """, arguments: [d.id, position, d.source.file, d.unit.effective, ISO.format(clock.now()), actor, JSONColumn.encode(d)])
                try Journal.append(db, JournalRecord(actor: actor, origin: "intake", dossierID: nil, entity: "intake", entityID: d.id,
                                                     field: "*", old: nil, new: "\"queued\"", reason: "读入 \(d.source.file) 第\(d.source.reportIndex)篇"),
                                   batch: batch, at: clock.now())
                position += 1
            }
        }
    }

    /// The intake queue in arrival order (converted and discarded drafts only when asked for).
    public func intakeQueue(includeClosed: Bool = false) throws -> [IntakeQueueEntry] {
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM intake_draft \(includeClosed ? "" : "WHERE status = 'open'") ORDER BY position")
        }
        // The templates (every one decoded: ~120 KB of JSON, 3 ms of each workstation start) only
        // when there are drafts to judge against them.
        guard !rows.isEmpty else { return [] }
        let templates = Dictionary(try self.templates().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return try rows.map { row in
            let d = try JSONColumn.decode(IntakeDraft.self, row["json"])
            let r = d.readiness { templates[$0] }
            return IntakeQueueEntry(id: row["id"], position: row["position"], status: IntakeQueueEntry.Status(rawValue: row["status"]) ?? .open,
                                    sourceFile: row["source_file"], title: d.source.title, unitName: d.unit.effective,
                                    year: d.year.effective ?? d.year.printed, createdAt: row["created_at"], createdBy: row["created_by"],
                                    dossierID: row["dossier_id"], settled: r.settled, required: r.required, ready: r.isReady,
                                    problems: d.checks.filter { $0.level != .ok }.count,
                                    evalType: d.evalType.effective.flatMap(IntakeDraft.evalType), templateID: d.template.effective,
                                    templateFit: d.template.effective == d.template.value ? d.templateFit : nil)
        }
    }

    /// One queued draft with the decisions taken so far.
    public func intakeDraft(id: String) throws -> IntakeDraft {
        try queue.read { db in try Self.intakeDraft(id: id, db).0 }
    }

    static func intakeDraft(id: String, _ db: Database) throws -> (IntakeDraft, String) {
        guard let row = try Row.fetchOne(db, sql: "SELECT status, json FROM intake_draft WHERE id = ?", arguments: [id]) else {
            throw StoreError.rule(code: "I-002", message: "待确认队列中没有草稿 \(id)")
        }
        return (try JSONColumn.decode(IntakeDraft.self, row["json"]), row["status"])
    }

    /// Whether a queued draft may become a dossier, and what still stands in the way.
    public func intakeReadiness(draftID: String) throws -> IntakeReadiness {
        let draft = try intakeDraft(id: draftID)
        let templates = Dictionary(try self.templates().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return draft.readiness { templates[$0] }
    }

    /// Records the reviewer's decision on one value (accept, correct, mark absent) in one journalled
    /// transaction; returns the draft as it now stands.
    @discardableResult
    public func decideIntakeValue(draftID: String, valueID: String, decision: DraftDecision, actor: String) throws -> IntakeDraft {
        let templates = Dictionary(try self.templates().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return try updateDraft(draftID, actor: actor, field: valueID) { draft in
            do { try draft.decide(valueID, decision) { templates[$0] } } catch let e as IntakeDraftError { throw StoreError.rule(code: "I-003", message: e.message) }
        }
    }

    /// Maps an indicator of a draft to another node of the draft's template (nil: to none).
    @discardableResult
    public func remapIntakeIndicator(draftID: String, indicatorID: String, to code: String?, actor: String) throws -> IntakeDraft {
        let templates = Dictionary(try self.templates().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return try updateDraft(draftID, actor: actor, field: indicatorID + ".node") { draft in
            guard let id = draft.template.effective, let t = templates[id] else {
                throw StoreError.rule(code: "I-004", message: "请先确定模板，再选择指标的对应关系")
            }
            do { try draft.remap(indicatorID, to: code, template: t) } catch let e as IntakeDraftError { throw StoreError.rule(code: "I-003", message: e.message) }
        }
    }

    /// Accepts every pending value that has a proposal; returns the draft as it now stands.
    @discardableResult
    public func acceptAllIntakeValues(draftID: String, actor: String) throws -> IntakeDraft {
        try updateDraft(draftID, actor: actor, field: "*accept-all") { draft in _ = draft.acceptAll() }
    }

    /// Sets a draft aside (it stays in the store, listed with `includeClosed`).
    public func discardIntakeDraft(draftID: String, actor: String, reason: String) throws {
        try queue.write { db in
            let (_, status) = try Self.intakeDraft(id: draftID, db)
            guard status == "open" else { throw StoreError.rule(code: "I-005", message: "草稿 \(draftID) 已不在待确认状态") }
            try db.execute(sql: "UPDATE intake_draft SET status = 'discarded' WHERE id = ?", arguments: [draftID])
            try Journal.append(db, JournalRecord(actor: actor, origin: "local", dossierID: nil, entity: "intake", entityID: draftID,
                                                 field: "status", old: "\"open\"", new: "\"discarded\"", reason: reason),
                               batch: try Journal.nextBatch(db), at: clock.now())
        }
    }

    /// Reads, changes and writes one open draft in a transaction, journalling each value whose
    /// decision or mapping changed.
    private func updateDraft(_ draftID: String, actor: String, field: String,
                             _ change: (inout IntakeDraft) throws -> Void) throws -> IntakeDraft {
        try queue.write { db in
            let (before, status) = try Self.intakeDraft(id: draftID, db)
            guard status == "open" else { throw StoreError.rule(code: "I-005", message: "草稿 \(draftID) 已生成卷宗或已搁置，不能再修改") }
            var after = before
            try change(&after)
            guard after != before else { return after }
            let batch = try Journal.nextBatch(db)
            var previous: String?
            for id in after.valueIDs {
                let old = Self.decisionJSON(before, id), new = Self.decisionJSON(after, id)
                guard old != new else { continue }
                previous = try Journal.append(db, JournalRecord(actor: actor, origin: "local", dossierID: nil, entity: "intake", entityID: draftID,
                                                                field: id, old: old, new: new, reason: nil),
                                              batch: batch, at: clock.now(), previous: previous)
            }
            try db.execute(sql: "UPDATE intake_draft SET json = ?, unit_name = ? WHERE id = ?",
                           arguments: [JSONColumn.encode(after), after.unit.effective, draftID])
            return after
        }
    }

    /// A value's decision and (for indicators) mapping, as journalled.
    static func decisionJSON(_ d: IntakeDraft, _ id: String) -> String? {
        guard let decision = d.decision(of: id) else { return nil }
        if let ind = d.indicators.first(where: { $0.id == id }) {
            return JSONColumn.encode(IndicatorState(decision: decision, node: ind.node))
        }
        if id == "template" { return JSONColumn.encode(IndicatorState(decision: decision, node: d.template.effective)) }
        return JSONColumn.encode(decision)
    }

    private struct IndicatorState: Encodable {
        var decision: DraftDecision
        var node: String?
    }
}
