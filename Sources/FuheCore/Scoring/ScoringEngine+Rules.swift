import Foundation

/// STEP_DEDUCT, TIERED, PER_OCCURRENCE and RANK.
extension ScoringEngine {
    /// W − steps × deduct, steps counted on the excess beyond the baseline (扣完为止).
    static func stepDeduct(_ row: RowContext, _ rule: StepDeductRule) -> RowEvaluation {
        guard let a = row.actual?.number else { return row.noActual() }
        guard rule.step > 0 else { return row.unscored("扣分步长为0，无法计算，需综合判断", measure: a) }
        let steps = StepCount(value: a, rule: rule)
        let over = rule.side == .over
        let exact = steps.exactExcess(over: over)
        if exact.map({ $0.n <= 0 }) ?? (steps.excess <= 0) {
            let score = row.fullScore
            if let recalled = row.recalled(score) { return recalled }
            let head: @Sendable () -> String = { "\(row.name)\(row.show(a))" }
            return RowEvaluation(nodeID: row.id, suggestion: score) {
                (a, "\(head())，未\(over ? "超过" : "低于")基准\(row.show(rule.baseline))，得满分\(ScoreText.points(score))")
            }
        }
        let deduction = exact.flatMap { steps.exactDeduction(excess: $0) }
        let score = row.score(deduction.flatMap { ExactFraction(row.node.maxScore).subtracting($0) },
                              or: row.weight - steps.deduction)
        if let recalled = row.recalled(score) { return recalled }
        let head: @Sendable () -> String = { "\(row.name)\(row.show(a))" }
        return RowEvaluation(nodeID: row.id, suggestion: score) {
            let unitWord = ScoreText.stepUnit(row.unit)
            let available = row.weight - row.node.minScore.exact
            let deducted = steps.deduction > available
                ? "应扣\(ScoreText.points(steps.deduction))，扣完为止"
                : "扣\(ScoreText.points(Score(rounding: steps.deduction)))"
            return (a, "\(head())，\(over ? "超过" : "低于")基准\(ScoreText.num(steps.excess))\(unitWord)，"
                + "每\(ScoreText.num(rule.step))\(unitWord)扣\(ScoreText.points(rule.deduct))\(steps.note)，"
                + "\(deducted)，得\(ScoreText.points(score))")
        }
    }

    /// The first tier containing the value gives its points, or a range [points, points_max]
    /// (suggesting the top of the range).
    static func tiered(_ row: RowContext, _ tiers: [Tier]) -> RowEvaluation {
        guard let a = row.actual?.number else { return row.noActual() }
        guard let tier = tiers.first(where: { $0.contains(a) }) else {
            if let recalled = row.recalled(nil) { return recalled }
            let head: @Sendable () -> String = { "\(row.name)\(row.show(a))" }
            return row.unscored("\(head())不在任何档次内，需综合判断", measure: a)
        }
        let low = row.score(tier.points)
        let high = tier.pointsMax.map { row.score($0) }
        let range = high.map { min(low, $0)...max(low, $0) }
        if let recalled = row.recalled(range?.upperBound ?? low, allowedRange: range) { return recalled }
        let head: @Sendable () -> String = { "\(row.name)\(row.show(a))" }
        let label: @Sendable () -> String = { tier.label ?? describe(tier, unit: row.unit) }
        guard let range else {
            return RowEvaluation(nodeID: row.id, suggestion: low) {
                (a, "\(head())，落在“\(label())”档，得\(ScoreText.points(low))")
            }
        }
        return RowEvaluation(nodeID: row.id, suggestion: range.upperBound, allowedRange: range) {
            (a, "\(head())，落在“\(label())”档，可在\(range.lowerBound)–\(range.upperBound)分之间评定，"
                + "建议\(ScoreText.points(range.upperBound))")
        }
    }

    /// Interval notation for a tier without a printed label: "(0%,10%]", "≥90%", "=0%".
    static func describe(_ tier: Tier, unit: String) -> String {
        let show = { (v: Decimal) in ScoreText.value(v, unit) }
        switch (tier.lower, tier.upper) {
        case (nil, nil):
            return "全部"
        case (nil, let upper?):
            return (tier.upperInclusive ? "≤" : "<") + show(upper)
        case (let lower?, nil):
            return (tier.lowerInclusive ? "≥" : ">") + show(lower)
        case (let lower?, let upper?):
            if lower == upper && tier.lowerInclusive && tier.upperInclusive { return "=" + show(lower) }
            return (tier.lowerInclusive ? "[" : "(") + show(lower) + "," + show(upper) + (tier.upperInclusive ? "]" : ")")
        }
    }

