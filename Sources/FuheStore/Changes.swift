import Foundation
import FuheCore
import GRDB

extension FuheStore {
    /// Applies changes to one dossier as a single transaction with journal entries sharing one
    /// batch number; the self-evaluation status the changes imply is set in the same batch
    /// (`EvaluationLifecycle.completing`) and the dossier's summary refreshed. Every stored row
    /// and item is checked against its rules (`StoredRules`, `ItemRules`): a change that breaks
    /// one rolls everything back. Returns the batch, or nil when nothing actually changed
    /// (nothing is written then).
    ///
    /// `person`: who acts, in their role on the review team (the workstation passes it). The
    /// review's lifecycle and roles then decide first (`ReviewLifecycle.checkWrite`, against the
    /// dossier as stored inside the same transaction): a member's edit of a submitted review, an
    /// edit of a finalized one, a status move this person may not make are refused with a
    /// `RuleViolation`. Without it (import, merge, the command line) only the stored rules apply.
    ///
    /// Compare-and-set: inside the transaction, every entity the changes touch (with
    /// `ChangeBase.Scope.dossier`, every entity of the dossier) must still be as `base` saw it,
    /// except fields that already hold the value being written; otherwise `StaleWrite` is thrown,
    /// listing each field with its value now, as seen, and as proposed, and nothing is written.
    @discardableResult
    public func apply(_ changes: [StoreChange], to dossierID: String, base: ChangeBase, actor: String, reason: String? = nil,
                      origin: String = "local", session: String? = nil, person: Actor? = nil) throws -> Int64? {
        try queue.write { db in
            try Self.checkBase(base, changes: changes, dossierID: dossierID, db)
            let before = person != nil || Self.touchesStatus(changes) ? try Self.dossier(id: dossierID, db) : nil
            if let person, let before { try ReviewLifecycle.checkWrite(changes, to: before, by: person, reason: reason) }
            let batch = try Journal.nextBatch(db)
            let now = clock.now()
            let who = Attribution(actor: actor, origin: origin, reason: reason, at: now, atText: ISO.format(now), session: session)
            guard try Self.applyChanges(changes, to: dossierID, batch: batch, db, attribution: { _, _ in who }) else { return nil }
            try Self.settleStatus(changes, before: before, dossierID: dossierID, batch: batch, db) { _, _ in who }
            try Self.refreshSummary(dossierID: dossierID, schemes: try Self.gradeSchemes(db), today: today, db)
            return batch
        }
    }

    /// Only the review and the items decide the self-evaluation status (FuheCore's rule).
    static func touchesStatus(_ changes: [StoreChange]) -> Bool { EvaluationLifecycle.touchesStatus(changes) }

    /// Writes the status the written review and items imply (from `before`, the dossier in
    /// memory, with `changes` laid over it), journalled in `batch`, when it differs.
    static func settleStatus(_ changes: [StoreChange], before: Dossier?, dossierID: String, batch: Int64, _ db: Database,
                             attribution: (ChangeTarget, String) -> Attribution) throws {
        guard let before else { return }
        let settled = EvaluationLifecycle.settling(changes, on: before)
        if !settled.isEmpty { _ = try applyChanges(settled, to: dossierID, batch: batch, db, attribution: attribution) }
    }

    /// Writes the status the stored review and items imply, when it differs, journalled in `batch`.
    static func settleStatus(dossierID: String, batch: Int64, _ db: Database, decoded: DecodedTexts = DecodedTexts(),
                             attribution: (ChangeTarget, String) -> Attribution) throws {
        let d = try dossier(id: dossierID, db, decoded: decoded)
        let settled = EvaluationLifecycle.completing([], for: d)
        guard !settled.isEmpty else { return }
        _ = try applyChanges(settled, to: dossierID, batch: batch, db, attribution: attribution)
    }

    /// Who made a journalled change, from where, when and why.
    struct Attribution {
        var actor: String
        var origin: String
        var reason: String?
        var at: Date
        /// The time as already written in a journal (a change merged from a copy keeps its own).
        var atText: String?
        /// The session that wrote it.
        var session: String? = nil
    }

    /// Writes changes inside an open transaction, journalling each changed field under `batch`
    /// with the attribution given for it (`field` is `*` for a created or removed entity).
    /// Returns whether anything changed. The caller refreshes the summary.
    static func applyChanges(_ changes: [StoreChange], to dossierID: String, batch: Int64, _ db: Database,
                             attribution: (ChangeTarget, String) -> Attribution) throws -> Bool {
        try applyWrites(changes.map { .change($0) }, to: dossierID, batch: batch, db, attribution: attribution)
    }

