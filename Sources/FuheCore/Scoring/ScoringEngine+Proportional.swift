import Foundation

/// BUDGET_EXEC, PROP_POS / OVERSHOOT_CHECK, PROP_NEG and FULL_OR_ZERO.
extension ScoringEngine {
    /// W × min(rate, 100%); the rate is the actual's number (in percent) or executed / full-year budget.
    static func budgetExecution(_ row: RowContext, _ evaluation: SelfEvaluation) -> RowEvaluation {
        let rate: Decimal
        let source: String
        if let number = row.actual?.number {
            rate = number
            source = "预算执行率\(ScoreText.pct(number))"
        } else if let executed = evaluation.executed, let budget = evaluation.budgetFullYear {
            guard budget.yuan != 0 else { return row.unscored("全年预算数为0，无法计算预算执行率，需综合判断") }
            rate = Decimal(executed.yuan) / Decimal(budget.yuan) * 100
            source = "全年执行数\(ScoreText.money(executed))÷全年预算数\(ScoreText.money(budget))=预算执行率\(ScoreText.pct(rate))"
        } else if row.actual == nil {
            return row.unscored("未填写预算执行率，也没有全年预算数和全年执行数，无法计算建议分")
        } else {
            return row.noActual("预算执行率")
        }
        let used = rate > 100 ? 100 : rate
        let score = row.score(row.weight * used / 100)
        let text = rate >= 100
            ? "\(source)，达到100%，得满分\(ScoreText.points(score))"
            : "\(source)，按比例得分\(ScoreText.num(row.weight))×\(ScoreText.pct(rate))=\(ScoreText.points(score))"
        return RowEvaluation(nodeID: row.id, suggestion: score, measure: rate, explanation: text)
    }

    /// a ≥ t → W, else W × a / t; flagged OVERSHOOT when a / t ≥ `overshoot`.
    static func proportionalPositive(_ row: RowContext, overshoot: Decimal?) -> RowEvaluation {
        guard let a = row.actual?.number else { return row.noActual() }
        guard let t = row.target?.number else { return row.noTarget() }
        let rate: Decimal? = t != 0 ? a / t * 100 : nil
        var flags: [ValidationMessage] = []
        if let overshoot, t > 0, a / t >= overshoot {
            flags.append(ValidationMessage(code: "OVERSHOOT", level: .warning, message:
                "“\(row.name)”实际完成\(row.show(a))为目标值\(row.show(t))的\(ScoreText.pct(a / t * 100))，"
                + "达到超额复核比例\(ScoreText.pct(overshoot * 100))，请分析目标值是否设定明显偏低",
                nodeID: row.id, field: "actual"))
        }
        if a >= t {
            let score = row.score(row.weight)
            let done = rate.map { "（完成\(ScoreText.pct($0))）" } ?? ""
            return RowEvaluation(nodeID: row.id, suggestion: score, measure: rate, explanation:
                "实际完成\(row.show(a))，达到目标值\(row.show(t))\(done)，得满分\(ScoreText.points(score))", flags: flags)
        }
        guard let rate, t > 0 else {
            return row.unscored("目标值为\(row.show(t))，无法按完成比例计分，需综合判断", measure: rate)
        }
        let score = row.score(row.weight * a / t)
        return RowEvaluation(nodeID: row.id, suggestion: score, measure: rate, explanation:
            "实际完成\(row.show(a))，目标值\(row.show(t))，完成\(ScoreText.pct(rate))，"
            + "按比例得分\(ScoreText.num(row.weight))×\(ScoreText.pct(rate))=\(ScoreText.points(score))", flags: flags)
    }

    /// a ≤ t → W; else W × t / a (RATIO) or W × max(0, 1 − (a − t) / t) (LINEAR_EXCESS).
    static func proportionalNegative(_ row: RowContext, _ variant: NegativeVariant) -> RowEvaluation {
        guard let a = row.actual?.number else { return row.noActual() }
        guard let t = row.target?.number else { return row.noTarget() }
        let measure: Decimal? = t != 0 ? a / t * 100 : nil
        if a <= t {
            let score = row.score(row.weight)
            return RowEvaluation(nodeID: row.id, suggestion: score, measure: measure, explanation:
                "实际\(row.show(a))，未超过目标值\(row.show(t))，得满分\(ScoreText.points(score))")
        }
        guard t > 0 else {
            return row.unscored("目标值为\(row.show(t))，无法按比例计分，需综合判断", measure: measure)
        }
        switch variant {
        case .ratio:
            let score = row.score(row.weight * t / a)
            return RowEvaluation(nodeID: row.id, suggestion: score, measure: measure, explanation:
                "实际\(row.show(a))，超过目标值\(row.show(t))，按比例得分"
                + "\(ScoreText.num(row.weight))×\(ScoreText.num(t))/\(ScoreText.num(a))=\(ScoreText.points(score))")
        case .linearExcess:
            let excess = (a - t) / t
            let score = row.score(row.weight * (excess >= 1 ? 0 : 1 - excess))
            return RowEvaluation(nodeID: row.id, suggestion: score, measure: measure, explanation:
                "实际\(row.show(a))，超过目标值\(row.show(t))达\(ScoreText.pct(excess * 100))，按超出比例扣减得分"
                + "\(ScoreText.num(row.weight))×(1−\(ScoreText.pct(excess * 100)))=\(ScoreText.points(score))")
        }
    }

    /// Met → W, else 0. Without an explicit answer the actual is compared with the target by the
    /// node's direction (POSITIVE ≥, NEGATIVE ≤, EQUAL =; QUALITATIVE is read as ≥).
    static func fullOrZero(_ row: RowContext) -> RowEvaluation {
        let met: Bool
        let reason: String
        var measure: Decimal?
        if let answer = row.actual?.met {
            met = answer
            reason = "实际情况“\(row.actual?.text ?? "")”"
        } else {
            guard let a = row.actual?.number else {
                return row.noActual("是否达标（或实际完成值）")
            }
            guard let t = row.target?.number else { return row.noTarget() }
            measure = a
            let sign: String
            switch row.node.direction {
            case .negative: (met, sign) = (a <= t, "≤")
            case .equal: (met, sign) = (a == t, "=")
            case .positive, .qualitative: (met, sign) = (a >= t, "≥")
            }
            reason = "实际\(row.show(a))，目标\(sign)\(row.show(t))"
        }
        let score = row.score(met ? row.weight : 0)
        return RowEvaluation(nodeID: row.id, suggestion: score, measure: measure, explanation:
            met ? "\(reason)，达标，得满分\(ScoreText.points(score))" : "\(reason)，未达标，得\(ScoreText.points(score))")
    }
}
