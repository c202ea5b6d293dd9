import ArgumentParser
import FuheCore
import Foundation
import FuheApp
import FuheTraining

/// `fuhe replay FILE`: plays a recorded demo session back in a fresh sandbox.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: tr("在新的沙盒中回放录下的演示（fuhe demo --record 文件）。", "Play a recorded demo session (fuhe demo --record FILE) back in a fresh sandbox."),
        discussion: tr("按键：空格 暂停/继续，暂停时 . 或 s 单步，+ 和 - 调速度，q 退出。回放结束后工作台交给你。不会保存到真正的库。", "Keys: space pause/resume, . or s one key while paused, + and - speed, q quit. When the replay ends the workstation is yours. Nothing is saved to a real store.")
    )

    @Argument(help: ArgumentHelp(tr("录制文件。", "The record file."), valueName: "file"), completion: .file(extensions: ["jsonl"]))
    var file: String

    @Option(help: ArgumentHelp(tr("回放速度（0.25 到 8；回放中用 + 和 - 调整）。", "Playback speed (0.25 to 8; + and - change it while playing)."), valueName: "x"))
    var speed: Double = 1

    @Option(name: .customLong("max-gap"), help: ArgumentHelp(tr("超过这么多秒的停顿缩短为这么多秒。", "Pauses longer than this many seconds are shortened to it."), valueName: "seconds"))
    var maxGap: Double = 3

    func validate() throws {
        guard speed.isFinite, (0.25...8).contains(speed) else { throw ValidationError(tr("--speed 须在 0.25 到 8 之间", "--speed must be between 0.25 and 8")) }
        guard maxGap.isFinite, maxGap >= 0 else { throw ValidationError(tr("--max-gap 须为 0 或更多秒", "--max-gap must be zero or more seconds")) }
    }

    func run() throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch { throw AppFailure(tr("\(file)：无法读取文件", "\(file): cannot read the file")) }
        let record: SessionRecord
        do { record = try SessionFile.parse(data, file: file) } catch { throw AppFailure(error.description) }
        let interrupted = try MainActor.assumeIsolated { try TrainingRunner.replay(record, speed: speed, maxGap: Int(maxGap * 1000)) }
        if let status = SignalExit.status(interruptedByKey: interrupted) { throw ExitCode(status) }
    }
}
