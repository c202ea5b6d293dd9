import Foundation

/// A problem the reader of a report found in its arithmetic, offered to the reviewer as a finding
/// (问题) to record with one action. Kept with the report's text (`ReportSource.suggestions`);
/// promoting one creates a `Finding` with origin AUTO_CHECK.
public struct FindingSuggestion: Hashable, Sendable, Codable, Identifiable {
    /// The check it comes from (`check.3`).
    public var id: String
    /// D-001, D-002, D-005, D-006 (spec §3.8).
    public var ruleCode: String
    public var category: FindingCategory
    /// `error` or `hint` (a difference at rounding level).
    public var level: DraftCheck.Level
    /// The check's sentence, naming the numbers.
    public var description: String
    /// The difference, when it is an amount of money.
    public var amountInvolved: Money?
    public var spans: [SourceSpan]

    public init(id: String, ruleCode: String, category: FindingCategory, level: DraftCheck.Level, description: String,
                amountInvolved: Money? = nil, spans: [SourceSpan]) {
        self.id = id
        self.ruleCode = ruleCode
        self.category = category
        self.level = level
        self.description = description
        self.amountInvolved = amountInvolved
        self.spans = spans
    }

    enum CodingKeys: String, CodingKey {
        case id, ruleCode = "rule_code", category, level, description, amountInvolved = "amount_involved", spans
    }

    /// The suggestion for a check that did not add up (nil for checks that did, and for score
    /// checks, which the validation rules S-001/S-002/S-004 raise again on the scoresheet).
    public init?(_ check: DraftCheck) {
        guard check.level != .ok, !check.isScoreCheck else { return nil }
        var amount: Money?
        if check.unit == "万元", let s = Decimal(string: check.stated), let c = Decimal(string: check.computed) {
            amount = Money(wanYuan: ExactDecimal.plain(abs(s - c)))
        }
        self.init(id: check.id, ruleCode: check.ruleCode,
                  category: check.kind == .gradeExecution ? .budgetExecution : .calcError,
                  level: check.level, description: check.message, amountInvolved: amount, spans: check.spans)
    }

    /// The finding a reviewer records from this suggestion; `basis` names the place in the report.
    public func finding(id: String, seq: Int, nodeID: String? = nil) -> Finding {
        let place = spans.first.map { "原文第\($0.line)行" } ?? "原文"
        return Finding(id: id, seq: seq, nodeID: nodeID, category: category, description: description,
                       amountInvolved: amountInvolved, basis: "\(place)（\(ruleCode)）", origin: .autoCheck,
                       severity: .general, ruleCode: ruleCode)
    }
}
