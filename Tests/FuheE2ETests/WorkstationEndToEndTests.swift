import Foundation
import Testing
import FuheCore
import FuheStore
import FuheTestSupport
import TermCore

/// The real `fuhe` binary in a real terminal (tmux): a reviewer's session by keyboard only.
@Suite(.serialized) struct WorkstationEndToEndTests {
    let directory: URL
    let store: String
    let fuhe: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = directory.appendingPathComponent("review.sqlite").path
        fuhe = try #require(BuiltProducts.executable("fuhe")).path
        #expect(try BuiltProducts.run(fuhe, ["import", "--samples", "--store", store]).status == 0)
    }

    func session(width: Int = 100, height: Int = 30, env: [String: String] = [:]) throws -> TmuxSession {
        let command = "\(fuhe) --store \(store) --as 王某 --role leader"
        let s = try TmuxSession(command: command, width: width, height: height,
                                environment: ["HOME": directory.path, "SWIFT_BACKTRACE": "enable=no"].merging(env) { $1 })
        _ = try s.waitFor(text: "退出")
        return s
    }

    /// Opens a unit by search (pinyin or Chinese) and waits for its scoresheet.
    func open(_ tmux: TmuxSession, _ query: String, expecting title: String) throws {
        try tmux.sendLiteral("/" + query)
        try tmux.sendKeys("Enter", "Enter")
        _ = try tmux.waitFor(text: "评分表 " + title)
    }

    /// Selects a scoresheet row by search and waits for its detail.
    func select(_ tmux: TmuxSession, row query: String, expecting detail: String) throws {
        try tmux.sendLiteral("/" + query)
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "详情 " + detail)
    }

    /// Every captured line's content fits the terminal width by display width (trailing spaces
    /// are dropped: tmux pads the last row up to the parked cursor).
    func fits(_ lines: [String], width: Int) -> Bool {
        lines.allSatisfy { line in
            var l = Substring(line)
            while l.last == " " { l.removeLast() }
            return DisplayWidth.of(l) <= width
        }
    }

    @Test func reviewRectifyResizeQuitReopen() throws {
        try #require(TmuxSession.isAvailable, "tmux is not installed: the terminal tests need it (apt-get install tmux)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try session()
        defer { tmux.kill() }
        // Open 赫山 by pinyin search, find the staffing row, enter the verified actual.
        try open(tmux, "heshan", expecting: "赫山区政务服务中心")
        try select(tmux, row: "在职人员", expecting: "1.1.1 在职人员控制率")
        try tmux.sendKeys("v", "C-u")
        try tmux.sendLiteral("11/10")
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "引擎建议 0.00")
        // Score it with a reason typed in Chinese.
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "复核评分 1.1.1")
        try tmux.sendKeys("Tab")
        try tmux.sendLiteral("实有在编在岗11人，编制10人，超编1人")
        try tmux.sendKeys("C-s")
        _ = try tmux.waitFor(text: "已保存 1.1.1 复核分 0.00")
        // A rectification item, followed to 销号.
        try tmux.sendKeys("Tab")
        _ = try tmux.waitFor(text: "▶ 整改事项")
        try tmux.sendKeys("c")
        _ = try tmux.waitFor(text: "新建整改事项")
        try tmux.sendKeys("Tab")
        try tmux.sendLiteral("按编制核定在岗人员，超编人员年内分流")
        try tmux.sendKeys("Tab", "Tab", "Tab")
        try tmux.sendLiteral("李某")
        try tmux.sendKeys("C-s")
        _ = try tmux.waitFor(text: "已新建整改事项")
        try tmux.sendKeys("p")
        try tmux.sendLiteral("已制定人员分流方案")
        try tmux.sendKeys("C-s")
        _ = try tmux.waitFor(text: "登记进度")
        try tmux.sendKeys("s")
        try tmux.sendLiteral("超编人员已分流，在岗10人")
        try tmux.sendKeys("Tab", "Tab")
        try tmux.sendLiteral("人员分流文件")
        try tmux.sendKeys("C-s")
        _ = try tmux.waitFor(text: "申请销号")
        try tmux.sendKeys("C")
        _ = try tmux.waitFor(text: "销号意见")
        try tmux.sendKeys("C-s")
        _ = try tmux.waitFor(text: "→ 已销号")
        // Live resize keeps every line within the new width.
        try tmux.resize(width: 80, height: 24)
        // (the wait fails, with the screen, if a redrawn 80×24 / 160×48 screen never fits)
        _ = try tmux.waitFor("a redrawn 80×24 screen") { lines in
            lines.count == 24 && fits(lines, width: 80) && lines.last?.contains("销号") == true && lines[0].contains("单位")
        }
        try tmux.resize(width: 160, height: 48)
        _ = try tmux.waitFor("a redrawn 160×48 screen") { lines in
            lines.count == 48 && fits(lines, width: 160) && lines[0].contains("单位") && lines.contains { $0.contains("整改事项") }
        }
        try tmux.sendKeys("q")
        _ = try tmux.waitFor("exit") { _ in (try? tmux.display("#{pane_dead}")) == "1" }

        // Everything is in the store…
        let s = try FuheStore.open(path: store, createIfMissing: false)
        let id = try #require(try s.dossierIDs().first { $0.contains("HS") })
        let d = try s.dossier(id: id)
        let node = try #require(d.template.nodes.first { $0.name == "在职人员控制率" })
        #expect(d.results[node.id]?.reviewScore == .zero)
        #expect(d.results[node.id]?.deductionReason == "实有在编在岗11人，编制10人，超编1人")
        let item = try #require(d.items.first { $0.measure == "按编制核定在岗人员，超编人员年内分流" })
        #expect(item.status == .closed)
        #expect(item.respPerson == "李某" && item.closedBy == "王某")
        #expect(try s.check().integrityProblems.isEmpty)

        // …and on screen after reopening.
        let again = try session()
        defer { again.kill() }
        try open(again, "heshan", expecting: "赫山区政务服务中心")
        try select(again, row: "在职人员", expecting: "1.1.1 在职人员控制率")
        try again.sendKeys("r")
        _ = try again.waitFor(text: "实有在编在岗11人，编制10人，超编1人")
        try again.sendKeys("Escape", "q")
    }

    @Test func worksUnderTheCLocaleAndWithoutColour() throws {
        try #require(TmuxSession.isAvailable, "tmux is not installed: the terminal tests need it (apt-get install tmux)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try session(width: 80, height: 24, env: ["LANG": "C", "NO_COLOR": "1"])
        defer { tmux.kill() }
        let lines = try tmux.waitFor(text: "黄土矿镇政府")
        #expect(fits(lines, width: 80))
        try open(tmux, "江华", expecting: "江华县政务服务中心")
        try tmux.sendKeys("C-c")
        _ = try tmux.waitFor("exit") { _ in (try? tmux.display("#{pane_dead}")) == "1" }
    }

    @Test func sigtermRestoresTheTerminalAndKeepsSavedEdits() throws {
        try #require(TmuxSession.isAvailable, "tmux is not installed: the terminal tests need it (apt-get install tmux)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try session()
        defer { tmux.kill() }
        try open(tmux, "jianghua", expecting: "江华县政务服务中心")
        try tmux.sendKeys("m")
        try tmux.sendLiteral("现场核查：窗口进驻单位47个，佐证齐全")
        try tmux.sendKeys("C-s")
        _ = try tmux.waitFor(text: "已保存复核备注")
        let pid = try #require(Int32(try tmux.display("#{pane_pid}")))
        #expect(kill(pid, SIGTERM) == 0)
        _ = try tmux.waitFor("exit after SIGTERM") { _ in (try? tmux.display("#{pane_dead}")) == "1" }
        #expect(try tmux.display("#{alternate_on}") == "0")
        let s = try FuheStore.open(path: store, createIfMissing: false)
        let id = try #require(try s.dossierIDs().first { $0.contains("JH") })
        #expect(try s.dossier(id: id).results.values.contains { $0.reviewNote == "现场核查：窗口进驻单位47个，佐证齐全" })
    }
}
