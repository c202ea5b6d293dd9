import Foundation
import FuheCore
import FuheFiles
import FuheIntake

/// Writing draft files through `OutputFile`: every target is checked before any is written (an
/// existing file is refused unless `force`, a database never), each file is written unnamed in the
/// folder, private (0600), and named only when complete, so no half-written draft is ever visible.
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
            // Every target is checked before any is written (the one output helper's rules).
            try OutputFile.check(path, force: force)
            targets.append((path, d))
        }
        var done: [String] = []
        for (path, draft) in targets {
            do { try OutputFile.write(DraftFile.encode(draft), to: path, force: force) } catch {
                throw CLIFailure(error.description + (done.isEmpty ? "" : tr("；此前已写入 \(done.count) 个文件", "; \(done.count) file(s) were written before it")))
            }
            done.append(path)
        }
        return done
    }
}
