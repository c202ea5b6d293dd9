import Foundation
import Testing
@testable import FuheCore

/// Spec §3.9 vectors 15–22: BUDGET_EXEC, PROP_POS (+ overshoot), PROP_NEG, QUAL_3LEVEL, RANK;
/// plus the methods that cannot suggest.
@Suite struct RateAndLevelVectorTests {
    let exec = Fx.leaf(.budgetExecution, weight: "10", name: "预算执行率")

    func evaluation(executed: String, budget: String) -> SelfEvaluation {
        var e = Fx.blankEvaluation
        e.executed = Fx.money(executed)
        e.budgetFullYear = Fx.money(budget)
        return e
    }

    @Test func v15_budgetExecutionIsNotRoundedBeforeScoring() {
        let row = Fx.run(exec, actual: nil, evaluation: evaluation(executed: "37.2", budget: "45.12"))
        #expect(row.suggestion == Fx.score("8.24"))  // 8.2446…, not 8.25 from a rounded 82.45%
        #expect(Fx.two(row.measure) == "82.45")
        #expect(row.explanation.contains("37.2万元"))
        #expect(row.explanation.hasSuffix("=8.24分"))
        // The same from a ratio typed as the actual.
        #expect(Fx.run(exec, actual: "37.2/45.12").suggestion == Fx.score("8.24"))
    }

    @Test func v16_budgetExecution64Percent() {
        let row = Fx.run(exec, actual: nil, evaluation: evaluation(executed: "1279.56", budget: "2000"))
        #expect(row.suggestion == Fx.score("6.40"))
        #expect(Fx.two(row.measure) == "63.98")
    }

    @Test func v17_budgetExecutionFull() {
        let row = Fx.run(exec, actual: nil, evaluation: evaluation(executed: "116.79", budget: "116.79"))
        #expect(row.suggestion == Fx.score("10.00"))
        #expect(row.measure == 100)
    }

    @Test func budgetExecutionWithoutFiguresOrWithZeroBudget() {
        #expect(Fx.run(exec, actual: nil).suggestion == nil)
        let zero = Fx.run(exec, actual: nil, evaluation: evaluation(executed: "5", budget: "0"))
        #expect(zero.suggestion == nil)
        #expect(zero.explanation.contains("为0"))
        let typedZero = Fx.run(exec, actual: "5/0")
        #expect(typedZero.suggestion == nil)
        #expect(typedZero.explanation.contains("分母为0"))
    }

    @Test func v18_overshootIsFullAndFlagged() {
        let node = Fx.leaf(.proportionalPositive(overshootRatio: Fx.dec("1.2")), weight: "10", unit: "万元")
        let row = Fx.run(node, actual: "9768", target: "7000")
        #expect(row.suggestion == Fx.score("10.00"))
        #expect(Fx.two(row.measure) == "139.54")
        #expect(row.flags.map(\.code) == ["OVERSHOOT"])
        #expect(row.flags.first?.level == .warning)
        #expect(row.flags.first?.message.contains("139.54%") == true)
        // Below the ratio: no flag.
        #expect(Fx.run(node, actual: "8000", target: "7000").flags.isEmpty)
        // OVERSHOOT_CHECK scores the same way.
        let check = Fx.leaf(.overshootCheck(ratio: Fx.dec("1.2")), weight: "10", unit: "万元")
        #expect(Fx.run(check, actual: "4890", target: "1000").flags.map(\.code) == ["OVERSHOOT"])
    }

    @Test func v19_proportionalPositive() {
        let node = Fx.leaf(.proportionalPositive(overshootRatio: nil), weight: "2.5", unit: "人次")
        let row = Fx.run(node, actual: "2900", target: "≥3000人次")
        #expect(row.suggestion == Fx.score("2.42"))
        #expect(Fx.two(row.measure) == "96.67")
        #expect(row.flags.isEmpty)
    }

    @Test func v20_proportionalNegativeRatio() {
        let node = Fx.leaf(.proportionalNegative(variant: .ratio), weight: "2.5", unit: "天", direction: .negative)
        let row = Fx.run(node, actual: "9天", target: "≤7天")
        #expect(row.suggestion == Fx.score("1.94"))
        #expect(Fx.suggested(node, "7", target: "7") == "2.50")
        let linear = Fx.leaf(.proportionalNegative(variant: .linearExcess), weight: "2.5", unit: "天")
        // 2.5 × (1 − 2/7) = 1.7857… → 1.79
        #expect(Fx.suggested(linear, "9", target: "7") == "1.79")
    }

    let qual = Fx.leaf(.qualitative3Level, weight: "10", unit: "", direction: .qualitative)

    @Test func v21_qualitativeBands() {
        let a = Fx.run(qual, actual: "A"), b = Fx.run(qual, actual: "部分达成"), c = Fx.run(qual, actual: "未达成")
        #expect(a.allowedRange == Fx.score("8.00")...Fx.score("10.00"))
        #expect(b.allowedRange == Fx.score("6.00")...Fx.score("7.99"))
        #expect(c.allowedRange == Fx.score("0.00")...Fx.score("5.99"))
        #expect([a, b, c].map { $0.suggestion?.description ?? "nil" } == ["10.00", "7.00", "3.00"])
        #expect(Fx.run(qual, actual: nil).suggestion == nil)
    }

