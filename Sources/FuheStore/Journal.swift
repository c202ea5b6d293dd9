import Foundation
import FuheCore
import GRDB

/// Append-only change journal.
enum Journal {
    static func nextBatch(_ db: Database) throws -> Int64 {
        (try Int64.fetchOne(db, sql: "SELECT MAX(batch) FROM journal") ?? 0) + 1
    }

    /// Appends an entry chained to the previous one: `hash` = SHA-256 of the previous entry's hash
    /// and this entry's content (encoding 2), so a changed, removed or reordered entry breaks the
    /// chain; the anchor in `meta` (`journal_count`, `journal_head`) moves with it, so removed
    /// tail entries and a wiped journal are caught too. `previous` is the last entry's hash when
    /// the caller knows it (appending many entries in one transaction); returns this entry's hash.
    ///
    /// `anchoring: false` leaves the anchor to the caller, who appends many entries in one
    /// transaction and moves it once after the last (`moveAnchor`), before the transaction ends.
    @discardableResult
    static func append(_ db: Database, _ r: JournalRecord, batch: Int64, at: Date, atText: String? = nil,
                       previous known: String? = nil, anchoring: Bool = true) throws -> String {
        let time = atText ?? ISO.format(at)
        let previous = try known ?? String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM journal ORDER BY seq DESC LIMIT 1")) ?? ""
        let hash = JournalChain.hash(previous: previous, at: time, record: r, batch: batch)
        // Prepared once per connection, the values bound directly: a merge appends thousands of entries.
        let insert = try DirectStatement("""
            INSERT INTO journal(at, actor, origin, dossier_id, entity, entity_id, field, old, new, reason, batch, prev_hash, hash, session)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, db)
        insert.bind(1, time)
        insert.bind(2, r.actor)
        insert.bind(3, r.origin)
        insert.bind(4, r.dossierID)
        insert.bind(5, r.entity)
        insert.bind(6, r.entityID)
        insert.bind(7, r.field)
        insert.bind(8, r.old)
        insert.bind(9, r.new)
        insert.bind(10, r.reason)
        insert.bind(11, batch)
        insert.bind(12, previous)
        insert.bind(13, hash)
        insert.bind(14, r.session)
        try insert.execute(db)
        if anchoring { try moveAnchor(db, added: 1, head: hash) }
        return hash
    }

    /// Moves the chain's anchor in `meta` past `added` entries just appended, the last with hash `head`.
    static func moveAnchor(_ db: Database, added: Int, head: String) throws {
        guard added > 0 else { return }
        try db.cachedStatement(sql: """
            INSERT INTO meta(key, value) VALUES ('journal_count', CAST(? AS TEXT))
            ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + ? AS TEXT)
            """).execute(arguments: [added, added])
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('journal_head', ?)").execute(arguments: [head])
    }

    /// The chain's head as the journal holds it now: entry count and last hash.
    static func anchor(_ db: Database) throws -> (count: Int, head: String) {
        (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal") ?? 0,
         try String.fetchOne(db, sql: "SELECT hash FROM journal ORDER BY seq DESC LIMIT 1") ?? "")
    }

    /// Sets the anchor in `meta` to the journal as it is (new stores, migrations).
    static func resetAnchor(_ db: Database) throws {
        let (count, head) = try anchor(db)
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('journal_count', ?), ('journal_head', ?)",
                       arguments: [String(count), head])
    }

    /// A stored entry with its chain links.
    struct Linked {
        var entry: JournalEntry
        var prevHash: String
        var hash: String
    }

    /// The columns `entries` reads, by position (a copy's journal has thousands of entries:
    /// no row copied, no column looked up by name); during the migrations before
    /// `v5-journal-session` the later columns are read as absent.
    private static func columns(_ db: Database) throws -> String {
        let present = Set(try db.columns(in: "journal").map(\.name))
        let later = [("session", "NULL"), ("prev_hash", "''"), ("hash", "''")].map { present.contains($0.0) ? $0.0 : "\($0.1) AS \($0.0)" }
        return "seq, at, batch, actor, origin, dossier_id, entity, entity_id, field, old, new, reason, " + later.joined(separator: ", ")
    }

    static func entries(_ db: Database, sql: String, arguments: StatementArguments) throws -> [JournalEntry] {
        var out: [JournalEntry] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT \(try columns(db)) FROM journal \(sql)", arguments: arguments)
        while let row = try rows.next() { out.append(entry(positional: row)) }
        return out
    }

    static func entries(_ db: Database, sql: String, arguments: StatementArguments, withHashes: Bool) throws -> [Linked] {
        var out: [Linked] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT \(try columns(db)) FROM journal \(sql)", arguments: arguments)
        while let row = try rows.next() { out.append(Linked(entry: entry(positional: row), prevHash: row[13], hash: row[14])) }
        return out
    }

    /// A row of `columns` as an entry.
    private static func entry(positional row: Row) -> JournalEntry {
        JournalEntry(seq: row[0], at: row[1], batch: row[2],
                     record: JournalRecord(actor: row[3], origin: row[4], dossierID: row[5], entity: row[6], entityID: row[7],
                                           field: row[8], old: row[9], new: row[10], reason: row[11], session: row[12]))
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

    /// The history of one entity (or of a whole dossier when `entity` is nil), newest first by the
    /// time each change was made — a change merged from a copy keeps the time it was made on
    /// site, so it sorts among the main store's own changes — with the merge decisions taken
    /// on it (entity `decision`, id `entity/id`: the value not taken in `old`).
    public func history(dossierID: String, entity: String? = nil, entityID: String? = nil, limit: Int = 500) throws -> [JournalEntry] {
        var clauses = ["dossier_id = ?"]
        var args: [any DatabaseValueConvertible] = [dossierID]
        if let entity {
            if let entityID {
                clauses.append("((entity = ? AND entity_id = ?) OR (entity = 'decision' AND entity_id = ?))")
                args += [entity, entityID, "\(entity)/\(entityID)"]
            } else {
                clauses.append("(entity = ? OR (entity = 'decision' AND entity_id LIKE ? ESCAPE '\\'))")
                args += [entity, entity.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_") + "/%"]
            }
        }
        return try queue.read { db in
            try Journal.entries(db, sql: "WHERE \(clauses.joined(separator: " AND ")) ORDER BY at DESC, seq DESC LIMIT \(limit)",
                                arguments: StatementArguments(args))
        }
    }

    /// Number of journal entries.
    public func journalCount() throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal") ?? 0 }
    }
}
