import Foundation
import FuheApp
import FuheCore
import FuheIntake

/// `fuhe-bench --intake`: the accuracy table of report intake against the hand-made expected
/// facts, and the time to turn a 50 KB report and a 2 MB page of many reports into drafts.
struct IntakeBenchmarks {
    let fixtures: URL
    let runs: Int
    let templates: [IndicatorTemplate]

    init(fixtures: String, runs: Int) throws {
        self.fixtures = URL(fileURLWithPath: fixtures)
        self.runs = runs
        templates = try BundledData.templates()
        guard FileManager.default.fileExists(atPath: self.fixtures.appendingPathComponent("expected-facts.json").path) else {
            throw AppFailure("\(fixtures): no expected-facts.json (run from the repository root, or give --fixtures DIR)")
        }
    }

    func text(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent("reports/\(name)"), encoding: .utf8)
    }

    func accuracy() throws -> String {
        let facts = try ExpectedFacts.load(Data(contentsOf: fixtures.appendingPathComponent("expected-facts.json")))
        var drafts: [IntakeDraft] = []
        for f in Set(facts.reports.map(\.file)).sorted() {
            drafts += try Intake.drafts(path: fixtures.appendingPathComponent("reports/\(f)").path, templates: templates)
        }
        var a = IntakeAccuracy()
        a.measure(facts, drafts: drafts)
        return a.table(title: "Intake accuracy on the seven shared reports (docs/intake.md)")
    }

    /// One report of at least 50 KB: 001 with its narrative sections repeated before the signature.
    func fiftyKilobyteReport() throws -> String {
        let lines = try text("001_83b6565323139711.txt").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let head = lines[..<262], narrative = lines[208..<262], tail = lines[262...]
        var body = Array(head)
        while (body + tail).joined(separator: "\n").utf8.count < 50 * 1024 { body += narrative }
        return (body + tail).joined(separator: "\n")
    }

    /// A page of at least 2 MB: numbered reports made of the shared texts, one after another.
    func twoMegabytePage() throws -> (String, Int) {
        // The report bodies without the sites' furniture (a "相关文章" list ends a page).
        func body(_ name: String, _ lines: ClosedRange<Int>) throws -> String {
            let all = try text(name).split(separator: "\n", omittingEmptySubsequences: false)
            return all[(lines.lowerBound - 1)..<min(all.count, lines.upperBound)].joined(separator: "\n")
        }
        let texts = [try body("001_83b6565323139711.txt", 2...283), try body("002_1fd08a09e2cdf23f.txt", 1...323),
                     try body("004_f444a14e3d1f7ac3.txt", 11...485)]
        var page = "部门整体支出绩效自评报告汇编(精选篇)\n\n"
        var n = 0
        while page.utf8.count < 2 * 1024 * 1024 {
            n += 1
            page += "部门绩效自评报告汇编之\(n)\n\n" + texts[(n - 1) % texts.count] + "\n\n"
        }
        return (page, n)
    }

    /// CPU time of this process, all threads (what the work costs whatever else the machine runs).
    static func threadCPUNanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    func time(_ name: String, _ text: String, expect: Int?) throws -> (Measurement, UInt64, Measurement) {
        let read = ReadText(file: name, kind: "text", encoding: "UTF-8", text: text)
        let cold = try timed { try Intake.drafts(read, templates: templates) }
        if let expect, cold.value.count != expect { throw AppFailure("\(name): \(cold.value.count) drafts, expected \(expect)") }
        var samples: [UInt64] = [], cpu: [UInt64] = []
        for _ in 0..<runs {
            let c0 = Self.threadCPUNanos()
            samples.append(try timed { try Intake.drafts(read, templates: templates) }.nanos)
            cpu.append(Self.threadCPUNanos() - c0)
        }
        let kb = text.utf8.count / 1024
        let unit: TimeUnit = kb > 1024 ? .seconds : .milliseconds
        return (Measurement(name: name, unit: unit, samples: samples, note: "\(kb) KB → \(cold.value.count) draft(s)"), cold.nanos,
                Measurement(name: name, unit: unit, samples: cpu))
    }

    func report() throws -> String {
        var out = [try accuracy(), ""]
        let facts = MachineFacts.current()
        out.append("Intake speed (\(facts.configuration), \(facts.cpuModel), \(facts.activeCores) cores, load \(loadAverage())), median of \(runs) warm runs:")
        let (page, n) = try twoMegabytePage()
        let chunk = "支出1.5万元，其中(A1万元、B0.5万元，占(其中的50%"
        let worst = "某局2021年度部门整体支出绩效自评报告\n" + String(repeating: chunk, count: 1_048_576 / chunk.utf8.count)
        for (name, text, expect, target) in [("50 KB report → drafts", try fiftyKilobyteReport(), 1, "< 100 ms"),
                                             ("2 MB page of \(n) reports → drafts", page, n, "< 2 s"),
                                             ("1 MB single line of 其中/占/brackets (worst case)", worst, 1, "linear")] {
            let (m, cold, cpu) = try time(name, text, expect: expect)
            let shown = { (v: Double) in String(format: m.unit == .seconds ? "%.2f" : "%.1f", v) }
            out.append("  \(name): median \(shown(m.median)) \(m.unit.rawValue) (min \(shown(m.min)), max \(shown(m.max)); first run "
                       + "\(shown(m.unit.value(ofNanos: Double(cold)))) \(m.unit.rawValue); CPU \(shown(cpu.median)) \(m.unit.rawValue)) — \(m.note); target \(target)")
        }
        out.append("")
        out.append("Intake screens through the workstation over a store (key → store → state → 160×48 frame), median of \(runs) runs:")
        out += try IntakeScreenBenchmarks(intake: self, runs: runs).report()
        return out.joined(separator: "\n")
    }
}
