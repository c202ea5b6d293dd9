import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// What each edit is based on, read from the effects with no store: a form's edit on the dossier
/// it opened on, however the screen was refreshed since; whole-sheet actions on every entity.
@Suite struct EditBaseTests {
    typealias U = UpdateWithoutStoreTests

    /// The pending edit, if exactly one was asked for.
    static func pendingEdit(_ w: Workstation) -> Edit? {
        guard w.pending.count == 1, case .apply(let edit) = w.pending[0] else { return nil }
        return edit
    }

    @Test func aFormIsBasedOnTheDossierItOpenedOnNotTheOneShownAtSave() throws {
        let w = try U.workstation()
        U.openSheet(w)
        U.select(w, code: "1.1.1")
        let opened = try #require(w.state.dossier)
        w.press(.character("m"))
        #expect(w.state.overlay is FormState)
        // Another session writes a note and a score on this row; the screen behind the form is
        // refreshed with them.
        var changed = opened
        var row = changed.result(for: "T4-1.1.1")
        row.reviewNote = "别人的备注"
        row.reviewScore = Score("4")
        changed.results["T4-1.1.1"] = row
        w.receive(.dossierLoaded(DossierRequest(id: opened.id, mode: .refresh), changed))
        #expect(w.state.dossier?.result(for: "T4-1.1.1").reviewNote == "别人的备注")
        w.type("我的备注")
        w.press(.ctrl("s"))
        let edit = try #require(Self.pendingEdit(w))
        // Based on the row as the form opened, and written from it: the other's score is not
        // silently taken over (the store compares and refuses instead).
        #expect(edit.base.scope == .touched)
        #expect(edit.base.seen?.result(for: "T4-1.1.1").reviewNote == nil)
        guard case .result(let written)? = edit.changes.first(where: { $0.entity == "result" }) else {
            Issue.record("\(edit.changes)"); return
        }
        #expect(written.reviewNote == "我的备注" && written.reviewScore == nil)
    }

    @Test func aKeyEditIsBasedOnTheViewAtTheKeyPress() throws {
        let w = try U.workstation()
        U.openSheet(w)
        U.select(w, code: "1.1.1")
        w.press(.character("a"))
        let edit = try #require(Self.pendingEdit(w))
        #expect(edit.base.scope == .touched)
        #expect(edit.base.seen == w.state.dossier)
    }

    @Test func wholeSheetActionsAreBasedOnTheWholeDossier() throws {
        let w = try U.workstation()
        U.openSheet(w)
        var submitted = try #require(w.state.dossier)
        submitted.review = Review(id: "RV-1", team: [TeamMember(name: "王某", role: .leader)], status: .submitted)
        w.receive(.dossierLoaded(DossierRequest(id: submitted.id, mode: .refresh), submitted))
        w.press(.character("B"))
        w.type("请补充佐证")
        w.press(.ctrl("s"))
        let returned = try #require(Self.pendingEdit(w))
        #expect(returned.base.scope == .dossier)
        #expect(returned.base.seen?.review?.status == .submitted)
    }
}
