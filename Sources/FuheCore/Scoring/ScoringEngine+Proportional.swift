import Foundation

/// BUDGET_EXEC, PROP_POS / OVERSHOOT_CHECK, PROP_NEG and FULL_OR_ZERO.
///
/// Scores are computed as exact fractions (`ExactFraction`) and fall back to the same formula in
/// `Decimal` when a fraction cannot decide; measures and explanations are built when read.
extension ScoringEngine {
    /// W × min(rate, 100%); the rate is the actual's number (in percent) or executed / full-year budget.
    static func budgetExecution(_ row: RowContext, _ figures: BudgetFigures) -> RowEvaluation {
        // The rate: the actual's number, else executed / full-year budget (made in `Decimal` only
        // when the exact fraction cannot decide, or for the measure and the text).
        let number = row.actual?.number
        let exactRate: ExactFraction?
        if let number {
            exactRate = ExactFraction(number)
        } else if let executed = figures.executed, let budget = figures.fullYear {
            guard budget.yuan != 0 else { return row.unscored("全年预算数为0，无法计算预算执行率，需综合判断") }
            exactRate = ExactFraction(Int128(executed.yuan) * 100).divided(by: ExactFraction(Int128(budget.yuan)))
        } else if row.actual == nil {
            return row.unscored("未填写预算执行率，也没有全年预算数和全年执行数，无法计算建议分")
        } else {
            return row.noActual("预算执行率")
        }
        let decimalRate = { () -> Decimal in
            if let number { return number }
            return Decimal(figures.executed!.yuan) / Decimal(figures.fullYear!.yuan) * 100
        }
        let hundred = ExactFraction.whole(100)
        let full = exactRate.flatMap { $0.compare(hundred) }.map { $0 >= 0 } ?? (decimalRate() >= 100)
        let score = row.score(exactRate.flatMap { (full ? hundred : $0).multiplied(by: ExactFraction(row.node.maxScore)) }
                                  .flatMap { $0.divided(by: hundred) },
                              or: row.weight * (full ? 100 : decimalRate()) / 100)
        if let recalled = row.recalled(score) { return recalled }
        let rate: @Sendable () -> Decimal
        let source: @Sendable (Decimal) -> String
        if let number {
            rate = { number }
            source = { "预算执行率\(ScoreText.pct($0))" }
        } else {
            let executed = figures.executed!, budget = figures.fullYear!
            rate = { Decimal(executed.yuan) / Decimal(budget.yuan) * 100 }
            source = { "全年执行数\(ScoreText.money(executed))÷全年预算数\(ScoreText.money(budget))=预算执行率\(ScoreText.pct($0))" }
        }
        return RowEvaluation(nodeID: row.id, suggestion: score) {
            (rate(), full
                ? "\(source(rate()))，达到100%，得满分\(ScoreText.points(score))"
                : "\(source(rate()))，按比例得分\(ScoreText.num(row.weight))×\(ScoreText.pct(rate()))=\(ScoreText.points(score))")
        }
    }

    /// a ≥ t → W, else W × a / t; flagged OVERSHOOT when a / t ≥ `overshoot`.
    static func proportionalPositive(_ row: RowContext, overshoot: Decimal?) -> RowEvaluation {
        guard let a = row.actual?.number else { return row.noActual() }
        guard let t = row.target?.number else { return row.noTarget() }
        let fa = ExactFraction(a), ft = ExactFraction(t)
        var flags: [ValidationMessage] = []
        let order = fa.flatMap { fa in ft.flatMap { fa.compare($0) } } ?? Decimal.order(a, t)
        let targetSign = Decimal.order(t, 0)
        if let overshoot, targetSign > 0, reaches(a, t, overshoot, fa, ft) {
            flags.append(ValidationMessage(code: "OVERSHOOT", level: .warning, message:
                "“\(row.name)”实际完成\(row.show(a))为目标值\(row.show(t))的\(ScoreText.pct(a / t * 100))，"
                + "达到超额复核比例\(ScoreText.pct(overshoot * 100))，请分析目标值是否设定明显偏低",
                nodeID: row.id, field: "actual"))
        }
        if order >= 0 {
            let score = row.fullScore
            if let recalled = row.recalled(score, flags: flags) { return recalled }
            let rate: @Sendable () -> Decimal? = { t != 0 ? a / t * 100 : nil }
            return RowEvaluation(nodeID: row.id, suggestion: score, flags: flags) {
                (rate(), "实际完成\(row.show(a))，达到目标值\(row.show(t))\(rate().map { "（完成\(ScoreText.pct($0))）" } ?? "")，"
                    + "得满分\(ScoreText.points(score))")
            }
        }
        guard targetSign > 0 else {
            if let recalled = row.recalled(nil, flags: flags) { return recalled }
            let rate: @Sendable () -> Decimal? = { t != 0 ? a / t * 100 : nil }
            return row.unscored("目标值为\(row.show(t))，无法按完成比例计分，需综合判断", measure: rate())
        }
        let exact = fa.flatMap { ExactFraction(row.node.maxScore).multiplied(by: $0) }.flatMap { x in ft.flatMap { x.divided(by: $0) } }
        let score = row.score(exact, or: row.weight * a / t)
        if let recalled = row.recalled(score, flags: flags) { return recalled }
        let rate: @Sendable () -> Decimal? = { t != 0 ? a / t * 100 : nil }
        return RowEvaluation(nodeID: row.id, suggestion: score, flags: flags) {
            (rate(), "实际完成\(row.show(a))，目标值\(row.show(t))，完成\(ScoreText.pct(rate() ?? 0))，"
                + "按比例得分\(ScoreText.num(row.weight))×\(ScoreText.pct(rate() ?? 0))=\(ScoreText.points(score))")
        }
    }

