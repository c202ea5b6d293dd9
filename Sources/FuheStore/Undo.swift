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
            let made: RevertPlan?
            do {
                made = try RevertPlan.make(batch: batch, entries: entries, session: session, current: { try Self.currentJSON(Self.locate($0), db) },
                                           decodeResult: { try DecodeCaches.results.decode($0) })
            } catch let error as RevertError {
                throw StoreError.rule(code: "J-001", message: error.description)
            } catch StoredEntityError.noEvaluation {
                throw StoreError.rule(code: "J-001", message: StoredEntityError.noEvaluation.description)
            }
            guard let plan = made else { return nil }
            if !plan.stale.isEmpty {
                throw StaleWrite(action: .revert(batch: batch), dossierID: plan.dossierID, fields: try Self.attributed(plan.stale, db))
            }
            guard !plan.changes.isEmpty else { return nil }
            let dossierID = plan.dossierID, changes = plan.changes
            let stored = person != nil || Self.touchesStatus(changes) ? try Self.dossier(id: dossierID, db) : nil
            if let person, let stored { try ReviewLifecycle.checkWrite(changes, to: stored, by: person, reason: nil, isUndo: true) }
            let next = try Journal.nextBatch(db)
            let now = clock.now()
            let who = Attribution(actor: actor, origin: "local", reason: RevertPlan.reason(reverting: batch), at: now, atText: ISO.format(now), session: session)
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

    /// Where an entity is stored.
    static func locate(_ key: EntityKey) -> ChangeTarget {
        locate(ChangeTarget(entity: key.entity, entityID: key.id, table: "", keyColumn: "", dossierID: key.dossierID, newJSON: nil))
    }

    /// The change that makes an entity equal to `json` (nil json = remove it).
    static func change(entity: String, entityID: String, json: String?) throws -> StoreChange {
        do {
            return try StoreChange.making(entity: entity, entityID: entityID, json: json, decodeResult: { try DecodeCaches.results.decode($0) })
        } catch StoredEntityError.noEvaluation {
            throw StoreError.rule(code: "J-001", message: StoredEntityError.noEvaluation.description)
        }
    }
}