    @Test func qualitativeBandEdgesForOddWeights() {
        // W = 2.5: A [2.00, 2.50], B [1.50, 1.99], C [0.00, 1.49]
        #expect(ScoringEngine.qualBand(.a, weight: Fx.score("2.5")) == Fx.score("2")...Fx.score("2.5"))
        #expect(ScoringEngine.qualBand(.b, weight: Fx.score("2.5")) == Fx.score("1.5")...Fx.score("1.99"))
        // W = 3.33: 0.8W = 2.664 → A from 2.67; B up to 2.66; 0.6W = 1.998 → B from 2.00
        #expect(ScoringEngine.qualBand(.a, weight: Fx.score("3.33")) == Fx.score("2.67")...Fx.score("3.33"))
        #expect(ScoringEngine.qualBand(.b, weight: Fx.score("3.33")) == Fx.score("2")...Fx.score("2.66"))
    }

    @Test func v22_rank() {
        let node = Fx.leaf(.rank(step: Fx.dec("0.25")), weight: "5", unit: "位")
        #expect(["1", "第5名", "30"].map { Fx.suggested(node, $0) } == ["5.00", "4.00", "0.00"])
    }

    @Test func fullOrZeroByAnswerOrDirection() {
        let node = Fx.leaf(.fullOrZero, weight: "1", unit: "个", direction: .negative, name: "新建楼堂馆所")
        #expect(Fx.suggested(node, "达标") == "1.00")
        #expect(Fx.suggested(node, "否") == "0.00")
        #expect(Fx.suggested(node, "0", target: "0") == "1.00")
        #expect(Fx.suggested(node, "2", target: "0") == "0.00")
        let equal = Fx.leaf(.fullOrZero, weight: "2", direction: .equal)
        #expect(Fx.suggested(equal, "100%", target: "=100%") == "2.00")
        #expect(Fx.suggested(equal, "99%", target: "=100%") == "0.00")
        #expect(Fx.suggested(node, nil) == "nil")
    }

    @Test func methodsWithoutSuggestion() {
        let manual = Fx.run(Fx.leaf(.manual, weight: "10"), actual: "100%")
        #expect(manual.suggestion == nil)
        #expect(manual.explanation.contains("0.00–10.00"))
        let adjust = IndicatorNode(id: "A", parentID: nil, code: "6", level: 1, name: "加减分", kind: .adjust,
                                   weight: .zero, minScore: Fx.score("-5"), maxScore: Fx.score("3"), method: .adjust)
        #expect(Fx.run(adjust, actual: "3").suggestion == nil)
        let trial = Fx.leaf(.proportionalPositive(overshootRatio: nil), weight: "0", kind: .trial)
        #expect(Fx.run(trial, actual: "60.48%", target: "50%").suggestion == nil)
        let missing = Fx.run(Fx.leaf(.proportionalPositive(overshootRatio: nil), weight: "5"), actual: "90")
        #expect(missing.suggestion == nil)
        #expect(missing.explanation == "未填写目标值，无法计算建议分")
    }

    @Test func suggestionIsClampedIntoNodeRange() {
        let tiers = [Tier(lower: nil, upper: nil, points: 12)]
        #expect(Fx.suggested(Fx.leaf(.tiered(tiers), weight: "10"), "1") == "10.00")
        #expect(Fx.suggested(Fx.leaf(.rank(step: 1), weight: "5"), "0") == "5.00")
    }

    @Test func verifiedActualWinsOverStatedActual() {
        let node = Fx.leaf(.stepDeduct(Fx.staffRule), weight: "5")
        let result = IndicatorResult(nodeID: "N", actual: ObservedValue.parse("100%", unit: "%"),
                                     verifiedActual: ObservedValue.parse("11/10=110%", unit: "%"))
        let row = ScoringEngine.evaluate(node: node, result: result, evaluation: Fx.blankEvaluation)
        #expect(row.suggestion == Fx.score("0.00"))
    }
}

/// The engine never traps on extreme inputs and keeps suggestions inside the node's range.
@Suite struct EngineRobustnessTests {
    @Test func hugeAndNegativeValuesStayInRange() {
        let huge = String(repeating: "9", count: 29)
        let methods: [ScoringMethod] = [
            .stepDeduct(Fx.staffRule), .perOccurrence(deduct: 1), .rank(step: 1), .budgetExecution,
            .proportionalPositive(overshootRatio: 2), .proportionalNegative(variant: .linearExcess),
            .tiered(StepAndTierVectorTests.controlTiers), .fullOrZero,
        ]
        for method in methods {
            for actual in [huge, "-" + huge, "0", "-5", huge + "/0.0001"] {
                let row = Fx.run(Fx.leaf(method, weight: "5"), actual: actual, target: "7")
                if let s = row.suggestion { #expect(s >= .zero && s <= Fx.score("5"), "\(method.code) \(actual)") }
                #expect(!row.explanation.isEmpty)
            }
        }
        let row = Fx.run(Fx.leaf(.perOccurrence(deduct: 1), weight: "5"), actual: huge)
        #expect(row.explanation.contains(huge))
    }
}
