import Foundation
import FuheCore
import GRDB

extension FuheStore {
    /// Reverts one batch of journalled changes (undo), as a new batch whose entries carry the
    /// reason "撤销 #N"; reverting that new batch redoes the original. Each field goes back to its
    /// old value (entities created by the batch are removed, removed ones restored). The whole
    /// revert is one transaction and obeys the same rules as any edit. Returns the new batch, or
    /// nil if the batch changed nothing that can be reverted.
    ///
    /// Only `session`'s own batches are reverted (`UndoRefusal.otherSession` otherwise), and only
    /// while every field the batch wrote still holds what it wrote: when someone changed one
    /// since, `StaleWrite` (action `.revert`) names it and nothing is written.
    ///
    /// `person`: who undoes, in their role (the workstation passes it): undo then obeys the
    /// review's lifecycle and roles (`ReviewLifecycle.checkWrite` with `isUndo`) — it never undoes
    /// a submit, finalize, return or reopen, and never edits a scoresheet that is read-only for them.
    @discardableResult
    public func revert(batch: Int64, actor: String, session: String, person: Actor? = nil) throws -> Int64? {
        try queue.write { db -> Int64? in
            let entries = try Journal.entries(db, sql: "WHERE batch = ? ORDER BY seq", arguments: [batch])
            guard let first = entries.first else { return nil }
            guard let dossierID = first.record.dossierID, entries.allSatisfy({ $0.record.dossierID == dossierID }) else {
                throw UndoRefusal.notRevertible(batch: batch)
            }
            guard first.record.session == session else { throw UndoRefusal.otherSession(batch: batch, actor: first.record.actor) }
            // Per entity, in first-seen order: per field the value before the batch (first entry)
            // and the value it wrote (last entry).
            var order: [EntityKey] = []
            var before: [EntityKey: [String: String?]] = [:]
            var wrote: [EntityKey: [String: String?]] = [:]
            // Only a dossier's own entities are undone (not imports, leases, baselines, merge
            // decisions, or shared units, cycles and templates replaced by an import).
            for e in entries where Self.undoable.contains(e.record.entity) {
                let key = EntityKey(dossierID: dossierID, entity: e.record.entity, id: e.record.entityID)
                if before[key] == nil { order.append(key) }
                if before[key]?[e.record.field] == nil { before[key, default: [:]][e.record.field] = .some(e.record.old) }
                wrote[key, default: [:]][e.record.field] = .some(e.record.new)
            }
            var stale: [StaleField] = []
            var changes: [StoreChange] = []
            for key in order {
                let target = Self.locate(ChangeTarget(entity: key.entity, entityID: key.id, table: "", keyColumn: "", dossierID: dossierID, newJSON: nil))
                let current = try Self.currentJSON(target, db)
                let old = before[key] ?? [:], new = wrote[key] ?? [:]
                var restored: String?
                if let whole = old["*"] {
                    if current != (new["*"] ?? nil) {
                        stale.append(StaleField(key: key, field: "*", base: new["*"] ?? nil, current: current, proposed: whole))
                    }
                    restored = whole
                } else {
                    var fields = JSONFields.split(current)
                    for (name, value) in new where fields[name] != value {
                        stale.append(StaleField(key: key, field: name, base: value, current: fields[name], proposed: old[name] ?? nil))
                    }
                    for (name, value) in old { fields[name] = value }
                    guard let joined = JSONFields.join(fields) else {
                        throw StoreError.rule(code: "J-001", message: tr("无法撤销 #\(batch)：\(key.entity) \(key.id) 的日志值不是 JSON", "cannot undo #\(batch): a journalled value of \(key.entity) \(key.id) is not JSON"))
                    }
                    restored = joined
                }
                changes.append(try Self.change(entity: key.entity, entityID: key.id, json: restored))
            }
            if !stale.isEmpty {
                throw StaleWrite(action: .revert(batch: batch), dossierID: dossierID, fields: try Self.attributed(stale, db))
            }
            guard !changes.isEmpty else { return nil }
            let stored = person != nil || Self.touchesStatus(changes) ? try Self.dossier(id: dossierID, db) : nil
            if let person, let stored { try ReviewLifecycle.checkWrite(changes, to: stored, by: person, reason: nil, isUndo: true) }
            let next = try Journal.nextBatch(db)
            let now = clock.now()
            let who = Attribution(actor: actor, origin: "local", reason: "撤销 #\(batch)", at: now, atText: ISO.format(now), session: session)
            guard try Self.applyChanges(changes, to: dossierID, batch: next, db, attribution: { _, _ in who }) else { return nil }
            try Self.settleStatus(changes, before: stored, dossierID: dossierID, batch: next, db) { _, _ in who }
            try Self.refreshSummary(dossierID: dossierID, schemes: try Self.gradeSchemes(db), today: today, db)
            return next
        }
    }

    /// The dossier a batch belongs to (nil for imports spanning several, or unknown batches).
    public func dossierID(ofBatch batch: Int64) throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: "SELECT dossier_id FROM journal WHERE batch = ? LIMIT 1", arguments: [batch]) }
    }

    static let undoable: Set<String> = ["result", "evidence", "finding", "item", "review", "evaluation"]

    static func locate(_ t: ChangeTarget) -> ChangeTarget {
        var t = t
        switch t.entity {
        case "result": (t.table, t.keyColumn) = ("result", "node_id")
        case "evidence": (t.table, t.keyColumn) = ("evidence", "id")
        case "finding": (t.table, t.keyColumn) = ("finding", "id")
        case "item": (t.table, t.keyColumn) = ("rect_item", "id")
        case "review": (t.table, t.keyColumn) = ("dossier", "review_json")
        default: (t.table, t.keyColumn) = ("dossier", "evaluation_json")
        }
        return t
    }

    /// The change that makes an entity equal to `json` (nil json = remove it).
    static func change(entity: String, entityID: String, json: String?) throws -> StoreChange {
        switch entity {
        case "result":
            return .result(try json.map { try DecodeCaches.results.decode($0) } ?? IndicatorResult(nodeID: entityID))
        case "evidence":
            guard let json else { return .removeEvidence(id: entityID) }
            return .evidence(try JSONColumn.decode(Evidence.self, json))
        case "finding":
            guard let json else { return .removeFinding(id: entityID) }
            return .finding(try JSONColumn.decode(Finding.self, json))
        case "item":
            guard let json else { return .removeItem(id: entityID) }
            return .item(try JSONColumn.decode(RectificationItem.self, json))
        case "review":
            return .review(try json.map { try JSONColumn.decode(Review.self, $0) })
        default:
            guard let json else { throw StoreError.rule(code: "J-001", message: tr("无法撤销：没有更早的自评表头", "cannot undo: no earlier self-evaluation header")) }
            return .evaluation(try JSONColumn.decode(SelfEvaluation.self, json))
        }
    }
}
