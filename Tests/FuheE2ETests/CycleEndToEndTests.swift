import Foundation
import Testing
import FuheCore
import FuheStore
import FuheTestSupport
import TermCore

/// Issue 13 "Done when", by the real keys of the real `fuhe` binary in tmux at 80×24, as a 组长
/// works through the cycle on the sample store (plus 黄土矿镇政府's 2019 review, so that a unit has a
/// previous year): what is left (`w`, `!`), twenty routine rows scored in one batch with one
/// reason and undone with one key, every overdue item in the province (`O` `2`), a unit beside its
/// previous year (`Y`), and the cycle's dashboard (`Z`). Asserted on the screen, and against the
/// store where the screen makes a claim about it.
@Suite(.serialized) struct CycleEndToEndTests {
    let directory: URL
    let store: String
    let fuhe: String
    static let reason = "经核对佐证材料，与自评一致"

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-e2e-cycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = directory.appendingPathComponent("review.sqlite").path
        fuhe = try #require(BuiltProducts.executable("fuhe")).path
        #expect(try BuiltProducts.run(fuhe, ["import", "--samples", "--store", store]).status == 0)
        // The binary runs on the real clock; last year's review is dated from the same day.
        let s = try FuheStore.open(path: store, createIfMissing: false)
        try s.importDossiers([try PreviousYear.huangtukuang2019(today: CalendarDay(Date()))], actor: "测试")
    }

    func session() throws -> TmuxSession {
        #expect(TmuxSession.isAvailable, "tmux is not installed (Debian: apt-get install tmux)")
        let command = "\(fuhe) --store \(TmuxSession.shellQuote(store)) --as 王某 --role leader"
        let env = ["HOME": directory.path, "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
                   "XDG_STATE_HOME": directory.appendingPathComponent("state").path, "SWIFT_BACKTRACE": "enable=no"]
        let s = try TmuxSession(command: command, width: 80, height: 24, environment: env)
        _ = try s.waitFor(text: "退出")
        return s
    }

    func reopen() throws -> FuheStore { try FuheStore.open(path: store, createIfMissing: false) }

    /// Every line fits the 80 columns.
    func fits(_ screen: [String]) -> Bool { screen.allSatisfy { DisplayWidth.of($0) <= 80 } }

    @Test func aLeaderWorksThroughTheCycleByKeys() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try session()
        defer { tmux.kill() }

        // What is left in 赫山: the next row needing work, then every submit blocker with its code.
        try tmux.sendLiteral("/heshan")
        try tmux.sendKeys("Enter", "Enter")
        _ = try tmux.waitFor(text: "评分表 赫山区政务服务中心")
        let heshan = try #require(try reopen().unitList().first { $0.unitName.contains("赫山区政务服务中心") })
        #expect(heshan.reviewedRows == 0)
        try tmux.sendKeys("w")
        var screen = try tmux.waitFor(text: "行待办")
        #expect(screen.last?.contains("共 \(heshan.scorableRows) 行待办") == true, "\(screen.joined(separator: "\n"))")
        try tmux.sendKeys("!")
        screen = try tmux.waitFor(text: "提交前须完成")
        #expect(screen.contains { $0.contains("R-006 阻止提交") }, "\(screen.joined(separator: "\n"))")
        #expect(fits(screen))
        try tmux.sendKeys("Escape")
        _ = try tmux.waitFor("the blockers closed") { !$0.contains { $0.contains("提交前须完成") } }

        // Twenty routine rows: only unreviewed rows, from the top, t twenty times.
        try tmux.sendKeys("x", "g")
        _ = try tmux.waitFor(text: "只看未复核")
        for _ in 0..<20 { try tmux.sendKeys("t") }
        screen = try tmux.waitFor(text: "［已选 20］")
        // One score and one reason for all of them, previewed before anything is stored.
        try tmux.sendKeys("M")
        _ = try tmux.waitFor(text: "批量操作所选")
        try tmux.sendKeys("e")
        _ = try tmux.waitFor(text: "20 行")
        try tmux.sendLiteral("满分")
        try tmux.sendKeys("Tab")
        try tmux.sendLiteral(Self.reason)
        try tmux.sendKeys("C-s")
        screen = try tmux.waitFor(text: "项修改")
        let title = try #require(screen.first { $0.contains("项修改") })
        let changes = try #require(Self.number(before: " 项修改", in: title))
        let refused = Self.number(before: " 项被拒绝", in: title) ?? 0
        #expect(changes + refused == 20, "\(title)")
        #expect(changes >= 19, "\(title)")
        #expect(try reopen().dossier(id: heshan.dossierID).results.values.allSatisfy { $0.status != .reviewed })
        #expect(fits(screen))
        try tmux.sendKeys("Enter")
        screen = try tmux.waitFor(text: "一次撤销")
        var d = try reopen().dossier(id: heshan.dossierID)
        let scored = d.results.filter { $0.value.deductionReason == Self.reason && $0.value.status == .reviewed }
        #expect(scored.count == changes)
        for (id, r) in scored { #expect(r.reviewScore == d.template.node(id: id)?.maxScore) }
        // One key undoes all of it.
        try tmux.sendKeys("u")
        screen = try tmux.waitFor(text: "已撤销")
        d = try reopen().dossier(id: heshan.dossierID)
        #expect(d.results.values.allSatisfy { $0.status != .reviewed && $0.deductionReason != Self.reason })

        // Every overdue item in the province, across units.
        let today = CalendarDay(Date())
        let items = try reopen().itemDigests()
        let overdue = items.filter { $0.deadlineState(today: today).isOverdue }
        #expect(overdue.count >= 2)
        try tmux.sendKeys("O")
        _ = try tmux.waitFor(text: "整改总览 · ")
        try tmux.sendKeys("2")
        screen = try tmux.waitFor(text: "整改总览 · 逾期（\(overdue.count)/\(items.count)）")
        let rows = screen.dropFirst(2).prefix { !$0.hasPrefix(" 1 视图") && !$0.isEmpty }
        if overdue.count <= 15 {
            #expect(rows.count == overdue.count, "\(screen.joined(separator: "\n"))")
        } else {
            #expect(rows.count >= 15, "\(screen.joined(separator: "\n"))")
        }
        #expect(rows.allSatisfy { $0.contains("逾期") })
        #expect(Set(overdue.map(\.unitName)).count >= 2)
        #expect(fits(screen))
        try tmux.sendKeys("Escape")
        _ = try tmux.waitFor("the overview closed") { !$0.contains { $0.contains("整改总览") } }

        // 黄土矿镇政府 2020 beside its 2019 review.
        try tmux.sendKeys("BTab")
        _ = try tmux.waitFor("the unit list focused") { $0.first?.hasPrefix("▶ 单位") == true }
        try tmux.sendLiteral("/SE-HTK-2020")
        try tmux.sendKeys("Enter", "Enter")
        _ = try tmux.waitFor("黄土矿镇政府 2020 open") { $0.first?.contains("黄土矿镇政府 · 2020") == true }
        try tmux.sendKeys("Y")
        screen = try tmux.waitFor(text: "年度对比 · 黄土矿镇政府（2 个年度）")
        #expect(screen.contains { $0.contains("年度") && $0.contains("2019") && $0.contains("2020") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("自评总分") && $0.contains("88.00") && $0.contains("90.00") })
        #expect(screen.contains { $0.contains("等次 自评/复核") && $0.contains("良/优") })
        #expect(fits(screen))
        try tmux.sendKeys("Escape")
        _ = try tmux.waitFor("the years closed") { !$0.contains { $0.contains("年度对比") } }

        // The cycle at a glance.
        let units = try reopen().unitList()
        try tmux.sendKeys("Z")
        screen = try tmux.waitFor(text: "仪表盘 · 本库全部单位")
        _ = try tmux.waitFor(text: "复核进度")
        screen = try tmux.capture()
        let left = units.reduce(0) { $0 + $1.scorableRows - $1.reviewedRows }
        let all = units.reduce(0) { $0 + $1.scorableRows }
        #expect(screen.contains { $0.contains("单位 \(units.count) ·") && $0.contains("未开始") } , "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("待复核行 \(left)/\(all)") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("等次分布") })
        #expect(screen.contains { $0.contains("差异热力图") })
        #expect(fits(screen))
        // Further down: rectification, by scrolling.
        for _ in 0..<40 { try tmux.sendKeys("j") }
        screen = try tmux.waitFor(text: "销号率")
        try tmux.sendKeys("Escape", "q")
    }

    /// The whole number just before `marker` in `text` ("10 项修改" → 10).
    static func number(before marker: String, in text: String) -> Int? {
        guard let range = text.range(of: marker) else { return nil }
        let digits = text[..<range.lowerBound].reversed().prefix { $0.isNumber }
        return Int(String(digits.reversed()))
    }
}
