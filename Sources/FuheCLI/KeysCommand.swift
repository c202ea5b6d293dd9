import Foundation
import ArgumentParser
import FuheApp
import FuheCore
import FuheUI

/// `fuhe keys`: every key of the workstation as configured (the registry's defaults with
/// `$XDG_CONFIG_HOME/fuhe/keys.conf`), as the Markdown table of docs/workstation.md.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys",
        abstract: tr("列出工作台的全部按键，已应用按键配置（Markdown）。", "Print every key of the workstation, with the key configuration applied (Markdown)."))

    @Flag(help: ArgumentHelp(tr("显示按键配置文件的查找位置，以及它是否存在。", "Print where the key configuration file is looked for, and whether it exists.")))
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
