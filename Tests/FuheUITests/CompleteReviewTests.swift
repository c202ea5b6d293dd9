import Foundation
import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Issue 4's "done when": a reviewer completes the review of a sample dossier by keyboard only —
/// every row scored (suggestions accepted or scores typed with reasons), a finding and a
/// rectification item recorded, the review submitted — and the 组长 finalizes it.
@Test func wholeDossierReviewedByKeyboardAndSubmitted() throws {
    let s = try SampleStore()
    defer { s.remove() }
    let w = s.workstation(actor: Actor(name: "王某", role: .leader))
    w.press(.character("/"))
    w.type("nanxian")
    w.press(.enter, .enter)
    let id = try #require(w.state.dossier?.id)
    #expect(w.state.dossier?.unit.name == "南县行政审批服务局")

    // Walk every row from the top; score each scorable leaf.
    w.press(.character("g"))
    var visited = Set<String>()
    while let row = w.state.selectedRow, !visited.contains(row.node.id) {
        visited.insert(row.node.id)
        if row.isLeaf && row.node.kind != .trial {
            let r = w.state.dossier!.result(for: row.node.id)
            let suggestion = w.state.scored?.rows[row.node.id]?.suggestion
            if suggestion != nil && (r.selfScore == nil || r.selfScore == suggestion) {
                w.press(.character("a"))
            } else {
                w.press(.enter, .ctrl("u"))
                w.type((r.selfScore ?? row.node.maxScore).description)
                w.press(.tab, .ctrl("u"))
                w.type("经核对佐证材料，维持单位自评")
                w.press(.ctrl("s"))
            }
            #expect(w.state.overlay == nil, "row \(row.node.code): \(w.state.message ?? "")")
            #expect(w.state.dossier?.result(for: row.node.id).status == .reviewed, "row \(row.node.code)")
        }
        w.press(.character("j"))
    }
    let scored = try #require(w.state.scored)
    #expect(scored.reviewedLeafCount == scored.scorableLeafCount)

    // A finding on the current row and an item for it.
    w.press(.character("f"), .tab, .ctrl("u"))
    w.type("绩效目标未细化量化，缺少年度指标值")
    w.press(.ctrl("s"))
    w.press(.tab)
    #expect(w.state.focus == .items)
    w.press(.character("c"), .tab)
    w.type("按项目细化年度绩效目标和指标值，报财政局备案")
    w.press(.tab, .tab, .tab)
    w.type("(demo) 周某")
    w.press(.ctrl("s"))
    #expect(w.state.overlay == nil, "\(w.state.message ?? "")")

    // Submit, then finalize as 组长.
    w.press(.backTab)
    #expect(w.state.focus == .sheet)
    // Submit shows what it will state and asks; nothing is written before y.
    w.press(.character("S"))
    let confirm = try #require(w.state.overlay as? ConfirmOverlay, "\(w.state.message ?? "")")
    #expect(confirm.lines.first?.contains("复核总分 \(scored.total(.review).text)") == true, "\(confirm.lines)")
    #expect(try s.store.dossier(id: id).review?.status != .submitted)
    w.press(.character("y"))
    #expect(!w.state.messageIsError, "\(w.state.message ?? "")")
    #expect(try s.store.dossier(id: id).review?.status == .submitted)
    w.press(.character("F"))
    #expect(w.state.overlay is ConfirmOverlay)
    w.press(.character("y"))
    let review = try #require(try s.store.dossier(id: id).review)
    #expect(review.status == .finalized)
    #expect(review.frozenTotal == scored.total(.review).value)
    #expect(w.state.isReadOnly)
    // The unit list line shows the finished review.
    let line = try #require(w.state.units.first { $0.dossierID == id })
    #expect(line.reviewComplete && line.reviewStatus == .finalized)
}
