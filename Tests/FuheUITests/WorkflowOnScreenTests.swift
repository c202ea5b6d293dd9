import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Issue 9 §4 on screen: a step the rules refuse is refused before its form opens, with the
/// reason; hints offer only what would succeed; submit and finalize show their summary and ask.
@Suite struct WorkflowOnScreenTests {
    static let member = Actor(name: "杨某", role: .member)

    /// The status line's hint labels.
    static func hints(_ w: Workstation) -> [String] { StatusLineView.hints(w.state).map(\.label) }

    @Test func everyEditKeyOfASubmittedReviewIsRefusedBeforeAFormOpens() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(actor: Self.member)
        ReviewWorkflowTests.open(w, "fupin")
        #expect(w.state.dossier?.review?.status == .submitted)
        ReviewWorkflowTests.select(w, indicator: "县本级预算")
        for key in ["e", "v", "r", "m", "E", "f", "a", "S", "F", "B", "R"] {
            w.press(.character(Character(key)))
            #expect(w.state.overlay == nil, "\(key) opened \(String(describing: w.state.overlay))")
            #expect(w.state.messageIsError, "\(key): \(w.state.message ?? "")")
        }
        w.press(.enter)
        #expect(w.state.overlay == nil)
        #expect(w.state.message?.contains("组员只读") == true, "\(w.state.message ?? "")")
        w.press(.character("B"))
        #expect(w.state.message?.contains("只有组长可以退回") == true, "\(w.state.message ?? "")")
        // Nothing that would be refused is offered.
        let offered = Self.hints(w)
        for label in ["评分", "采用建议", "核实值", "问题", "提交", "定稿"] { #expect(!offered.contains(label), "\(label) offered") }
        w.press(.character("k"))
        #expect(Renderer.render(w.state).line(w.state.height - 1).contains("xxx区扶贫办 待确认（只读）"))
    }

    @Test func theLeaderIsOfferedFinalizeAndShownWhatItFreezes() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        ReviewWorkflowTests.open(w, "fupin")
        #expect(Self.hints(w).contains("定稿"))
        #expect(!Self.hints(w).contains("提交"))
        w.press(.character("F"))
        let confirm = try #require(w.state.overlay as? ConfirmOverlay)
        let text = confirm.lines.joined(separator: "\n")
        #expect(text.contains("定稿：复核总分 97.00（等次 优）"), "\(text)")
        #expect(text.contains("自评总分 101.00"), "\(text)")
        #expect(text.contains("等次由") || text.contains("等次不变"), "\(text)")
        #expect(text.contains("校验提示"), "\(text)")
        let screen = w.screenText
        #expect(screen.contains("定稿？  y 定稿 / n 不定稿"))
        w.press(.character("n"))
        #expect(try s.store.dossier(id: "SE-XXQ-FP-2019").review?.status == .submitted)
        w.press(.character("F"), .character("y"))
        #expect(try s.store.dossier(id: "SE-XXQ-FP-2019").review?.status == .finalized)
    }

    @Test func submitAsksWithItsSummaryAndNoLeavesADraft() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let leader = s.workstation()
        ReviewWorkflowTests.open(leader, "fupin")
        leader.press(.character("B"))
        leader.type("请补充加分依据")
        leader.press(.ctrl("s"))
        let w = s.workstation(actor: Self.member)
        ReviewWorkflowTests.open(w, "fupin")
        #expect(Self.hints(w).contains("提交"))
        w.press(.character("S"))
        let confirm = try #require(w.state.overlay as? ConfirmOverlay)
        #expect(confirm.lines.first?.hasPrefix("提交复核：复核总分 97.00") == true, "\(confirm.lines)")
        #expect(confirm.lines.contains { $0.contains("已复核 17/17 行") })
        w.press(.character("n"))
        #expect(w.state.overlay == nil)
        #expect(try s.store.dossier(id: "SE-XXQ-FP-2019").review?.status == .draft)
    }

    @Test func aBlockedSubmitNamesEveryBlockerAndIsNotOffered() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        ReviewWorkflowTests.open(w, "heshan")
        #expect(!Self.hints(w).contains("提交"))
        w.press(.character("S"))
        #expect(w.state.overlay == nil)
        let d = try #require(w.state.dossier)
        let blockers = ReviewLifecycle.blockers(for: .submit, dossier: d, by: w.state.actor, scored: w.state.scored)
        #expect(w.state.message?.hasPrefix("不能提交：\(blockers.count) 项未完成") == true, "\(w.state.message ?? "")")
        #expect(w.state.selectedRow?.node.id == blockers.first?.nodeID, "jumped to the first blocker")
        // `!`, which the message points to, lists every one of them.
        w.press(.character("!"))
        let listed = MessagesOverlay.entries(w.state)
        for b in blockers { #expect(listed.contains { $0.code == b.code && $0.nodeID == b.nodeID }, "\(b.code) \(b.message) not listed") }
        #expect(w.screenText.contains("其中提交前须完成 \(blockers.count) 项"))
        // Enter on the last one jumps to its row.
        w.press(.character("G"), .enter)
        #expect(w.state.overlay == nil)
        #expect(w.state.selectedRow?.node.id == listed.last?.nodeID)
    }

    @Test func itemStepsAreRefusedBeforeTheirFormAndOfferedOnlyWhenPossible() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation()
        ReviewWorkflowTests.open(w, "heshan")
        w.press(.tab)
        // Item 3 is closed (已销号): progress, submit, close and withdraw are refused at once.
        let closed = try #require(w.state.items.firstIndex { $0.status == .closed })
        for _ in 0..<closed { w.press(.character("j")) }
        for key in ["p", "s", "C", "w", "b"] {
            w.press(.character(Character(key)))
            #expect(w.state.overlay == nil, "\(key) opened a form on a closed item")
            #expect(w.state.message?.hasPrefix("K-005") == true, "\(key): \(w.state.message ?? "")")
        }
        #expect(!Self.hints(w).contains("进度") && !Self.hints(w).contains("销号"))
        // Reopening a closed item is possible: its form opens.
        w.press(.character("o"))
        #expect(w.state.overlay is FormState)
    }
}
