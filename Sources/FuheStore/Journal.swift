import Foundation
import FuheCore
import GRDB

/// Append-only change journal.
enum Journal {
    static func nextBatch(_ db: Database) throws -> Int64 {
        (try Int64.fetchOne(db, sql: "SELECT MAX(batch) FROM journal") ?? 0) + 1
    }

    /// Appends an entry chained to the previous one: `hash` = SHA-256 of the previous entry's hash
    /// and this entry's content, so a changed, removed or reordered entry breaks the chain.
    /// `previous` is the last entry's hash when the caller knows it (appending many entries in
    /// one transaction); returns this entry's hash.
    @discardableResult
    static func append(_ db: Database, _ r: JournalRecord, batch: Int64, at: Date, atText: String? = nil,
                       previous known: String? = nil) throws -> String {
        let time = atText ?? ISO.format(at)
        let previous = try known ?? String.fetchOne(db, sql: "SELECT hash FROM journal ORDER BY seq DESC LIMIT 1") ?? ""
        let hash = JournalChain.hash(previous: previous, at: time, record: r, batch: batch)
        // Prepared once per connection: a merge appends thousands of entries.
        let insert = try db.cachedStatement(sql: """
            INSERT INTO journal(at, actor, origin, dossier_id, entity, entity_id, field, old, new, reason, batch, prev_hash, hash, session)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try insert.execute(arguments: [time, r.actor, r.origin, r.dossierID, r.entity, r.entityID, r.field, r.old, r.new, r.reason, batch,
                                       previous, hash, r.session])
        return hash
    }

    static func entries(_ db: Database, sql: String, arguments: StatementArguments) throws -> [JournalEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM journal \(sql)", arguments: arguments).map(entry)
    }

    /// A journal row as an entry.
    static func entry(_ row: Row) -> JournalEntry {
        JournalEntry(seq: row["seq"], at: row["at"], batch: row["batch"],
                     record: JournalRecord(actor: row["actor"], origin: row["origin"], dossierID: row["dossier_id"],
                                           entity: row["entity"], entityID: row["entity_id"], field: row["field"],
                                           old: row["old"], new: row["new"], reason: row["reason"], session: row["session"]))
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
