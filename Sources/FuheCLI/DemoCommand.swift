import ArgumentParser
import Foundation
import FuheApp
import FuheCore

/// `fuhe demo`: the training demo on a throwaway sandbox of the sample dossiers.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Training demo: the workstation on a throwaway sandbox of the sample dossiers, with guided lessons.",
        discussion: "Nothing is saved to a real store: the sandbox lives in a private temporary folder that is deleted on exit, and the default store is never opened. In the demo: T lessons, I hint, F5 F5 reset. See docs/training.md."
    )

    @Option(help: ArgumentHelp("Start directly on lesson N (T in the demo lists the lessons).", valueName: "n"))
    var lesson: Int?

    @Flag(help: "Presentation mode: show the last keys and the command each triggered, and mark the selected row.")
    var present = false

    @Option(help: ArgumentHelp("Record the session's keys with timing to this file (play it back with `fuhe replay FILE`).", valueName: "file"))
    var record: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is acting in the sandbox (default 培训学员, as 组长).", valueName: "name"))
    var actor: String?

    func run() throws {
        let name = actor.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? "培训学员"
        let options = TrainingRunner.Options(actor: Actor(name: name, role: .leader), lesson: lesson, presenting: present, recordPath: record)
        try MainActor.assumeIsolated { try TrainingRunner.demo(options) }
        if let status = SignalExit.status { throw ExitCode(status) }
    }
}
