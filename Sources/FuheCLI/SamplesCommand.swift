import ArgumentParser
import Foundation
import FuheApp
import FuheCore
import FuheStore

/// `fuhe samples`: the bundled sample dossiers in a store — how many, install them, remove them.
/// Samples are marked in the store; neither flag ever touches a dossier that is not a sample.
struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: tr("查看、安装（--install）或删除（--remove）随附的示例档案；真实档案从不改动。", "Show, install (--install) or remove (--remove) the bundled sample dossiers; real dossiers are never touched."),
        discussion: tr("默认库首次使用时装入 11 个示例档案，标为示例（fuhe list 中显示 [示例]）。--remove 在一个记入日志的事务中删除全部示例档案；--install 把它们放回（日期移到今天），只替换示例。", "The default store gets the 11 sample dossiers on first use. They are marked as samples ([示例] in fuhe list). --remove deletes every sample dossier in one journalled transaction; --install puts them back (dates shifted to today), replacing only samples."))

    /// The prefix `fuhe list` gives a sample's unit name.
    static let marker = "[示例]"

    @OptionGroup var options: StoreOptions

    @Flag(help: ArgumentHelp(tr("安装（或重新安装）示例档案。", "Install (or reinstall) the sample dossiers.")))
    var install = false

    @Flag(help: ArgumentHelp(tr("删除全部示例档案（记入日志；真实档案保留）。", "Remove every sample dossier (journalled; real dossiers are kept).")))
    var remove = false

    func validate() throws {
        if install && remove { throw ValidationError(tr("--install 和 --remove 只能给一个", "give --install or --remove, not both")) }
    }

    func run() throws {
        let store = try options.open()
        do {
            if remove {
                let removed = try store.removeSamples(actor: options.actorName)
                Console.line(removed.isEmpty ? "\(store.path) 中没有示例数据" : "已删除 \(removed.count) 个示例单位：\(removed.joined(separator: " "))（已记入日志）")
            } else if install {
                let count = try BundledData.installSamples(into: store, actor: options.actorName)
                Console.line("已安装 \(count) 个示例单位（标记为示例，可用 fuhe samples --remove 删除）")
            } else {
                let ids = try store.sampleDossierIDs()
                Console.line(ids.isEmpty ? "没有示例数据；fuhe samples --install 安装" : "示例单位 \(ids.count) 个：\(ids.joined(separator: " "))；fuhe samples --remove 删除")
            }
        } catch let error as StoreError {
            throw CLIFailure(error.description)
        }
    }
}
