import ArgumentParser
import Foundation
import FuheApp
import FuheCore
import FuheUI

/// `fuhe` with no subcommand: the full-screen workstation on the default store or `--store PATH`.
struct WorkstationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "workstation", abstract: "Open the full-screen workstation (the default).",
                                                    aliases: ["ui"])

    @OptionGroup var options: StoreOptions

    @Option(help: ArgumentHelp("Your role on the review team: leader (组长, may finalize), deputy, member.", valueName: "role"))
    var role: String?

    @Option(name: .customLong("reports-dir"), help: ArgumentHelp(
        "Where D writes a unit's documents (default: $FUHE_REPORTS_DIR, else reports-dir in $XDG_CONFIG_HOME/fuhe/settings.conf, else $XDG_DOCUMENTS_DIR, else the working directory).",
        valueName: "dir"))
    var reportsDir: String?

    func run() throws {
        // A settings file that is wrong is refused before the store is opened or created.
        let settings = try UserSettings.load()
        let store = try options.open()
        let roleText = (role ?? ProcessInfo.processInfo.environment["FUHE_ROLE"] ?? "member").lowercased()
        guard let teamRole = TeamRole(rawValue: roleText.uppercased()) else { throw ValidationError("--role must be leader, deputy or member") }
        let label = try StoreLabel.describing(store)
        let reports = DocumentsPlace.reports(option: reportsDir, settings: settings)
        try MainActor.assumeIsolated {
            try WorkstationRunner.run(store: store, options: .init(actor: Actor(name: options.actorName, role: teamRole), label: label,
                                                                   reports: reports))
        }
        if let status = SignalExit.status { throw ExitCode(status) }
    }
}
