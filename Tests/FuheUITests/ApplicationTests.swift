import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// 结果应用 by keys: decided on a finalized review with a reason, journaled, on the dashboard.
@Suite struct ApplicationTests {
    static func open(_ w: Workstation, _ query: String) {
        w.press(.character("/"))
        w.type(query)
        w.press(.enter, .enter)
    }

    @Test func aFinalizedReviewsResultIsApplied() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "yizhang")
        #expect(w.state.dossier?.review?.status == .finalized)
        w.press(.character("A"))
        let form = try #require(w.state.overlay as? FormState)
        #expect(form.title.hasPrefix("结果应用 · 宜章县某局"))
        w.press(.right, .ctrl("s"))
        // The refusal puts the cursor on the reason.
        #expect((w.state.overlay as? FormState)?.error?.contains("A-001") == true)
        w.type("复核等次为优，自评偏高2分，下年预算按项目实际需要调减")
        w.press(.ctrl("s"))
        #expect(w.state.overlay == nil, "\(w.state.message ?? "")")
        let review = try #require(try s.store.dossier(id: "SE-YZ-2019").review)
        #expect(review.application?.kind == .reduce)
        #expect(review.application?.decidedBy == "王某")
        #expect(try s.store.journal(dossierID: "SE-YZ-2019", entity: "review", entityID: "SE-YZ-2019", field: "application").count == 1)
        let stats = try s.store.cycleStats(today: SampleStore.today)
        #expect(stats.applications.map(\.kind) == [.reduce])
        #expect(DashboardLines.text(stats).contains("宜章县某局：调减 — 复核等次为优"))
    }

    @Test func notBeforeTheReviewIsFinalized() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        Self.open(w, "heshan")
        w.press(.character("A"), .tab)
        w.type("理由")
        w.press(.ctrl("s"))
        #expect((w.state.overlay as? FormState)?.error?.contains("A-002") == true)
        #expect(try s.store.dossier(id: "SE-HS-ZWZX-2021").review?.application == nil)
    }
}
