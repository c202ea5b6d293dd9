import Foundation
import Testing
import FuheCore
import FuheStore
import FuheTestSupport
import TermCore

/// The real `fuhe` binary with keys as terminals really send them: modified keys inside a form,
/// sequences of other terminals, pastes, Ctrl-Z and `fg`, and the exit status after a signal.
@Suite(.serialized)
struct KeyboardEndToEndTests {
    let directory: URL
    let store: String
    let fuhe: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = directory.appendingPathComponent("review.sqlite").path
        fuhe = try #require(BuiltProducts.executable("fuhe")).path
        #expect(try BuiltProducts.run(fuhe, ["import", "--samples", "--store", store]).status == 0)
    }

    var command: String { "\(TmuxSession.shellQuote(fuhe)) --store \(TmuxSession.shellQuote(store)) --as 王某 --role leader" }
    var environment: [String: String] { ["HOME": directory.path, "SWIFT_BACKTRACE": "enable=no"] }

    func session(_ line: String? = nil) throws -> TmuxSession {
        let s = try TmuxSession(command: line ?? command, width: 100, height: 30, environment: environment)
        _ = try s.waitFor(text: "退出")
        return s
    }

    /// 赫山's rectification pane with item 1 (整改中) selected.
    func openHeshanItems(_ tmux: TmuxSession) throws {
        try tmux.sendLiteral("/heshan")
        try tmux.sendKeys("Enter", "Enter")
        _ = try tmux.waitFor(text: "评分表 赫山区政务服务中心")
        try tmux.sendKeys("Tab")
        _ = try tmux.waitFor(text: "▶ 整改事项")
    }

    func heshan() throws -> Dossier {
        let s = try FuheStore.open(path: store, createIfMissing: false)
        let id = try #require(try s.dossierIDs().first { $0.contains("HS") })
        return try s.dossier(id: id)
    }

    @Test func ctrlArrowsAndOtherTerminalsKeysStayInTheForm() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try session()
        defer { tmux.kill() }
        try openHeshanItems(tmux)
        try tmux.sendKeys("p")
        _ = try tmux.waitFor(text: "登记整改进度 1")
        try tmux.sendLiteral("已制定方案 ok")
        // ESC[1;5C used to close the form and run C (销号); ESC[1~ (PuTTY Home) ran [ and ~.
        try tmux.sendKeys("C-Left", "C-Left", "C-Right", "S-Left", "M-b", "M-f")
        try tmux.sendBytes([0x1B] + Array("[1~".utf8))       // Home as PuTTY sends it
        try tmux.sendBytes([0x1B] + Array("Oc".utf8))        // rxvt Ctrl-→
        try tmux.sendLiteral("，")
        try tmux.sendBytes([0x1B] + Array("[4~".utf8))       // End as PuTTY sends it
        try tmux.sendKeys("C-Left", "C-DC")                  // Ctrl-Delete removes "ok"
        let screen = try tmux.waitFor(text: "已制定方案， ")
        #expect(screen.contains { $0.contains("登记整改进度 1") })
        #expect(!screen.contains { $0.contains("销号 1（核实佐证后）") })
        try tmux.sendKeys("C-s")
        _ = try tmux.waitFor(text: "登记进度")
        try tmux.sendKeys("q")
        _ = try tmux.waitFor("exit") { _ in (try? tmux.display("#{pane_dead}")) == "1" }
        let item = try #require(try heshan().items.first { $0.seq == 1 })
        #expect(item.status == .inProgress)
        #expect(item.progress.last?.text == "已制定方案，")
    }

    @Test func ctrlCWithAFormAsksAndWithoutOneQuits() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        // The exit status is written by a shell around fuhe: tmux 3.3 sometimes leaves its dead
        // child unreaped (a zombie, no #{pane_dead_status}) for longer than a test waits.
        let statusFile = directory.appendingPathComponent("exit-status")
        let tmux = try session("sh -c \(TmuxSession.shellQuote("\(command); echo $? > \(TmuxSession.shellQuote(statusFile.path))"))")
        defer { tmux.kill() }
        try openHeshanItems(tmux)
        try tmux.sendKeys("p")
        _ = try tmux.waitFor(text: "登记整改进度 1")
        try tmux.sendLiteral("不会丢的进度")
        _ = try tmux.waitFor(text: "不会丢的进度")
        try tmux.sendKeys("C-c")
        let asked = try tmux.waitFor(text: "仍要退出？")
        #expect(asked.contains { $0.contains("表单「登记整改进度 1」中已输入的内容") })
        #expect(try tmux.display("#{pane_dead}") == "0")
        // Typed characters do not answer it; n goes back to the form with its text.
        try tmux.sendLiteral("。")
        try tmux.sendKeys("n")
        _ = try tmux.waitFor("the confirmation to close") { !$0.contains { $0.contains("仍要退出？") } }
        try tmux.sendLiteral("。")
        let screen = try tmux.waitFor(text: "不会丢的进度。")
        #expect(screen.contains { $0.contains("登记整改进度 1") })
        try tmux.sendKeys("C-s")
        _ = try tmux.waitFor(text: "登记进度")
        // With nothing unsaved, Ctrl-C quits at once, with the status of an interrupted program (130).
        try tmux.sendKeys("C-c")
        let status = { (try? String(contentsOf: statusFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        _ = try tmux.waitFor("exit status") { _ in !status().isEmpty }
        let exitStatus = status()
        #expect(exitStatus == "130")
        #expect(try heshan().items.first { $0.seq == 1 }?.progress.last?.text == "不会丢的进度。")
    }

    @Test func escOnAFormWithTextAsksBeforeDroppingIt() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try session()
        defer { tmux.kill() }
        try openHeshanItems(tmux)
        let before = try #require(try heshan().items.first { $0.seq == 1 }).progress
        try tmux.sendKeys("p")
        _ = try tmux.waitFor(text: "登记整改进度 1")
        try tmux.sendLiteral("差点丢掉的进度")
        _ = try tmux.waitFor(text: "差点丢掉的进度")
        try tmux.sendKeys("Escape")
        let asked = try tmux.waitFor(text: "放弃已输入的内容？")
        #expect(asked.contains { $0.contains("y 放弃 / n 继续编辑") })
        try tmux.sendKeys("n")
        _ = try tmux.waitFor("the confirmation to close") { !$0.contains { $0.contains("放弃已输入的内容？") } }
        #expect(try tmux.capture().contains { $0.contains("差点丢掉的进度") })
        // Esc and y: dropped, nothing stored.
        try tmux.sendKeys("Escape")
        _ = try tmux.waitFor(text: "放弃已输入的内容？")
        try tmux.sendKeys("y")
        _ = try tmux.waitFor(text: "已取消，未保存")
        try tmux.sendKeys("q")
        _ = try tmux.waitFor("exit") { _ in (try? tmux.display("#{pane_dead}")) == "1" }
        #expect(try #require(try heshan().items.first { $0.seq == 1 }).progress == before)
    }

    @Test func aPasteStaysInItsFieldAndIsKeptWhole() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try session()
        defer { tmux.kill() }
        try openHeshanItems(tmux)
        let before = try #require(try heshan().items.first { $0.seq == 1 })
        // A multi-line paste into the single-line 责任人 field: joined with spaces, nothing
        // spills into 分管领导 or runs as a command.
        try tmux.sendKeys("e")
        _ = try tmux.waitFor(text: "编辑整改事项 1")
        // 整改措施, 所属问题, 整改类型, 责任单位, then 责任人.
        try tmux.sendKeys("Tab", "Tab", "Tab", "Tab", "C-u")
        try tmux.paste("李某\n王某\nq")
        _ = try tmux.waitFor(text: "李某 王某 q")
        try tmux.sendKeys("C-s")
        _ = try tmux.waitFor(text: "已保存整改事项 1")
        // 2,000 characters with line breaks into the multi-line progress text.
        let text = (0..<45).map { "第\($0 + 1)条：" + String(repeating: "复核意见abc，", count: 5) }.joined(separator: "\n")
        try tmux.sendKeys("p")
        _ = try tmux.waitFor(text: "登记整改进度 1")
        try tmux.paste(text)
        try tmux.sendKeys("C-s")
        _ = try tmux.waitFor(text: "登记进度", timeout: 20)
        try tmux.sendKeys("q")
        _ = try tmux.waitFor("exit") { _ in (try? tmux.display("#{pane_dead}")) == "1" }
        let item = try #require(try heshan().items.first { $0.seq == 1 })
        #expect(item.respPerson == "李某 王某 q")
        #expect(item.respLeader == before.respLeader && item.respUnit == before.respUnit && item.measure == before.measure)
        #expect(item.progress.last?.text == text)
        #expect(text.count > 2000)
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func aSignalRestoresTheTerminalThenExitsWith128PlusIt(signal: Int32, status: Int32) throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = command + "; echo \"EXIT=$?\"; stty -a | grep -o -e ' icanon' -e '-icanon' | head -1; sleep 60"
        let tmux = try session("sh -c " + TmuxSession.shellQuote(script))
        defer { tmux.kill() }
        let shell = try #require(Int32(try tmux.display("#{pane_pid}")))
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let pid = try #require(children.split(separator: " ").compactMap { Int32($0) }.first)
        #expect(kill(pid, signal) == 0)
        let screen = try tmux.waitFor(text: "EXIT=")
        #expect(screen.contains { $0.hasPrefix("EXIT=\(status)") }, "\(screen.joined(separator: "\n"))")
        _ = try tmux.waitFor(text: " icanon")
        #expect(try tmux.display("#{alternate_on}") == "0")
    }

    @Test func ctrlZSuspendsAndFgRestoresTheWorkstation() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try TmuxSession(command: "bash --norc --noprofile -i", width: 100, height: 30,
                                   environment: environment.merging(["PS1": "$ "]) { $1 })
        defer { tmux.kill() }
        _ = try tmux.waitFor(text: "$")
        try tmux.sendLiteral(command)
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "退出")
        try openHeshanItems(tmux)
        try tmux.sendKeys("p")
        _ = try tmux.waitFor(text: "登记整改进度 1")
        try tmux.sendLiteral("挂起前输入")
        _ = try tmux.waitFor(text: "挂起前输入")
        try tmux.sendKeys("C-z")
        let stopped = try tmux.waitFor(text: "Stopped")
        #expect(try tmux.display("#{alternate_on}") == "0")
        #expect(!stopped.contains { $0.contains("登记整改进度") })
        try tmux.sendLiteral("fg")
        try tmux.sendKeys("Enter")
        // The whole screen is back, the form with its typed text included.
        let back = try tmux.waitFor(text: "挂起前输入")
        #expect(back.contains { $0.contains("登记整改进度 1") })
        #expect(try tmux.display("#{alternate_on}") == "1")
        try tmux.sendLiteral("，继续")
        try tmux.sendKeys("C-s")
        _ = try tmux.waitFor(text: "登记进度")
        try tmux.sendKeys("q")
        try tmux.sendLiteral("echo \"EXIT=$?\"")
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "EXIT=0")
        #expect(try heshan().items.first { $0.seq == 1 }?.progress.last?.text == "挂起前输入，继续")
    }
}
