import Foundation
import Testing
import FuheCore
import FuheStore
import FuheTestSupport

/// Two copies of the same units edited differently at two sites, the main store edited
/// meanwhile, all through the real `fuhe` binary; merged back with every conflict shown in the
/// conflict pane (tmux) and decided, nothing lost.
@Suite(.serialized) struct MergeEndToEndTests {
    let directory: URL
    let fuhe: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        fuhe = try #require(BuiltProducts.executable("fuhe")).path
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Runs `fuhe` without a terminal.
    @discardableResult
    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let r = try BuiltProducts.run(fuhe, arguments, environment: ["HOME": directory.path, "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no"])
        return (r.status, r.stdout, r.stderr)
    }

    func terminal(_ command: String) throws -> TmuxSession {
        try TmuxSession(command: "\(fuhe) \(command)", width: 100, height: 30,
                        environment: ["HOME": directory.path, "SWIFT_BACKTRACE": "enable=no"])
    }

    /// In the workstation on `store`: open 赫山, select the staffing row and save `text` with
    /// `key` (r = deduction reason, m = review note).
    func edit(store: String, as actor: String, key: String, text: String, saved: String) throws {
        let tmux = try terminal("--store \(store) --as \(actor)")
        defer { tmux.kill() }
        _ = try tmux.waitFor(text: "单位 (")
        try tmux.sendLiteral("/heshan")
        try tmux.sendKeys("Enter", "Enter")
        _ = try tmux.waitFor(text: "评分表 赫山区政务服务中心")
        try tmux.sendLiteral("/在职人员")
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "详情 1.1.1 在职人员控制率")
        try tmux.sendKeys(key, "C-u")
        try tmux.sendLiteral(text)
        try tmux.sendKeys("C-s")
        _ = try tmux.waitFor(text: "\(saved)「\(text)」")
        try tmux.sendKeys("q")
        _ = try tmux.waitFor("quit") { _ in (try? tmux.display("#{pane_dead}")) == "1" }
    }

    @Test func twoSitesAndTheMainStoreMergeBackWithEveryConflictDecided() throws {
        try #require(TmuxSession.isAvailable, "tmux is not installed: the terminal tests need it (apt-get install tmux)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let main = path("main.sqlite")
        try #require(try run(["import", "--samples", "--store", main]).status == 0)
        let a = try run(["checkout", "--store", main, "--unit", "heshan", "--unit", "岳阳县", "--out", path("a.sqlite"), "--to", "张三"])
        #expect(a.status == 0 && a.out.contains("借出 L-1，借给 张三"), "\(a.err)")
        #expect(try run(["checkout", "--store", main, "--unit", "heshan", "--out", path("b.sqlite"), "--to", "李四"]).status == 0)
        let leases = try run(["leases", "--store", main]).out
        #expect(leases.contains("L-1  借出中  张三") && leases.contains("L-2  借出中  李四"))

        // The copy says what it is; the main store marks the unit as out.
        let copyScreen = try terminal("--store \(path("a.sqlite")) --as 张三")
        _ = try copyScreen.waitFor(text: "副本 L-1 · 来自 main.sqlite")
        copyScreen.kill()

        try edit(store: path("a.sqlite"), as: "张三", key: "r", text: "A站：实有11人超编1人", saved: "已保存扣分原因")
        try edit(store: path("b.sqlite"), as: "李四", key: "r", text: "B站：超编", saved: "已保存扣分原因")
        try edit(store: path("b.sqlite"), as: "李四", key: "m", text: "B站：编制文件已复印", saved: "已保存复核备注")
        try edit(store: main, as: "王某", key: "m", text: "主库：待现场核实", saved: "已保存复核备注")

        // Copy A: no conflict with main (different fields).
        let planA = try run(["merge", "--store", main, path("a.sqlite"), "--dry-run"])
        #expect(planA.status == 0 && planA.out.contains("冲突 0 处") && planA.out.contains("扣分原因：（空） → A站：实有11人超编1人"), "\(planA.out)\(planA.err)")
        #expect(planA.out.contains("什么都没有写入"))
        #expect(try run(["merge", "--store", main, path("a.sqlite")]).out.contains("已合并 L-1"))

        // Copy B conflicts twice: its reason with A's, its note with main's. Without a terminal
        // or --prefer, nothing is written.
        let refused = try run(["merge", "--store", main, path("b.sqlite")])
        #expect(refused.status != 0 && refused.err.contains("有 2 个冲突需要决定"), "\(refused.err)")
        #expect(refused.out.contains("冲突 2 处"))

        // In the conflict pane: take the copy's reason, keep main's note.
        let pane = try terminal("merge --store \(main) --as 王某 \(path("b.sqlite"))")
        defer { pane.kill() }
        var screen = try pane.waitFor(text: "合并冲突")
        #expect(screen.contains { $0.contains("已决定 0/2") })
        #expect(screen.contains { $0.contains("基准（借出时）") && $0.contains("主库") && $0.contains("副本") })
        #expect(screen.contains { $0.contains("[待决定] 赫山区政务服务中心 · 1.1.1 在职人员控制率 · 扣分原因") })
        #expect(screen.contains { $0.contains("A站：实有11人超编1人") && $0.contains("B站：超编") })
        try pane.sendKeys("c")
        screen = try pane.waitFor(text: "已决定 1/2")
        #expect(screen.contains { $0.contains("主库：待现场核实") && $0.contains("B站：编制文件已复印") })
        try pane.sendKeys("a")
        screen = try pane.waitFor(text: "还有 1 个冲突未决定")
        try pane.sendKeys("m")
        _ = try pane.waitFor(text: "已决定 2/2")
        try pane.sendKeys("a")
        screen = try pane.waitFor(text: "已合并 L-2")
        #expect(screen.contains { $0.contains("决定 2 个冲突") })

        let store = try FuheStore.open(path: main, createIfMissing: false)
        let row = try store.dossier(id: "SE-HS-ZWZX-2021").result(for: "T4-1.1.1")
        #expect(row.deductionReason == "B站：超编")
        #expect(row.reviewNote == "主库：待现场核实")
        let reasons = try store.journal(dossierID: "SE-HS-ZWZX-2021", entity: "result", entityID: "T4-1.1.1", field: "deductionReason")
        #expect(reasons.map(\.record.new) == ["\"B站：超编\"", "\"A站：实有11人超编1人\""])
        #expect(reasons.map(\.record.origin) == ["merge:L-2", "copy:L-1"])
        #expect(reasons.last?.record.actor == "张三")
        #expect(try run(["verify", "--store", main]).status == 0)
        let again = try run(["merge", "--store", main, path("b.sqlite")])
        #expect(again.status == 0 && again.out.contains("已合并过"))
        #expect(try run(["leases", "--store", main]).out.contains("L-2  已合并  李四"))
    }
}
