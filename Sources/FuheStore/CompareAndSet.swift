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
        guard let seen = SeenView(base) else { return }
        guard base.seen?.id == dossierID else {
            throw StoreError.rule(code: "J-003", message: "a change to \(dossierID) was based on another dossier (\(base.seen?.id ?? "?"))")
        }
        let stale = try ConflictCheck.staleFields(of: changes, to: dossierID, seen: seen, stored: storedEntities(db))
        if !stale.isEmpty {
            throw StaleWrite(action: .edit, dossierID: dossierID, fields: try attributed(stale, db))
        }
    }

    /// The store's entities inside a transaction, for FuheCore's checks.
    static func storedEntities(_ db: Database) -> StoredEntities {
        StoredEntities(current: { key in try currentJSON(locate(key), db) },
                       all: { id in try EntitySnapshots.read([id], db) },
                       holds: { seen, key in try unchangedRow(seen, locate(key), db) })
    }

    /// The common case, cheaply: a scoresheet row stored as it was seen (its stored text decodes,
    /// from the cache the load just filled, to the row seen), so nothing needs encoding.
    static func unchangedRow(_ seen: StoreChange, _ target: ChangeTarget, _ db: Database) throws -> Bool {
        guard case .result(let row) = seen else { return false }
        guard let text = try currentJSON(target, db) else { return row == IndicatorResult(nodeID: target.entityID) }
        return (try? DecodeCaches.results.decode(text)) == row
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
