import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI

/// The status line asks whether 提交 is offered after every key; `ReviewLifecycleCommands`
/// keeps `ReviewLifecycle.blockers` (FuheCore) per dossier revision instead of asking the rule of
/// the whole dossier each time. A kept answer must never outlive the dossier it was asked of.
@Suite struct ReviewBlockersMemoTests {
    static func rule(_ state: AppState) -> [ValidationMessage]? {
        state.dossier.map { ReviewLifecycle.blockers(for: .submit, dossier: $0, by: state.actor, scored: state.scored) }
    }

    @Test func theKeptAnswerFollowsEveryChangeOfTheDossierInEveryCopyOfTheState() throws {
        var d = try #require(UpdateWithoutStoreTests.samples[UpdateWithoutStoreTests.heshan])
        if d.review != nil { d.review?.status = .draft }
        var state = AppState(width: 100, height: 30, actor: Actor(name: "王某", role: .leader),
                             storeLabel: StoreLabel(name: "x", kind: "main"), today: SampleStore.today)
        #expect(ReviewLifecycleCommands.blockers(.submit, state) == nil)
        state.dossier = d
        let before = try #require(ReviewLifecycleCommands.blockers(.submit, state))
        #expect(before == Self.rule(state))
        #expect(ReviewLifecycleCommands.blockers(.submit, state) == before)

        // One row changes in place in a copy: reviewed in full if it was not, cleared if it was.
        let leaf = try #require(d.template.scorableLeaves.first)
        var row = d.result(for: leaf.id)
        if row.reviewScore == nil || row.status != .reviewed {
            row.status = .reviewed
            row.reviewScore = leaf.kind == .adjust ? Score.zero : leaf.maxScore
            row.deductionReason = "现场核查"
        } else {
            row.status = .unreviewed
            row.reviewScore = nil
        }
        var copy = state
        copy.dossier?.results[leaf.id] = row
        let after = try #require(ReviewLifecycleCommands.blockers(.submit, copy))
        #expect(after == Self.rule(copy))
        #expect(after != before, "the change of \(leaf.id) must change what blocks the submit")
        #expect(ReviewLifecycleCommands.possible(.submit, copy) == after.isEmpty)
        // The copy that did not change still gets its own answer (the memo is shared by copies).
        #expect(ReviewLifecycleCommands.blockers(.submit, state) == before)
        // Another actor is asked afresh.
        copy.actor = Actor(name: "李某", role: .member)
        #expect(ReviewLifecycleCommands.blockers(.submit, copy) == Self.rule(copy))
        // Scores set anew count as a change too.
        copy.scored = DossierScorer.score(try #require(copy.dossier), scheme: .mof4)
        #expect(ReviewLifecycleCommands.blockers(.finalize, copy)
                == ReviewLifecycle.blockers(for: .finalize, dossier: try #require(copy.dossier), by: copy.actor, scored: copy.scored))
    }
}
