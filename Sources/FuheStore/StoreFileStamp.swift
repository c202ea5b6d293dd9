import Foundation
import FuheCore

/// What `stat` says of a store's file and its write-ahead log: identity, size and the times of
/// the last change. Every commit writes one of the two files (a main store's log, an offline
/// copy's database file), so while the stamp stays the same nothing can have been committed —
/// up to the file system's granularity of times, which `StoreLook` allows for.
struct StoreFileStamp: Equatable, Sendable {
    struct File: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: timespec
        var changed: timespec

        static func == (a: File, b: File) -> Bool {
            a.device == b.device && a.inode == b.inode && a.size == b.size
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
        }
    }

    var database: File
    /// Nil while the store has no log file (an offline copy, or a log not yet made).
    var log: File?

    /// The stamp of `path` and `path-wal`; nil when the database file cannot be read by `stat`.
    init?(path: String) {
        guard let database = Self.file(path) else { return nil }
        self.database = database
        self.log = Self.file(path + "-wal")
    }

    /// The latest change time of either file, in seconds since 1970.
    var latestChange: Int {
        [database.modified, database.changed, log?.modified, log?.changed].compactMap { $0 }.map { $0.tv_sec }.max() ?? 0
    }

    private static func file(_ path: String) -> File? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return File(device: UInt64(s.st_dev), inode: UInt64(s.st_ino), size: Int64(s.st_size),
                    modified: s.st_mtim, changed: s.st_ctim)
    }
}

/// The last look at the store (`storeVersion`): the stamp of its files taken just before SQLite's
/// `data_version` was read, and that version. A look may give the version back without asking
/// SQLite (no read transaction: its locks and system calls were most of an idle workstation's
/// CPU) only when the stamp is the same and the files last changed more than `settled` seconds
/// ago — a commit within the file system's time granularity of the stamp leaves the times as
/// they were, and is then still read from SQLite for `settled` seconds — and at most for
/// `longest` seconds since SQLite was last asked.
final class StoreLook: @unchecked Sendable {
    /// Seconds the files must have been unchanged (covers time granularities of up to 2 s).
    static let settled = 3
    /// Seconds after which SQLite is asked whatever the files say.
    static let longest = 5

    private let lock = NSLock()
    private var stamp: StoreFileStamp?
    private var version: StoreVersion?
    private var askedAt = 0

    /// The version of the last look, when nothing can have been committed since.
    func unchanged(_ now: StoreFileStamp?, at seconds: Int) -> StoreVersion? {
        lock.lock(); defer { lock.unlock() }
        guard let now, let stamp, let version, now == stamp,
              seconds - now.latestChange > Self.settled, seconds - askedAt < Self.longest else { return nil }
        return version
    }

    /// Remembers a look: the stamp taken before SQLite was asked, and its answer.
    func remember(_ stamp: StoreFileStamp?, _ version: StoreVersion, at seconds: Int) {
        lock.lock(); defer { lock.unlock() }
        self.stamp = stamp
        self.version = version
        askedAt = seconds
    }

    /// The wall clock in whole seconds (the file times' clock).
    static func now() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return t.tv_sec
    }
}
