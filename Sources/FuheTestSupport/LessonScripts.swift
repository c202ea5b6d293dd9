import Foundation
import FuheApp
import FuheCore
import FuheUI
import TermCore

/// A trainee's keys that complete each bundled lesson, written once and played both in process
/// (`Workstation.play`) and in a real terminal (`TmuxSession.play`). Keys use tmux names
/// ("Enter", "Tab", "C-s", "Right", "F5", or one character).
public enum LessonScript {
    public enum Action: Sendable {
        /// Keys by tmux name.
        case keys([String])
        /// Text typed as an input method commits it.
        case type(String)
        /// Presses Right until the screen shows `text` (a choice field's selected option "[计算错误]").
        case choose(String)
        /// Waits until the screen shows `text` (tmux); checks it (in process).
        case expect(String)
    }

    /// The actions that complete lesson `number`, ending when the lesson pane says it is done.
    public static func actions(lesson number: Int) throws -> [Action] {
        switch number {
        case 1:
            let twoTotals = try messageIndex(dossier: "SE-XXQ-FP-2019", code: "S-003")
            return [
                .type("/fupin"), .keys(["Enter", "Enter"]), .expect("第 2/5 步"),
                .type("/资金使用成效"), .keys(["Enter"]), .expect("第 3/5 步"),
                .type("/精准使用"), .keys(["Enter"]), .expect("第 4/5 步"),
                .type("/项目支出进度"), .keys(["Enter"]), .expect("第 5/5 步"),
                .keys(["!"]), .expect("校验提示"), .keys(Array(repeating: "j", count: twoTotals)), .expect("已完成 ✓"),
                .keys(["Escape"]), .expect("▶ 评分表"),
            ]
        case 2:
            return [
                .type("/heshan"), .keys(["Enter", "Enter"]), .expect("第 2/3 步"),
                .keys(["v", "C-u"]), .type("11/10"), .keys(["Enter"]), .expect("第 3/3 步"),
                .keys(["Enter"]), .expect("复核评分 1.1.1"), .keys(["C-u"]), .type("0"), .keys(["Tab"]),
                .type("实有在编在岗11人，编制10人，控制率110%"), .keys(["C-s"]), .expect("已完成 ✓"),
            ]
        case 3:
            let d002 = try messageIndex(dossier: "SE-HTK-2020", code: "D-002")
            return [
                .type("/huangtukuang"), .keys(["Enter", "Enter"]), .expect("第 2/3 步"),
                .keys(["!"]), .expect("校验提示"), .keys(Array(repeating: "j", count: d002)), .expect("第 3/3 步"),
                .keys(["Escape"]), .expect("▶ 评分表"), .type("/2.1.4"), .keys(["Enter"]), .expect("详情 2.1.4"),
                .keys(["f"]), .expect("登记问题"), .choose("[计算错误]"), .keys(["Tab"]),
                .type("公务接待费节约比率应为1.38/10=13.8%，表列10.3%"), .keys(["C-s"]), .expect("已完成 ✓"),
            ]
        case 4:
            return [
                .type("/yueyang"), .keys(["Enter", "Enter"]), .expect("第 2/3 步"),
                .keys(["Tab"]), .expect("第 3/3 步"),
                // The finding the item belongs to is the one selected when the form opens, and shown.
                .keys(["c"]), .expect("新建整改事项"), .expect("[1. 政务中心提质改造"), .keys(["Tab"]),
                .type("对新添置的食堂设施设备补办政府采购手续"), .keys(["Tab", "Tab", "Tab"]), .type("张某"), .keys(["C-s"]),
                .expect("已完成 ✓"),
            ]
        case 5:
            return [
                .type("/yueyang"), .keys(["Enter", "Enter"]), .expect("第 2/4 步"),
                .keys(["Tab"]), .expect("第 3/4 步"),
                .keys(["s"]), .expect("申请销号 1"), .expect("[（新增佐证材料）]"), .type("已向县政府采购管理办公室补办采购手续"), .keys(["Tab", "Tab"]),
                .type("政府采购补办审批表"), .keys(["C-s"]), .expect("第 4/4 步"),
                .keys(["C"]), .expect("销号意见"), .keys(["C-s"]), .expect("已完成 ✓"),
            ]
        default:
            throw ScriptError(description: "no script for lesson \(number)")
        }
    }

    /// Position of the first validation message with `code` in a sample dossier's list (the
    /// order the `!` list shows).
    public static func messageIndex(dossier id: String, code: String) throws -> Int {
        let schemes = Dictionary(try BundledData.gradeSchemes().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        guard let d = try BundledData.samples(today: SampleStore.today).first(where: { $0.id == id }) else {
            throw ScriptError(description: "no sample dossier \(id)")
        }
        let scored = DossierScorer.score(d, scheme: schemes[d.template.gradeSchemeID] ?? GradeScheme.mof4)
        guard let i = scored.messages.firstIndex(where: { $0.code == code }) else {
            throw ScriptError(description: "\(id) has no \(code) message")
        }
        return i
    }

    /// The key a tmux key name stands for.
    public static func key(_ name: String) -> KeyEvent {
        switch name {
        case "Enter": .enter
        case "Tab": .tab
        case "BTab": .backTab
        case "Escape": .escape
        case "Left": .left
        case "Right": .right
        case "Up": .up
        case "Down": .down
        case "BSpace": .backspace
        default:
            if name.hasPrefix("C-"), let c = name.last { .ctrl(c) } else if name.hasPrefix("F"), let n = Int(name.dropFirst()) { .function(n) } else { .character(name.first ?? " ") }
        }
    }

    public struct ScriptError: Error, CustomStringConvertible {
        public var description: String
    }
}

extension Workstation {
    /// Plays a lesson script in process; returns the first `expect` that the screen did not show.
    @discardableResult
    public func play(_ actions: [LessonScript.Action]) -> String? {
        for action in actions {
            switch action {
            case .keys(let names): for n in names { handle(LessonScript.key(n)) }
            case .type(let text): type(text)
            case .choose(let text):
                for _ in 0..<40 where !screenText.contains(text) { handle(.right) }
                if !screenText.contains(text) { return text }
            case .expect(let text):
                if !screenText.contains(text) { return text }
            }
        }
        return nil
    }
}

extension TmuxSession {
    /// Plays a lesson script in the terminal, waiting for each `expect`.
    public func play(_ actions: [LessonScript.Action], timeout: TimeInterval = 10) throws {
        for action in actions {
            switch action {
            case .keys(let names): for n in names { try sendKeys(n) }
            case .type(let text): try sendLiteral(text)
            case .choose(let text):
                var screen = try capture()
                var presses = 0
                while !screen.contains(where: { $0.contains(text) }) {
                    presses += 1
                    guard presses <= 40 else { throw Failure(description: "never showed \(text):\n" + screen.joined(separator: "\n")) }
                    let before = screen
                    try sendKeys("Right")
                    screen = try waitFor("the choice to move", timeout: timeout) { $0 != before }
                }
            case .expect(let text):
                try waitFor(text: text, timeout: timeout)
            }
        }
    }
}
