import Foundation
import Testing
@testable import FuheCore

/// The engine computes scores as exact integer fractions (`ExactFraction`) instead of `Decimal`
/// division. These tests hold it to the `Decimal` formulas it replaced — kept here verbatim as
/// the reference — over generated inputs: zero and negative targets, huge and tiny values,
/// values exactly half-way between two hundredths, reverse indicators, caps and odd weights.
@Suite struct ScoreArithmeticEquivalenceTests {
    /// The previous `Score(rounding:)`: ×100, NSDecimalRound half away from zero, Int64.
    static func oldRound(_ value: Decimal) -> Score {
        let rounded = ExactDecimal.round(value * 100, places: 0)
        return Score(hundredths: Int(NSDecimalNumber(decimal: rounded).int64Value))
    }

    /// The previous `RowContext.score`: clamp in `Decimal`, then round.
    static func oldScore(_ raw: Decimal, _ node: IndicatorNode) -> Score {
        if raw.isNaN { return node.minScore }
        let low = node.minScore.exact, high = node.maxScore.exact
        return oldRound(raw < low ? low : (raw > high ? high : raw))
    }

    /// The previous suggestion of each method whose arithmetic changed.
    static func oldSuggestion(_ node: IndicatorNode, a: Decimal?, t: Decimal?, evaluation: SelfEvaluation) -> Score? {
        let w = node.maxScore.exact
        switch node.method {
        case .budgetExecution:
            let rate: Decimal
            if let a { rate = a } else if let e = evaluation.executed, let b = evaluation.budgetFullYear {
                guard b.yuan != 0 else { return nil }
                rate = Decimal(e.yuan) / Decimal(b.yuan) * 100
            } else { return nil }
            let used = rate > 100 ? 100 : rate
            return oldScore(w * used / 100, node)
        case .proportionalPositive, .overshootCheck:
            guard let a, let t else { return nil }
            if a >= t { return oldScore(w, node) }
            guard t > 0 else { return nil }
            return oldScore(w * a / t, node)
        case .proportionalNegative(let variant):
            guard let a, let t else { return nil }
            if a <= t { return oldScore(w, node) }
            guard t > 0 else { return nil }
            if variant == .ratio { return oldScore(w * t / a, node) }
            let excess = (a - t) / t
            return oldScore(w * (excess >= 1 ? 0 : 1 - excess), node)
        case .stepDeduct(let rule):
            guard let a, rule.step > 0 else { return nil }
            let excess = rule.side == .over ? a - rule.baseline : rule.baseline - a
            if excess <= 0 { return oldScore(w, node) }
            let exact = rule.step == 1 ? excess : excess / rule.step
            let steps: Decimal
            switch rule.stepMode {
            case .perFullStep: steps = ExactDecimal.floor(exact)
            case .perStartedStep: steps = ExactDecimal.ceil(exact)
            case .continuous: steps = exact
            }
            return oldScore(w - steps * rule.deduct, node)
        case .perOccurrence(let deduct):
            return a.map { oldScore(w - $0 * deduct, node) }
        case .rank(let step):
            return a.map { oldScore(w - ($0 - 1) * step, node) }
        default:
            return nil
        }
    }

    /// The previous OVERSHOOT test of PROP_POS.
    static func oldOvershoots(a: Decimal?, t: Decimal?, ratio: Decimal) -> Bool {
        guard let a, let t, t > 0 else { return false }
        return a / t >= ratio
    }

    /// Generated inputs, from FuheCore's `SplitMix64` (the same seed, the same inputs).
    struct Numbers {
        var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(seed: state) }
        mutating func next() -> UInt64 { generator.next() }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

