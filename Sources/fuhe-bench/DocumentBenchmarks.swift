import Foundation
import FuheFiles
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
            try OutputFile.write(to: folder.appendingPathComponent("\(run).xlsx"), force: false) {
                try LedgerWorkbook.write(rows, today: store.today, to: $0)
            }
        }
        return (m, items, peakReset ? ResidentMemory.read().peak : nil)
    }

    /// The three documents written by the `fuhe` binary as child processes (when it sits beside
    /// this one): wall time, CPU time (user + system, from wait4: what the work costs whatever else
    /// runs on the machine) and maximum RSS, best of up to 3 runs each.
    func throughBinary() throws -> [String] {
        let fuhe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("fuhe")
        guard FileManager.default.isExecutableFile(atPath: fuhe.path) else {
            return ["fuhe as a process: not measured (no fuhe binary beside fuhe-bench; build it with `swift build -c release --product fuhe`)"]
        }
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ["--store", setup.storePath]
        let jobs: [(String, (Int) -> [String])] = [
            ("fuhe report review (one dossier)", { ["report", "review", ids[($0 * 97 + 5) % ids.count], "--out", folder.path + "/r\($0).docx"] + store }),
            ("fuhe report cycle (all units)", { ["report", "cycle", "--out", folder.path + "/c\($0).docx"] + store }),
            ("fuhe ledger --format xlsx (all items)", { ["ledger", "--format", "xlsx", "--out", folder.path + "/l\($0).xlsx"] + store }),
        ]
        return try jobs.map { name, arguments in
            var best: Child.Usage?
            for run in 0..<Swift.max(1, Swift.min(runs, 3)) {
                let usage = try Child.run(fuhe.path, arguments(run))
                guard usage.status == 0 else { throw BenchFailure("\(name) exited with \(usage.status)") }
                if let b = best, b.wall <= usage.wall { continue }
                best = usage
            }
            guard let b = best else { return "" }
            let rss = b.maxRSSKiB.map { "max RSS \(format(Double($0) / 1024)) MB" } ?? "max RSS not measured (no /usr/bin/time)"
            return "\(name) as a process: wall \(format(b.wall)) s, CPU \(format(b.cpu)) s (user + system), \(rss)"
        }
    }
}

/// Runs a child process and reports how it ended and what it used. Its maximum RSS comes from
/// GNU time run in between: a process started from this (large) one inherits this one's RSS
/// high-water mark at exec, so the kernel's figure for a direct child would be ours.
enum Child {
    struct Usage {
        var status: Int32
        var wall: Double
        var cpu: Double
        var maxRSSKiB: Int?
    }

    static func run(_ path: String, _ arguments: [String]) throws -> Usage {
        let time = "/usr/bin/time"
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-bench-time-\(UUID().uuidString)").path
        defer { unlink(report) }
        let useTime = FileManager.default.isExecutableFile(atPath: time)
        let command = useTime ? [time, "-o", report, "-f", "%M %U %S", path] + arguments : [path] + arguments
        var pid: pid_t = 0
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let start = monotonicNanos()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchFailure("cannot start \(command[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { throw BenchFailure("wait4 failed") }
        let wall = Double(monotonicNanos() - start) / 1e9
        let seconds = { (t: timeval) in Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        let exited = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
        var result = Usage(status: exited, wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime), maxRSSKiB: nil)
        if useTime, let text = try? String(contentsOfFile: report, encoding: .utf8) {
            let fields = text.split(whereSeparator: \.isWhitespace).suffix(3)
            if fields.count == 3, let rss = Int(fields[fields.startIndex]), let user = Double(fields[fields.startIndex + 1]),
               let system = Double(fields[fields.startIndex + 2]) {
                result.maxRSSKiB = rss
                result.cpu = user + system
            }
        }
        return result
    }
}
