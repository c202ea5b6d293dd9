import Foundation
import Testing
import FuheCore
import FuheStore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// A store with the seven drafts of the three shared reports in its intake queue (as `fuhe intake
/// --import` leaves it) and a workstation over it.
struct IntakeFixture {
    let sample: SampleStore
    let drafts: [IntakeDraft]
    var store: FuheStore { sample.store }

    /// Queue order: 001, 002, then 004's five reports.
    static let suining = 0, miluo = 1, jianghua = 4

    init(samples: Bool = false) throws {
        sample = try SampleStore(samples: samples)
        drafts = try SharedReports.enqueue(into: sample.store)
    }

    func remove() { sample.remove() }

    func workstation(width: Int = 80, height: Int = 24) -> Workstation { sample.workstation(width: width, height: height) }

    /// The stored draft as it stands.
    func stored(_ index: Int) throws -> IntakeDraft { try store.intakeDraft(id: drafts[index].id) }

    /// Opens the queue from the unit list and the draft at `index` in it.
    func open(_ index: Int, in w: Workstation) throws -> DraftPage {
        w.press(.character("i"))
        #expect(w.state.overlay is IntakeQueuePage)
        for _ in 0..<index { w.press(.character("j")) }
        w.press(.enter)
        return try #require(w.state.overlay as? DraftPage)
    }
}

extension Workstation {
    /// The draft page on top.
    var draftPage: DraftPage? { state.overlay as? DraftPage }

    /// Puts the draft page's cursor on a value.
    func selectValue(_ id: String) {
        guard let page = draftPage, let i = page.rows.firstIndex(where: { $0.id == id }) else { Issue.record("no row \(id)"); return }
        press(.character("g"))
        for _ in 0..<i { press(.character("j")) }
        #expect(draftPage?.selected?.id == id)
    }
}
