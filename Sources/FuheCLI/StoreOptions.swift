import ArgumentParser
import Foundation
import FuheCore
import FuheStore
import FuheApp

/// `--store PATH` and `--as NAME`, shared by every subcommand.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(tr("库文件（默认：工作台的默认库）。", "The store file (default: the workstation's default store)."), valueName: "path"),
            completion: .file(extensions: ["sqlite"]))
    var store: String?

    @Option(name: .customLong("as"), help: ArgumentHelp(tr("以谁的名义操作，记入日志（默认 $FUHE_USER 或 $USER）。", "Who is acting, for the journal (default: $FUHE_USER or $USER)."), valueName: "name"))
    var actor: String?

    /// The actor's name for journal entries.
    var actorName: String { actorName(environment: ProcessInfo.processInfo.environment) }

    /// The same, from an environment already read.
    func actorName(environment env: [String: String]) -> String {
        if let actor, !actor.isEmpty { return actor }
        return env["FUHE_USER"] ?? env["USER"] ?? "复核人员"
    }

    /// The store file this command works on.
    var path: String { store ?? DefaultStore.path() }

    /// Opens the store; the default store is created with samples on first use, any other new
    /// path with the bundled templates and grade schemes only — in both cases complete or not
    /// at all (`FuheStore.create`).
    func open(createIfMissing: Bool = true) throws -> FuheStore {
        let path = self.path
        Console.currentStore.withLock { $0 = path }
        let isDefault = store == nil
        do {
            if createIfMissing && !FileManager.default.fileExists(atPath: path) {
                return try FuheStore.create(at: path) { s in
                    try BundledData.installCatalog(into: s)
                    if isDefault { try BundledData.installSamples(into: s, actor: "fuhe") }
                }
            }
            return try FuheStore.open(path: path, createIfMissing: false)
        } catch {
            throw StoreError.translating(error, path: path) ?? error
        }
    }
}
