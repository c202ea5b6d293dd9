import Foundation
import FuheApp
import FuheCore
import FuheIntake
import FuheStore
import FuheUI
import TermCore

/// `fuhe-bench --intake`, the screens: what a reviewer waits for, measured through the real
/// workstation over a real store (key → store read → state → rendered screen): opening the intake
/// queue, opening a draft, opening the 原文 view of a 44 KB report, and a key inside it.
struct IntakeScreenBenchmarks {
    let intake: IntakeBenchmarks
    let runs: Int

    /// A report of at least `kilobytes` KB: 001 with its narrative repeated before the signature.
    func report(kilobytes: Int) throws -> String {
        let lines = try intake.text("001_83b6565323139711.txt").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let head = lines[..<262], narrative = lines[208..<262], tail = lines[262...]
        var body = Array(head)
        while (body + tail).joined(separator: "\n").utf8.count < kilobytes * 1024 { body += narrative }
        return (body + tail).joined(separator: "\n")
    }

    /// Times `body` (a key and the frame it gives) `runs` times after one warm-up; `reset` runs
    /// between samples, untimed.
    func measure(_ name: String, note: String, reset: () -> Void = {}, _ body: () -> Void) -> Measurement {
        body()
        reset()
        var samples: [UInt64] = []
        for _ in 0..<runs {
            samples.append(timed(body).nanos)
            reset()
        }
        return Measurement(name: name, unit: .milliseconds, samples: samples, note: note)
    }

    func report() throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-bench-intake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try FuheStore.open(path: folder.appendingPathComponent("intake.sqlite").path, createIfMissing: true)
        try BundledData.installCatalog(into: store)
        var drafts: [IntakeDraft] = []
        for file in ["001_83b6565323139711.txt", "002_1fd08a09e2cdf23f.txt", "004_f444a14e3d1f7ac3.txt"] {
            drafts += try Intake.drafts(path: intake.fixtures.appendingPathComponent("reports/\(file)").path, templates: intake.templates)
        }
        // The 44 KB report, confirmed and made a dossier, for the 原文 view.
        let text = try report(kilobytes: 44)
        let big = try Intake.drafts(ReadText(file: "44kb.txt", kind: "text", encoding: "UTF-8", text: text), templates: intake.templates)
        try store.enqueueDrafts(big + drafts, actor: "bench")
        let id = big[0].id
        try store.decideIntakeValue(draftID: id, valueID: "template", decision: .corrected("T3"), actor: "bench")
        try store.acceptAllIntakeValues(draftID: id, actor: "bench")
        let dossier = try store.convertIntakeDraft(draftID: id, actor: "bench")
        let source = try store.reportSource(dossierID: dossier)
        let lines = source?.lines.count ?? 0
        let kb = (source?.text.utf8.count ?? 0) / 1024

        let w = Workstation(repository: StoreRepository(store, role: .leader), actor: Actor(name: "bench", role: .leader), storeLabel: StoreLabel(name: "bench", kind: "main"),
                            clock: SystemClock(), width: 160, height: 48)
        w.start()
        func frame(_ keys: KeyEvent...) {
            for k in keys { w.handle(k) }
            _ = Renderer.render(w.state)
        }
        /// The screen a figure claims to time, or the benchmark stops: a figure for the wrong screen is worse than none.
        func expect(_ text: String, after keys: KeyEvent...) throws {
            for k in keys { w.handle(k) }
            let screen = Renderer.render(w.state).text
            guard screen.contains(text) else { throw IntakeScreenError(expected: text, screen: screen) }
        }
        try expect("待确认报告 \(drafts.count) 篇", after: .character("i"))
        w.handle(.escape)
        var out: [Measurement] = []
        out.append(measure("open the intake queue (i)", note: "\(drafts.count) drafts: store read, readiness of each, 160×48 frame",
                           reset: { w.handle(.escape) }) { frame(.character("i")) })
        w.handle(.character("i"))
        for _ in 0..<4 { w.handle(.character("j")) }   // 004 #3: 28 values to decide, 23 stated scores
        try expect("确认草稿 · 县政务服务中心", after: .enter)
        w.handle(.escape)
        out.append(measure("open a draft (Enter on 004 #3)", note: "draft, templates, readiness, rows, passage beside, 160×48 frame",
                           reset: { w.handle(.escape) }) { frame(.enter) })
        try expect("确认草稿 · 县政务服务中心", after: .enter)
        out.append(measure("a key in a draft (j: the next value and its passage, then the frame)", note: "back up (k) between runs",
                           reset: { w.handle(.character("k")) }) { frame(.character("j")) })
        // On the figures (row 35 on: unit … total, 26 score rows, then 18 figures), where `a` is always taken.
        for _ in 0..<35 { w.handle(.character("j")) }
        let draftID = drafts[4].id
        out.append(measure("accept a value in a draft (a, then the frame)", note: "one journalled write, the draft read again, 160×48 frame; "
                           + "each run accepts the next figure") { frame(.character("a")) })
        let accepted = try store.intakeDraft(id: draftID).figures.filter { $0.decision == .accepted }.count
        guard accepted == runs + 1 else { throw IntakeScreenError(expected: "\(runs + 1) figures accepted", screen: "\(accepted) accepted") }
        w.handle(.escape)
        w.handle(.escape)
        try expect("原文 · ", after: .character("y"))
        w.handle(.escape)
        out.append(measure("open the 原文 view of a \(kb) KB report (y)", note: "\(lines) lines: store read, lines, highlights, 160×48 frame",
                           reset: { w.handle(.escape) }) { frame(.character("y")) })
        w.handle(.character("y"))
        out.append(measure("a key in the 原文 view (j, then the frame)", note: "wraps the lines it passes and those on screen only") {
            frame(.character("j"))
        })
        out.append(measure("page down in the 原文 view (PgDn, then the frame)", note: "\(lines) lines; back to the top between runs",
                           reset: { w.handle(.character("g")) }) { frame(.pageDown) })
        // The first search builds every line's key once; typing then matches prepared keys.
        let first = timed { frame(.character("/"), .character("y")) }.nanos
        out.append(measure("a search keystroke in the 原文 view (pinyin initials)", note: "keys built once on the first search: "
                           + String(format: "%.1f ms", Double(first) / 1_000_000), reset: { w.handle(.backspace) }) { frame(.character("s")) })
        w.handle(.escape)
        return out.map { m in
            "  \(m.name): median \(String(format: "%.2f", m.median)) ms (min \(String(format: "%.2f", m.min)), max \(String(format: "%.2f", m.max))) — \(m.note); target < 50 ms"
        }
    }
}

/// The intake screen benchmark did not reach the screen it was about to time.
struct IntakeScreenError: Error, CustomStringConvertible {
    let expected: String
    let screen: String
    var description: String { "intake screens: expected “\(expected)” on screen, got:\n\(screen)" }
}
