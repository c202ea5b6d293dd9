import Foundation
import FuheCore
import GRDB

extension FuheStore {
    /// Reverts one batch of journalled changes (undo), as a new batch whose entries carry the
    /// reason "撤销 #N"; reverting that new batch redoes the original. Each field goes back to its
    /// old value (entities created by the batch are removed, removed ones restored). The whole
    /// revert is one transaction and obeys the same rules as any edit. Returns the new batch, or
    /// nil if the batch changed nothing that can be reverted.
    @discardableResult
    public func revert(batch: Int64, actor: String) throws -> Int64? {
        let (dossierID, changes) = try queue.read { db -> (String?, [StoreChange]) in
            let entries = try Journal.entries(db, sql: "WHERE batch = ? ORDER BY seq", arguments: [batch])
            guard let dossierID = entries.first?.record.dossierID, entries.allSatisfy({ $0.record.dossierID == dossierID }) else {
                return (nil, [])
            }
            var changes: [StoreChange] = []
            // Group field entries per entity, in first-seen order.
            var order: [String] = []
            var grouped: [String: [JournalRecord]] = [:]
            // Only a dossier's own entities are undone (not imports, leases, baselines, merge
            // decisions, or shared units, cycles and templates replaced by an import).
            for e in entries where Self.undoable.contains(e.record.entity) {
                let key = e.record.entity + "\u{1}" + e.record.entityID
                if grouped[key] == nil { order.append(key) }
                grouped[key, default: []].append(e.record)
            }
            for key in order {
                guard let records = grouped[key], let first = records.first else { continue }
                let target = ChangeTarget(entity: first.entity, entityID: first.entityID, table: "", keyColumn: "", dossierID: dossierID, newJSON: nil)
                var current = try Self.currentJSON(Self.locate(target), db)
                if let whole = records.first(where: { $0.field == "*" }) {
                    current = whole.old
                } else {
                    var fields = JSONFields.split(current)
                    for r in records { fields[r.field] = r.old }
                    guard let joined = JSONFields.join(fields) else {
                        throw StoreError.rule(code: "J-001", message: tr("无法撤销 #\(batch)：\(first.entity) \(first.entityID) 的日志值不是 JSON", "cannot undo #\(batch): a journalled value of \(first.entity) \(first.entityID) is not JSON"))
                    }
                    current = joined
                }
                changes.append(try Self.change(entity: first.entity, entityID: first.entityID, json: current))
            }
            return (dossierID, changes)
        }
        guard let dossierID, !changes.isEmpty else { return nil }
        return try apply(changes, to: dossierID, actor: actor, reason: "撤销 #\(batch)")
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
