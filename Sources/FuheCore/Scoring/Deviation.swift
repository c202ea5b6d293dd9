import Foundation

/// Self total vs review total (spec §3.7): diff = self − review (positive = 虚高), rate = diff /
/// review total × 100 (nil when the review total is 0), grades on both sides, and the flags
/// DEV_TOTAL (|diff| ≥ threshold) and GRADE_CHANGED.
public struct Deviation: Hashable, Sendable {
    /// The unit's final stated total, or the computed self total when none is stated.
    public var selfTotal: Score
    public var reviewTotal: Score
    public var diff: Score
    /// Percent, exact (display with 2 decimals).
    public var rate: Decimal?
    public var selfGrade: GradeBand?
    public var reviewGrade: GradeBand?
    public var gradeChanged: Bool
    /// DEV_TOTAL and/or GRADE_CHANGED warnings.
    public var flags: [ValidationMessage]

    public init(selfTotal: Score, reviewTotal: Score, scheme: GradeScheme,
                thresholds: DeviationThresholds = .default) {
        self.selfTotal = selfTotal
        self.reviewTotal = reviewTotal
        diff = selfTotal - reviewTotal
        rate = reviewTotal == .zero ? nil : Decimal(diff.hundredths) / Decimal(reviewTotal.hundredths) * 100
        selfGrade = scheme.grade(for: selfTotal)
        reviewGrade = scheme.grade(for: reviewTotal)
        gradeChanged = selfGrade?.code != reviewGrade?.code
        var flags: [ValidationMessage] = []
        if abs(diff.hundredths) >= thresholds.totalPoints.hundredths {
            // The rate's text rounded in integers when that decides its hundredths (else in `Decimal`, as before).
            let exactRate = ExactFraction.whole(Int128(diff.hundredths) * 100).divided(by: .whole(Int128(reviewTotal.hundredths)))
            let rateText = rate.map { rate in "（偏差率\(ScoreText.fixed(exactRate) { rate })%）" } ?? ""
            flags.append(ValidationMessage(code: "DEV_TOTAL", level: .warning, message:
                "自评总分\(selfTotal)分，复核总分\(reviewTotal)分，相差\(diff.signedDescription)分\(rateText)，"
                + "达到\(thresholds.totalPoints)分的偏差提示线", field: "total"))
        }
        if gradeChanged {
            let name = { (band: GradeBand?) in band?.label ?? "无等次" }
            flags.append(ValidationMessage(code: "GRADE_CHANGED", level: .warning, message:
                "自评等次\(name(selfGrade))（\(selfTotal)分）经复核为\(name(reviewGrade))（\(reviewTotal)分）",
                field: "grade"))
        }
        self.flags = flags
    }
}

/// DEV_ROW for leaves: |self − review| ≥ fraction × weight (for a zero-weight ADJUST row, the
/// larger of its bonus and penalty limits). The fraction is prepared once per scoring.
struct RowDeviationRule {
    let fraction: Decimal
    /// fraction × 10 000 when whole (integer comparison), else nil (Decimal comparison).
    let scaled: Int?
    let percentText: String

    init(_ thresholds: DeviationThresholds) {
        fraction = thresholds.rowWeightFraction
        let s = fraction * 10_000
        let whole = ExactDecimal.round(s, places: 0)
        scaled = whole == s && s.magnitude < 1_000_000_000 ? NSDecimalNumber(decimal: whole).intValue : nil
        percentText = ScoreText.num(fraction * 100) + "%"
    }

    private static let standard = RowDeviationRule(.default)

    /// The rule for these thresholds (the default one is prepared once).
    static func make(_ thresholds: DeviationThresholds) -> RowDeviationRule {
        thresholds.rowWeightFraction.isIdentical(to: standard.fraction) ? standard : RowDeviationRule(thresholds)
    }

    func flag(_ index: TemplateIndex, _ p: Int, selfScore: Score?, reviewScore: Score?) -> ValidationMessage? {
        guard let selfScore, let reviewScore, selfScore != reviewScore else { return nil }
        let diff = selfScore - reviewScore
        let nodes = index.template.nodes
        let weight = nodes[p].weight
        let reference = weight > .zero ? weight : max(nodes[p].maxScore, -nodes[p].minScore)
        let reached = scaled.map { diff.hundredths.magnitude * 10_000 >= reference.hundredths * $0 }
            ?? (Decimal(diff.hundredths.magnitude) >= Decimal(reference.hundredths) * fraction)
        guard reached else { return nil }
        // “name”自评…分，复核…分，相差…分，达到分值…分的…%: appended into one text sized once (an
        // interpolation grew its text twice or three times; DEV_ROW is the second commonest
        // message of a store, ~8 a dossier).
        let name = nodes[p].name
        var text = ""
        text.reserveCapacity(name.utf8.count + percentText.utf8.count + 112)
        text += "“"
        text += name
        text += "”自评"
        text += selfScore.description
        text += "分，复核"
        text += reviewScore.description
        text += "分，相差"
        text += diff.signedDescription
        text += "分，达到分值"
        text += reference.description
        text += "分的"
        text += percentText
        return ValidationMessage(code: "DEV_ROW", level: .warning, message: text, nodeID: nodes[p].id, field: "review_score")
    }
}
