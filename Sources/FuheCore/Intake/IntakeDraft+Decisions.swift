import Foundation

/// A decision the draft cannot take, with the reason in Chinese.
public struct IntakeDraftError: Error, Sendable, Equatable, CustomStringConvertible {
    public var valueID: String
    public var message: String

    public init(_ valueID: String, _ message: String) {
        self.valueID = valueID
        self.message = message
    }

    public var description: String { "\(valueID): \(message)" }
}

extension IntakeDraft {
    /// Ids of every value a reviewer decides on, in screen order: `unit`, `year`, `eval_type`,
    /// `template`, `report_date`, `grade`, then `total.N`, `indicator.N`, `figure.N`, `basis.N`,
    /// `problem.N`, `measure.N`.
    public var valueIDs: [String] {
        ["unit", "year", "eval_type", "template", "report_date", "grade"] + totals.map(\.id) + indicators.map(\.id)
            + figures.map(\.id) + basisDocs.map(\.id) + problems.map(\.id) + measures.map(\.id)
    }

    /// The current decision on a value (nil for an unknown id).
    public func decision(of valueID: String) -> DraftDecision? {
        switch valueID {
        case "unit": unit.decision
        case "year": year.decision
        case "eval_type": evalType.decision
        case "template": template.decision
        case "report_date": reportDate.decision
        case "grade": grade.decision
        default:
            totals.first { $0.id == valueID }?.decision ?? indicators.first { $0.id == valueID }?.decision
                ?? figures.first { $0.id == valueID }?.decision ?? basisDocs.first { $0.id == valueID }?.decision
                ?? problems.first { $0.id == valueID }?.decision ?? measures.first { $0.id == valueID }?.decision
        }
    }

