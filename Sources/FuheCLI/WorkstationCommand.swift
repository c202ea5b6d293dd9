import ArgumentParser
import Foundation
import FuheApp
import FuheCore
import FuheUI
import FuheClient
import FuheWire

/// `fuhe` with no subcommand: the full-screen workstation on the default store or `--store PATH`.
struct WorkstationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "workstation", abstract: tr("打开全屏工作台（默认）。", "Open the full-screen workstation (the default)."),
                                                    aliases: ["ui"])

    @OptionGroup var options: StoreOptions

    @Option(help: ArgumentHelp(tr("你在复核组中的角色：组长 (leader，可定稿)、副组长 (deputy)、组员 (member)。", "Your role on the review team: 组长 (leader, may finalize), 副组长 (deputy), 组员 (member)."), valueName: "role"),
            completion: .list(TeamRole.allNames))
    var role: String?

    @Option(name: .customLong("reports-dir"), help: ArgumentHelp(
        tr("按 D 生成的单位文书写到哪里（默认：$FUHE_REPORTS_DIR，其次 $XDG_CONFIG_HOME/fuhe/settings.conf 中的 reports-dir，其次 $XDG_DOCUMENTS_DIR，最后是当前目录）。",
           "Where D writes a unit's documents (default: $FUHE_REPORTS_DIR, else reports-dir in $XDG_CONFIG_HOME/fuhe/settings.conf, else $XDG_DOCUMENTS_DIR, else the working directory)."),
        valueName: "dir"))
    var reportsDir: String?

    @OptionGroup var remote: ServerOptions

    func run() throws {
        if remote.server != nil { return try runOnServer() }
        // The environment is read once for the whole start: each read builds the whole dictionary.
        let environment = ProcessInfo.processInfo.environment
        // A settings file that is wrong is refused before the store is opened or created.
        let settings = try UserSettings.load(environment: environment)
        let store = try options.open()
        let teamRole = try Choices.parse(role ?? environment["FUHE_ROLE"] ?? "member", as: TeamRole.self, option: "--role")
        let label = try StoreLabel.describing(store)
        let reports = DocumentsPlace.reports(option: reportsDir, settings: settings, environment: environment)
        let interrupted = try MainActor.assumeIsolated {
            try WorkstationRunner.run(store: store, options: .init(actor: Actor(name: options.actorName(environment: environment), role: teamRole),
                                                                   label: label, reports: reports, environment: environment))
        }
        if let status = SignalExit.status(interruptedByKey: interrupted) { throw ExitCode(status) }
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
