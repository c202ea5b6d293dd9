import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// The screens of following the store, as text at 80×24 and 160×48: another session's change
/// announced, a form changed under and then refused (current beside typed), a key edit and an
/// undo refused.
@Suite(.serialized) struct FollowScreenTests {
    typealias Pair = FollowTheStoreTests.Pair

    func check(_ w: Workstation, _ name: String, _ width: Int, _ height: Int) {
        let buffer = Renderer.render(w.state)
        #expect(ScreenTests.widthsFit(buffer), "\(name) \(width)×\(height)")
        assertSnapshot(buffer.text, named: "\(name)-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func anotherSessionsChangeIsAnnounced(width: Int, height: Int) throws {
        let p = try Pair(width: width, height: height)
        defer { p.remove() }
        p.score(p.a, "4.5", reason: "超编1人")
        #expect(p.b.followStore())
        check(p.b, "follow-announced", width, height)
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func aFormChangedUnderThenRefused(width: Int, height: Int) throws {
        let p = try Pair(width: width, height: height)
        defer { p.remove() }
        p.score(p.b, "3", reason: "实有11人，超编1人", save: false)
        p.score(p.a, "4.5", reason: "超编1人")
        #expect(p.b.followStore())
        check(p.b, "follow-form-marked", width, height)
        p.b.press(.ctrl("s"))
        #expect((p.b.state.overlay as? FormState)?.refusal != nil)
        check(p.b, "follow-form-refused", width, height)
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func aRefusedKeyEditAndUndo(width: Int, height: Int) throws {
        let p = try Pair(width: width, height: height)
        defer { p.remove() }
        p.a.press(.character("v"), .ctrl("u"))
        p.a.type("11/10")
        p.a.press(.enter)
        p.b.press(.character("a"))
        #expect(p.b.state.overlay is RefusalView)
        check(p.b, "follow-key-edit-refused", width, height)
        p.b.press(.escape)
        p.b.press(.character("m"), .ctrl("u"))
        p.b.type("B的备注")
        p.b.press(.ctrl("s"))
        #expect(p.a.followStore())
        p.a.press(.character("m"), .ctrl("u"))
        p.a.type("A的备注")
        p.a.press(.ctrl("s"))
        p.b.press(.character("u"))
        #expect((p.b.state.overlay as? RefusalView)?.title == "不能撤销")
        check(p.b, "follow-undo-refused", width, height)
    }
}
