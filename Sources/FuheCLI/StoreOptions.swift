import ArgumentParser
import Foundation
import FuheCore
import FuheStore
import FuheApp

/// `--store PATH` and `--as NAME`, shared by every subcommand.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file (default: the workstation's default store).", valueName: "path"))
    var store: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is acting, for the journal (default: $FUHE_USER or $USER).", valueName: "name"))
    var actor: String?

    /// The actor's name for journal entries.
    var actorName: String {
        if let actor, !actor.isEmpty { return actor }
        let env = ProcessInfo.processInfo.environment
        return env["FUHE_USER"] ?? env["USER"] ?? "复核人员"
    }

    /// Opens the store; the default store is created with samples on first use, any other new
    /// path with the bundled templates and grade schemes only.
    func open(createIfMissing: Bool = true) throws -> FuheStore {
        let path = store ?? DefaultStore.path()
        let existed = FileManager.default.fileExists(atPath: path)
        do {
            let s = try FuheStore.open(path: path, createIfMissing: createIfMissing)
            if !existed {
                try BundledData.installCatalog(into: s)
                if store == nil { try BundledData.installSamples(into: s, actor: "fuhe") }
            }
            return s
        } catch let error as StoreError {
            throw CLIFailure(error.description)
        }
    }
}

