import Foundation

/// How an indicator row is scored (spec §3.3), with its parameters. Stored as data in templates.
public enum ScoringMethod: Hashable, Sendable, Codable {
    /// 预算执行率按比例: W × min(executed / budget, 1).
    case budgetExecution
    /// 正向按比例: a ≥ t → W, else W × a / t. Optional overshoot flag ratio (超额完成复核).
    case proportionalPositive(overshootRatio: Decimal?)
    /// 反向按比例 (越小越好): a ≤ t → W, else W × t / a, or the linear-excess variant.
    case proportionalNegative(variant: NegativeVariant)
    /// 超额完成复核: scored as 正向按比例, and flagged when a / t ≥ ratio.
    case overshootCheck(ratio: Decimal)
    /// 达标得满分，否则不得分.
    case fullOrZero
    /// 每超过/低于 X 扣 Y 分，扣完为止.
    case stepDeduct(StepDeductRule)
    /// 分档计分.
    case tiered([Tier])
    /// 每发现一处扣 X 分，扣完为止.
    case perOccurrence(deduct: Decimal)
    /// 要素计分: Σ points of satisfied elements.
    case checklist([ChecklistElement])
    /// 定性三档: A [0.8W, W], B [0.6W, 0.8W), C [0, 0.6W).
    case qualitative3Level
    /// 按排位计分: W − (rank − 1) × step.
    case rank(step: Decimal)
    /// 综合判断: free value in range, reason mandatory.
    case manual
    /// 加减分: signed value in [−max_penalty, +max_bonus].
    case adjust

    /// The method code used in data files (`STEP_DEDUCT`, …).
    public var code: String {
        switch self {
        case .budgetExecution: "BUDGET_EXEC"
        case .proportionalPositive: "PROP_POS"
        case .proportionalNegative: "PROP_NEG"
        case .overshootCheck: "OVERSHOOT_CHECK"
        case .fullOrZero: "FULL_OR_ZERO"
        case .stepDeduct: "STEP_DEDUCT"
        case .tiered: "TIERED"
        case .perOccurrence: "PER_OCCURRENCE"
        case .checklist: "CHECKLIST"
        case .qualitative3Level: "QUAL_3LEVEL"
        case .rank: "RANK"
        case .manual: "MANUAL"
        case .adjust: "ADJUST"
        }
    }

    /// Chinese name of the method.
    public var label: String {
        switch self {
        case .budgetExecution: "预算执行率按比例"
        case .proportionalPositive: "正向按比例"
        case .proportionalNegative: "反向按比例"
        case .overshootCheck: "超额完成复核"
        case .fullOrZero: "达标得满分"
        case .stepDeduct: "按步长扣分"
        case .tiered: "分档计分"
        case .perOccurrence: "按次扣分"
        case .checklist: "要素计分"
        case .qualitative3Level: "定性三档"
        case .rank: "按排位计分"
        case .manual: "综合判断"
        case .adjust: "加减分"
        }
    }
}

/// Variant of the reverse proportional rule.
public enum NegativeVariant: String, Codable, Hashable, Sendable, CaseIterable {
    /// W × t / a.
    case ratio = "RATIO"
    /// W × max(0, 1 − (a − t) / t).
    case linearExcess = "LINEAR_EXCESS"
}

/// Parameters of `STEP_DEDUCT`.
public struct StepDeductRule: Hashable, Sendable, Codable {
    /// Which side of the baseline loses points.
    public enum Side: String, Codable, Hashable, Sendable {
        /// Points lost for each step above the baseline (在职人员控制率 ≤100%).
        case over
        /// Points lost for each step below the baseline (预算完成率 100%).
        case under
    }

    /// How partial steps count.
    public enum StepMode: String, Codable, Hashable, Sendable, CaseIterable {
        case perFullStep = "PER_FULL_STEP"
        case continuous = "CONTINUOUS"
        case perStartedStep = "PER_STARTED_STEP"
    }

    public var baseline: Decimal
    public var side: Side
    public var step: Decimal
    public var deduct: Decimal
    public var stepMode: StepMode

    public init(baseline: Decimal, side: Side, step: Decimal, deduct: Decimal, stepMode: StepMode = .perFullStep) {
        self.baseline = baseline
        self.side = side
        self.step = step
        self.deduct = deduct
        self.stepMode = stepMode
    }
}

/// One band of a `TIERED` rule: a range of the measured value and the points it earns.
/// A nil bound is open. `pointsMax` set means the reviewer chooses within [points, pointsMax].
public struct Tier: Hashable, Sendable, Codable {
    public var lower: Decimal?
    public var lowerInclusive: Bool
    public var upper: Decimal?
    public var upperInclusive: Bool
    public var points: Decimal
    public var pointsMax: Decimal?
    /// Optional label as the table prints it ("0–10%(含)").
    public var label: String?

    public init(lower: Decimal?, lowerInclusive: Bool = false, upper: Decimal?, upperInclusive: Bool = true,
                points: Decimal, pointsMax: Decimal? = nil, label: String? = nil) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
        self.points = points
        self.pointsMax = pointsMax
        self.label = label
    }

    /// Whether the value falls in this band.
    public func contains(_ value: Decimal) -> Bool {
        if let lower {
            let c = Decimal.order(value, lower)
            if lowerInclusive ? c < 0 : c <= 0 { return false }
        }
        if let upper {
            let c = Decimal.order(value, upper)
            if upperInclusive ? c > 0 : c >= 0 { return false }
        }
        return true
    }
}

/// One element of a `CHECKLIST` rule.
public struct ChecklistElement: Hashable, Sendable, Codable {
    public var name: String
    public var points: Decimal

    public init(name: String, points: Decimal) {
        self.name = name
        self.points = points
    }
}

/// 定性三档 level.
public enum QualLevel: String, Codable, Hashable, Sendable, CaseIterable {
    case a = "A", b = "B", c = "C"

    public var label: String {
        switch self {
        case .a: "达成年度指标"
        case .b: "部分达成并具有一定效果"
        case .c: "未达成且效果较差"
        }
    }
}
