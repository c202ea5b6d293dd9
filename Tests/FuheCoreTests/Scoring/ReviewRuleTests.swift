import Foundation
import Testing
@testable import FuheCore

/// and the row deviation flag DEV_ROW.
@Suite struct ReviewRuleTests {
    let manual = Fx.leaf(.manual, weight: "10", unit: "")
    var manualRow: RowEvaluation { Fx.run(manual, actual: nil) }

    @Test func r001OutOfRange() {
        let (score, messages) = ReviewScoreRules.check(text: "12", node: manual, row: manualRow)
        #expect(score == nil)
        #expect(messages.map(\.code) == ["R-001"])
        #expect(messages.first?.level == .error)
        #expect(messages.first?.message.contains("0.00–10.00") == true)
        #expect(ReviewScoreRules.check(text: "-1", node: manual, row: manualRow).1.map(\.code) == ["R-001"])
        let ok = ReviewScoreRules.check(text: "10", node: manual, row: manualRow)
        #expect(ok.0 == Fx.score("10") && ok.1.isEmpty)
    }

    @Test func r002AtMostTwoDecimals() {
        let (score, messages) = ReviewScoreRules.check(text: "5.123", node: manual, row: manualRow)
        #expect(score == nil)
        #expect(messages.map(\.code) == ["R-002"])
        #expect(messages.first?.field == "review_score")
        #expect(ReviewScoreRules.check(text: "abc", node: manual, row: manualRow).1.map(\.code) == ["R-002"])
        #expect(ReviewScoreRules.check(text: "5.", node: manual, row: manualRow).1.map(\.code) == ["R-002"])
        #expect(ReviewScoreRules.check(text: "5 5", node: manual, row: manualRow).1.map(\.code) == ["R-002"])
        #expect(ReviewScoreRules.check(text: "８.５", node: manual, row: manualRow).0 == Fx.score("8.5"))
        let ok = ReviewScoreRules.check(text: " 5.12 ", node: manual, row: manualRow)
        #expect(ok.0 == Fx.score("5.12") && ok.1.isEmpty)
        let blank = ReviewScoreRules.check(text: "  ", node: manual, row: manualRow)
        #expect(blank.0 == nil && blank.1.isEmpty)
    }

    @Test func r007QualitativeBandAndTierRange() {
        let qual = Fx.leaf(.qualitative3Level, weight: "10", unit: "", direction: .qualitative)
        let levelB = Fx.run(qual, actual: "B")
        let (score, messages) = ReviewScoreRules.check(text: "8", node: qual, row: levelB)
        #expect(score == nil)
        #expect(messages.map(\.code) == ["R-007"])
        #expect(messages.first?.message.contains("6.00–7.99") == true)
        #expect(ReviewScoreRules.check(text: "7.99", node: qual, row: levelB).0 == Fx.score("7.99"))
        #expect(ReviewScoreRules.check(text: "6", node: qual, row: levelB).1.isEmpty)

        let tiers = [Tier(lower: 1, upper: 2, points: 8, pointsMax: 9)]
        let tiered = Fx.leaf(.tiered(tiers), weight: "10", unit: "月")
        let row = Fx.run(tiered, actual: "1.5")
        #expect(ReviewScoreRules.check(text: "7", node: tiered, row: row).1.map(\.code) == ["R-007"])
        #expect(ReviewScoreRules.check(text: "8.5", node: tiered, row: row).1.isEmpty)
        // Both rules at once: above the weight and outside the band.
        #expect(ReviewScoreRules.check(text: "11", node: qual, row: levelB).1.map(\.code) == ["R-001", "R-007"])
    }

    static let template = Fx.template([
        Fx.node("1", nil, "资金使用合规性", weight: "10"),
        Fx.node("2", nil, "产出", weight: "90"),
    ])

    func dossier(evidence: [String], known: [Evidence]) -> Dossier {
        let row = IndicatorResult(nodeID: "1", selfScore: Fx.score("10"), reviewScore: Fx.score("8"),
                                  evidenceIDs: evidence, status: .reviewed)
        let other = IndicatorResult(nodeID: "2", selfScore: Fx.score("90"))   // not reviewed: no R-005
        return Fx.dossier(Self.template, results: [row, other], evidence: known)
    }

    @Test func r005ReviewedWithoutEvidence() {
        let voucher = Evidence(id: "EV-1", title: "会计凭证", kind: .voucher)
        let none = ReviewScoreRules.missingEvidence(dossier(evidence: [], known: [voucher]))
        #expect(none.map(\.code) == ["R-005"])
        #expect(none.first?.nodeID == "1")
        #expect(none.first?.level == .warning)
        #expect(ReviewScoreRules.missingEvidence(dossier(evidence: ["EV-9"], known: [voucher])).count == 1)
        #expect(ReviewScoreRules.missingEvidence(dossier(evidence: ["EV-1"], known: [voucher])).isEmpty)
        let scored = DossierScorer.score(dossier(evidence: [], known: [voucher]), scheme: Fx.mof4)
        #expect(scored.messages.contains { $0.code == "R-005" })
    }

    @Test func devRowAtTwentyPercentOfWeight() {
        let voucher = Evidence(id: "EV-1", title: "会计凭证")
        let scored = DossierScorer.score(dossier(evidence: ["EV-1"], known: [voucher]), scheme: Fx.mof4)
        let flags = scored.messages.filter { $0.code == "DEV_ROW" }
        #expect(flags.map(\.nodeID) == ["1"])   // 10 − 8 = 2 ≥ 20% × 10
        #expect(scored.rowDiff("1") == Fx.score("2"))
        var smaller = dossier(evidence: ["EV-1"], known: [voucher])
        smaller.results["1"]?.reviewScore = Fx.score("8.01")
        #expect(!DossierScorer.score(smaller, scheme: Fx.mof4).messages.contains { $0.code == "DEV_ROW" })
    }
}