    /// Records a decision on one value. A correction is checked first (a year must be a year, a
    /// score a score …); correcting the template re-maps the indicators to the new template's
    /// nodes (`templates` finds it). Accepting a value the reader did not find is refused: correct it
    /// or mark it absent.
    public mutating func decide(_ valueID: String, _ decision: DraftDecision,
                                templates: (String) -> IndicatorTemplate? = { _ in nil }) throws(IntakeDraftError) {
        if case .corrected(let raw) = decision {
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw IntakeDraftError(valueID, "更正的值不能为空（原文未载请标记“原文未载”）") }
            try Self.checkCorrection(valueID, text, templates: templates, evalType: evalType.effective)
            return try setDecision(valueID, .corrected(Self.normalizedCorrection(valueID, text)), templates: templates)
        }
        if decision == .accepted, proposal(of: valueID) == nil {
            throw IntakeDraftError(valueID, "原文中未找到此项，无可确认的值：请更正或标记“原文未载”")
        }
        try setDecision(valueID, decision, templates: templates)
    }

    /// Accepts every pending value that has a proposal (what the reviewer has looked over); values
    /// the reader did not find stay pending. Returns how many were accepted.
    @discardableResult
    public mutating func acceptAll() -> Int {
        var n = 0
        for id in valueIDs where decision(of: id) == .pending && proposal(of: id) != nil {
            try? setDecision(id, .accepted, templates: { _ in nil })
            n += 1
        }
        return n
    }

    /// Maps an indicator to another node of the chosen template (a choice among `nodeChoices`), or
    /// to none (nil).
    public mutating func remap(_ indicatorID: String, to code: String?, template: IndicatorTemplate) throws(IntakeDraftError) {
        guard let i = indicators.firstIndex(where: { $0.id == indicatorID }) else {
            throw IntakeDraftError(indicatorID, "草稿中没有这个指标")
        }
        guard let code else {
            indicators[i].node = nil
            indicators[i].nodeName = nil
            indicators[i].match = .none
            indicators[i].similarity = "0.00"
            return
        }
        guard let node = template.node(code: code) else {
            throw IntakeDraftError(indicatorID, "模板 \(template.id) 中没有编号为 \(code) 的指标")
        }
        if let other = indicators.first(where: { $0.id != indicatorID && $0.node == code }) {
            throw IntakeDraftError(indicatorID, "“\(node.name)”已对应“\(other.label)”；请先改动那一项")
        }
        indicators[i].node = code
        indicators[i].nodeName = node.name
        indicators[i].match = .chosen
        indicators[i].similarity = "1.00"
    }

    /// The nodes an indicator can be mapped to: every node of the template, in order, with its
    /// depth, weight and the label of the indicator already mapped there.
    public func nodeChoices(in template: IndicatorTemplate) -> [NodeChoice] {
        template.nodes.map { node in
            NodeChoice(code: node.code, name: node.name, level: node.level, weight: node.weight,
                       takenBy: indicators.first { $0.node == node.code }?.id)
        }
    }

    /// The proposal behind a value id (nil when the reader found none).
    func proposal(of valueID: String) -> String? {
        switch valueID {
        case "unit": unit.value
        case "year": year.value
        case "eval_type": evalType.value
        case "template": template.value
        case "report_date": reportDate.value
        case "grade": grade.value
        default:
            totals.first { $0.id == valueID }?.value ?? indicators.first { $0.id == valueID }?.score
                ?? figures.first { $0.id == valueID }?.value ?? basisDocs.first { $0.id == valueID }?.text
                ?? problems.first { $0.id == valueID }?.text ?? measures.first { $0.id == valueID }?.text
        }
    }

    private mutating func setDecision(_ valueID: String, _ d: DraftDecision,
                                      templates: (String) -> IndicatorTemplate?) throws(IntakeDraftError) {
        switch valueID {
        case "unit": unit.decision = d
        case "year": year.decision = d
        case "eval_type": evalType.decision = d
        case "report_date": reportDate.decision = d
        case "grade": grade.decision = d
        case "template":
            template.decision = d
            if let id = template.effective, let t = templates(id) { indicators = NodeMatcher.map(indicators, to: t) }
        default:
            if let i = totals.firstIndex(where: { $0.id == valueID }) { totals[i].decision = d }
            else if let i = indicators.firstIndex(where: { $0.id == valueID }) { indicators[i].decision = d }
            else if let i = figures.firstIndex(where: { $0.id == valueID }) { figures[i].decision = d }
            else if let i = basisDocs.firstIndex(where: { $0.id == valueID }) { basisDocs[i].decision = d }
            else if let i = problems.firstIndex(where: { $0.id == valueID }) { problems[i].decision = d }
            else if let i = measures.firstIndex(where: { $0.id == valueID }) { measures[i].decision = d }
            else { throw IntakeDraftError(valueID, "草稿中没有这一项") }
        }
    }

    static func checkCorrection(_ valueID: String, _ text: String, templates: (String) -> IndicatorTemplate?,
                                evalType: String?) throws(IntakeDraftError) {
        switch valueID {
        case "year":
            guard let y = Int(text), (1990...2100).contains(y) else { throw IntakeDraftError(valueID, "“\(text)”不是年度（四位数字，如2020）") }
        case "eval_type":
            guard IntakeDraft.evalType(text) != nil else { throw IntakeDraftError(valueID, "评价类型应为 项目支出、部门整体支出 或 专项资金") }
        case "template":
            guard let t = templates(text) else { throw IntakeDraftError(valueID, "没有编号为 \(text) 的模板") }
            if let evalType, let type = IntakeDraft.evalType(evalType), type != t.evalType {
                throw IntakeDraftError(valueID, "模板 \(t.id) 用于\(t.evalType.label)，与评价类型“\(type.label)”不符")
            }
        case "report_date":
            guard CalendarDay(text) != nil else { throw IntakeDraftError(valueID, "“\(text)”不是日期（YYYY-MM-DD）") }
        default:
            if valueID.hasPrefix("total.") || valueID.hasPrefix("indicator.") {
                guard Score(text) != nil else { throw IntakeDraftError(valueID, "“\(text)”不是分数（最多两位小数）") }
            } else if valueID.hasPrefix("figure.") {
                guard ExactDecimal.parse(text) != nil else { throw IntakeDraftError(valueID, "“\(text)”不是数字") }
            }
        }
    }

    static func normalizedCorrection(_ valueID: String, _ text: String) -> String {
        valueID == "eval_type" ? (IntakeDraft.evalType(text)?.rawValue ?? text) : text
    }

    /// An evaluation type from its code or Chinese name.
    public static func evalType(_ text: String) -> EvalType? {
        EvalType(rawValue: text) ?? EvalType.allCases.first { $0.label == text || text.hasPrefix($0.label) }
    }
}

/// A node an indicator can be mapped to.
public struct NodeChoice: Hashable, Sendable {
    public var code: String
    public var name: String
    public var level: Int
    public var weight: Score
    /// The indicator already mapped to this node, if any.
    public var takenBy: String?
}
