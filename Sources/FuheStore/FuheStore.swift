import Foundation
import FuheCore
import GRDB

/// The SQLite store of one Fuhe installation (or one offline copy): units, templates, dossiers,
/// rectification items and the change journal. Every write is one transaction that also appends
/// journal entries and refreshes the dossier's summary row.
///
/// ```swift
/// let store = try FuheStore.open(path: "fuhe.sqlite", createIfMissing: true)
/// let units = try store.unitList(today: CalendarDay("2022-06-01")!)
/// ```
public final class FuheStore: Sendable {
    /// The store file.
    public let path: String
    let queue: DatabaseQueue
    let clock: any Clock
    /// Held while an offline copy is open (see `CopyLock`); nil for other stores.
    let copyLock: CopyLock?

    private init(path: String, queue: DatabaseQueue, clock: any Clock, copyLock: CopyLock? = nil) {
        self.path = path
        self.queue = queue
        self.clock = clock
        self.copyLock = copyLock
    }

    /// Opens a store. A missing file is created (mode 0600) when `createIfMissing`, as a store of
    /// `kind`; an existing file must be a Fuhe store, otherwise it is left untouched and
    /// `notAFuheStore` is thrown.
    ///
    /// A main store or sandbox is journalled in WAL mode (readers never block the writer); an
    /// offline copy in rollback-journal mode, so that the file alone holds every committed edit
    /// after each save and can be copied at any time, and under a shared `CopyLock` while open.
    public static func open(path: String, createIfMissing: Bool, clock: any Clock = SystemClock(),
                            kind: StoreKind = .main) throws -> FuheStore {
        try open(path: path, createIfMissing: createIfMissing, clock: clock, kind: kind, copyLock: .shared)
    }

    /// `open`, taking a copy's lock in `copyLock` mode (`fuhe merge` takes it exclusively).
    static func open(path: String, createIfMissing: Bool, clock: any Clock, kind: StoreKind,
                     copyLock mode: CopyLock.Mode) throws -> FuheStore {
        let fm = FileManager.default
        var isNew = false
        if !fm.fileExists(atPath: path) {
            guard createIfMissing else { throw StoreError.missingStore(path: path) }
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty && !fm.fileExists(atPath: dir) {
                do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch {
                    throw StoreError.io(path: dir, detail: "cannot create the folder: \(error.localizedDescription)")
                }
            }
            let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            guard fd >= 0 else { throw StoreError.io(path: path, detail: "cannot create the store file (errno \(errno))") }
            close(fd)
            isNew = true
        } else if createIfMissing, (try? fm.attributesOfItem(atPath: path)[.size] as? Int) == 0 {
            // An empty file holds nobody's data (e.g. a first run killed before it initialized).
            isNew = true
        } else {
            try checkHeader(path: path)
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw StoreError.notAFuheStore(path: path, detail: "\(error)")
        }
        if isNew { try setJournalMode(queue, kind: kind, path: path) }
        var store = FuheStore(path: path, queue: queue, clock: clock)
        if isNew {
            try store.initialize(kind: kind)
        } else {
            try store.verifyIdentity()
            try setJournalMode(queue, kind: try store.kind(), path: path)
        }
        if try store.kind() == .copy {
            guard let lock = try CopyLock.acquire(path, mode) else {
                throw mode == .exclusive
                    ? StoreError.rule(code: "M-007", message: "\(store.name) is open in a workstation or another fuhe command; quit it there (q) and merge again")
                    : StoreError.rule(code: "M-007", message: "\(store.name) is being merged right now; open it again when the merge is done")
            }
            store = FuheStore(path: path, queue: queue, clock: clock, copyLock: lock)
        }
        return store
    }

    /// WAL for a main store or sandbox; a rollback journal for a copy, which is whole on disk
    /// after every commit (a copy made by an older Fuhe in WAL mode is folded back into its file).
    private static func setJournalMode(_ queue: DatabaseQueue, kind: StoreKind, path: String) throws {
        let wanted = kind == .copy ? "delete" : "wal"
        do {
            let mode = try queue.writeWithoutTransaction { db in
                try String.fetchOne(db, sql: "PRAGMA journal_mode = \(wanted.uppercased())")
            }
            guard mode?.lowercased() == wanted else {
                throw StoreError.io(path: path, detail: "cannot switch the store to \(wanted) journal mode (it stays \(mode ?? "?")): is it open in another program?")
            }
        } catch let error as DatabaseError {
            throw StoreError.io(path: path, detail: "cannot set the journal mode: \(error.message ?? "\(error)") — is the file open in another program?")
        }
    }

    /// Refuses files that are not SQLite databases before SQLite touches them.
    private static func checkHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.io(path: path, detail: "cannot read the file") }
        defer { try? handle.close() }
        let header = handle.readData(ofLength: 16)
        if header.isEmpty { throw StoreError.notAFuheStore(path: path, detail: "the file is empty") }
        guard header == Data("SQLite format 3\0".utf8) else {
            throw StoreError.notAFuheStore(path: path, detail: "not an SQLite database")
        }
    }

    private func initialize(kind: StoreKind) throws {
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('application', ?), ('store_id', ?), ('created_at', ?), ('kind', ?)",
                           arguments: [Schema.applicationID, UUID().uuidString, ISO.format(clock.now()), kind.rawValue])
        }
    }

    private func verifyIdentity() throws {
        let app: String?
        do {
            app = try queue.read { db -> String? in
                guard try db.tableExists("meta") else { return nil }
                return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'application'")
            }
        } catch {
            throw StoreError.notAFuheStore(path: path, detail: "\(error)")
        }
        guard app == Schema.applicationID else {
            throw StoreError.notAFuheStore(path: path, detail: "an SQLite database without Fuhe's tables")
        }
        let applied = try queue.read { db in try Schema.migrator.appliedIdentifiers(db) }
        let known = Set(Schema.migrator.migrations)
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw StoreError.tooNew(path: path, version: Int(unknown.dropFirst()) ?? 0)
        }
        try Schema.migrator.migrate(queue)
    }

    /// A value from the meta table (`store_id`, `kind`, `created_at`, …).
    public func meta(_ key: String) throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    /// What this store is: the main store, an offline copy, or a training sandbox.
    public func kind() throws -> StoreKind {
        StoreKind(rawValue: try meta("kind") ?? "main") ?? .main
    }

    /// Whether the store holds no dossier yet.
    public func isEmpty() throws -> Bool {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier") ?? 0 } == 0
    }

    /// Today's date for overdue computations.
    public var today: CalendarDay { clock.today() }
}

/// What a store file is for. Only a `copy` can be merged back into a main store.
public enum StoreKind: String, Sendable, Equatable {
    /// A reviewing office's store.
    case main
    /// An offline copy of some units (`fuhe checkout`), to be merged back.
    case copy
    /// A throwaway training store (`fuhe demo`); never merged anywhere.
    case sandbox
}
