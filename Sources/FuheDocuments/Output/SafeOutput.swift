import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes an output file the safe way: refuses a path that exists unless `force` (nothing the
/// user did not name is overwritten), writes into a new temporary file in the same folder created
/// with mode 0600, flushes it to disk, and only then puts it in place — by a hard link, which
/// cannot replace a file that appeared meanwhile, or by a rename when `force` is given. If
/// anything fails, the temporary file is removed and the destination is untouched.
///
/// (A shared safe-output helper for every CLI output is being built on another branch; this one
/// is self-contained so that the integrator can unify them.)
public enum SafeOutput {
    /// Creates the temporary file, lets `produce` fill it (it is given the temporary file's URL;
    /// the file exists and is empty), then moves it to `destination`.
    public static func write(to destination: URL, force: Bool, _ produce: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let folder = destination.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError.folderMissing(folder.path)
        }
        if fm.fileExists(atPath: destination.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw OutputError.isFolder(destination.path) }
            if !force { throw OutputError.exists(destination.path) }
        }
        let temp = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        let fd = open(temp.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw OutputError.cannotWrite(folder.path, String(cString: strerror(errno))) }
        close(fd)
        do {
            try produce(temp)
            try sync(temp.path)
            try place(temp, at: destination, force: force)
        } catch {
            unlink(temp.path)
            throw error
        }
        let dirfd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 { fsync(dirfd); close(dirfd) }
    }

    private static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError.cannotWrite(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw OutputError.cannotWrite(path, String(cString: strerror(errno))) }
    }

    private static func place(_ temp: URL, at destination: URL, force: Bool) throws {
        if force {
            guard rename(temp.path, destination.path) == 0 else {
                throw OutputError.cannotWrite(destination.path, String(cString: strerror(errno)))
            }
            return
        }
        if link(temp.path, destination.path) == 0 {
            unlink(temp.path)
            return
        }
        let linkError = errno
        if linkError == EEXIST { throw OutputError.exists(destination.path) }
        // File systems without hard links (FAT, some network shares): check again, then rename.
        guard !FileManager.default.fileExists(atPath: destination.path) else { throw OutputError.exists(destination.path) }
        guard rename(temp.path, destination.path) == 0 else {
            throw OutputError.cannotWrite(destination.path, String(cString: strerror(errno)))
        }
    }
}

/// Why an output file was not written; nothing was written in every case.
public enum OutputError: Error, Sendable, CustomStringConvertible {
    case exists(String)
    case isFolder(String)
    case folderMissing(String)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .exists(let path): "\(path) 已存在，未覆盖；要覆盖请加 --force"
        case .isFolder(let path): "\(path) 是文件夹，不能作为输出文件"
        case .folderMissing(let path): "文件夹 \(path) 不存在，未写入任何文件"
        case .cannotWrite(let path, let why): "无法写入 \(path)：\(why)；未写入任何文件"
        }
    }
}