    /// One write: a model change, or stored JSON written as it is (a scoresheet row, evidence
    /// entry or review header that is already in the store's encoding, e.g. taken from a copy).
    enum PendingWrite {
        case change(StoreChange)
        case raw(entity: String, id: String, json: String)
    }

    /// `decoded`: rows and headers already decoded, by their stored text (a merge's). `known`:
    /// entities as already read in this transaction (nil: not there), taken instead of reading
    /// each again before its first write.
    static func applyWrites(_ writes: [PendingWrite], to dossierID: String, batch: Int64, _ db: Database, decoded: DecodedTexts = DecodedTexts(),
                            known: [EntityKey: String?] = [:], attribution: (ChangeTarget, String) -> Attribution) throws -> Bool {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM dossier WHERE id = ?", arguments: [dossierID]) == true else {
            throw StoreError.unknownDossier(dossierID)
        }
        var wrote = false
        var lastHash: String?
        // The anchor moves once, after the last entry (a merge journals thousands of fields here).
        var appended = 0
        var known = known
        var rowRules: (template: IndicatorTemplate, evaluation: SelfEvaluation)?
        func checkRow(_ row: IndicatorResult) throws {
            if rowRules == nil { rowRules = try Self.rowRuleContext(dossierID, db, decoded: decoded) }
            guard let rules = rowRules else { return }
            if let problem = StoredRules.rowProblems(row, template: rules.template, evaluation: rules.evaluation).first {
                throw StoreError.rule(code: problem.code, message: problem.message)
            }
        }
        for pending in writes {
            let target: ChangeTarget
            switch pending {
            case .change(let change): target = Self.target(of: change, dossierID: dossierID)
            case .raw(let entity, let id, let json):
                target = locate(ChangeTarget(entity: entity, entityID: id, table: "", keyColumn: "", dossierID: dossierID, newJSON: json))
            }
            let old: String? = try known.removeValue(forKey: EntityKey(dossierID: dossierID, entity: target.entity, id: target.entityID))
                ?? Self.currentJSON(target, db)
            let new = target.newJSON
            guard old != new else { continue }
            switch pending {
            case .change(.result(let row)): try checkRow(row)
            case .raw("result", _, let json): try checkRow(try decoded.results[json] ?? DecodeCaches.results.decode(json))
            default: break
            }
            func journal(_ field: String, _ old: String?, _ new: String?) throws {
                let who = attribution(target, field)
                lastHash = try Journal.append(db, JournalRecord(actor: who.actor, origin: who.origin, dossierID: dossierID, entity: target.entity,
                                                     entityID: target.entityID, field: field, old: old, new: new, reason: who.reason,
                                                     session: who.session),
                                   batch: batch, at: who.at, atText: who.atText, previous: lastHash, anchoring: false)
                appended += 1
            }
            for field in FieldDiff.changes(old: old, new: new) { try journal(field.field, field.old, field.new) }
            switch pending {
            case .change(let change): try Self.write(change, json: new, dossierID: dossierID, db)
            case .raw(let entity, let id, let json): try Self.writeRaw(entity: entity, id: id, json: json, dossierID: dossierID, db)
            }
            wrote = true
        }
        if let lastHash { try Journal.moveAnchor(db, added: appended, head: lastHash) }
        return wrote
    }

    /// The template and self-evaluation header a stored row is checked against.
    static func rowRuleContext(_ dossierID: String, _ db: Database, decoded: DecodedTexts = DecodedTexts()) throws
        -> (template: IndicatorTemplate, evaluation: SelfEvaluation)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT template_id, evaluation_json FROM dossier WHERE id = ?", arguments: [dossierID]),
              let template = try decoded.templates[row[0] as String] ?? template(id: row[0], db) else { return nil }
        let evaluation: String = row[1]
        return (template, try decoded.evaluations[evaluation] ?? JSONColumn.decode(SelfEvaluation.self, evaluation))
    }

    struct ChangeTarget {
        var entity: String
        var entityID: String
        var table: String
        var keyColumn: String
        var dossierID: String
        var newJSON: String?
    }

    static func target(of change: StoreChange, dossierID: String) -> ChangeTarget {
        let key = change.key(dossierID: dossierID)
        var t = locate(key)
        t.newJSON = change.storedJSON
        return t
    }

    static func currentJSON(_ t: ChangeTarget, _ db: Database) throws -> String? {
        if t.table == "dossier" {
            return try String.fetchOne(db, sql: "SELECT \(t.keyColumn) FROM dossier WHERE id = ?", arguments: [t.dossierID])
        }
        return try String.fetchOne(try db.cachedStatement(sql: "SELECT json FROM \(t.table) WHERE dossier_id = ? AND \(t.keyColumn) = ?"),
                                   arguments: [t.dossierID, t.entityID])
    }

    /// Writes stored JSON of a row, evidence entry or review header as it is.
    static func writeRaw(entity: String, id: String, json: String, dossierID: String, _ db: Database) throws {
        switch entity {
        case "result":
            try writeResult(nodeID: id, json: json, dossierID: dossierID, db)
        case "evidence":
            let position = try Int.fetchOne(db, sql: "SELECT position FROM evidence WHERE dossier_id = ? AND id = ?", arguments: [dossierID, id])
                ?? (try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), -1) + 1 FROM evidence WHERE dossier_id = ?", arguments: [dossierID]) ?? 0)
            try db.execute(sql: "INSERT OR REPLACE INTO evidence(dossier_id, id, position, json) VALUES (?, ?, ?, ?)", arguments: [dossierID, id, position, json])
        case "review":
            try db.execute(sql: "UPDATE dossier SET review_json = ? WHERE id = ?", arguments: [json, dossierID])
        default:
            throw StoreError.rule(code: "J-002", message: tr("\(entity) \(id) 不能绕过规则写入", "\(entity) \(id) cannot be written without its rules"))
        }
    }

    /// Writes a scoresheet row's stored text (prepared once per connection, the values bound
    /// directly: a merge writes thousands).
    static func writeResult(nodeID: String, json: String?, dossierID: String, _ db: Database) throws {
        let insert = try DirectStatement("INSERT OR REPLACE INTO result(dossier_id, node_id, json) VALUES (?, ?, ?)", db)
        insert.bind(1, dossierID)
        insert.bind(2, nodeID)
        insert.bind(3, json)
        try insert.execute(db)
    }

    /// Writes a change whose encoded form (`target(of:).newJSON`) is `json`.
    static func write(_ change: StoreChange, json: String?, dossierID: String, _ db: Database) throws {
        switch change {
        case .result(let r):
            try writeResult(nodeID: r.nodeID, json: json, dossierID: dossierID, db)
        case .evidence(let e):
            let position = try Int.fetchOne(db, sql: "SELECT position FROM evidence WHERE dossier_id = ? AND id = ?", arguments: [dossierID, e.id])
                ?? (try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), -1) + 1 FROM evidence WHERE dossier_id = ?", arguments: [dossierID]) ?? 0)
            try db.execute(sql: "INSERT OR REPLACE INTO evidence(dossier_id, id, position, json) VALUES (?, ?, ?, ?)", arguments: [dossierID, e.id, position, json])
        case .removeEvidence(let id):
            try db.execute(sql: "DELETE FROM evidence WHERE dossier_id = ? AND id = ?", arguments: [dossierID, id])
        case .finding(let f):
            try check(change, dossierID: dossierID, db)
            try CycleColumns.upsertFinding(f, json: json, dossierID: dossierID, db)
        case .removeFinding(let id):
            try check(change, dossierID: dossierID, db)
            try db.execute(sql: "DELETE FROM finding WHERE dossier_id = ? AND id = ?", arguments: [dossierID, id])
        case .item(let i):
            try check(change, dossierID: dossierID, db)
            try upsertItem(i, dossierID: dossierID, db)
        case .removeItem(let id):
            try db.execute(sql: "DELETE FROM rect_item WHERE dossier_id = ? AND id = ?", arguments: [dossierID, id])
        case .review:
            try db.execute(sql: "UPDATE dossier SET review_json = ? WHERE id = ?", arguments: [json, dossierID])
        case .evaluation(let e):
            try db.execute(sql: "UPDATE dossier SET evaluation_json = ?, status = ? WHERE id = ?", arguments: [json, e.status.rawValue, dossierID])
        }
    }

    /// FuheCore's rules for a stored change, as the store's refusal.
    private static func check(_ change: StoreChange, dossierID: String, _ db: Database) throws {
        let violation = try StoredChangeRules.check(change) { id in
            let row = try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(SUM(status NOT IN ('CLOSED', 'WITHDRAWN')), 0) FROM rect_item WHERE dossier_id = ? AND finding_id = ?",
                                       arguments: [dossierID, id])
            return (row?[0] ?? 0, row?[1] ?? 0)
        }
        if let problem = violation?.messages.first { throw StoreError.rule(code: problem.code, message: problem.message) }
    }
}
