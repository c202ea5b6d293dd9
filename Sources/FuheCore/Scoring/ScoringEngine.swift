import Foundation

/// Suggests a score for one scoresheet leaf by its method (spec §3.3), from the row's effective
/// actual (verified actual when set, else stated actual) and target. The result is rounded
/// half-up to 2 decimals once and clamped to [min_score, max_score]; rates are never rounded
/// before scoring.
///
/// ```swift
/// let row = ScoringEngine.evaluate(node: node, result: result, evaluation: dossier.evaluation)
/// row.suggestion   // 0.00 for 在职人员控制率 110% under "每超过1个百分点扣0.5分"
/// row.explanation  // "在职人员控制率110%，超过基准10个百分点，每1个百分点扣0.5分，扣5.00分，得0.00分"
/// ```
public enum ScoringEngine {
    /// Evaluates one leaf. `thresholds.overshootDefault` applies to PROP_POS rows without their
    /// own overshoot ratio.
    public static func evaluate(node: IndicatorNode, result: IndicatorResult, evaluation: SelfEvaluation,
                                thresholds: DeviationThresholds = .default) -> RowEvaluation {
        evaluate(nodes: [node], at: 0, actual: result.effectiveActual, target: result.target, budget: BudgetFigures(evaluation),
                 thresholds: thresholds)
    }

    /// The same for `nodes[position]` from the row's effective actual and target; `checklistNames`
    /// are the CHECKLIST element names as `checklistNames(_:)` prepares them (the template index
    /// keeps them). The node is read in place: the row keeps the list, not a copy of the node.
    /// With a `recipe` (whose row at `position` has these inputs) the row keeps the recipe instead
    /// of closures for its measure and explanation: no allocation per row.
    static func evaluate(nodes: [IndicatorNode], at position: Int, actual: ObservedValue?, target: ObservedValue?,
                         budget: BudgetFigures, thresholds: DeviationThresholds, checklistNames: [String]? = nil,
                         recipe: RowRecipe? = nil) -> RowEvaluation {
        let row = RowContext(nodes: nodes, position: position, actual: actual, target: target, recipe: recipe)
        if nodes[position].kind == .trial {
            return RowEvaluation(nodeID: row.id, explanation: "试评价指标，只记录不计分")
        }
        switch nodes[position].method {
        case .budgetExecution:
            return budgetExecution(row, budget)
        case .proportionalPositive(let ratio):
            return proportionalPositive(row, overshoot: ratio ?? thresholds.overshootDefault)
        case .overshootCheck(let ratio):
            return proportionalPositive(row, overshoot: ratio)
        case .proportionalNegative(let variant):
            return proportionalNegative(row, variant)
        case .fullOrZero:
            return fullOrZero(row)
        case .stepDeduct(let rule):
            return stepDeduct(row, rule)
        case .tiered(let tiers):
            return tiered(row, tiers)
        case .perOccurrence(let deduct):
            return perOccurrence(row, deduct)
        case .checklist(let elements):
            return checklist(row, elements, names: checklistNames)
        case .qualitative3Level:
            return qualitative(row)
        case .rank(let step):
            return rank(row, step)
        case .manual:
            if let recalled = row.recalled(nil) { return recalled }
            let low = nodes[position].minScore, high = nodes[position].maxScore
            return RowEvaluation(nodeID: row.id, explanation: "综合判断指标，由复核人员在\(low)–\(high)分之间评定并说明理由")
        case .adjust:
            if let recalled = row.recalled(nil) { return recalled }
            let low = nodes[position].minScore, high = nodes[position].maxScore
            return RowEvaluation(nodeID: row.id, explanation:
                "加减分指标，由复核人员在\(low)至\(high.signedDescription)分之间评定（扣分记负数）")
        }
    }
}

/// The inputs of one row and the small helpers every method needs.
struct RowContext: Sendable {
    /// The template's nodes (shared, so that a row and its deferred explanation retain one list
    /// instead of copying the node and retaining each of its strings).
    let nodes: [IndicatorNode]
    let position: Int
    let actual: ObservedValue?
    let target: ObservedValue?
    /// What the row is evaluated again from when its measure or explanation is read (nil: the
    /// methods give the row closures that make them).
    let recipe: RowRecipe?

