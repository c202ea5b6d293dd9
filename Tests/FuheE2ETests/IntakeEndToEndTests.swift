import Foundation
import Testing
import FuheCore
import FuheStore
import FuheTestSupport
import TermCore

/// Issue 11's "done when" through the real `fuhe` binary in a real terminal (tmux): the three
/// shared report files read with `fuhe intake --import`; in the workstation a draft confirmed
/// without typing a number the report prints (accept-all, then the year the report hides as
/// "20xx"), made a dossier, and reviewed with its 原文 beside the scoresheet — one key from a row
/// to the passage that printed its score and back.
@Suite(.serialized) struct IntakeEndToEndTests {
    let directory: URL
    let store: String
    let fuhe: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-e2e-intake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = directory.appendingPathComponent("review.sqlite").path
        fuhe = try #require(BuiltProducts.executable("fuhe")).path
    }

    @Test func reportsReadConfirmedConvertedAndReviewedBesideTheirText() throws {
        try #require(TmuxSession.isAvailable, "tmux is not installed: the terminal tests need it (apt-get install tmux)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let read = try BuiltProducts.run(fuhe, ["intake"] + SharedReports.paths + ["--import", "--store", store])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("7 份草稿"))

        let tmux = try TmuxSession(command: "\(fuhe) --store \(store) --as 王某 --role leader", width: 160, height: 48,
                                   environment: ["HOME": directory.path, "SWIFT_BACKTRACE": "enable=no"])
        defer { tmux.kill() }
        _ = try tmux.waitFor(text: "待确认报告 7 篇")
        // The queue; 汨罗 (002) first: its values are all printed, so accept-all and convert.
        try tmux.sendKeys("i")
        _ = try tmux.waitFor(text: "可生成卷宗 0 篇")
        try tmux.sendKeys("j", "Enter")
        _ = try tmux.waitFor(text: "确认草稿 · 汨罗市人民政府办公室")
        try tmux.sendKeys("A")
        _ = try tmux.waitFor(text: "将确认")
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "可生成卷宗（C）")
        try tmux.sendKeys("C")
        _ = try tmux.waitFor(text: "汨罗市人民政府办公室 · 2017 年度")
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "评分表 汨罗市人民政府办公室 · 2017")
        // 江华 (004 #3): the year is "20xx" in the report; the reviewer gives it.
        try tmux.sendKeys("i")
        _ = try tmux.waitFor(text: "待确认报告 6 篇")
        try tmux.sendKeys("j", "j", "j", "Enter")
        _ = try tmux.waitFor(text: "确认草稿 · 县政务服务中心")
        try tmux.sendKeys("C")
        _ = try tmux.waitFor(text: "还不能生成卷宗：还差 28 项")
        try tmux.sendKeys("A")
        _ = try tmux.waitFor(text: "将确认 51 项")
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "还差 1 项")
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "更正 · 年度")
        try tmux.sendLiteral("20x1")
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "不是年度")
        try tmux.sendKeys("C-u")
        try tmux.sendLiteral("2021")
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "已更正：年度 → 2021")
        try tmux.sendKeys("C")
        _ = try tmux.waitFor(text: "县政务服务中心 · 2021 年度 · 部门整体支出")
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "已生成卷宗")
        _ = try tmux.waitFor(text: "评分表 县政务服务中心 · 2021*")
        // Its 原文 beside the scoresheet: from row 2.1 to the passage that printed its score.
        try tmux.sendLiteral("/2.1 ")
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "详情 2.1 预算执行")
        try tmux.sendKeys("y")
        let screen = try tmux.waitFor("the 原文 beside the scoresheet at line 235") { lines in
            lines.contains { $0.contains("评分表 县政务服务中心") && $0.contains("第235行 → 2.1 预算执行") }
                && lines.contains { $0.contains("235 ▶│") && $0.contains("预算执行得20分") }
        }
        #expect(screen.contains { $0.contains("原文 · 县政务服务中心 · 004_f444a14e3d1f7ac3.txt 第207–297行") })
        // And back: the same key on the passage selects the row.
        try tmux.sendKeys("y")
        _ = try tmux.waitFor(text: "第235行 → 2.1 预算执行（此行共")
        // Search by pinyin initials, at 80×24 (stacked).
        try tmux.resize(width: 80, height: 24)
        try tmux.sendKeys("Tab", "/")
        try tmux.sendLiteral("zfcgzxl")
        try tmux.sendKeys("Enter")
        let small = try tmux.waitFor("the search found 政府采购执行率 at 80×24") { lines in
            lines.contains { $0.contains("▶│") && $0.contains("政府采购执行率") }
        }
        #expect(small.allSatisfy { line in
            var l = Substring(line)
            while l.last == " " { l.removeLast() }
            return DisplayWidth.of(l) <= 80
        })
        try tmux.sendKeys("Escape", "q")
        _ = try tmux.waitFor("the workstation quits") { lines in !lines.contains { $0.contains("复核人 王某") } }

        // What the store holds: two dossiers made in one import each, the 原文 with 004 #3.
        let s = try FuheStore.open(path: store, createIfMissing: false)
        let ids = try s.dossierIDs()
        #expect(ids.count == 2)
        let jianghua = try #require(try ids.map { try s.dossier(id: $0) }.first { $0.unit.name == "县政务服务中心" })
        #expect(jianghua.cycle.fiscalYear == 2021 && jianghua.cycle.yearIsDemo && jianghua.results["T4-2.1"]?.selfScore == Score("20"))
        #expect(try s.reportSource(dossierID: jianghua.id)?.firstLine == 207)
        #expect(try s.intakeQueue().count == 5)
    }
}
