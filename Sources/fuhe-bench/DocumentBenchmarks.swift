import Foundation
import FuheApp
import FuheCore
import FuheDocuments
import FuheStore

/// The review documents at scale: one 意见书 of a 60-indicator dossier, the 通报 over every unit,
/// and the XLSX ledger of every item — each end to end as `fuhe report`/`fuhe ledger` does it
/// (read the store, score, fill the template or write the sheets, zip, write the file safely).
struct DocumentBenchmarks {
    let setup: BenchSetup
    let store: FuheStore
    let ids: [String]
    var runs: Int { setup.options.runs }

    private func scratch() throws -> URL {
        let url = URL(fileURLWithPath: setup.directory).appendingPathComponent("documents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One unit's 复核意见书: load, score, fill the bundled template, zip, write (fsync, link).
    func reviewOpinion() throws -> Measurement {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = ReportWriter(store: store, folder: folder)
        let step = Swift.max(1, ids.count / Swift.max(runs, 1))
        return try measure("review opinion DOCX (one dossier)", unit: .milliseconds, runs: runs,
                           note: "复核意见书, \(setup.options.indicators)-indicator dossier: load, score, fill, zip, safe write") { run in
            let id = ids[(run * step + 3) % ids.count]
            try writer.write(.reviewOpinion, dossierID: id, to: folder.appendingPathComponent("\(run).docx"), force: false)
        }
    }

    /// The 复核结果通报 over every unit of the store.
    func cycleReport() throws -> Measurement {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        var units = 0
        let m = try measure("cycle report DOCX (all units)", unit: .seconds, runs: runs,
                            note: "复核结果通报 over \(ids.count) units: summaries, findings, items, figures, appendix table, chart, safe write") { run in
            let made = try CycleReportMaker.record(store: store, filter: .all, year: nil, issuer: nil, filterText: "")
            units = made.units
            try DocumentWriter.write(try DocumentKind.cycleReport.bundledTemplate(), made.record,
                                     to: folder.appendingPathComponent("\(run).docx"), force: false)
        }
        guard units == ids.count else { throw BenchFailure("通报 covered \(units) units, expected \(ids.count)") }
        return m
    }

    /// The 整改台账 workbook of every item (in process), with the peak RSS while writing it.
    func ledgerWorkbook() throws -> (Measurement, items: Int, peak: UInt64?) {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        var items = 0
        let peakReset = ResidentMemory.resetPeak()
        let m = try measure("XLSX ledger (all items)", unit: .seconds, runs: runs,
                            note: "整改台账: followUps (no scoresheet rows), ledger rows, two sheets, zip, safe write") { run in
            let rows = LedgerRow.rows(try store.followUps(dossierIDs: ids), today: store.today)
            items = rows.count
            try SafeOutput.write(to: folder.appendingPathComponent("\(run).xlsx"), force: false) {
                try LedgerWorkbook.write(rows, today: store.today, to: $0)
            }
        }
        return (m, items, peakReset ? ResidentMemory.read().peak : nil)
    }

    /// `fuhe ledger --format xlsx` as its own process (when the `fuhe` binary sits beside this
    /// one): wall time and maximum RSS from wait4, so nothing of this process is counted.
    func ledgerThroughBinary() throws -> String {
        let fuhe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("fuhe")
        guard FileManager.default.isExecutableFile(atPath: fuhe.path) else {
            return "fuhe ledger --format xlsx: not measured (no fuhe binary beside fuhe-bench; build it with `swift build -c release --product fuhe`)"
        }
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        var best: (seconds: Double, rss: Int)?
        for run in 0..<Swift.max(1, Swift.min(runs, 3)) {
            let out = folder.appendingPathComponent("\(run).xlsx").path
            let start = monotonicNanos()
            let (status, rss) = try Child.run(fuhe.path, ["ledger", "--store", setup.storePath, "--format", "xlsx", "--out", out])
            let seconds = Double(monotonicNanos() - start) / 1e9
            guard status == 0 else { throw BenchFailure("fuhe ledger exited with \(status)") }
            if let b = best, b.seconds <= seconds { continue }
            best = (seconds, rss)
        }
        guard let best else { return "" }
        return "fuhe ledger --format xlsx as a process (best of up to 3): \(format(best.seconds)) s, "
            + "max RSS \(format(Double(best.rss) / 1024)) MB (wait4 ru_maxrss)"
    }
}

/// Runs a child process and reports its exit status and maximum resident set (KiB).
enum Child {
    static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, maxRSSKiB: Int) {
        var pid: pid_t = 0
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchFailure("cannot start \(path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { throw BenchFailure("wait4 failed") }
        let exited = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
        return (exited, usage.ru_maxrss)
    }
}
