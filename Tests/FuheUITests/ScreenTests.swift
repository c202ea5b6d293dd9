import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Screens rendered as text at 80×24 and 160×48.
@Suite(.serialized) struct ScreenTests {
    static func widthsFit(_ buffer: ScreenBuffer) -> Bool {
        (0..<buffer.height).allSatisfy { DisplayWidth.of(buffer.line($0)) == buffer.width }
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func startScreen(width: Int, height: Int) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: width, height: height)
        let buffer = Renderer.render(w.state)
        #expect(Self.widthsFit(buffer))
        assertSnapshot(buffer.text, named: "start-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func scoresheetOfHeshan(width: Int, height: Int) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: width, height: height)
        w.press(.character("g"), .enter)
        #expect(w.state.dossier?.unit.name.contains("赫山") == true)
        #expect(w.state.focus == .sheet)
        let buffer = Renderer.render(w.state)
        #expect(Self.widthsFit(buffer))
        assertSnapshot(buffer.text, named: "sheet-heshan-\(width)x\(height)")
    }

    @Test func emptyStore() throws {
        let s = try SampleStore(samples: false)
        defer { s.remove() }
        let w = s.workstation()
        let text = w.screenText
        #expect(text.contains("库中没有单位"))
        assertSnapshot(text, named: "empty-80x24")
    }

    @Test func validationMessagesOverlay() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        w.type("/huangtukuang")
        w.press(.enter, .enter, .character("!"))
        #expect(w.screenText.contains("R-006 阻止提交"))
        // Tab jumps past the submit blockers to the rule messages.
        w.press(.tab)
        let text = w.screenText
        #expect(text.contains("D-002"))
        assertSnapshot(text, named: "messages-huangtukuang-80x24")
    }

    @Test func helpOverlayListsEveryCommand() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: 160, height: 48)
        w.press(.character("?"))
        let lines = HelpOverlay.lines(.standard).map(\.text).joined(separator: "\n")
        for id in CommandID.allCases { #expect(lines.contains(id.rawValue), "\(id.rawValue) missing from help") }
        assertSnapshot(w.screenText, named: "help-160x48")
    }

    @Test func longNamesAreTruncatedByDisplayWidth() throws {
        let s = try SampleStore()
        defer { s.remove() }
        for width in [60, 61, 79, 80, 81, 120, 250] {
            let w = s.workstation(width: width, height: 30)
            w.press(.enter)
            let buffer = Renderer.render(w.state)
            #expect(Self.widthsFit(buffer), "width \(width)")
        }
    }

    @Test func scoreFormShowsRuleErrors() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        w.press(.character("g"), .enter)
        w.press(.enter)
        guard let form = w.state.overlay as? FormState else { Issue.record("no form"); return }
        #expect(form.title.contains("复核评分"))
        // Clear the prefilled score, type an out-of-range value and submit.
        w.press(.ctrl("u"))
        w.type("9")
        w.press(.ctrl("s"))
        guard let again = w.state.overlay as? FormState else { Issue.record("form closed"); return }
        #expect(again.error?.contains("R-001") == true)
        assertSnapshot(w.screenText, named: "score-form-error-80x24")
    }
}
