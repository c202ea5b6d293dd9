import Foundation
import Testing
@testable import FuheCore

/// Roll-up rules of §3.2/§3.5 beyond the vectors: completeness, views, caps, adjustments, TRIAL.
@Suite struct RollupBehaviourTests {
    static func template(cap: String? = "100", bonus: String? = nil, penalty: String? = nil) -> IndicatorTemplate {
        Fx.template([
            Fx.node("1", nil, "投入", weight: "40"),
            Fx.node("1.1", "1", "在职人员控制率", weight: "20", method: .stepDeduct(Fx.staffRule),
                    direction: .negative, unit: "%"),
            Fx.node("1.2", "1", "预算执行率", weight: "20", method: .budgetExecution, direction: .positive, unit: "%"),
            Fx.node("1.3", "1", "试评价", weight: "0", kind: .trial),
            Fx.node("2", nil, "产出", weight: "60"),
            Fx.node("9", nil, "加减分", weight: "0", kind: .adjust, min: "-5", max: "5", method: .adjust),
        ], cap: cap, bonus: bonus, penalty: penalty)
    }

    static func result(_ id: String, own: String? = nil, review: String? = nil, actual: String? = nil) -> IndicatorResult {
        IndicatorResult(nodeID: id, actual: actual.map { ObservedValue.parse($0, unit: "%") },
                        selfScore: own.map(Fx.score), reviewScore: review.map(Fx.score))
    }

    @Test func completeViewsSumExactly() {
        let d = Fx.dossier(Self.template(), results: [
            Self.result("1.1", own: "20", review: "15", actual: "101%"), Self.result("1.2", own: "20", review: "18.5", actual: "92.5%"),
            Self.result("1.3", own: "3", review: "3"), Self.result("2", own: "58", review: "55"),
        ])
        let s = DossierScorer.score(d, scheme: Fx.mof4)
        #expect(s.score("1", .selfStated) == Rollup(value: Fx.score("40"), complete: true))   // TRIAL 1.3 not counted
        #expect(s.total(.review) == Rollup(value: Fx.score("88.50"), complete: true))
        #expect(s.rows["1.1"]?.suggestion == Fx.score("19.50"))
        #expect(s.rows["1.2"]?.suggestion == Fx.score("18.50"))
        #expect(s.score("1", .suggested) == Rollup(value: Fx.score("38.00"), complete: true))
        #expect(s.total(.suggested) == Rollup(value: Fx.score("38.00"), complete: false))   // 产出 is MANUAL
        #expect(s.reviewGrade?.label == "良")
        #expect(s.selfTotalUsed == Fx.score("98"))   // no stated total: the computed one
        #expect(s.rows.count == 5)   // leaves 1.1, 1.2, 1.3 (TRIAL), 2 and the ADJUST row 9
        #expect(s.scorableLeafCount == 4)
    }

    @Test func incompleteReviewHasPartialValueAndNoGrade() {
        let d = Fx.dossier(Self.template(), results: [
            Self.result("1.1", own: "20", review: "20"), Self.result("1.2", own: "20"), Self.result("2", own: "60", review: "50"),
        ])
        let s = DossierScorer.score(d, scheme: Fx.mof4)
        #expect(s.total(.review) == Rollup(value: Fx.score("70"), complete: false))
        #expect(s.score("1", .review) == Rollup(value: Fx.score("20"), complete: false))
        #expect(s.reviewGrade == nil)
        #expect(s.deviation == nil)
        #expect(s.score("nope", .review) == .empty)
    }

    @Test func statedParentOnlyStandsInForTheSelfView() {
        let d = Fx.dossier(Self.template(), results: [
            Self.result("1", own: "38", review: "30"), Self.result("1.1", own: "18"), Self.result("2", own: "60"),
        ])
        let s = DossierScorer.score(d, scheme: Fx.mof4)
        #expect(s.score("1", .selfStated) == Rollup(value: Fx.score("38"), complete: true))
        #expect(s.score("1", .review) == .empty)   // review scores live on leaves only
        #expect(s.total(.selfStated) == Rollup(value: Fx.score("98"), complete: true))
    }

    @Test func adjustmentsAreClampedThenTotalIsCapped() {
        let results = [Self.result("1.1", own: "20"), Self.result("1.2", own: "20"), Self.result("2", own: "60"),
                       Self.result("9", own: "4")]
        let capped = DossierScorer.score(Fx.dossier(Self.template(), results: results), scheme: Fx.mof4)
        #expect(capped.total(.selfStated).value == Fx.score("100"))
        let open = DossierScorer.score(Fx.dossier(Self.template(cap: nil, bonus: "3"), results: results), scheme: Fx.mof4)
        #expect(open.total(.selfStated).value == Fx.score("103"))
        var penalised = results
        penalised[3] = Self.result("9", own: "-5")
        let limited = DossierScorer.score(Fx.dossier(Self.template(cap: nil, penalty: "2"), results: penalised),
                                          scheme: Fx.mof4)
        #expect(limited.total(.selfStated).value == Fx.score("98"))
        // An ADJUST row without a score neither adds nor makes the total incomplete.
        let none = DossierScorer.score(Fx.dossier(Self.template(), results: Array(results.prefix(3))), scheme: Fx.mof4)
        #expect(none.total(.selfStated) == Rollup(value: Fx.score("100"), complete: true))
    }

    @Test func malformedTreesDoNotCrash() {
        let nodes = [
            Fx.node("a", "b", "环a", weight: "1"), Fx.node("b", "a", "环b", weight: "1"),
            Fx.node("x", "missing", "孤儿", weight: "10"), Fx.node("x", nil, "重复", weight: "5"),
            Fx.node("s", "s", "自指", weight: "5"),
        ]
        let d = Fx.dossier(Fx.template(nodes), results: [Self.result("x", own: "10"), Self.result("s", own: "5")])
        let s = DossierScorer.score(d, scheme: Fx.mof4)
        #expect(s.total(.selfStated).value == Fx.score("25"))   // both "x" roots read the one "x" result
        #expect(s.score("a", .selfStated) == .empty)
    }

