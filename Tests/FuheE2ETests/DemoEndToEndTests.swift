import Foundation
import Testing
import FuheCore
import FuheStore
import FuheTestSupport
import TermCore

/// The real `fuhe demo` in a real terminal (tmux): every lesson taken to completion by keys, while
/// the real (default) store is shown to be untouched and the sandbox to leave nothing behind.
@Suite(.serialized) struct DemoEndToEndTests {
    let root: URL
    /// XDG_DATA_HOME: where the default store lives.
    let data: URL
    /// TMPDIR: where the demo makes its sandbox.
    let tmp: URL
    let fuhe: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-demo-e2e-\(UUID().uuidString)")
        data = root.appendingPathComponent("data")
        tmp = root.appendingPathComponent("tmp")
        for dir in [data, tmp] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        fuhe = try #require(BuiltProducts.executable("fuhe")).path
    }

    var environment: [String: String] {
        ["HOME": root.path, "XDG_DATA_HOME": data.path, "TMPDIR": tmp.path, "SWIFT_BACKTRACE": "enable=no"]
    }

    /// Runs `fuhe arguments…` to completion with the test's data folders; returns its output.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let result = try BuiltProducts.run(fuhe, arguments, environment: environment)
        #expect(result.status == 0, "fuhe \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        return result.stdout
    }

    /// Every file under a folder with its bytes.
    func files(_ dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let base = dir.standardizedFileURL.path
        if let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                out[String(url.standardizedFileURL.path.dropFirst(base.count))] = try? Data(contentsOf: url)
            }
        }
        return out
    }

    func sandboxes() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? []).filter { $0.hasPrefix("fuhe-demo-") }
    }

    /// `fuhe arguments…` in tmux.
    func session(_ arguments: [String], width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let line = ([fuhe] + arguments).map(TmuxSession.shellQuote).joined(separator: " ")
        return try TmuxSession(command: line, width: width, height: height, environment: environment)
    }

    func demo(_ arguments: [String], width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let tmux = try session(["demo"] + arguments, width: width, height: height)
        try tmux.waitFor(text: "培训演示")
        return tmux
    }

    func quit(_ tmux: TmuxSession) throws {
        try tmux.sendKeys("q")
        let end = try tmux.waitFor("exit") { _ in (try? tmux.display("#{pane_dead}")) == "1" }
        #expect(try tmux.display("#{alternate_on}") == "0")
        #expect(!end.contains { $0.contains("Error") }, "\(end.joined(separator: "\n"))")
    }

    @Test(arguments: 1...5)
    func lessonRunsToCompletionAndTheRealStoreIsUntouched(lesson: Int) throws {
        try #require(TmuxSession.isAvailable, "tmux is not installed: the terminal tests need it (apt-get install tmux)")
        defer { try? FileManager.default.removeItem(at: root) }
        // The real store exists and has work in it; remember it byte for byte, and its export.
        try run(["list"])
        let store = DefaultStorePath.in(data)
        #expect(FileManager.default.fileExists(atPath: store))
        let exported = try run(["export"])
        let before = files(data)

        let tmux = try demo(["--lesson", "\(lesson)"])
        defer { tmux.kill() }
        try tmux.waitFor(text: "课程 \(lesson) · 第 1/")
        try tmux.play(try LessonScript.actions(lesson: lesson))
        try tmux.waitFor(text: "已完成 ✓")
        try quit(tmux)

        #expect(files(data) == before, "the real store's folder changed")
        #expect(try run(["export"]) == exported)
        #expect(sandboxes().isEmpty, "the sandbox was left behind: \(sandboxes())")
    }

    /// Lesson 4 at 80×24: the item form opens with the finding it belongs to selected and shown
    /// whole, so saving as shown links the right finding (the lesson checks F-YYX-01).
    @Test func lesson4At80x24LinksTheFindingShownByDefault() throws {
        guard TmuxSession.isAvailable else { Issue.record("tmux is not installed"); return }
        defer { try? FileManager.default.removeItem(at: root) }
        let tmux = try demo(["--lesson", "4"], width: 80, height: 24)
        defer { tmux.kill() }
        try tmux.waitFor(text: "课程 4 · 第 1/")
        try tmux.sendLiteral("/yueyang")
        try tmux.sendKeys("Enter", "Enter")
        try tmux.waitFor(text: "第 2/3 步")
        try tmux.sendKeys("Tab")
        try tmux.waitFor(text: "第 3/3 步")
        try tmux.sendKeys("c")
        let form = try tmux.waitFor(text: "新建整改事项")
        let choice = try #require(form.first { $0.contains("所属问题") }, "\(form.joined(separator: "\n"))")
        #expect(choice.contains("[1. 政务中心提质改造项目"), "\(form.joined(separator: "\n"))")
        #expect(form.contains { $0.contains("1/3") })
        try tmux.sendKeys("Tab")
        try tmux.sendLiteral("对新添置的食堂设施设备补办政府采购手续")
        try tmux.sendKeys("Tab", "Tab", "Tab")
        try tmux.sendLiteral("张某")
        try tmux.sendKeys("C-s")
        let done = try tmux.waitFor(text: "已完成 ✓")
        #expect(!done.contains { $0.contains("所属问题选错了") })
        #expect(done.contains { $0.contains("问题（政府采购）") }, "\(done.joined(separator: "\n"))")
        try quit(tmux)
    }

    @Test func theDemoNeverCreatesTheDefaultStoreAndItsSandboxIsPrivate() throws {
        try #require(TmuxSession.isAvailable, "tmux is not installed: the terminal tests need it (apt-get install tmux)")
        defer { try? FileManager.default.removeItem(at: root) }
        let tmux = try demo(["--present"], width: 80, height: 24)
        defer { tmux.kill() }
        // While it runs: one private sandbox folder holding a store of kind sandbox.
        let names = sandboxes()
        #expect(names.count == 1)
        let folder = tmp.appendingPathComponent(try #require(names.first))
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o700)
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".sqlite") })
        #expect(try FuheStore.open(path: folder.appendingPathComponent(file).path, createIfMissing: false).kind() == .sandbox)
        // An edit, then F5 twice: fresh samples again.
        try tmux.sendKeys("Enter", "m")
        try tmux.sendLiteral("演示备注")
        try tmux.sendKeys("C-s")
        try tmux.waitFor(text: "已保存复核备注")
        try tmux.sendKeys("F5")
        try tmux.waitFor(text: "再按 F5 确认重置")
        try tmux.sendKeys("F5")
        let screen = try tmux.waitFor(text: "沙盒已重置")
        #expect(screen.allSatisfy { DisplayWidth.of($0.trimmingCharacters(in: .whitespaces)) <= 80 })
        #expect(screen.contains { $0.contains("按键") && $0.contains("F5×2 重置沙盒") })
        try quit(tmux)
        #expect(sandboxes().isEmpty)
        #expect(files(data).isEmpty, "the demo wrote into XDG_DATA_HOME: \(files(data).keys.sorted())")
    }

    @Test func sigtermStillRemovesTheSandbox() throws {
        try #require(TmuxSession.isAvailable, "tmux is not installed: the terminal tests need it (apt-get install tmux)")
        defer { try? FileManager.default.removeItem(at: root) }
        let tmux = try demo(["--lesson", "4"])
        defer { tmux.kill() }
        try tmux.waitFor(text: "课程 4 · 第 1/")
        #expect(sandboxes().count == 1)
        let pid = try #require(Int32(try tmux.display("#{pane_pid}")))
        #expect(kill(pid, SIGTERM) == 0)
        try tmux.waitFor("exit after SIGTERM") { _ in (try? tmux.display("#{pane_dead}")) == "1" }
        #expect(try tmux.display("#{alternate_on}") == "0")
        #expect(sandboxes().isEmpty, "the sandbox was left behind: \(sandboxes())")
    }

    @Test func aRecordedClassReplaysInAFreshSandbox() throws {
        try #require(TmuxSession.isAvailable, "tmux is not installed: the terminal tests need it (apt-get install tmux)")
        defer { try? FileManager.default.removeItem(at: root) }
        let record = root.appendingPathComponent("class.jsonl").path
        let tmux = try demo(["--lesson", "2", "--record", record])
        defer { tmux.kill() }
        try tmux.waitFor(text: "课程 2 · 第 1/")
        try tmux.play(try LessonScript.actions(lesson: 2))
        try quit(tmux)
        let lines = try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n")
        #expect(lines.first?.contains("\"lesson\":2") == true)
        #expect(lines.contains { $0.contains("\"command\":\"review.verify-actual\"") && $0.contains("\"key\":\"v\"") })
        #expect(lines.last?.contains("\"command\":\"app.quit\"") == true)

        let replay = try session(["replay", record, "--speed", "8"])
        defer { replay.kill() }
        try replay.waitFor(text: "培训演示·回放")
        let end = try replay.waitFor(text: "回放结束", timeout: 20)
        #expect(end.contains { $0.contains("已完成 ✓") })
        #expect(end.contains { $0.contains("按键") && $0.contains("Ctrl-S 保存") })
        // The replay is over: the workstation is the viewer's, and q quits.
        try quit(replay)
        #expect(sandboxes().isEmpty)
        #expect(files(data).isEmpty)
    }
}

/// Where `fuhe` keeps its default store under an XDG data folder.
enum DefaultStorePath {
    static func `in`(_ data: URL) -> String { data.appendingPathComponent("fuhe/fuhe.sqlite").path }
}