    /// W − n × deduct (扣完为止); the actual's number is the count n.
    static func perOccurrence(_ row: RowContext, _ deduct: Decimal) -> RowEvaluation {
        guard let n = row.actual?.number else { return row.noActual("发现次数") }
        let count = ExactFraction(n)
        let exact = count.flatMap { c in ExactFraction(deduct).flatMap { c.multiplied(by: $0) } }
        let score = row.score(exact.flatMap { ExactFraction(row.node.maxScore).subtracting($0) }, or: row.weight - n * deduct)
        if let recalled = row.recalled(score) { return recalled }
        if count.map({ $0.n <= 0 }) ?? (n <= 0) {
            return RowEvaluation(nodeID: row.id, suggestion: score) { (n, "未发现不符合要求的情况，得满分\(ScoreText.points(score))") }
        }
        return RowEvaluation(nodeID: row.id, suggestion: score) {
            let deduction = n * deduct
            let deducted = deduction > row.weight - row.node.minScore.exact
                ? "应扣\(ScoreText.points(deduction))，扣完为止"
                : "扣\(ScoreText.points(Score(rounding: deduction)))"
            return (n, "发现\(ScoreText.num(n))处不符合要求，每处扣\(ScoreText.points(deduct))，\(deducted)，得\(ScoreText.points(score))")
        }
    }

    /// W − (rank − 1) × step (扣完为止).
    static func rank(_ row: RowContext, _ step: Decimal) -> RowEvaluation {
        guard let r = row.actual?.number else { return row.noActual("排名") }
        let exact = ExactFraction(r).flatMap { $0.subtracting(.whole(1)) }
            .flatMap { behind in ExactFraction(step).flatMap { behind.multiplied(by: $0) } }
            .flatMap { ExactFraction(row.node.maxScore).subtracting($0) }
        let score = row.score(exact, or: row.weight - (r - 1) * step)
        if let recalled = row.recalled(score) { return recalled }
        return RowEvaluation(nodeID: row.id, suggestion: score) {
            (r, "排名第\(ScoreText.num(r))位，每后移一位递减\(ScoreText.points(step))，得\(ScoreText.points(score))")
        }
    }
}

/// The steps of a STEP_DEDUCT row: in `Decimal` as the rule reads (for the text and as the
/// reference), and as exact fractions for the score.
private struct StepCount: Sendable {
    let value: Decimal
    let rule: StepDeductRule

    var excess: Decimal { rule.side == .over ? value - rule.baseline : rule.baseline - value }
    var exact: Decimal { rule.step == 1 ? excess : excess / rule.step }

    var steps: Decimal {
        switch rule.stepMode {
        case .perFullStep: return ExactDecimal.floor(exact)
        case .perStartedStep: return ExactDecimal.ceil(exact)
        case .continuous: return exact
        }
    }

    var deduction: Decimal { steps * rule.deduct }

    /// "，不足一步不扣，计3步" when a partial step was dropped or counted.
    var note: String {
        let steps = steps, exact = exact
        guard steps != exact else { return "" }
        switch rule.stepMode {
        case .perFullStep: return "，不足一步不扣，计\(ScoreText.num(steps))步"
        case .perStartedStep: return "，不足一步按一步计，计\(ScoreText.num(steps))步"
        case .continuous: return ""
        }
    }

    func exactExcess(over: Bool) -> ExactFraction? {
        guard let v = ExactFraction(value), let b = ExactFraction(rule.baseline) else { return nil }
        return over ? v.subtracting(b) : b.subtracting(v)
    }

    /// steps × deduct for a positive excess; nil when a fraction overflows.
    func exactDeduction(excess: ExactFraction) -> ExactFraction? {
        guard let step = ExactFraction(rule.step), let deduct = ExactFraction(rule.deduct),
              let q = excess.divided(by: step) else { return nil }
        let whole: ExactFraction
        switch rule.stepMode {
        case .perFullStep: whole = ExactFraction(q.n / q.d)          // q > 0: truncation is floor
        case .perStartedStep: whole = ExactFraction(q.n / q.d + (q.n % q.d == 0 ? 0 : 1))
        case .continuous: whole = q
        }
        return whole.multiplied(by: deduct)
    }
}
