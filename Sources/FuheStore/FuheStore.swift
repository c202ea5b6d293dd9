import Foundation
import FuheCore
import FuheFiles
import GRDB
import GRDBSQLite

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
    /// Every unit's items as last read, for the cross-unit views (`itemTable()`).
    let itemCache = ItemTableCache()
    /// The cycle's units as last read, for the dashboard (`cycleUnits(today:)`).
    let cycleUnitCache = KeptDossierRows<CycleUnit>(keepLimit: 6_000)
    /// Every unit's findings as last read, for `P a` (`findingDigests()`).
    let findingCache = KeptDossierRows<FindingDigest>(keepLimit: 60_000)
    /// The writing connection's checkpoints (nil for a store in memory).
    let checkpoint: BackgroundCheckpoint?
    /// The last look at whether another session committed (`storeVersion()`).
    let look = StoreLook()

    private init(path: String, queue: DatabaseQueue, clock: any Clock, copyLock: CopyLock? = nil, checkpoint: BackgroundCheckpoint? = nil) {
        self.path = path
        self.queue = queue
        self.clock = clock
        self.copyLock = copyLock
        self.checkpoint = checkpoint
    }

    /// Opens a store. A missing file is created (mode 0600) when `createIfMissing`, as a store of
    /// `kind` (see ``create(at:kind:clock:populate:)``); an existing file must be a Fuhe store,
    /// otherwise it is left exactly as it was and `notAFuheStore` is thrown: a folder, an empty
    /// file, a file that is not SQLite, an SQLite database without Fuhe's tables (checked on a
    /// read-only connection, before anything could switch it to WAL) and a store of an unknown
    /// kind are all refused.
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
        switch StoreFiles.content(path) {
        case .missing:
            guard createIfMissing else { throw StoreError.missingStore(path: path) }
            return try create(at: path, kind: kind, clock: clock)
        case .folder:
            throw StoreError.notAFuheStore(path: path, detail: tr("这是一个文件夹，不是库文件", "it is a folder, not a store file"))
        case .empty:
            throw StoreError.notAFuheStore(path: path, detail: tr("文件是空的（0 字节）；若要在这里新建库，请先删除这个空文件",
                                                                   "the file is empty (0 bytes); to start a new store there, delete the empty file first"))
        case .other:
            throw StoreError.notAFuheStore(path: path, detail: tr("不是 SQLite 数据库", "not an SQLite database"))
        case .unreadable(let code):
            throw StoreError.io(path: path, detail: tr("无法读取文件（\(String(cString: strerror(code)))）", "cannot read the file (\(String(cString: strerror(code))))"))
        case .sqlite:
            break
        }
        try checkIdentity(path: path)
        let queue: DatabaseQueue
        let checkpoint = BackgroundCheckpoint(path: path)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration(checkpoint: checkpoint))
        } catch {
            throw StoreError.translating(error, path: path) ?? StoreError.notAFuheStore(path: path, detail: "\(error)")
        }
        var store = FuheStore(path: path, queue: queue, clock: clock, checkpoint: checkpoint)
        do { try store.migrate() } catch { throw StoreError.translating(error, path: path) ?? error }
        let kind = try store.kind()
        try setJournalMode(queue, kind: kind, path: path)
        if kind == .copy {
            guard let lock = try CopyLock.acquire(path, mode) else {
                throw mode == .exclusive
                    ? StoreError.rule(code: "M-007", message: tr("\(store.name) 正在工作台或另一个 fuhe 命令中打开；请先在那里退出（q）再合并",
                                                                 "\(store.name) is open in a workstation or another fuhe command; quit it there (q) and merge again"))
                    : StoreError.rule(code: "M-007", message: tr("\(store.name) 正在被合并；合并完成后再打开", "\(store.name) is being merged right now; open it again when the merge is done"))
            }
            store = FuheStore(path: path, queue: queue, clock: clock, copyLock: lock, checkpoint: checkpoint)
        }
        return store
    }

    /// Creates a new store file at `path` (which must not exist) as a store of `kind`, with what
    /// `populate` puts in it. The store is built in memory and the file appears only complete
    /// (through ``OutputFile``, mode 0600), so a first run killed half way leaves no file behind
    /// and never an empty one. A missing folder is created (mode 0700).
    public static func create(at path: String, kind: StoreKind = .main, clock: any Clock = SystemClock(),
                              populate: (FuheStore) throws -> Void = { _ in }) throws -> FuheStore {
        let dir = (path as NSString).deletingLastPathComponent
        let fm = FileManager.default
        if !dir.isEmpty && !fm.fileExists(atPath: dir) {
            do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch {
                throw StoreError.io(path: dir, detail: tr("无法创建文件夹：\(error.localizedDescription)", "cannot create the folder: \(error.localizedDescription)"))
            }
        }
        let pending: OutputFile.Pending
        do { pending = try OutputFile.begin(path, force: false) } catch { throw StoreError.output(error) }
        let memory = try inMemory(kind: kind, clock: clock, path: path)
        try populate(memory)
        do {
            try pending.append(try memory.serialized())
            try pending.commit()
        } catch let error as OutputError {
            throw StoreError.output(error)
        }
        return try open(path: path, createIfMissing: false, clock: clock)
    }

    /// A new store of `kind` held in memory (to be written out whole with ``serialized()``).
    /// `path` is only the name it reports.
    static func inMemory(kind: StoreKind, clock: any Clock, path: String) throws -> FuheStore {
        let store = FuheStore(path: path, queue: try DatabaseQueue(configuration: configuration()), clock: clock)
        try store.initialize(kind: kind)
        return store
    }

    /// The whole database as the bytes of an SQLite file.
    func serialized() throws -> [UInt8] {
        try queue.writeWithoutTransaction { db in
            var size: sqlite3_int64 = 0
            guard let data = sqlite3_serialize(db.sqliteConnection, "main", &size, 0) else {
                throw StoreError.io(path: path, detail: tr("无法生成库文件内容（内存不足？）", "cannot produce the store's bytes (out of memory?)"))
            }
            defer { sqlite3_free(data) }
            return Array(UnsafeBufferPointer(start: data, count: Int(size)))
        }
    }

    /// The connection settings of every store connection. `checkpoint`: the writing
    /// connection's checkpoints happen off its commits (``BackgroundCheckpoint``).
    static func configuration(checkpoint: BackgroundCheckpoint? = nil) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            checkpoint?.install(on: db)
        }
        return config
    }

    /// Checks on a read-only connection that an SQLite file is a Fuhe store of a known kind and
    /// not from a newer Fuhe, before a read-write connection (which switches to WAL) touches it.
    private static func checkIdentity(path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(5)
        let identity: (app: String?, kind: String?, applied: [String])
        do {
            let reader = try DatabaseQueue(path: path, configuration: config)
            defer { try? reader.close() }
            identity = try reader.read { db in
                guard try db.tableExists("meta") else { return (nil, nil, []) }
                let app = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'application'")
                let kind = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'kind'")
                let applied = try db.tableExists("grdb_migrations") ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
                return (app, kind, applied)
            }
        } catch {
            if let translated = StoreError.translating(error, path: path), case .sqlite(let problem, _) = translated, problem != .corrupt {
                throw translated
            }
            throw StoreError.notAFuheStore(path: path, detail: "\(error)")
        }
        guard identity.app == Schema.applicationID else {
            throw StoreError.notAFuheStore(path: path, detail: tr("这是别的程序的 SQLite 数据库，没有 Fuhe 的表", "an SQLite database without Fuhe's tables"))
        }
        if let kind = identity.kind, StoreKind(rawValue: kind) == nil {
            throw StoreError.notAFuheStore(path: path, detail: tr("库的类型“\(kind)”未知（也许由更新版本的 Fuhe 写入）", "unknown store kind \"\(kind)\" (written by a newer Fuhe?)"))
        }
        let known = Set(Schema.migrator.migrations)
        if let unknown = identity.applied.first(where: { !known.contains($0) }) {
            throw StoreError.tooNew(path: path, version: Int(unknown.dropFirst().prefix { $0.isNumber }) ?? 0)
        }
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
                throw StoreError.io(path: path, detail: tr("无法把库切换到 \(wanted) 日志模式（仍是 \(mode ?? "?")）：它是否在另一个程序中打开？", "cannot switch the store to \(wanted) journal mode (it stays \(mode ?? "?")): is it open in another program?"))
            }
        } catch let error as DatabaseError {
            throw StoreError.translating(error, path: path) ?? StoreError.io(path: path, detail: "\(error)")
        }
    }

    private func initialize(kind: StoreKind) throws {
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('application', ?), ('store_id', ?), ('created_at', ?), ('kind', ?)",
                           arguments: [Schema.applicationID, UUID().uuidString, ISO.format(clock.now()), kind.rawValue])
        }
    }

    /// Brings an existing store's schema up to date (named migrations, each once).
    private func migrate() throws {
        try Schema.migrator.migrate(queue)
        try CycleColumns.backfill(queue, today: clock.today())
    }

    /// A value from the meta table (`store_id`, `kind`, `created_at`, …).
    public func meta(_ key: String) throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    /// What this store is: the main store, an offline copy, or a training sandbox.
    public func kind() throws -> StoreKind {
        let text = try meta("kind") ?? StoreKind.main.rawValue
        guard let kind = StoreKind(rawValue: text) else {
            throw StoreError.notAFuheStore(path: path, detail: tr("库的类型“\(text)”未知", "unknown store kind \"\(text)\""))
        }
        return kind
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
