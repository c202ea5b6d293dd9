import ArgumentParser
import Foundation
import FuheFiles
import FuheApp
import FuheCore
import FuheStore

/// `fuhe`: the command-line entry point. Subcommands work on the default store or `--store PATH`.
public struct FuheCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fuhe",
        abstract: tr("Fuhe 复核 —— 复核预算绩效自评，跟踪整改事项直到销号。", "Fuhe 复核 — review budget-performance self-evaluations and follow rectification items to 销号."),
        discussion: tr("""
            不带子命令时打开全屏工作台（同 fuhe workstation）。

            通用选项（写在子命令之后，如 fuhe list --store 副本.sqlite）：
              --store <path>  库文件；默认 $XDG_DATA_HOME/fuhe/fuhe.sqlite
                              （否则 ~/.local/share/fuhe/fuhe.sqlite），首次使用时建立
              --as <name>     以谁的名义操作，记入日志（默认 $FUHE_USER 或 $USER）
              --role <role>   工作台中的角色：组长 (leader)、副组长 (deputy)、
                              组员 (member)；只有组长能定稿
            消息用中文；LANG 等为英文区域（如 en_US.UTF-8）时用英文。
            Shell 补全：fuhe --generate-completion-script bash|zsh|fish
            """, """
            Without a subcommand, opens the full-screen workstation (as fuhe workstation).

            Common options (after the subcommand, e.g. fuhe list --store copy.sqlite):
              --store <path>  the store file; default $XDG_DATA_HOME/fuhe/fuhe.sqlite
                              (else ~/.local/share/fuhe/fuhe.sqlite), created on first use
              --as <name>     who is acting, for the journal (default $FUHE_USER or $USER)
              --role <role>   your role in the workstation: leader (组长), deputy (副组长),
                              member (组员); only the leader finalizes
            Messages are in Chinese; in an English locale (LANG etc., e.g. en_US.UTF-8) in English.
            Shell completion: fuhe --generate-completion-script bash|zsh|fish
            """),
        version: "0.1.0",
        subcommands: [WorkstationCommand.self, ListCommand.self, ShowCommand.self, ImportCommand.self, IntakeCommand.self, ExportCommand.self, LedgerCommand.self, ReportCommand.self, CheckCommand.self, VerifyCommand.self, CheckoutCommand.self, MergeCommand.self, LeasesCommand.self, DemoCommand.self, ReplayCommand.self, SamplesCommand.self, KeysCommand.self, StatsCommand.self, SampleCommand.self,
                      ServeCommand.self, LoginCommand.self, LogoutCommand.self, AdminCommand.self, PushCommand.self, PullCommand.self],
        defaultSubcommand: WorkstationCommand.self
    )

    public init() {}

    /// Parses and runs a command; every message it prints, errors included, goes through
    /// `Console` (escaped, in the user's language, SQLite errors translated).
    public static func main() {
        let command: ParsableCommand
        do { command = try parseAsRoot() } catch { exit(reporting: error) }
        do {
            var runnable = command
            try runnable.run()
        } catch {
            exit(reporting: error)
        }
    }

    /// Prints one clear message for `error` and exits: 0 for help, version and completions
    /// (printed as they are), 1 for a failure, ArgumentParser's code for a usage error.
    static func exit(reporting error: any Error) -> Never {
        let prefix = tr("错误：", "Error: ")
        if let failure = error as? CLIFailure {
            Console.error(prefix + failure.description)
            Foundation.exit(EXIT_FAILURE)
        }
        if let output = error as? OutputError {
            Console.error(prefix + output.description)
            Foundation.exit(EXIT_FAILURE)
        }
        if let store = StoreError.translating(error, path: Console.currentStore.withLock { $0 }) {
            Console.error(prefix + store.description)
            Foundation.exit(EXIT_FAILURE)
        }
        let code = exitCode(for: error)
        var message = fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { FileHandle.standardOutput.write(Data((message + "\n").utf8)) }
            Foundation.exit(EXIT_SUCCESS)
        }
        if message.hasPrefix("Error: ") { message = prefix + message.dropFirst("Error: ".count) }
        if !message.isEmpty { Console.error(message) }
        Foundation.exit(code.rawValue)
    }
}
