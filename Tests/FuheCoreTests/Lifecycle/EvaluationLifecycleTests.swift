import Testing
@testable import FuheCore

@Suite struct EvaluationLifecycleTests {
    typealias F = LifecycleFixtures

    @Test func tableMoves() {
        #expect(EvaluationLifecycle.canMove(from: .received, to: .selected))
        #expect(EvaluationLifecycle.canMove(from: .received, to: .notSelected))
        #expect(EvaluationLifecycle.canMove(from: .selected, to: .inReview))
        #expect(EvaluationLifecycle.canMove(from: .inReview, to: .reviewed))
        #expect(EvaluationLifecycle.canMove(from: .reviewed, to: .rectifying))
        #expect(EvaluationLifecycle.canMove(from: .reviewed, to: .closed))
        #expect(EvaluationLifecycle.canMove(from: .rectifying, to: .closed))
        #expect(!EvaluationLifecycle.canMove(from: .notSelected, to: .selected))
        #expect(!EvaluationLifecycle.canMove(from: .received, to: .inReview))
        #expect(!EvaluationLifecycle.canMove(from: .selected, to: .closed))
        #expect(!EvaluationLifecycle.canMove(from: .closed, to: .received))
    }

    @Test func backMovesFromReopening() {
        #expect(EvaluationLifecycle.canMove(from: .closed, to: .rectifying))
        #expect(EvaluationLifecycle.canMove(from: .reviewed, to: .inReview))
        // Undoing the first edit takes the draft review away again: back to SELECTED.
        #expect(EvaluationLifecycle.canMove(from: .inReview, to: .selected))
        #expect(EvaluationLifecycle.derivedStatus(current: .inReview, review: nil, items: []) == .selected)
        #expect(!EvaluationLifecycle.canMove(from: .selected, to: .received))
    }

    @Test func draftReviewPutsSelectedInReview() {
        #expect(EvaluationLifecycle.derivedStatus(current: .selected, review: Review(id: "RV-1"), items: []) == .inReview)
        #expect(EvaluationLifecycle.derivedStatus(current: .selected, review: nil, items: []) == .selected)
        #expect(EvaluationLifecycle.derivedStatus(current: .received, review: Review(id: "RV-1"), items: []) == .received)
        #expect(EvaluationLifecycle.derivedStatus(current: .notSelected, review: nil, items: []) == .notSelected)
    }

    @Test func finalizedReviewWithOpenItemsIsRectifying() {
        let final = Review(id: "RV-1", status: .finalized)
        let items = [F.item(status: .closed), F.item(status: .inProgress)]
        #expect(EvaluationLifecycle.derivedStatus(current: .reviewed, review: final, items: items) == .rectifying)
        #expect(EvaluationLifecycle.derivedStatus(current: .inReview, review: final, items: items) == .rectifying)
    }

    @Test func allItemsDoneOrNoneRaisedCloses() {
        let final = Review(id: "RV-1", status: .finalized)
        let done = [F.item(status: .closed), F.item(status: .withdrawn)]
        #expect(EvaluationLifecycle.derivedStatus(current: .rectifying, review: final, items: done) == .closed)
        #expect(EvaluationLifecycle.derivedStatus(current: .reviewed, review: final, items: []) == .closed)
    }

    @Test func reopeningMovesBack() {
        let final = Review(id: "RV-1", status: .finalized)
        #expect(EvaluationLifecycle.derivedStatus(current: .closed, review: final, items: [F.item(status: .inProgress)]) == .rectifying)
        #expect(EvaluationLifecycle.derivedStatus(current: .closed, review: Review(id: "RV-1"), items: []) == .inReview)
    }

    @Test func derivedMovesFromLaterStatusesAreAllowedMoves() {
        let reviews: [Review?] = [nil, Review(id: "RV-1"), Review(id: "RV-1", status: .submitted), Review(id: "RV-1", status: .finalized)]
        let itemSets = [[], [F.item(status: .closed)], [F.item(status: .pending)]]
        for current in [EvaluationStatus.reviewed, .rectifying, .closed] {
            for review in reviews {
                for items in itemSets {
                    let next = EvaluationLifecycle.derivedStatus(current: current, review: review, items: items)
                    #expect(next == current || EvaluationLifecycle.canMove(from: current, to: next), "\(current) → \(next)")
                }
            }
        }
    }
}