    @Test func rescoringSixtyRowsIsFast() {
        var nodes: [IndicatorNode] = []
        var results: [IndicatorResult] = []
        for l1 in 1...6 {
            nodes.append(Fx.node("\(l1)", nil, "一级\(l1)", weight: "10"))
            for l2 in 1...10 {
                let id = "\(l1).\(l2)"
                nodes.append(Fx.node(id, "\(l1)", "指标\(id)", weight: "1", method: .stepDeduct(Fx.staffRule),
                                     direction: .negative, unit: "%"))
                results.append(IndicatorResult(nodeID: id, target: ObservedValue.parse("≤100%", unit: "%"),
                                               actual: ObservedValue.parse("\(98 + l2)%", unit: "%"),
                                               selfScore: Fx.score("1"), reviewScore: Fx.score(l2 == 1 ? "0.5" : "1"),
                                               evidenceIDs: ["E"], status: .reviewed))
            }
        }
        let d = Fx.dossier(Fx.template(nodes, cap: nil), results: results, evidence: [Evidence(id: "E", title: "凭证")])
        let index = TemplateIndex(d.template)
        let runs = 200
        let start = ContinuousClock.now
        var total = Score.zero
        for _ in 0..<runs { total = DossierScorer.score(d, scheme: Fx.mof4, index: index).total(.review).value ?? .zero }
        let perRun = (ContinuousClock.now - start) / runs
        #expect(total == Fx.score("57"))
        #expect(perRun < .milliseconds(4), "rescoring 60 rows took \(perRun)")
    }
}

/// Row evaluations are remembered per dossier and reused only while their inputs are unchanged.
@Suite struct RowMemoTests {
    @Test func rescoringReusesRowsAndNoticesChangedInputs() {
        let template = RollupBehaviourTests.template()
        var d = Fx.dossier(template, results: [RollupBehaviourTests.result("1.1", own: "20", actual: "100%")])
        let index = TemplateIndex(template)
        let first = DossierScorer.score(d, scheme: Fx.mof4, index: index)
        #expect(first.rows["1.1"]?.suggestion == Fx.score("20"))
        #expect(index.memo.entries(for: d.id, count: template.nodes.count).compactMap { $0 }.count == 0)
        // Remembered from the second scoring on.
        #expect(DossierScorer.score(d, scheme: Fx.mof4, index: index).rows["1.1"]?.suggestion == Fx.score("20"))
        #expect(index.memo.entries(for: d.id, count: template.nodes.count).compactMap { $0 }.count == 5)

        d.results["1.1"]?.verifiedActual = ObservedValue.parse("11/10", unit: "%")
        #expect(DossierScorer.score(d, scheme: Fx.mof4, index: index).rows["1.1"]?.suggestion == Fx.score("15"))
        d.results["1.1"]?.reviewScore = Fx.score("15")   // review edits do not touch the row evaluation
        let third = DossierScorer.score(d, scheme: Fx.mof4, index: index)
        #expect(third.rows["1.1"]?.suggestion == Fx.score("15"))
        #expect(third.score("1.1", .review).value == Fx.score("15"))

        d.evaluation.executed = Fx.money("50")
        d.evaluation.budgetFullYear = Fx.money("100")
        #expect(DossierScorer.score(d, scheme: Fx.mof4, index: index).rows["1.2"]?.suggestion == Fx.score("10"))
        let stricter = DeviationThresholds(overshootDefault: 1)
        #expect(DossierScorer.score(d, scheme: Fx.mof4, thresholds: stricter, index: index).rows["1.2"] != nil)
    }

    @Test func anIndexFromAnotherTemplateIsNotUsed() {
        let d = Fx.dossier(RollupBehaviourTests.template(), results: [RollupBehaviourTests.result("2", own: "60")])
        let other = TemplateIndex(Fx.template([Fx.node("2", nil, "别的", weight: "100")]))
        let scored = DossierScorer.score(d, scheme: Fx.mof4, index: other)
        #expect(scored.index.matches(d.template))
        #expect(scored.rows.count == 5)
    }
}

/// The shared template-index cache never mixes up templates that share an id, also under concurrency.
@Suite struct SharedIndexTests {
    @Test func sameIdDifferentTemplatesScoreIndependently() async {
        let a = Fx.template([Fx.node("1", nil, "甲", weight: "100")])
        let b = Fx.template([Fx.node("1", nil, "乙", weight: "60"), Fx.node("2", nil, "丙", weight: "40")])
        let results = await withTaskGroup(of: (Int, Score?).self) { group in
            for i in 0..<16 {
                group.addTask {
                    let template = i.isMultiple(of: 2) ? a : b
                    var evaluation = Fx.blankEvaluation
                    evaluation.id = "SE-\(i % 4)"
                    let rows = [IndicatorResult(nodeID: "1", selfScore: Fx.score("50")),
                                IndicatorResult(nodeID: "2", selfScore: Fx.score("30"))]
                    let d = Fx.dossier(template, results: rows, evaluation: evaluation)
                    return (i, DossierScorer.score(d, scheme: Fx.mof4).total(.selfStated).value)
                }
            }
            var out: [Int: Score?] = [:]
            for await (i, total) in group { out[i] = total }
            return out
        }
        for (i, total) in results {
            #expect(total == (i.isMultiple(of: 2) ? Fx.score("50") : Fx.score("80")))
        }
    }
}
