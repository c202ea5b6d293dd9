import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// The training demo's screens as text: banner, presentation strip with marked rows, lesson pane,
/// lesson menu and replay banner, at 80×24 and 160×48.
@Suite(.serialized) struct TrainingScreenTests {
    /// Lesson 2 part done in presentation mode: opened 赫山 and entered the claimed 100%.
    func heshanWithAMistake(width: Int, height: Int) throws -> (DemoSandbox, Workstation) {
        let demo = try DemoSandbox()
        let w = demo.workstation(width: width, height: height, presenting: true, lesson: 2)
        w.play([.type("/heshan"), .keys(["Enter", "Enter", "v", "C-u"]), .type("100"), .keys(["Enter"])])
        return (demo, w)
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func presentationWithLessonPane(width: Int, height: Int) throws {
        let (demo, w) = try heshanWithAMistake(width: width, height: height)
        defer { demo.remove() }
        let buffer = Renderer.render(w.state)
        #expect(ScreenTests.widthsFit(buffer))
        let lines = (0..<height).map { buffer.line($0) }
        #expect(lines[0].contains("培训演示") && lines[0].contains("不会保存到正式库") && lines[0].contains("F5 重置"))
        #expect(lines[height - 2].contains("按键") && lines[height - 2].contains("v 录入核实值") && lines[height - 2].contains("“100” 输入"))
        #expect(lines.contains { $0.contains("课程 2 · 第 2/3 步") })
        #expect(lines.contains { $0.contains("✗ 100% 是报告自称的控制率") })
        // The selected row is marked in the focused pane (▶) and in the others (▷).
        #expect(lines.contains { $0.contains("▶     1.1.1") })
        #expect(lines.contains { $0.hasPrefix("▷ 赫山") })
        assertSnapshot(buffer.text, named: "demo-lesson-present-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func lessonMenu(width: Int, height: Int) throws {
        let demo = try DemoSandbox()
        defer { demo.remove() }
        let w = demo.workstation(width: width, height: height)
        w.press(.character("T"), .character("j"), .character("j"))
        let buffer = Renderer.render(w.state)
        #expect(ScreenTests.widthsFit(buffer))
        let text = buffer.text
        for title in demo.lessons.map(\.title) { #expect(text.contains(title.truncated(toWidth: width - 12, ellipsis: ""))) }
        #expect(text.contains("开始课程会重置沙盒"))
        assertSnapshot(text, named: "demo-lesson-menu-\(width)x\(height)")
    }

    @Test func formDuringALessonKeepsEveryField() throws {
        let demo = try DemoSandbox()
        defer { demo.remove() }
        let w = demo.workstation(width: 80, height: 24, presenting: true, lesson: 4)
        w.play([.type("/yueyang"), .keys(["Enter", "Enter", "Tab", "c"])])
        let buffer = Renderer.render(w.state)
        #expect(ScreenTests.widthsFit(buffer))
        let text = buffer.text
        for label in ["所属问题", "整改措施", "整改类型", "责任单位", "责任人", "整改时限"] { #expect(text.contains(label), "\(label) hidden") }
        #expect(text.contains("培训演示"))
        assertSnapshot(text, named: "demo-item-form-80x24")
    }

    @Test func replayBannerAndFinishedLesson() throws {
        let demo = try DemoSandbox()
        defer { demo.remove() }
        let w = demo.workstation(width: 80, height: 24, presenting: true, lesson: 2)
        #expect(w.play(try LessonScript.actions(lesson: 2)) == nil)
        w.showReplay(ReplayStatus(played: 17, total: 40, speed: 2, paused: true, sizeNote: "录制时 100×30"))
        let buffer = Renderer.render(w.state)
        #expect(ScreenTests.widthsFit(buffer))
        let top = buffer.line(0)
        #expect(top.contains("培训演示·回放 17/40 2× 暂停") && top.contains("沙盒不保存") && top.contains("空格 继续") && top.contains("q 退出"))
        #expect(buffer.text.contains("本课完成"))
        assertSnapshot(buffer.text, named: "demo-replay-80x24")
        w.showReplay(ReplayStatus(played: 40, total: 40, speed: 2, paused: false))
        #expect(Renderer.render(w.state).line(0).contains("回放结束"))
    }

    /// Every size from the smallest to large keeps every line at the terminal's width, with the
    /// banner whenever the workstation fits.
    @Test func everySizeFits() throws {
        let demo = try DemoSandbox()
        defer { demo.remove() }
        let w = demo.workstation(width: 80, height: 24, presenting: true, lesson: 1)
        for (width, height) in [(60, 16), (60, 17), (61, 22), (79, 23), (80, 24), (81, 25), (120, 30), (160, 48), (250, 70), (40, 10)] {
            w.handle(.resize(width: width, height: height))
            let buffer = Renderer.render(w.state)
            #expect(ScreenTests.widthsFit(buffer), "\(width)×\(height)")
            #expect(buffer.text.contains("培训演示"), "\(width)×\(height)")
        }
    }

    @Test func keyStripGathersTypingCountsRepeatsAndKeepsTheLastSix() throws {
        let demo = try DemoSandbox()
        defer { demo.remove() }
        let w = demo.workstation(width: 120, height: 30, presenting: true)
        w.press(.character("j"), .character("j"), .character("j"))
        w.type("/heshan")
        w.press(.enter, .enter, .character("v"))
        w.type("11/10")
        w.press(.ctrl("s"), .character("K"))
        let strokes = try #require(w.state.training?.strokes)
        #expect(strokes.map(\.key) == Array(["/", "“heshan”", "Enter", "Enter", "v", "“11/10”", "Ctrl-S", "K"].suffix(6)))
        #expect(strokes.map(\.action) == ["确认搜索", "打开该单位的评分表", "录入核实值", "输入", "保存", "（此处无此键）"])
        let early = demo.workstation(width: 120, height: 30, presenting: true)
        early.press(.character("j"), .character("j"), .character("j"), .character("k"))
        #expect(early.state.training?.strokes.map { "\($0.key)×\($0.count) \($0.action)" } == ["j×3 下移一行", "k×1 上移一行"])
        #expect(Renderer.render(early.state).text.contains("按键 j×3 下移一行 · k 上移一行"))
        // Outside presentation mode nothing is kept.
        let plain = demo.workstation(width: 120, height: 30)
        plain.press(.character("j"))
        #expect(plain.state.training?.strokes.isEmpty == true)
    }

    @Test func trainingKeysClashWithNoPaneKey() {
        let training = CommandRegistry.all.filter { $0.scope == .training }
        #expect(training.map(\.id) == [.lessonMenu, .lessonHint, .resetSandbox])
        for spec in training {
            for key in spec.keys {
                for scope in [CommandScope.global, .units, .sheet, .items] {
                    #expect(CommandRegistry.command(for: key, in: scope) == spec.id, "\(key) in \(scope)")
                }
            }
        }
    }
}
