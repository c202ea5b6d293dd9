import ArgumentParser
import Foundation
import FuheApp
import FuheTraining

/// `fuhe replay FILE`: plays a recorded demo session back in a fresh sandbox.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a recorded demo session (fuhe demo --record FILE) back in a fresh sandbox.",
        discussion: "Keys: space pause/resume, . or s one key while paused, + and - speed, q quit. When the replay ends the workstation is yours. Nothing is saved to a real store."
    )

    @Argument(help: ArgumentHelp("The record file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Playback speed (0.25 to 8; + and - change it while playing).", valueName: "x"))
    var speed: Double = 1

    @Option(name: .customLong("max-gap"), help: ArgumentHelp("Pauses longer than this many seconds are shortened to it.", valueName: "seconds"))
    var maxGap: Double = 3

    func validate() throws {
        guard speed.isFinite, (0.25...8).contains(speed) else { throw ValidationError("--speed must be between 0.25 and 8") }
        guard maxGap.isFinite, maxGap >= 0 else { throw ValidationError("--max-gap must be zero or more seconds") }
    }

    func run() throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch { throw AppFailure("\(file): cannot read the file") }
        let record: SessionRecord
        do { record = try SessionFile.parse(data, file: file) } catch { throw AppFailure(error.description) }
        try MainActor.assumeIsolated { try TrainingRunner.replay(record, speed: speed, maxGap: Int(maxGap * 1000)) }
        if let status = SignalExit.status { throw ExitCode(status) }
    }
}
