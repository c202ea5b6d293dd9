import Foundation
import ArgumentParser
import FuheApp
import FuheUI

/// `fuhe keys`: every key of the workstation as configured (the registry's defaults with
/// `$XDG_CONFIG_HOME/fuhe/keys.conf`), as the Markdown table of docs/workstation.md.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys",
        abstract: "Print every key of the workstation, with the key configuration applied (Markdown).")

    @Flag(help: "Print where the key configuration file is looked for, and whether it exists.")
    var path = false

    func run() throws {
        if path {
            let file = KeyConfiguration.path()
            print(file + (FileManager.default.fileExists(atPath: file) ? "" : "（不存在：使用默认按键）"))
            return
        }
        print(CommandRegistry.markdownTable(keymap: try KeyConfiguration.keymap()), terminator: "")
    }
}
