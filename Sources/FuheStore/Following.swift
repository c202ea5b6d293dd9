import Foundation
import FuheCore
import GRDB
import GRDBSQLite

/// How a session follows the store while other processes write to it: a cheap poll
/// (`storeVersion`), then what changed since the journal position it last saw (`changes`).
extension FuheStore {
    /// SQLite's `data_version` on this store's connection: it differs after another connection
    /// (another process, another `FuheStore`) committed, and stays the same for this one's own
    /// commits. Costs a shared-memory read, no disk access (docs/performance.md has the figure).
    /// An idle workstation asks every 300 ms: the statement is prepared once per connection and
    /// stepped directly (parsing it and GRDB's fetch were most of an idle second's CPU).
    /// Nothing is asked of SQLite while the store's files show no change since the last look
    /// (`StoreLook`: a `stat` of the file and its log, with margins for the file system's times).
    public func storeVersion() throws -> StoreVersion {
        let seconds = StoreLook.now()
        let stamp = StoreFileStamp(path: path)
        if let kept = look.unchanged(stamp, at: seconds) { return kept }
        let version = try dataVersion()
        look.remember(stamp, version, at: seconds)
        return version
    }

    /// SQLite's `data_version`, read now.
    private func dataVersion() throws -> StoreVersion {
        try queue.inDatabase { db in
            let statement = try db.cachedStatement(sql: "PRAGMA data_version")
            let s = statement.sqliteStatement
            defer { sqlite3_reset(s) }
            let code = sqlite3_step(s)
            guard code == SQLITE_ROW else {
                if code == SQLITE_DONE { return StoreVersion(0) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                    sql: statement.sql)
            }
            return StoreVersion(sqlite3_column_int64(s, 0))
        }
    }

    /// The last journal entry's position (0 when the journal is empty).
    public func journalHead() throws -> JournalPosition {
        try queue.read { db in try Self.journalHead(db) }
    }

    static func journalHead(_ db: Database) throws -> JournalPosition {
        JournalPosition(try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM journal") ?? 0)
    }

    /// The journal entries after `position`, oldest first, grouped by batch: at most `limit`
    /// entries (whole batches when they fit; `isComplete` is false when there were more).
    public func changes(since position: JournalPosition, limit: Int = 1_000) throws -> ChangeFeed {
        let limit = Swift.max(1, limit)
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM journal WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [position.seq, limit + 1])
                .map(Journal.entry)
        }
        guard rows.count > limit else { return ChangeFeed(since: position, entries: rows, isComplete: true) }
        // Cut at the last whole batch when one fits; otherwise hand over the part read.
        var kept = Array(rows.prefix(limit))
        let cut = rows[limit].batch
        if let lastWhole = kept.lastIndex(where: { $0.batch != cut }) { kept = Array(kept.prefix(through: lastWhole)) }
        return ChangeFeed(since: position, entries: kept, isComplete: false)
    }
}
