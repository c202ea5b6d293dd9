import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI

/// The workstation obeys the review's lifecycle and roles because the core and the store do:
/// a member cannot edit a submitted review, and `u` does not undo a submit.
@Suite struct RolesAndUndoTests {
    static let member = Actor(name: "杨某", role: .member)

    @Test func aMemberCannotEditASubmittedReview() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(actor: Self.member)
        ReviewWorkflowTests.open(w, "fupin")
        #expect(w.state.dossier?.review?.status == .submitted)
        #expect(w.state.isReadOnly)
        w.press(.character("m"))
        #expect(w.state.overlay == nil)
        #expect(w.state.message?.contains("组员只读") == true)
        // The leader may still correct it before finalizing.
        let leader = s.workstation()
        ReviewWorkflowTests.open(leader, "fupin")
        #expect(!leader.state.isReadOnly)
    }

    @Test func undoDoesNotTakeBackASubmit() throws {
        let s = try SampleStore()
        defer { s.remove() }
        // The leader returns the review; the member resubmits it and then presses u.
        let leader = s.workstation()
        ReviewWorkflowTests.open(leader, "fupin")
        leader.press(.character("B"))
        leader.type("请补充加分依据")
        leader.press(.ctrl("s"))
        #expect(leader.state.dossier?.review?.status == .draft)
        let w = s.workstation(actor: Self.member)
        ReviewWorkflowTests.open(w, "fupin")
        w.press(.character("S"), .character("y"))
        #expect(w.state.dossier?.review?.status == .submitted, "\(w.state.message ?? "")")
        w.press(.character("u"))
        #expect(w.state.messageIsError)
        #expect(w.state.message?.contains("RV-003") == true, "\(w.state.message ?? "")")
        #expect(try s.store.dossier(id: "SE-XXQ-FP-2019").review?.status == .submitted)
    }
}

/// Esc typed quickly before a key arrives as Alt plus the key (terminals send Alt that way): where
/// no command takes that Alt key it is what it was, Esc and then the key.
@Test func anUnboundAltKeyIsEscThenTheKey() throws {
    let s = try SampleStore()
    defer { s.remove() }
    let w = s.workstation()
    w.press(.character("?"))
    #expect(w.state.overlay != nil)
    w.press(.alt("j"))
    #expect(w.state.overlay == nil, "Esc closed the help")
    #expect(w.state.selectedUnit?.dossierID == w.state.units.dropFirst().first?.dossierID, "and j moved down")
}