        /// Values a form holds, and the unusual ones: 0, negatives, 4-decimal money, huge and tiny.
        mutating func value() -> Decimal {
            let sign: FloatingPointSign = below(6) == 0 ? .minus : .plus
            switch below(10) {
            case 0: return 0
            case 1: return Decimal(sign: sign, exponent: 0, significand: Decimal(below(200)))
            case 2: return Decimal(sign: sign, exponent: -2, significand: Decimal(below(20_000)))
            case 3: return Decimal(sign: sign, exponent: -4, significand: Decimal(below(100_000_000)))
            case 4: return Decimal(sign: sign, exponent: below(30), significand: Decimal(next() >> UInt64(below(64))))
            case 5: return Decimal(sign: sign, exponent: -below(40), significand: Decimal(next()))
            case 6: return ExactDecimal.parse(String(repeating: "9", count: 1 + below(37)))!
            case 7: return Decimal(sign: sign, exponent: -3, significand: Decimal(below(200_000)))
            default: return Decimal(sign: .plus, exponent: -1, significand: Decimal(below(2_000)))
            }
        }

        mutating func weight() -> Score {
            let common = [0, 1, 3, 50, 150, 250, 300, 500, 800, 1_000, 1_500, 2_000, 9_999]
            return below(4) == 0 ? Score(hundredths: below(100_000)) : Score(hundredths: common[below(common.count)])
        }
    }

    static func methods(_ n: inout Numbers) -> ScoringMethod {
        let step = [Decimal(1), Decimal(5), ExactDecimal.parse("0.3")!, ExactDecimal.parse("2.5")!, ExactDecimal.parse("0.07")!][n.below(5)]
        let deduct = [ExactDecimal.parse("0.5")!, Decimal(2), ExactDecimal.parse("0.8")!, ExactDecimal.parse("0.25")!, ExactDecimal.parse("0.333")!][n.below(5)]
        switch n.below(8) {
        case 0: return .budgetExecution
        case 1: return .proportionalPositive(overshootRatio: n.below(2) == 0 ? nil : ExactDecimal.parse("1.5"))
        case 2: return .proportionalNegative(variant: .ratio)
        case 3: return .proportionalNegative(variant: .linearExcess)
        case 4:
            let mode = StepDeductRule.StepMode.allCases[n.below(StepDeductRule.StepMode.allCases.count)]
            return .stepDeduct(StepDeductRule(baseline: [0, 100, 90][n.below(3)], side: n.below(2) == 0 ? .over : .under,
                                              step: n.below(20) == 0 ? 0 : step, deduct: deduct, stepMode: mode))
        case 5: return .perOccurrence(deduct: deduct)
        case 6: return .rank(step: deduct)
        default: return .overshootCheck(ratio: ExactDecimal.parse("1.2")!)
        }
    }

    @Test func suggestionsEqualTheDecimalFormulasOverGeneratedInputs() {
        var n = Numbers(state: 20_261_206)
        var checked = 0, fractionDecided = 0
        for i in 0..<60_000 {
            let method = Self.methods(&n)
            let weight = n.weight()
            // Odd limits too: ADJUST-like negative minimum, a cap below the weight.
            let min: Score? = n.below(8) == 0 ? Score(hundredths: -n.below(1_000)) : nil
            let max: Score? = n.below(8) == 0 ? Score(hundredths: n.below(weight.hundredths + 1)) : nil
            let node = IndicatorNode(id: "N\(i)", parentID: nil, code: "1", level: 1, name: "指标", weight: weight,
                                     minScore: min ?? .zero, maxScore: max, method: method,
                                     direction: n.below(2) == 0 ? .positive : .negative, unitOfMeasure: "%")
            var a: Decimal? = n.below(30) == 0 ? nil : n.value()
            var t: Decimal? = n.below(30) == 0 ? nil : n.value()
            if n.below(5) == 0, let x = t, weight != .zero {
                let w = weight.exact
                // A value exactly half-way between two hundredths of W × a / t (or W × t / a).
                let k = Decimal(2 * n.below(2 * Swift.max(1, weight.hundredths)) + 1)
                a = k * x / (200 * w)
                if n.below(2) == 0 { (a, t) = (x, a) }
            }
            var evaluation = Fx.blankEvaluation
            if case .budgetExecution = method, n.below(2) == 0 {
                a = nil
                let budget = [0, 1, 120, 300, 600, 451_200, Int64.max, -500][n.below(8)]
                let executed = n.below(4) == 0 ? Int64(bitPattern: n.next()) : Int64(n.below(1_000_000))
                evaluation.budgetFullYear = Money(yuan: budget)
                evaluation.executed = Money(yuan: executed)
            }
            let result = IndicatorResult(nodeID: node.id, target: t.map { ObservedValue(text: "\($0)", number: $0) },
                                         actual: a.map { ObservedValue(text: "\($0)", number: $0) })
            let row = ScoringEngine.evaluate(node: node, result: result, evaluation: evaluation)
            let expected = Self.oldSuggestion(node, a: a, t: t, evaluation: evaluation)
            #expect(row.suggestion == expected, "\(method) W=\(weight) min=\(node.minScore) max=\(node.maxScore) a=\(String(describing: a)) t=\(String(describing: t)) budget=\(String(describing: evaluation.budgetFullYear?.yuan)) executed=\(String(describing: evaluation.executed?.yuan))")
            if case .overshootCheck(let ratio) = method {
                #expect(row.flags.contains { $0.code == "OVERSHOOT" } == Self.oldOvershoots(a: a, t: t, ratio: ratio))
            }
            if let x = a, let y = t, y != 0, ExactFraction(x) != nil, ExactFraction(y) != nil { fractionDecided += 1 }
            checked += 1
        }
        #expect(checked == 60_000)
        #expect(fractionDecided > 20_000)
    }

    @Test func halfWayAndReverseCasesFromTheSpecShape() {
        // 1/120 of W = 3: 0.025 exactly, while Decimal's rate 0.8333…% rounds it down — the
        // engine keeps the Decimal result (its fraction is half-way and defers to the formula).
        var evaluation = Fx.blankEvaluation
        evaluation.budgetFullYear = Money(yuan: 120)
        evaluation.executed = Money(yuan: 1)
        let node = Fx.leaf(.budgetExecution, weight: "3")
        let row = ScoringEngine.evaluate(node: node, result: IndicatorResult(nodeID: node.id), evaluation: evaluation)
        #expect(row.suggestion == Self.oldSuggestion(node, a: nil, t: nil, evaluation: evaluation))
        // PROP_NEG LINEAR_EXCESS at twice the target and beyond gives 0, below it a proportion.
        let linear = Fx.leaf(.proportionalNegative(variant: .linearExcess), weight: "2.5", unit: "天", direction: .negative)
        #expect(Fx.suggested(linear, "14天", target: "7天") == "0.00")
        #expect(Fx.suggested(linear, "15天", target: "7天") == "0.00")
        #expect(Fx.suggested(linear, "9天", target: "7天") == "1.79")
    }

    @Test func roundingADecimalEqualsTheFoundationRounding() {
        var n = Numbers(state: 77)
        for _ in 0..<50_000 {
            let v = n.value()
            let half = v + Decimal(sign: .plus, exponent: -3, significand: 5)
            for x in [v, half, -half] {
                #expect(Score(rounding: x) == Self.oldRound(x), "\(x)")
            }
        }
    }

    @Test func decimalPartsReadTheValueFoundationHolds() {
        var n = Numbers(state: 5)
        for _ in 0..<20_000 {
            let v = n.value()
            guard let p = DecimalParts(v) else {
                #expect(v.isNaN || v.significand > Decimal(UInt64.max), "\(v)")
                continue
            }
            let rebuilt = Decimal(sign: p.negative ? .minus : .plus, exponent: p.exponent, significand: Decimal(p.significand))
            #expect(rebuilt == v, "\(v)")
        }
        #expect(DecimalParts(Decimal.nan) == nil)
    }

    @Test func fractionsNeverTrap() {
        let big = ExactFraction(Int128.max), small = ExactFraction(Int128.min)
        #expect(big.multiplied(by: big) == nil)
        #expect(small.subtracting(ExactFraction.whole(1)) == nil)
        #expect(big.adding(big) == nil)
        #expect(small.divided(by: ExactFraction(-1)) == nil)
        #expect(ExactFraction.whole(1).divided(by: ExactFraction.whole(0)) == nil)
        #expect(small.roundedHundredths(halfWay: true) == nil)
        #expect(ExactFraction(5, 1_000).roundedHundredths(halfWay: false) == nil)
        #expect(ExactFraction(5, 1_000).roundedHundredths(halfWay: true) == 1)
        #expect(ExactFraction(-5, 1_000).roundedHundredths(halfWay: true) == -1)
    }
}
