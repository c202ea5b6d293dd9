import Foundation
import FuheCore
import FuheIntake

/// Writing draft files: every target is checked before any is written; an existing file is
/// refused unless `force`; each file is written to a temporary name in the folder, made private
/// (0600) and renamed into place, so no half-written draft is ever visible.
enum IntakeOutput {
    static func write(_ drafts: [IntakeDraft], to dir: String, force: Bool) throws -> [String] {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
            guard isDir.boolValue else { throw CLIFailure("\(dir): 不是文件夹；未写入任何内容") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw CLIFailure("\(dir): 无法创建文件夹（\(error.localizedDescription)）；未写入任何内容")
            }
        }
        var names = Set<String>()
        var targets: [(String, IntakeDraft)] = []
        for d in drafts {
            var name = DraftFile.fileName(for: d)
            var n = 2
            while names.contains(name) { name = DraftFile.fileName(for: d).replacingOccurrences(of: ".draft.json", with: "~\(n).draft.json"); n += 1 }
            names.insert(name)
            let path = (dir as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path), !force {
                throw CLIFailure("\(path): 文件已存在（用 --force 覆盖）；未写入任何内容")
            }
            targets.append((path, d))
        }
        var done: [String] = []
        for (path, draft) in targets {
            let temporary = (dir as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).\(UUID().uuidString).partial")
            let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw CLIFailure("\(path): 无法写入（errno \(errno)）") }
            let bytes = DraftFile.encode(draft)
            var offset = 0
            var failed = false
            while offset < bytes.count {
                let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
                if n <= 0 { failed = true; break }
                offset += n
            }
            if fsync(fd) != 0 { failed = true }
            close(fd)
            if failed || rename(temporary, path) != 0 {
                unlink(temporary)
                throw CLIFailure("\(path): 写入失败（errno \(errno)）" + (done.isEmpty ? "；未写入任何内容" : "；此前已写入 \(done.count) 个文件"))
            }
            done.append(path)
        }
        return done
    }
}
