import Foundation
import FuheCore
import Synchronization

/// Deterministic pseudo-random numbers (SplitMix64), so every run builds the same store.
struct SplitMix {
    private var state: UInt64

    init(seed: Int) { state = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(Swift.max(n, 1))) }

    /// True with probability 1/n.
    mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }

    mutating func pick<T>(_ list: [T]) -> T { list[below(list.count)] }
}

/// How far the review of a dossier has got.
enum ReviewDepth {
    case none, partial, complete
}

/// Scoresheet rows of one synthetic dossier: stated values per method, self scores, and review
/// scores with Chinese deduction reasons where the review has reached the row.
enum SyntheticRows {
    static func make(template: IndicatorTemplate, depth: ReviewDepth, reviewer: String, reviewedAt: Date,
                     rng: inout SplitMix) -> [String: IndicatorResult] {
        let leaves = template.scorableLeaves
        var out: [String: IndicatorResult] = [:]
        out.reserveCapacity(leaves.count)
        for (k, node) in leaves.enumerated() {
            var r = IndicatorResult(nodeID: node.id)
            fillValues(&r, node: node, rng: &rng)
            let w = node.weight.hundredths
            let selfH = rng.oneIn(4) ? w - w * (5 + rng.below(30)) / 100 : w
            r.selfScore = Score(hundredths: selfH)
            if selfH < w { r.selfNote = "部分目标未完成，已按实际情况自评扣分" }
            if rng.oneIn(3) { r.evidenceIDs = ["EV-\(1 + rng.below(3))"] }
            let reviewed = depth == .complete || (depth == .partial && k < leaves.count / 2)
            if reviewed {
                var reviewH = selfH
                if rng.oneIn(3) {
                    reviewH = Swift.max(0, selfH - Swift.max(1, w * (10 + rng.below(40)) / 100))
                    r.deductionReason = rng.pick(ChineseNames.deductionReasons)
                }
                // A review score the rules accept (R-007: within the chosen level's band or the
                // tier's range), with the reason a score below the maximum needs.
                if let range = ScoringEngine.evaluate(node: node, result: r, evaluation: placeholder(template)).allowedRange {
                    reviewH = Swift.min(Swift.max(reviewH, range.lowerBound.hundredths), range.upperBound.hundredths)
                }
                if reviewH < w && r.deductionReason == nil { r.deductionReason = rng.pick(ChineseNames.deductionReasons) }
                r.reviewScore = Score(hundredths: reviewH)
                r.status = .reviewed
                r.reviewedBy = reviewer
                r.reviewedAt = reviewedAt
                if rng.oneIn(5) { r.reviewNote = "已核对原始凭证及台账" }
            } else if depth == .partial && rng.oneIn(10) {
                r.status = .queried
                r.reviewNote = "请单位补充佐证材料"
            }
            out[node.id] = r
        }
        return out
    }

    /// A header for evaluating rows on their own (the allowed ranges do not depend on it).
    private static func placeholder(_ template: IndicatorTemplate) -> SelfEvaluation {
        SelfEvaluation(id: "SYN", cycleID: "C", unitID: "U", templateID: template.id, evalType: template.evalType, objectName: "")
    }

    /// Each distinct (unit, text) read once: a few thousand of them fill 1.2 million rows at 20,000.
    private static let parsed = Mutex<[String: ObservedValue]>([:])

    /// Target and actual as a unit would print them, read with the importer's own parser.
    private static func fillValues(_ r: inout IndicatorResult, node: IndicatorNode, rng: inout SplitMix) {
        let unit = node.unitOfMeasure
        func value(_ text: String) -> ObservedValue {
            let key = unit + "\u{1F}" + text
            if let known = parsed.withLock({ $0[key] }) { return known }
            let value = ObservedValue.parse(text, unit: unit)
            parsed.withLock { $0[key] = value }
            return value
        }
        switch node.method.code {
        case "STEP_DEDUCT":
            r.target = value("≤100%")
            r.actual = value("\(100 + rng.below(6))%")
        case "TIERED":
            r.target = value("≥95%")
            r.actual = value("\(70 + rng.below(31))%")
        case "PROP_POS":
            r.target = value("≥3000人次")
            r.actual = value("\(2_500 + rng.below(800))人次")
        case "PROP_NEG":
            r.target = value("≤50万元")
            r.actual = value("\(45 + rng.below(16)).\(rng.below(10))万元")
        case "CHECKLIST":
            let n = 1 + rng.below(SyntheticTemplate.checklistNames.count)
            r.actual = value(SyntheticTemplate.checklistNames.prefix(n).joined(separator: "、"))
        case "PER_OCCURRENCE":
            r.target = value("0处")
            r.actual = value("\(rng.below(4))处")
        case "QUAL_3LEVEL":
            r.actual = value(rng.pick(["达成", "达成", "部分达成", "未达成"]))
        case "FULL_OR_ZERO":
            r.target = value("按时完成")
            r.actual = value(rng.oneIn(4) ? "否" : "是")
        default:
            break
        }
    }
}
