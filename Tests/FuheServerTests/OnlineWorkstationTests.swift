import Foundation
import FuheClient
import FuheCore
import FuheTestSupport
import Testing

/// Two real workstations (`fuhe --server URL`) in tmux, a 组长 and a 组员 of one team: each
/// sees the other's saved edits without pressing a key, an edit shows 保存中 until the server
/// confirms it, and a server restart in the middle loses nothing.
@Suite(.serialized) struct OnlineWorkstationTests {
    func workstation(_ h: ServerHarness, _ user: String) throws -> TmuxSession {
        let env = h.environment(as: user).merging(["LANG": "C.UTF-8"]) { $1 }
        let s = try TmuxSession(command: "\(h.fuhe) --server \(h.url)", width: 120, height: 32, environment: env)
        _ = try s.waitFor(text: "退出", timeout: 20)
        return s
    }

    func open(_ tmux: TmuxSession, _ query: String, expecting title: String) throws {
        // The unit list arrives from the server after the first screen: wait for it.
        _ = try tmux.waitFor("单位列表含 \(title.prefix(4))") { $0.joined().contains(title.prefix(4)) }
        try tmux.sendLiteral("/" + query)
        try tmux.sendKeys("Enter", "Enter")
        _ = try tmux.waitFor(text: "评分表 " + title)
    }

    func select(_ tmux: TmuxSession, row query: String, expecting detail: String) throws {
        try tmux.sendLiteral("/" + query)
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "详情 " + detail)
    }

    @Test func twoOnlineWorkstationsFollowEachOther() throws {
        #expect(TmuxSession.isAvailable, "tmux is needed for this test")
        let h = try ServerHarness()
        defer { h.close() }
        let leader = try workstation(h, "leader"), member = try workstation(h, "member")
        defer { leader.kill(); member.kill() }
        _ = try leader.waitFor(text: "组长 · 甲组")
        _ = try member.waitFor(text: "组员 · 甲组")
        for tmux in [leader, member] {
            try open(tmux, "heshan", expecting: "赫山区政务服务中心")
            try select(tmux, row: "在职人员", expecting: "1.1.1 在职人员控制率")
        }
        // The member writes a working note; the leader's screen shows it without a key pressed.
        try member.sendKeys("m")
        _ = try member.waitFor(text: "复核备注")
        try member.sendLiteral("编制核定表已取得")
        try member.sendKeys("C-s")
        _ = try member.waitFor(text: "已保存")
        _ = try leader.waitFor(text: "王组员 修改了", timeout: 10)
        try leader.sendKeys("m")
        _ = try leader.waitFor(text: "编制核定表已取得")
        try leader.sendKeys("Escape")
        // The leader scores the row; the member's list and sheet follow.
        try leader.sendKeys("Enter")
        _ = try leader.waitFor(text: "复核评分 1.1.1")
        try leader.sendKeys("C-u")
        try leader.sendLiteral("1.5")
        try leader.sendKeys("Tab")
        try leader.sendLiteral("超编1人")
        try leader.sendKeys("C-s")
        _ = try leader.waitFor(text: "已保存 1.1.1 复核分 1.50")
        _ = try member.waitFor(text: "李组长", timeout: 10)
        _ = try member.waitFor(text: "1.50", timeout: 10)
        // A restart of the server in the middle: the member's next edit is kept.
        h.kill9()
        try member.sendKeys("r")
        _ = try member.waitFor(text: "扣分原因")
        try member.sendKeys("C-u")
        try member.sendLiteral("超编1人，已核实")
        try member.sendKeys("C-s")
        _ = try member.waitFor(text: "保存中", timeout: 5)
        try h.start()
        _ = try member.waitFor(text: "已保存", timeout: 30)
        _ = try leader.waitFor(text: "已核实", timeout: 30)
        #expect(try h.pg.value("SELECT count(*) FROM journal WHERE new LIKE '%已核实%' AND actor = '王组员'") == "1")
        for tmux in [leader, member] { try tmux.sendKeys("q") }
    }
}
