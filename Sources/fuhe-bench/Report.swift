import Foundation

/// The figures of one benchmark run, printed as a plain-text table on stdout.
struct Report {
    var facts: MachineFacts
    var options: BenchOptions
    var storePath: String
    var buildNanos: UInt64?
    /// CPU time of the process while building (user + system), seconds.
    var buildCPUSeconds: Double?
    var measurements: [Measurement] = []
    /// Measurements whose 99th percentile is printed as well.
    var percentileNames: Set<String> = []
    /// Labelled memory readings in bytes.
    var memory: [(label: String, bytes: UInt64?)] = []
    var notes: [String] = []
    /// Load averages when the measurements started and ended.
    var load: (start: String, end: String) = ("n/a", "n/a")

    func render() -> String {
        var out: [String] = []
        let f = facts
        out.append("Fuhe performance benchmark (fuhe-bench)")
        out.append("build configuration: \(f.configuration)")
        out.append("machine: \(f.activeCores) active of \(f.cores) cores, \(f.cpuModel), "
                   + "\(String(format: "%.1f", Double(f.memory) / 1_073_741_824)) GiB RAM")
        out.append("system: \(f.system)")
        out.append("load average (1/5/15 min): \(load.start) at the start of the measurements, \(load.end) at the end")
        let rows = options.dossiers * options.indicators
        out.append("store: \(options.dossiers) dossiers × \(options.indicators) scored indicators (\(rows) rows), "
                   + "\(options.items) rectification items; runs per figure: \(options.runs)")
        out.append("store file: \(storePath)")
        // Read when the report is printed, in every mode (the -only modes included).
        out.append("store size: \(ResidentMemory.megabytes(Self.fileSize(storePath))) (+ WAL \(ResidentMemory.megabytes(Self.fileSize(storePath + "-wal"))))")
        if let buildNanos {
            let cpu = buildCPUSeconds.map { ", \(format($0)) s CPU (both cores)" } ?? ""
            out.append("building the store: \(format(Double(buildNanos) / 1e9)) s wall\(cpu) (FuheStore.bulkLoad, \(BenchSetup.bulkSize) dossiers per transaction)")
        } else {
            out.append("building the store: skipped (existing store reused)")
        }
        out.append("")
        out.append(table())
        out.append("")
        for m in measurements where percentileNames.contains(m.name) {
            out.append("\(m.name): p50 \(format(m.percentile(50))) \(m.unit.rawValue), p99 \(format(m.percentile(99))) "
                       + "\(m.unit.rawValue), max \(format(m.max)) \(m.unit.rawValue) over \(m.samples.count) edits")
        }
        for reading in memory {
            out.append("\(reading.label): \(ResidentMemory.megabytes(reading.bytes))")
        }
        out.append(contentsOf: notes)
        return out.joined(separator: "\n")
    }

    private func table() -> String {
        let header = ["figure", "median", "min", "max", "cpu", "unit", "what one run does"]
        var lines = [header]
        for m in measurements {
            lines.append([m.name, format(m.median), format(m.min), format(m.max), m.cpuMedian.map(format) ?? "", m.unit.rawValue, m.note])
        }
        // Character counts are column widths here: the cells are ASCII apart from "µ" and "×" (one column each).
        var widths = Array(repeating: 0, count: header.count)
        for line in lines { for (i, cell) in line.enumerated() { widths[i] = Swift.max(widths[i], cell.count) } }
        func render(_ line: [String]) -> String {
            line.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return (1...4).contains(i) ? pad + cell : (i == line.count - 1 ? cell : cell + pad)
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([render(lines[0]), rule] + lines.dropFirst().map(render)).joined(separator: "\n")
    }

    /// Size in bytes of the file at `path` (0 when there is none).
    static func fileSize(_ path: String) -> UInt64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.uint64Value ?? 0
    }
}
