import Foundation
import FuheCore
import GRDB

/// One field change to record: who changed which field of which entity, from what to what, why.
public struct JournalRecord: Sendable, Hashable {
    public var actor: String
    /// Where the change was made: `local`, `import`, or the id of the copy it was merged from.
    public var origin: String
    public var dossierID: String?
    /// `dossier`, `result`, `evidence`, `finding`, `item`, `review`, `evaluation`.
    public var entity: String
    public var entityID: String
    /// Top-level field name, or `*` for a whole entity (created / removed / imported).
    public var field: String
    /// JSON text of the old and new values (nil = absent).
    public var old: String?
    public var new: String?
    public var reason: String?

    public init(actor: String, origin: String, dossierID: String?, entity: String, entityID: String, field: String,
                old: String?, new: String?, reason: String?) {
        self.actor = actor
        self.origin = origin
        self.dossierID = dossierID
        self.entity = entity
        self.entityID = entityID
        self.field = field
        self.old = old
        self.new = new
        self.reason = reason
    }
}

/// A stored journal entry. Entries written by one action share a `batch` (the unit of undo).
public struct JournalEntry: Sendable, Hashable {
    public var seq: Int64
    public var at: String
    public var batch: Int64
    public var record: JournalRecord
}

/// Append-only change journal.
enum Journal {
    static func nextBatch(_ db: Database) throws -> Int64 {
        (try Int64.fetchOne(db, sql: "SELECT MAX(batch) FROM journal") ?? 0) + 1
    }

    static func append(_ db: Database, _ r: JournalRecord, batch: Int64, at: Date) throws {
        try db.execute(sql: """
            INSERT INTO journal(at, actor, origin, dossier_id, entity, entity_id, field, old, new, reason, batch)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [ISO.format(at), r.actor, r.origin, r.dossierID, r.entity, r.entityID, r.field, r.old, r.new, r.reason, batch])
    }

    static func entries(_ db: Database, sql: String, arguments: StatementArguments) throws -> [JournalEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM journal \(sql)", arguments: arguments).map { row in
            JournalEntry(seq: row["seq"], at: row["at"], batch: row["batch"],
                         record: JournalRecord(actor: row["actor"], origin: row["origin"], dossierID: row["dossier_id"],
                                               entity: row["entity"], entityID: row["entity_id"], field: row["field"],
                                               old: row["old"], new: row["new"], reason: row["reason"]))
        }
    }
}

extension FuheStore {
    /// Journal entries, newest first, optionally for one dossier / entity / field.
    public func journal(dossierID: String? = nil, entity: String? = nil, entityID: String? = nil, field: String? = nil,
                        limit: Int = 200) throws -> [JournalEntry] {
        var clauses: [String] = []
        var args: [any DatabaseValueConvertible] = []
        if let dossierID { clauses.append("dossier_id = ?"); args.append(dossierID) }
        if let entity { clauses.append("entity = ?"); args.append(entity) }
        if let entityID { clauses.append("entity_id = ?"); args.append(entityID) }
        if let field { clauses.append("field = ?"); args.append(field) }
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        return try queue.read { db in
            try Journal.entries(db, sql: "\(whereSQL) ORDER BY seq DESC LIMIT \(limit)", arguments: StatementArguments(args))
        }
    }

    /// Number of journal entries.
    public func journalCount() throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal") ?? 0 }
    }
}
