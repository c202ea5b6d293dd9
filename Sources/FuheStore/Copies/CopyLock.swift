import Foundation

/// An advisory lock (`flock`) on a copy's file, held while a `FuheStore` has the copy open: shared
/// by every session that opens it, exclusive by `fuhe merge`. It tells the merge that a
/// workstation still has the copy open, and is released by the kernel when the process ends
/// however it ends. `flock` locks are independent of SQLite's own `fcntl` locks on local disks.
final class CopyLock: Sendable {
    enum Mode { case shared, exclusive }

    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit { close(fd) }

    /// Gives the lock back (the store was closed); the descriptor closes with the object.
    func release() { flock(fd, LOCK_UN) }

    /// Takes the lock without waiting; nil when another process holds a conflicting one.
    static func acquire(_ path: String, _ mode: Mode) throws -> CopyLock? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io(path: path, detail: "cannot open the copy to lock it (errno \(errno))") }
        if flock(fd, (mode == .shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0 {
            let code = errno
            close(fd)
            if code == EWOULDBLOCK { return nil }
            throw StoreError.io(path: path, detail: "cannot lock the copy (errno \(code))")
        }
        return CopyLock(fd: fd)
    }
}
