import Foundation
import FuheCore
#if canImport(Glibc)
import Glibc
#endif

/// The one way Fuhe writes a file the user named: `export --out`, `ledger --out`, `checkout
/// --out`, `demo --record` and any later output.
///
/// - An existing file is refused unless `force`; a folder, a database (a Fuhe store or any other
///   SQLite file) and a store's `-wal`, `-shm` or `-journal` file are refused even with `force`.
/// - The content is written to an unnamed temporary file in the destination's folder (Linux
///   `O_TMPFILE`) and given its name only when complete, so a failed or killed write leaves
///   nothing behind and never a half-written file; without `force` the name is taken atomically
///   (an existing file is never replaced, even one created meanwhile). Where the file system
///   cannot make unnamed files, a hidden `.NAME.fuhe-XXXXXX` temporary is used and removed on
///   every way out but a kill.
/// - The file is private: mode 0600, whatever the umask (exports hold review data).
///
/// ```swift
/// try OutputFile.write(Array("…".utf8), to: "台账.csv", force: false)
/// let pending = try OutputFile.begin("session.jsonl", force: false)
/// try pending.append(Array("line\n".utf8)); try pending.commit()
/// ```
public enum OutputFile {
    /// Checks that `path` may be written, without writing anything.
    public static func check(_ path: String, force: Bool) throws(OutputError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw .isFolder(path) }
            if StoreFiles.isDatabase(path) { throw .isDatabase(path) }
            if let store = StoreFiles.storeOfCompanion(path) { throw .isStoreCompanion(path, store: store) }
            guard force else { throw .exists(path) }
        } else if let store = StoreFiles.storeOfCompanion(path) {
            throw .isStoreCompanion(path, store: store)
        }
        var folder = stat()
        let dir = directory(of: path)
        guard stat(dir, &folder) == 0, (folder.st_mode & S_IFMT) == S_IFDIR else { throw .noFolder(path, folder: dir) }
    }

    /// Writes `bytes` as the whole content of `path` (see the type's rules).
    public static func write(_ bytes: [UInt8], to path: String, force: Bool) throws(OutputError) {
        let pending = try begin(path, force: force)
        try pending.append(bytes)
        try pending.commit()
    }

    /// Writes `destination` with a producer that needs a file to write into (a ZIP library, a
    /// document writer): `produce` is given the URL of the unnamed temporary file (through
    /// `/proc/self/fd`, or the hidden temporary where unnamed files are not available), an
    /// existing empty file of mode 0600; the result is then named as by ``write(_:to:force:)``.
    /// When `produce` throws, nothing is left behind and the destination is untouched.
    public static func write(to destination: URL, force: Bool, _ produce: (URL) throws -> Void) throws {
        let pending = try begin(destination.path, force: force)
        try produce(URL(fileURLWithPath: pending.temporaryPath))
        try pending.commit()
    }

    /// Starts writing `path`: the checks are made now (so a bad path is refused before any
    /// work), the content goes to an unnamed temporary file, and `commit()` names it.
    public static func begin(_ path: String, force: Bool) throws(OutputError) -> Pending {
        try check(path, force: force)
        return try Pending(path: path, force: force)
    }

    /// A file being written, not yet visible under its name. Dropping it without `commit()`
    /// leaves nothing behind.
    public final class Pending {
        public let path: String
        let force: Bool
        private var fd: Int32
        /// The hidden temporary name, when the file system cannot make unnamed files.
        private var temporary: String?
        private var finished = false

        init(path: String, force: Bool) throws(OutputError) {
            self.path = path
            self.force = force
            let dir = OutputFile.directory(of: path)
            fd = FileManager.default.fileExists(atPath: "/proc/self/fd") ? open(dir, OutputFile.unnamedFlags | O_WRONLY | O_CLOEXEC, 0o600) : -1
            if fd < 0 {
                var template = Array((dir + "/." + (path as NSString).lastPathComponent + ".fuhe-XXXXXX").utf8CString)
                fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
                guard fd >= 0 else { throw OutputError.failed(path, errno: errno) }
                temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            fchmod(fd, 0o600)
        }

        deinit { discard() }

        /// A path that names the temporary file while it is written (for producers that open a path).
        public var temporaryPath: String { temporary ?? "/proc/self/fd/\(fd)" }

        /// Appends bytes (all of them, or an error).
        public func append(_ bytes: [UInt8]) throws(OutputError) {
            guard !finished else { return }
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.failed(path, errno: errno)
                }
                offset += n
            }
        }

        /// Flushes the content to disk and gives the file its name (refusing an existing file
        /// unless `force`).
        public func commit() throws(OutputError) {
            guard !finished else { return }
            defer { discard() }
            guard fsync(fd) == 0 else { throw OutputError.failed(path, errno: errno) }
            let dir = OutputFile.directory(of: path)
            if force {
                // Recheck: a database may have appeared under the name meanwhile.
                if StoreFiles.isDatabase(path) { throw OutputError.isDatabase(path) }
                let staged = temporary ?? dir + "/." + (path as NSString).lastPathComponent + ".fuhe-" + UUID().uuidString
                if temporary == nil { guard linkUnnamed(to: staged) == 0 else { throw OutputError.failed(path, errno: errno) } }
                guard rename(staged, path) == 0 else {
                    let code = errno
                    unlink(staged)
                    throw OutputError.failed(path, errno: code)
                }
                temporary = nil
            } else {
                let result = temporary.map { link($0, path) } ?? linkUnnamed(to: path)
                guard result == 0 else {
                    throw errno == EEXIST ? OutputError.exists(path) : OutputError.failed(path, errno: errno)
                }
            }
            finished = true
            let dirFD = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if dirFD >= 0 { fsync(dirFD); close(dirFD) }
        }

        /// Drops the content (nothing is left behind).
        public func discard() {
            if fd >= 0 { close(fd); fd = -1 }
            if let temporary { unlink(temporary) }
            temporary = nil
            finished = true
        }

        private func linkUnnamed(to name: String) -> Int32 {
            linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, name, AT_SYMLINK_FOLLOW)
        }
    }

    /// `O_TMPFILE`: an unnamed file in the given folder (glibc's value, not imported into Swift).
    static let unnamedFlags: Int32 = 0o20000000 | O_DIRECTORY

    static func directory(of path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }
}

