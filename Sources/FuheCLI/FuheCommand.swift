import ArgumentParser
import FuheApp

/// `fuhe`: the command-line entry point. Subcommands work on the default store or `--store PATH`.
public struct FuheCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fuhe",
        abstract: "Fuhe 复核 — review budget-performance self-evaluations and follow rectification items to 销号.",
        discussion: "The default store is $XDG_DATA_HOME/fuhe/fuhe.sqlite (else ~/.local/share/fuhe/fuhe.sqlite); it is created with the bundled sample dossiers on first use.",
        version: "0.1.0",
        subcommands: [WorkstationCommand.self, ListCommand.self, ShowCommand.self, ImportCommand.self, IntakeCommand.self, ExportCommand.self, LedgerCommand.self, ReportCommand.self, CheckCommand.self, VerifyCommand.self, CheckoutCommand.self, MergeCommand.self, LeasesCommand.self, DemoCommand.self, ReplayCommand.self, SamplesCommand.self,
                      ServeCommand.self, LoginCommand.self, LogoutCommand.self, AdminCommand.self, PushCommand.self, PullCommand.self],
        defaultSubcommand: WorkstationCommand.self
    )

    public init() {}
}

/// A failure reported to the user as one line on standard error, with a non-zero exit.
typealias CLIFailure = AppFailure
