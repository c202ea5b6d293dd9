import ArgumentParser
import Foundation
import FuheCore
import FuheStore
import FuheUI

/// `fuhe stats`: the cycle's figures — the dashboard's (`CycleStats`), as text or JSON.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats",
        abstract: "The cycle at a glance: progress, grades self vs review, Δ by first-level indicator, findings, rectification, 结果应用.")

    @OptionGroup var options: StoreOptions

    @Flag(help: "Print the figures as JSON (the same figures as the text and the dashboard).")
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
