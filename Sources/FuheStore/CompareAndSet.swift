import Foundation
import FuheCore
import GRDB

/// Compare-and-set inside a write transaction: what a write was based on is compared with what
/// the store holds now; the rule of which fields conflict is `StaleField.conflicts` (FuheCore).
extension FuheStore {
    /// The fields `apply` would refuse now for these changes and base (empty: it would pass),
    /// checked in a read transaction of its own: lets a session ask before re-applying, and times
    /// the check in fuhe-bench.
    public func staleFields(of changes: [StoreChange], to dossierID: String, base: ChangeBase) throws -> [StaleField] {
        try queue.read { db in
            do { try Self.checkBase(base, changes: changes, dossierID: dossierID, db) } catch let stale as StaleWrite { return stale.fields }
            return []
        }
    }

    /// Throws `StaleWrite` when an entity `base` saw changed since (nothing is written then).
    static func checkBase(_ base: ChangeBase, changes: [StoreChange], dossierID: String, _ db: Database) throws {
        guard let seen = base.seen else { return }
        guard seen.id == dossierID else {
            throw StoreError.rule(code: "J-003", message: "a change to \(dossierID) was based on another dossier (\(seen.id))")
        }
        var stale: [StaleField] = []
        var checked = Set<EntityKey>()
        for change in changes {
            let key = EntityKey(dossierID: dossierID, entity: change.entity, id: change.entityID(dossierID: dossierID))
            guard checked.insert(key).inserted else { continue }
            // Located without encoding the change: the check must cost little when nothing changed.
            let located = locate(ChangeTarget(entity: key.entity, entityID: key.id, table: "", keyColumn: "", dossierID: dossierID, newJSON: nil))
            let seenState = change.state(in: seen)
            if try unchangedRow(seenState, located, db) { continue }
            let target = Self.target(of: change, dossierID: dossierID)
            let seenJSON = Self.target(of: seenState, dossierID: dossierID).newJSON
            stale += try conflicts(target, base: seenJSON, proposed: target.newJSON, db)
        }
        if base.scope == .dossier {
            // Every other entity must be as seen: the write's values were computed from them.
            var seenJSON: [EntityKey: String] = [:]
            for state in seen.entityStates {
                let t = Self.target(of: state, dossierID: dossierID)
                seenJSON[EntityKey(dossierID: dossierID, entity: t.entity, id: t.entityID)] = t.newJSON
            }
            let now = try EntitySnapshots.read([dossierID], db)
            for key in Set(seenJSON.keys).union(now.keys).sorted() where !checked.contains(key) && seenJSON[key] != now[key] {
                let target = locate(ChangeTarget(entity: key.entity, entityID: key.id, table: "", keyColumn: "", dossierID: dossierID, newJSON: nil))
                stale += try conflicts(target, base: seenJSON[key], proposed: seenJSON[key], db)
            }
        }
        if !stale.isEmpty {
            throw StaleWrite(action: .edit, dossierID: dossierID, fields: try attributed(stale, db))
        }
    }

    /// The common case, cheaply: a scoresheet row stored as it was seen (its stored text decodes,
    /// from the cache the load just filled, to the row seen), so nothing needs encoding.
    static func unchangedRow(_ seen: StoreChange, _ target: ChangeTarget, _ db: Database) throws -> Bool {
        guard case .result(let row) = seen else { return false }
        guard let text = try currentJSON(target, db) else { return row == IndicatorResult(nodeID: target.entityID) }
        return (try? DecodeCaches.results.decode(text)) == row
    }

    /// The conflicting fields of one entity, its stored text normalized first (an absent row is
    /// the empty row; text that differs only in encoding is not a change).
    static func conflicts(_ target: ChangeTarget, base: String?, proposed: String?, _ db: Database) throws -> [StaleField] {
        var current = try currentJSON(target, db)
        if current == nil && target.entity == "result" { current = JSONColumn.encode(IndicatorResult(nodeID: target.entityID)) }
        if current == base { return [] }
        if let text = current, let reencoded = try? Self.target(of: change(entity: target.entity, entityID: target.entityID, json: text),
                                                                 dossierID: target.dossierID).newJSON {
            current = reencoded
        }
        return StaleField.conflicts(key: EntityKey(dossierID: target.dossierID, entity: target.entity, id: target.entityID),
                                    base: base, current: current, proposed: proposed)
    }

    /// Names who wrote each stale field's current value, and when, from the journal.
    static func attributed(_ fields: [StaleField], _ db: Database) throws -> [StaleField] {
        try fields.map { f in
            var f = f
            let fieldSQL = f.field == "*" ? "" : "AND field IN (?, '*')"
            var args: [any DatabaseValueConvertible] = [f.key.dossierID, f.key.entity, f.key.id]
            if f.field != "*" { args.append(f.field) }
            if let row = try Row.fetchOne(db, sql: """
                SELECT actor, at FROM journal WHERE dossier_id = ? AND entity = ? AND entity_id = ? \(fieldSQL) ORDER BY seq DESC LIMIT 1
                """, arguments: StatementArguments(args)) {
                f.changedBy = row["actor"]
                f.changedAt = row["at"]
            }
            return f
        }
    }
}
