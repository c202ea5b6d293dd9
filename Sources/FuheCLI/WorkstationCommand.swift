import ArgumentParser
import Foundation
import FuheApp
import FuheCore
import FuheUI
import FuheClient
import FuheWire

/// `fuhe` with no subcommand: the full-screen workstation on the default store or `--store PATH`.
struct WorkstationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "workstation", abstract: "Open the full-screen workstation (the default).",
                                                    aliases: ["ui"])

    @OptionGroup var options: StoreOptions

    @Option(help: ArgumentHelp("Your role on the review team: leader (组长, may finalize), deputy, member.", valueName: "role"))
    var role: String?

    @OptionGroup var remote: ServerOptions

    func run() throws {
        if remote.server != nil { return try runOnServer() }
        let store = try options.open()
        let roleText = (role ?? ProcessInfo.processInfo.environment["FUHE_ROLE"] ?? "member").lowercased()
        guard let teamRole = TeamRole(rawValue: roleText.uppercased()) else { throw ValidationError("--role must be leader, deputy or member") }
        let label = try StoreLabel.describing(store)
        try MainActor.assumeIsolated {
            try WorkstationRunner.run(store: store, options: .init(actor: Actor(name: options.actorName, role: teamRole), label: label))
        }
        if let status = SignalExit.status { throw ExitCode(status) }
    }

    /// `fuhe --server URL`: the same workstation on a server, as the logged-in account (its
    /// role comes from the server, not from --role or --as).
    private func runOnServer() throws {
        let url = try remote.url()
        let client = try remote.client()
        let me: AccountInfo
        do { me = try RemoteRepository(client: client).me() } catch { throw CLIFailure("\(error)") }
        let repository = RemoteRepository(client: client, account: me.name)
        let label = StoreLabel(name: url.host ?? url.absoluteString,
                               kind: "服务器 \(url.host ?? "")\(url.port.map { ":\($0)" } ?? "") · \(me.role.label) · \(me.teams.joined(separator: "、"))")
        try MainActor.assumeIsolated {
            try RemoteWorkstationRunner.run(repository: repository, options: .init(actor: me.role.actor(name: me.displayName), label: label))
        }
    }
}