    /// The row as a method scored it, with its measure and explanation made from the recipe when
    /// read; nil without a recipe (the method then returns the row with its closures). Asked
    /// before a method forms any closure, so that a scoring with a recipe allocates none.
    func recalled(_ suggestion: Score?, allowedRange: ClosedRange<Score>? = nil, flags: [ValidationMessage] = []) -> RowEvaluation? {
        guard let recipe else { return nil }
        return RowEvaluation(nodeID: id, suggestion: suggestion, allowedRange: allowedRange, flags: flags,
                             recipe: recipe, position: position)
    }

    /// The row's node.
    var node: IndicatorNode { nodes[position] }

    var id: String { nodes[position].id }
    var name: String { nodes[position].name }
    var unit: String { nodes[position].unitOfMeasure }
    /// W: the node's maximum score.
    var weight: Decimal { node.maxScore.exact }

    /// W clamped and rounded like any computed value (`score(weight)` without building a `Decimal`).
    var fullScore: Score { score(ExactFraction(node.maxScore), or: weight) }

    /// Clamps an exact value into [min, max] and rounds it half-up to hundredths.
    func score(_ raw: Decimal) -> Score {
        if let exact = ExactFraction(raw), let fast = clampedScore(exact, halfWayExact: true) { return fast }
        if raw.isNaN { return node.minScore }
        let low = node.minScore.exact, high = node.maxScore.exact
        return Score(rounding: raw < low ? low : (raw > high ? high : raw))
    }

    /// The same for a formula computed as an exact fraction; `decimal` is the same formula in
    /// `Decimal` arithmetic, used when the fraction overflowed (nil) or lies exactly half-way
    /// between two hundredths, where `Decimal`'s 38-digit intermediate rounding decides.
    func score(_ exact: ExactFraction?, or decimal: @autoclosure () -> Decimal) -> Score {
        if let exact, let fast = clampedScore(exact, halfWayExact: false) { return fast }
        return score(decimal())
    }

    /// The same for a value known exactly as a fraction (a sum of exact points, not a formula
    /// `Decimal` would round); `decimal` is the same value in `Decimal`, used when the fraction overflowed.
    func score(exactValue: ExactFraction?, or decimal: @autoclosure () -> Decimal) -> Score {
        if let exactValue, let fast = clampedScore(exactValue, halfWayExact: true) { return fast }
        return score(decimal())
    }

    /// [min, max] clamping then half-up rounding in integers; nil when that cannot decide.
    private func clampedScore(_ value: ExactFraction, halfWayExact: Bool) -> Score? {
        guard let belowLow = value.compare(ExactFraction(node.minScore)), let aboveHigh = value.compare(ExactFraction(node.maxScore)) else {
            return nil
        }
        if belowLow < 0 { return node.minScore }
        if aboveHigh > 0 { return node.maxScore }
        return value.roundedHundredths(halfWay: halfWayExact).map(Score.init(hundredths:))
    }

    /// `value` with this row's unit ("110%", "9天").
    func show(_ value: Decimal) -> String { ScoreText.value(value, unit) }

    /// A row without suggestion, explaining why.
    func unscored(_ explanation: @autoclosure @escaping @Sendable () -> String,
                  measure: @autoclosure @escaping @Sendable () -> Decimal? = nil) -> RowEvaluation {
        recalled(nil) ?? RowEvaluation(nodeID: id, measure: measure(), explanation: explanation())
    }

    /// Why the actual's number is unavailable (missing, unreadable, or a zero denominator).
    func noActual(_ what: String = "实际完成值") -> RowEvaluation {
        if let recalled = recalled(nil) { return recalled }
        let actual = actual
        return unscored(Self.missingReason(actual, what))
    }

    /// Why the target's number is unavailable.
    func noTarget() -> RowEvaluation {
        if let recalled = recalled(nil) { return recalled }
        let target = target
        return unscored(Self.missingReason(target, "目标值"))
    }

    private static func missingReason(_ value: ObservedValue?, _ what: String) -> String {
        guard let text = value?.text, !text.allSatisfy(\.isWhitespace) else {
            return "未填写\(what)，无法计算建议分"
        }
        if ObservedValue.hasZeroDenominator(text) {
            return "\(what)“\(text)”的分母为0，无法计算比率，需综合判断"
        }
        return "\(what)“\(text)”无法读出数值，无法计算建议分"
    }
}