    /// a / t ≥ ratio for t > 0, decided as a ≥ ratio × t in integers when the values are small
    /// (the quotient then lies at least 10⁻³⁶ from the ratio unless equal), else in `Decimal`.
    private static func reaches(_ a: Decimal, _ t: Decimal, _ ratio: Decimal, _ fa: ExactFraction?, _ ft: ExactFraction?) -> Bool {
        if let fa, let ft, fa.d < 1_000_000_000_000_000_000, ft.d < 1_000_000_000_000_000_000,
           let fr = ExactFraction(ratio), let bound = fr.multiplied(by: ft), bound.d < 1_000_000_000_000_000_000,
           ft.n.magnitude < 1_000_000_000_000_000_000, let c = fa.compare(bound) {
            return c >= 0
        }
        return a / t >= ratio
    }

    /// a ≤ t → W; else W × t / a (RATIO) or W × max(0, 1 − (a − t) / t) (LINEAR_EXCESS).
    static func proportionalNegative(_ row: RowContext, _ variant: NegativeVariant) -> RowEvaluation {
        guard let a = row.actual?.number else { return row.noActual() }
        guard let t = row.target?.number else { return row.noTarget() }
        // a / t × 100, made only for a row that explains itself (a closure formed is a context allocated).
        func measured() -> @Sendable () -> Decimal? { { t != 0 ? a / t * 100 : nil } }
        if Decimal.order(a, t) <= 0 {
            let score = row.fullScore
            if let recalled = row.recalled(score) { return recalled }
            let measure = measured()
            return RowEvaluation(nodeID: row.id, suggestion: score) {
                (measure(), "实际\(row.show(a))，未超过目标值\(row.show(t))，得满分\(ScoreText.points(score))")
            }
        }
        guard Decimal.order(t, 0) > 0 else {
            if let recalled = row.recalled(nil) { return recalled }
            let measure = measured()
            return row.unscored("目标值为\(row.show(t))，无法按比例计分，需综合判断", measure: measure())
        }
        let w = ExactFraction(row.node.maxScore)
        let fa = ExactFraction(a), ft = ExactFraction(t)
        switch variant {
        case .ratio:
            let exact = ft.flatMap { w.multiplied(by: $0) }.flatMap { x in fa.flatMap { x.divided(by: $0) } }
            let score = row.score(exact, or: row.weight * t / a)
            if let recalled = row.recalled(score) { return recalled }
            let measure = measured()
            return RowEvaluation(nodeID: row.id, suggestion: score) {
                (measure(), "实际\(row.show(a))，超过目标值\(row.show(t))，按比例得分"
                    + "\(ScoreText.num(row.weight))×\(ScoreText.num(t))/\(ScoreText.num(a))=\(ScoreText.points(score))")
            }
        case .linearExcess:
            // W × (1 − (a − t) / t) = W × (2t − a) / t, 0 once a ≥ 2t.
            let exact: ExactFraction? = fa.flatMap { fa in ft.flatMap { ft in
                ft.adding(ft).flatMap { $0.subtracting(fa) }.flatMap { left in
                    left.n <= 0 ? ExactFraction.whole(0) : w.multiplied(by: left).flatMap { $0.divided(by: ft) }
                }
            } }
            let score = row.score(exact, or: row.weight * ((a - t) / t >= 1 ? 0 : 1 - (a - t) / t))
            if let recalled = row.recalled(score) { return recalled }
            let excess: @Sendable () -> Decimal = { (a - t) / t }
            let measure = measured()
            return RowEvaluation(nodeID: row.id, suggestion: score) {
                (measure(), "实际\(row.show(a))，超过目标值\(row.show(t))达\(ScoreText.pct(excess() * 100))，按超出比例扣减得分"
                    + "\(ScoreText.num(row.weight))×(1−\(ScoreText.pct(excess() * 100)))=\(ScoreText.points(score))")
            }
        }
    }

    /// Met → W, else 0. Without an explicit answer the actual is compared with the target by the
    /// node's direction (POSITIVE ≥, NEGATIVE ≤, EQUAL =; QUALITATIVE is read as ≥).
    static func fullOrZero(_ row: RowContext) -> RowEvaluation {
        let met: Bool
        var compared: (a: Decimal, t: Decimal, sign: String)?
        if let answer = row.actual?.met {
            met = answer
        } else {
            guard let a = row.actual?.number else {
                return row.noActual("是否达标（或实际完成值）")
            }
            guard let t = row.target?.number else { return row.noTarget() }
            let sign: String
            switch row.node.direction {
            case .negative: (met, sign) = (a <= t, "≤")
            case .equal: (met, sign) = (a == t, "=")
            case .positive, .qualitative: (met, sign) = (a >= t, "≥")
            }
            compared = (a, t, sign)
        }
        let score = met ? row.fullScore : row.score(.whole(0), or: 0)
        if let recalled = row.recalled(score) { return recalled }
        let reason: @Sendable () -> String
        if let compared {
            let (a, t, sign) = compared
            reason = { "实际\(row.show(a))，目标\(sign)\(row.show(t))" }
        } else {
            reason = { "实际情况“\(row.actual?.text ?? "")”" }
        }
        let measured = compared?.a
        return RowEvaluation(nodeID: row.id, suggestion: score) {
            (measured, met ? "\(reason())，达标，得满分\(ScoreText.points(score))" : "\(reason())，未达标，得\(ScoreText.points(score))")
        }
    }
}
