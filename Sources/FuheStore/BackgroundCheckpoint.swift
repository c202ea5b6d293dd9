import Foundation
import GRDB
import GRDBSQLite

/// Moves a WAL store's checkpoint out of the commit that filled the log.
///
/// SQLite's automatic checkpoint (at 1,000 pages of log) runs inside the committing call: the
/// write that crosses the mark also copies the whole log back into the store file and waits for
/// its `fdatasync` (40–70 ms for a merge's 5,000 fields on the benchmark machine). Installed on the
/// writing connection, this replaces it: the commit only asks for a checkpoint, and a connection
/// of its own makes it on a background thread, `PASSIVE` as the automatic one is (it never waits
/// for readers or writers, and copies what it can). What is committed is durable in the log
/// before either runs (`synchronous = FULL`), so nothing about saving changes; only who waits.
final class BackgroundCheckpoint: Sendable {
    /// Log pages after a commit that ask for a checkpoint (SQLite's automatic threshold).
    static let pages: Int32 = 1_000
    /// The store file the checkpoint opens.
    let path: String
    /// Runs the checkpoint's work (a background queue; tests collect it to run it themselves).
    private let start: @Sendable (@escaping @Sendable () -> Void) -> Void
    /// Whether a checkpoint is asked for and not yet done (asking again meanwhile does nothing).
    private let pending = LockedFlag()
    /// Whether commits checkpoint in place, as SQLite's automatic checkpoint does (``inline(_:)``).
    private let inPlace = LockedFlag()

    init(path: String, start: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void = { work in
        DispatchQueue.global(qos: .utility).async(execute: work)
    }) {
        self.path = path
        self.start = start
    }

    /// Makes `db`'s commits ask for a checkpoint instead of making one (replaces SQLite's
    /// automatic checkpoint on this connection). The connection keeps this object alive.
    func install(on db: Database) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_wal_hook(db.sqliteConnection, { context, db, name, pages in
            guard let context, pages >= BackgroundCheckpoint.pages else { return SQLITE_OK }
            let checkpoint = Unmanaged<BackgroundCheckpoint>.fromOpaque(context).takeUnretainedValue()
            if checkpoint.inPlace.isSet {
                // What SQLite's own hook does (a passive checkpoint, its result ignored).
                _ = sqlite3_wal_checkpoint(db, name)
            } else {
                checkpoint.ask()
            }
            return SQLITE_OK
        }, context)
    }

    /// Runs `body` with the commits checkpointing in place: for a bulk load, whose next
    /// transaction starts at once — a checkpoint beside it would compete for the cores, and the
    /// log could not start again from its beginning, so it grew (a 20,000 store's build took
    /// 40.5 s instead of 31.8 s, with 13 s more CPU).
    func inline<T>(_ body: () throws -> T) rethrows -> T {
        _ = inPlace.set()
        defer { inPlace.clear() }
        return try body()
    }

    /// Starts a checkpoint unless one is already on its way.
    func ask() {
        guard pending.set() else { return }
        start { [self] in
            checkpoint()
            pending.clear()
        }
    }

    /// One `PASSIVE` checkpoint on a connection of its own. A store that is gone or cannot be
    /// opened is left alone: its writer's next commit over the mark asks again.
    private func checkpoint() {
        var db: OpaquePointer?
        defer { sqlite3_close_v2(db) }
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK,
              // A connection finds the store's log only once it has read the store.
              sqlite3_exec(db, "PRAGMA schema_version", nil, nil, nil) == SQLITE_OK else { return }
        _ = sqlite3_wal_checkpoint_v2(db, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }
}

/// A flag set by one thread at a time.
private final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    /// Sets the flag; false when it was already set.
    func set() -> Bool {
        lock.withLock {
            if value { return false }
            value = true
            return true
        }
    }

    func clear() { lock.withLock { value = false } }

    var isSet: Bool { lock.withLock { value } }
}
