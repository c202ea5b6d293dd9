import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// The intake screens and the 原文 view as text at 80×24 and 160×48 (stacked and side by side),
/// and at 250×70 every line still fits its width.
@Suite(.serialized) struct IntakeScreenTests {
    static let sizes = [(80, 24), (160, 48)]

    @Test(arguments: sizes)
    func queue(width: Int, height: Int) throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let w = f.workstation(width: width, height: height)
        w.press(.character("i"), .character("j"), .character("j"), .character("j"), .character("j"))
        let buffer = Renderer.render(w.state)
        #expect(ScreenTests.widthsFit(buffer))
        assertSnapshot(buffer.text, named: "intake-queue-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func draftWithItsPassage(width: Int, height: Int) throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let w = f.workstation(width: width, height: height)
        _ = try f.open(IntakeFixture.jianghua, in: w)
        w.selectValue("indicator.6")
        let buffer = Renderer.render(w.state)
        #expect(ScreenTests.widthsFit(buffer))
        #expect(buffer.text.contains("预算执行得20分"))
        assertSnapshot(buffer.text, named: "intake-draft-\(width)x\(height)")
    }

    @Test func acceptAllConfirmation() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let w = f.workstation()
        _ = try f.open(IntakeFixture.jianghua, in: w)
        w.press(.character("A"))
        assertSnapshot(w.screenText, named: "intake-accept-all-80x24")
    }

    @Test func correctionRefused() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let w = f.workstation()
        _ = try f.open(IntakeFixture.jianghua, in: w)
        w.selectValue("year")
        w.press(.enter)
        w.type("20x1")
        w.press(.enter)
        assertSnapshot(w.screenText, named: "intake-correction-refused-80x24")
    }

    @Test(arguments: sizes)
    func sourceBesideTheScoresheet(width: Int, height: Int) throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let (w, _) = try SourceViewTests.jianghua(f, width: width, height: height)
        SourceViewTests.selectRow(w, code: "2.1", id: "T4-2.1")
        w.press(.character("y"))
        let buffer = Renderer.render(w.state)
        #expect(ScreenTests.widthsFit(buffer))
        assertSnapshot(buffer.text, named: "source-\(width)x\(height)")
    }

    @Test func sourceSearchAndNoText() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let (w, _) = try SourceViewTests.jianghua(f)
        w.press(.character("y"), .character("/"))
        w.type("zfcg")
        assertSnapshot(w.screenText, named: "source-search-80x24")
        let s = try SampleStore()
        defer { s.remove() }
        let json = s.workstation()
        json.press(.character("y"))
        assertSnapshot(json.screenText, named: "source-none-80x24")
    }

    @Test func everyScreenFitsAt250x70() throws {
        let f = try IntakeFixture()
        defer { f.remove() }
        let (w, _) = try SourceViewTests.jianghua(f, width: 250, height: 70)
        w.press(.character("y"))
        #expect(ScreenTests.widthsFit(Renderer.render(w.state)))
        w.press(.escape, .character("i"))
        #expect(ScreenTests.widthsFit(Renderer.render(w.state)))
        w.press(.enter)
        #expect(w.draftPage != nil && ScreenTests.widthsFit(Renderer.render(w.state)))
        w.press(.character("m"))
        #expect(ScreenTests.widthsFit(Renderer.render(w.state)))
    }
}
