import Foundation
import Testing
import FuheCore
import FuheStore
import FuheTestSupport

/// Issue 10 through the real `fuhe` binary: two workstations in tmux on one store file, and a
/// workstation left open while `fuhe merge` and `fuhe import` write to its store. Each sees the
/// others' saves within a second, and nothing is written from a stale view.
@Suite(.serialized) struct ManyHandsEndToEndTests {
    let directory: URL
    let store: String
    let fuhe: String
    static let heshan = "SE-HS-ZWZX-2021"
    static let staffRow = "T4-1.1.1"
    /// The bundled samples in the source tree (for `fuhe import FILE`).
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/samples")

    init() throws {
        #expect(TmuxSession.isAvailable, "tmux is needed for these tests")
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-hands-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = directory.appendingPathComponent("team.sqlite").path
        fuhe = try #require(BuiltProducts.executable("fuhe")).path
    }

    /// Runs `fuhe` without a terminal.
    @discardableResult
    func run(_ arguments: [String]) throws -> ProcessOutput {
        try BuiltProducts.run(fuhe, arguments, environment: ["HOME": directory.path, "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no"])
    }

    /// A workstation on `path` as `actor`, with 赫山 open on the staffing row (1.1.1).
    func workstation(_ actor: String, store path: String? = nil) throws -> TmuxSession {
        let tmux = try TmuxSession(command: "\(fuhe) --store \(path ?? store) --as \(actor) --role leader", width: 100, height: 30,
                                   environment: ["HOME": directory.path, "SWIFT_BACKTRACE": "enable=no"])
        _ = try tmux.waitFor(text: "退出")
        try tmux.sendLiteral("/heshan")
        try tmux.sendKeys("Enter", "Enter")
        _ = try tmux.waitFor(text: "评分表 赫山区政务服务中心")
        try tmux.sendLiteral("/在职人员")
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "详情 1.1.1 在职人员控制率")
        return tmux
    }

    /// The staffing row as stored now (read on a connection of its own).
    func row(_ path: String? = nil) throws -> IndicatorResult {
        try FuheStore.open(path: path ?? store, createIfMissing: false).dossier(id: Self.heshan).result(for: Self.staffRow)
    }

    /// Types a score and a reason into the score form (the form is left open).
    func typeScore(_ tmux: TmuxSession, _ score: String, reason: String) throws {
        try tmux.sendKeys("Enter")
        _ = try tmux.waitFor(text: "复核评分 1.1.1")
        try tmux.sendKeys("C-u")
        try tmux.sendLiteral(score)
        try tmux.sendKeys("Tab")
        try tmux.sendLiteral(reason)
    }

    /// Writes the review note of the open row.
    func note(_ tmux: TmuxSession, _ text: String) throws {
        try tmux.sendKeys("m")
        _ = try tmux.waitFor(text: "复核备注 1.1.1")
        try tmux.sendKeys("C-u")
        try tmux.sendLiteral(text)
        try tmux.sendKeys("C-s")
        _ = try tmux.waitFor(text: "已保存复核备注")
    }

    @Test func aSaveInOneWorkstationIsShownInTheOtherWithinASecond() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try run(["import", "--samples", "--store", store]).status == 0)
        let a = try workstation("李某"), b = try workstation("王某")
        defer { a.kill(); b.kill() }
        try b.sendKeys("j")
        _ = try b.waitFor(text: "详情 1.1.2")
        try typeScore(a, "4.5", reason: "超编1人")
        try a.sendKeys("C-s")
        _ = try a.waitFor(text: "已保存 1.1.1 复核分 4.50")
        let saved = Date()
        let screen = try b.waitFor(text: "李某 修改了 1.1.1 复核分 （空） → 4.50", timeout: 5)
        let delay = Date().timeIntervalSince(saved)
        #expect(delay < 1.0, "B showed A's save after \(delay) s")
        // B's cursor stayed on its row; the row and the unit's total show A's score.
        #expect(screen.contains { $0.contains("详情 1.1.2") })
        #expect(screen.contains { $0.contains("1.1.1 在职") && $0.contains("4.50") })
        #expect(screen.contains { $0.contains("赫山区政务服") && $0.contains("~4.50") })
        // A is not told of its own save.
        try? a.sendKeys("j")
        usleep(700_000)
        #expect(try !a.capture().contains { $0.contains("修改了") })
    }

    @Test func aStaleFormSaveIsRefusedWithBothValuesShownThenReapplied() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try run(["import", "--samples", "--store", store]).status == 0)
        let a = try workstation("李某"), b = try workstation("王某")
        defer { a.kill(); b.kill() }
        try typeScore(b, "3", reason: "实有11人")
        try typeScore(a, "4.5", reason: "超编1人")
        try a.sendKeys("C-s")
        _ = try a.waitFor(text: "已保存 1.1.1 复核分 4.50")
        // B's open form is marked, keeps what B typed…
        var screen = try b.waitFor(text: "此处已被 李某 修改：复核分 4.50", timeout: 5)
        #expect(screen.contains { $0.contains("复核分    3") })
        // …and B's save is refused: nothing written, both values shown.
        try b.sendKeys("C-s")
        screen = try b.waitFor(text: "✗ 未保存")
        #expect(screen.contains { $0.contains("复核分：现为 4.50（李某") && $0.contains("你输入 3.00") })
        #expect(screen.contains { $0.contains("扣分原因：现为 超编1人（李某") && $0.contains("你输入 实有11人") })
        #expect(try row().reviewScore == Score("4.5"))
        // Re-apply: B's values, on the row as it is now.
        try b.sendKeys("C-r")
        _ = try b.waitFor(text: "已保存 1.1.1 复核分 3.00")
        let stored = try row()
        #expect(stored.reviewScore == Score("3") && stored.deductionReason == "实有11人" && stored.reviewedBy == "王某")
        _ = try a.waitFor(text: "王某 修改了 1.1.1 复核分 4.50 → 3.00", timeout: 5)
        // Drop: A types over B's value, B changes it first; A keeps B's.
        try typeScore(a, "2", reason: "A再改")
        try typeScore(b, "1", reason: "B再改")
        try b.sendKeys("C-s")
        _ = try b.waitFor(text: "已保存 1.1.1 复核分 1.00")
        _ = try a.waitFor(text: "此处已被 王某 修改", timeout: 5)
        try a.sendKeys("C-t")
        _ = try a.waitFor(text: "已放弃你的输入，保留现值：复核分 1.00（王某）")
        #expect(try row().reviewScore == Score("1"))
    }

    /// /work/shared/repro/10-lost-update.sh: A saves a verified actual while B has the row on
    /// screen; B then accepts the suggestion. B's screen has followed A's save before the key,
    /// so B accepts the suggestion computed from A's value, and A's value stays.
    @Test func theLostUpdateSequenceEndsWithAsValueIntactAndBTold() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try run(["list", "--store", store]).status == 0)
        #expect(try run(["import", "--store", store, Self.samples.appendingPathComponent("08-heshan.json").path]).status == 0)
        let a = try workstation("用户A"), b = try workstation("用户B")
        defer { a.kill(); b.kill() }
        try a.sendKeys("v")
        _ = try a.waitFor(text: "核实值 1.1.1")
        try a.sendKeys("C-e", "C-u")
        try a.sendLiteral("120%")
        try a.sendKeys("C-s")
        _ = try a.waitFor(text: "已保存核实值 120%")
        #expect(try row().verifiedActual?.text == "120%")
        _ = try b.waitFor(text: "用户A 修改了 1.1.1 核实值 （空） → 120%", timeout: 5)
        try b.sendKeys("a")
        _ = try b.waitFor(text: "已采用建议分 0.00")
        let stored = try row()
        #expect(stored.verifiedActual?.text == "120%")
        #expect(stored.reviewScore == .zero && stored.reviewedBy == "用户B")
        let erased = try FuheStore.open(path: store, createIfMissing: false)
            .journal(dossierID: Self.heshan, entity: "result", entityID: Self.staffRow, field: "verifiedActual")
        #expect(erased.count == 1 && erased[0].record.actor == "用户A", "only A ever wrote the verified actual")
    }

    @Test func aWorkstationOpenDuringAMergeRefreshesAndItsUndoDoesNotOverwriteTheMerge() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try run(["import", "--samples", "--store", store]).status == 0)
        let w = try workstation("王某")
        defer { w.kill() }
        let copy = directory.appendingPathComponent("site.fuhe").path
        #expect(try run(["checkout", "--store", store, "--unit", "heshan", "--out", copy, "--to", "张三"]).status == 0)
        // The unit is marked out (外) in the open workstation.
        _ = try w.waitFor(text: "外 赫山区", timeout: 5)
        try note(w, "主库备注")
        // The site writes the same note differently in its copy.
        let site = try workstation("张三", store: copy)
        try note(site, "现场备注")
        try site.sendKeys("q")
        _ = try site.waitFor("quit") { _ in (try? site.display("#{pane_dead}")) == "1" }
        site.kill()
        let merged = try run(["merge", "--store", store, copy, "--prefer", "copy", "--as", "组长"])
        #expect(merged.status == 0, "\(merged.stdout)\(merged.stderr)")
        #expect(try row().reviewNote == "现场备注")
        // The workstation follows: the merged note, the lease closed (no 外).
        _ = try w.waitFor("the merge on screen", timeout: 5) { lines in
            lines.contains { $0.contains("组长 经合并决定 L-1 修改了 1.1.1 复核备注 主库备注 → 现场备注") }
                && !lines.contains { $0.contains("外 赫山区") }
        }
        // Its undo would write 主库备注's old value over the merge decision: refused, explained.
        try w.sendKeys("u")
        let screen = try w.waitFor(text: "不能撤销")
        #expect(screen.contains { $0.contains("复核备注：现为 现场备注") })
        #expect(try row().reviewNote == "现场备注")
        try w.sendKeys("Escape", "m")
        _ = try w.waitFor(text: "复核备注 1.1.1")
        #expect(try w.capture().contains { $0.contains("现场备注") })
    }

    @Test func aWorkstationOpenDuringAnImportRefreshesAndItsUndoDoesNotOverwriteIt() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try run(["list", "--store", store]).status == 0)
        let heshanFile = Self.samples.appendingPathComponent("08-heshan.json").path
        #expect(try run(["import", "--store", store, heshanFile]).status == 0)
        let w = try workstation("王某")
        defer { w.kill() }
        _ = try w.waitFor(text: "单位 (1)")
        // A new unit arrives: the list follows and says so.
        #expect(try run(["import", "--store", store, "--as", "组长", Self.samples.appendingPathComponent("01-huangtukuang-2020.json").path]).status == 0)
        var screen = try w.waitFor(text: "组长 导入了 黄土矿镇政府", timeout: 5)
        #expect(screen.contains { $0.contains("单位 (2)") })
        #expect(screen.contains { $0.contains("详情 1.1.1 在职人员控制率") })
        // The open unit is imported again over this workstation's note: the note goes, and the
        // workstation's undo of its note does not rewrite the imported dossier.
        try note(w, "导入前的备注")
        #expect(try run(["import", "--store", store, "--replace", "--as", "组长", heshanFile]).status == 0)
        #expect(try row().reviewNote == nil)
        screen = try w.waitFor(text: "组长 导入了 赫山区政务服务中心", timeout: 5)
        try w.sendKeys("u")
        screen = try w.waitFor(text: "不能撤销")
        #expect(try row().reviewNote == nil)
    }
}
