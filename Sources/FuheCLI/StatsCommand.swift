import ArgumentParser
import Foundation
import FuheCore
import FuheStore
import FuheUI

/// `fuhe stats`: the cycle's figures — the dashboard's (`CycleStats`), as text or JSON.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats",
        abstract: tr("复核批次一览：进度、自评与复核等次、各一级指标的差异、问题、整改、结果应用。", "The cycle at a glance: progress, grades self vs review, Δ by first-level indicator, findings, rectification, 结果应用."))

    @OptionGroup var options: StoreOptions

    @Flag(help: ArgumentHelp(tr("以 JSON 输出这些数字（与文本和总览页相同）。", "Print the figures as JSON (the same figures as the text and the dashboard).")))
    var json = false

    func run() throws {
        let store = try options.open()
        let stats = try store.cycleStats()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(stats), as: UTF8.self))
        } else {
            print(DashboardLines.text(stats))
        }
    }
}