/// Why an output file was refused or could not be written. Nothing was written.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    case exists(String)
    case isFolder(String)
    case isDatabase(String)
    case isStoreCompanion(String, store: String)
    case noFolder(String, folder: String)
    case failed(String, errno: Int32)

    public var description: String {
        switch self {
        case .exists(let p):
            tr("\(p)：文件已存在；要覆盖它请加 --force（或换一个文件名）。什么都没有写入",
               "\(p): the file exists; add --force to replace it (or choose another name). Nothing was written")
        case .isFolder(let p):
            tr("\(p)：这是一个文件夹，请给出文件名。什么都没有写入", "\(p): this is a folder; give a file name. Nothing was written")
        case .isDatabase(let p):
            tr("\(p)：这是一个数据库（Fuhe 库或其他 SQLite 文件），Fuhe 不会用输出覆盖它，--force 也不行。什么都没有写入",
               "\(p): this is a database (a Fuhe store or another SQLite file); Fuhe never writes output over it, not even with --force. Nothing was written")
        case .isStoreCompanion(let p, let store):
            tr("\(p)：这是库 \(store) 的日志文件，覆盖它会损坏那个库。什么都没有写入",
               "\(p): this is a log file of the store \(store); writing it would damage that store. Nothing was written")
        case .noFolder(let p, let folder):
            tr("\(p)：文件夹 \(folder) 不存在。什么都没有写入", "\(p): the folder \(folder) does not exist. Nothing was written")
        case .failed(let p, let code):
            switch code {
            case ENOSPC, EDQUOT:
                tr("\(p)：磁盘已满，文件没有写成；腾出空间后再试。什么都没有留下", "\(p): the disk is full and the file was not written; free some space and try again. Nothing was left behind")
            case EACCES, EPERM, EROFS:
                tr("\(p)：没有写入权限（文件夹只读或权限不足）。什么都没有写入", "\(p): no permission to write here (read-only folder or permissions). Nothing was written")
            default:
                tr("\(p)：写文件失败（\(String(cString: strerror(code)))）。什么都没有留下", "\(p): cannot write the file (\(String(cString: strerror(code)))). Nothing was left behind")
            }
        }
    }
}
