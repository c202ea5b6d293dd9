/// Undo and redo, the same in every store: what reverting one batch writes, and what stands in
/// its way. A batch is reverted only by the session that wrote it, and only while every field it
/// wrote still holds what it wrote (otherwise `stale` names them; the store refuses with
/// `StaleWrite` after saying who changed each one).
public struct RevertPlan: Sendable {
    public var dossierID: String
    /// Changes that put every field the batch wrote back as it was before.
    public var changes: [StoreChange]
    /// Fields someone changed since the batch (empty: the revert may go ahead).
    public var stale: [StaleField]

    /// The plan for `entries` (one batch, in journal order) in `session`; nil for an unknown
    /// batch. `current` reads each entity as the store holds it now.
    public static func make(batch: Int64, entries: [JournalEntry], session: String, current: (EntityKey) throws -> String?,
                            decodeResult: ((String) throws -> IndicatorResult)? = nil) throws -> RevertPlan? {
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
        for e in entries where undoable.contains(e.record.entity) {
            let key = EntityKey(dossierID: dossierID, entity: e.record.entity, id: e.record.entityID)
            if before[key] == nil { order.append(key) }
            if before[key]?[e.record.field] == nil { before[key, default: [:]][e.record.field] = .some(e.record.old) }
            wrote[key, default: [:]][e.record.field] = .some(e.record.new)
        }
        var plan = RevertPlan(dossierID: dossierID, changes: [], stale: [])
        for key in order {
            let now = try current(key)
            let old = before[key] ?? [:], new = wrote[key] ?? [:]
            var restored: String?
            if let whole = old["*"] {
                if now != (new["*"] ?? nil) {
                    plan.stale.append(StaleField(key: key, field: "*", base: new["*"] ?? nil, current: now, proposed: whole))
                }
                restored = whole
            } else {
                var fields = JSONFields.split(now)
                for (name, value) in new where fields[name] != value {
                    plan.stale.append(StaleField(key: key, field: name, base: value, current: fields[name], proposed: old[name] ?? nil))
                }
                for (name, value) in old { fields[name] = value }
                guard let joined = JSONFields.join(fields) else { throw RevertError.notJSON(batch: batch, key: key) }
                restored = joined
            }
            plan.changes.append(try StoreChange.making(entity: key.entity, entityID: key.id, json: restored, decodeResult: decodeResult))
        }
        return plan
    }

    /// The journalled entities an undo puts back.
    public static let undoable: Set<String> = ["result", "evidence", "finding", "item", "review", "evaluation"]

    /// The journal reason of the batch that reverts `batch`.
    public static func reason(reverting batch: Int64) -> String { "撤销 #\(batch)" }
}

/// A batch whose journalled values cannot be put back.
public enum RevertError: Error, Sendable, Equatable, CustomStringConvertible {
    case notJSON(batch: Int64, key: EntityKey)

    public var description: String {
        switch self {
        case let .notJSON(batch, key):
            tr("无法撤销 #\(batch)：\(key.entity) \(key.id) 的日志值不是 JSON", "cannot undo #\(batch): a journalled value of \(key.entity) \(key.id) is not JSON")
        }
    }
}
