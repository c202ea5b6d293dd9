import ArgumentParser
import Foundation
import FuheCore
import FuheExchange
import FuheStore
import FuheApp

/// `fuhe import FILE…`: reads dossier (and template) files; all files are checked before anything
/// is written, and everything is stored in one transaction.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import JSON dossier files (fuhe.dossier/1) and template files (fuhe.template/1).")

    @OptionGroup var options: StoreOptions

    @Flag(help: "Replace dossiers whose id is already in the store.")
    var replace = false

    @Flag(help: "With --replace: replace units that are out as offline copies too (those copies can then no longer be merged; fuhe leases says so).")
    var force = false

    @Flag(help: "Also import the bundled sample dossiers.")
    var samples = false

    @Argument(help: ArgumentHelp("JSON files to import.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty && !samples { throw ValidationError("give at least one file to import (or --samples)") }
        if force && !replace { throw ValidationError("--force only goes with --replace") }
    }

    func run() throws {
        let store = try options.open()
        var known = Dictionary(try store.templates().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var templates: [IndicatorTemplate] = []
        var dossiers: [Dossier] = []
        var sources: [String: ReportSource] = [:]
        // Template files first, so dossiers in the same command can use them.
        var pending: [(String, [UInt8])] = []
        for file in files {
            let bytes = try readBytes(file)
            if TemplateLoader.declaredFormat(bytes) == "fuhe.template/1" {
                let t = try report { () throws(ImportError) in try TemplateLoader.template(bytes, file: file) }
                templates.append(t)
                known[t.id] = t
            } else {
                pending.append((file, bytes))
            }
        }
        for (file, bytes) in pending {
            let decoded = try report { () throws(ImportError) in try DossierDecoder.decode(bytes, file: file, templates: { known[$0] }) }
            dossiers += decoded.dossiers
            sources.merge(decoded.sources) { a, _ in a }
        }
        let bundled = samples ? try BundledData.samples(today: store.today) : []
        dossiers += bundled
        do {
            try store.importDossiers(dossiers, templates: templates, mode: replace ? .replaceExisting : .refuseExisting,
                                     overridingLeases: force, actor: options.actorName, origin: "import", sources: sources,
                                     samples: Set(bundled.map(\.id)))
        } catch let error as StoreError {
            throw CLIFailure("\(error.description); nothing was imported")
        }
        print("imported \(dossiers.count) dossier(s)\(templates.isEmpty ? "" : " and \(templates.count) template(s)") into \(store.path)")
        if force {
            let ids = Set(dossiers.map(\.id))
            for lease in try store.leases() where lease.status == .out && lease.unmergeable != nil && !ids.isDisjoint(with: lease.dossierIDs) {
                print("lease \(lease.id) (\(lease.holder)) can no longer be merged: \(lease.unmergeable ?? "")")
            }
        }
    }

    private func readBytes(_ file: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIFailure("\(file): cannot read the file; nothing was imported") }
        return Array(data)
    }

    private func report<T>(_ body: () throws(ImportError) -> T) throws -> T {
        do { return try body() } catch { throw CLIFailure("\(error.description); nothing was imported") }
    }
}
