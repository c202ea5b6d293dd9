import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Recognising store files on disk without opening them with SQLite (which could change them).
public enum StoreFiles {
    /// The 16 bytes every SQLite database starts with.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)
    /// Files SQLite keeps beside a database.
    static let companionSuffixes = ["-wal", "-shm", "-journal"]

    /// What is at `path`, read with plain file calls.
    public enum Content: Equatable, Sendable {
        case missing
        case folder
        case empty
        case sqlite
        case other
        /// It cannot be read (permissions, I/O): errno.
        case unreadable(Int32)
    }

    public static func content(_ path: String) -> Content {
        var info = stat()
        guard stat(path, &info) == 0 else { return errno == ENOENT ? .missing : .unreadable(errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .folder }
        if info.st_size == 0 { return .empty }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .unreadable(errno) }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 16)
        let n = header.withUnsafeMutableBytes { read(fd, $0.baseAddress!, 16) }
        guard n >= 0 else { return .unreadable(errno) }
        return n == 16 && header == sqliteHeader ? .sqlite : .other
    }

    /// Whether `path` is an SQLite database (any, Fuhe's or not).
    public static func isDatabase(_ path: String) -> Bool { content(path) == .sqlite }

    /// The database `path` belongs to when it is named like its `-wal`, `-shm` or `-journal`.
    public static func storeOfCompanion(_ path: String) -> String? {
        for suffix in companionSuffixes where path.hasSuffix(suffix) {
            let base = String(path.dropLast(suffix.count))
            if !base.isEmpty, isDatabase(base) { return base }
        }
        return nil
    }
}
