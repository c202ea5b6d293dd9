import ArgumentParser
import Foundation
import FuheApp
import FuheCore

/// `fuhe demo`: the training demo on a throwaway sandbox of the sample dossiers.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: tr("培训演示：在示例档案的一次性沙盒上运行工作台，带引导课程。", "Training demo: the workstation on a throwaway sandbox of the sample dossiers, with guided lessons."),
        discussion: tr("不会保存到真正的库：沙盒在退出时删除的私有临时文件夹中，默认库从不打开。演示中：T 课程，I 提示，F5 F5 重置。见 docs/training.md。", "Nothing is saved to a real store: the sandbox lives in a private temporary folder that is deleted on exit, and the default store is never opened. In the demo: T lessons, I hint, F5 F5 reset. See docs/training.md.")
    )

    @Option(help: ArgumentHelp(tr("直接从第 N 课开始（演示中按 T 列出课程）。", "Start directly on lesson N (T in the demo lists the lessons)."), valueName: "n"))
    var lesson: Int?

    @Flag(help: ArgumentHelp(tr("演示模式：显示最近的按键和各自触发的命令，并标出所选行。", "Presentation mode: show the last keys and the command each triggered, and mark the selected row.")))
    var present = false

    @Option(help: ArgumentHelp(tr("把这次的按键和时间录到这个文件（用 fuhe replay 文件 回放）；文件在演示结束时才出现，已存在时须加 --force。", "Record the session's keys with timing to this file (play it back with `fuhe replay FILE`); the file appears when the demo ends; an existing one needs --force."), valueName: "file"),
            completion: .file(extensions: ["jsonl"]))
    var record: String?

    @Flag(help: ArgumentHelp(tr("--record 的文件已存在时覆盖它（数据库和库的日志文件永远不会被覆盖）。", "Replace the --record file if it exists (a database or a store's log file is never replaced).")))
    var force = false

    @Option(name: .customLong("as"), help: ArgumentHelp(tr("在沙盒中以谁的名义操作（默认 培训学员，身份为组长）。", "Who is acting in the sandbox (default 培训学员, as 组长)."), valueName: "name"))
    var actor: String?

    func run() throws {
        let name = actor.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? "培训学员"
        let options = TrainingRunner.Options(actor: Actor(name: name, role: .leader), lesson: lesson, presenting: present, recordPath: record, recordForce: force)
        let interrupted = try MainActor.assumeIsolated { try TrainingRunner.demo(options) }
        if let status = SignalExit.status(interruptedByKey: interrupted) { throw ExitCode(status) }
    }
}
