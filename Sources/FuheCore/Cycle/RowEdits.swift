import Foundation

/// One reviewer edit of a scoresheet row, as the single-row keys and the batch both make it:
/// the row reviewed with the engine's suggestion, or with a typed score and reason — checked by
/// the same rules (R-001/R-002/R-007 on the score, R-003/R-004 on the reason, and a row waiting
/// for the unit is not scored behind its back).
public enum RowEdits {
    /// The row as reviewed by `actor` at `time`.
    public static func reviewed(_ row: IndicatorResult, by actor: String, at time: Date) -> IndicatorResult {
        var r = row
        r.status = .reviewed
        r.reviewedBy = actor
        r.reviewedAt = time
        return r
    }

    /// Takes the engine's suggestion. When a reason is required and none is written,
    /// the engine's explanation of its computation becomes the reason. Nil when there is no
    /// suggestion.
    public static func accept(_ row: IndicatorResult, node: IndicatorNode, evaluation: RowEvaluation,
                              by actor: String, at time: Date) -> IndicatorResult? {
        guard let suggestion = evaluation.suggestion else { return nil }
        var r = row
        r.reviewScore = suggestion
        if ReasonRules.needsWords(node: node, score: suggestion, selfScore: r.selfScore, reviewNote: r.reviewNote), RuleText.isBlank(r.deductionReason) {
            r.deductionReason = evaluation.explanation
        }
        return reviewed(r, by: actor, at: time)
    }

    /// Whether a review score needs a written reason: below the maximum (for an ADJUST row: a
    /// penalty) — R-003 — or different from a stated self score — R-004.
    public static func needsReason(node: IndicatorNode, score: Score, selfScore: Score?) -> Bool {
        ReasonRules.needsWords(node: node, score: score, selfScore: selfScore, reviewNote: nil)
    }

    /// The blockers of a row as it would be stored (a reason or a review note answers them).
    public static func reasonProblems(_ node: IndicatorNode, _ row: IndicatorResult) -> [ValidationMessage] {
        ReviewLifecycle.rowBlockers(node, row).filter { $0.code == "R-003" || $0.code == "R-004" }
    }

    /// A row waiting for the unit (待单位补充) is not scored by a batch: the question would be
    /// answered behind the reviewer's back. Nil when the row may be scored.
    public static func heldForUnit(_ node: IndicatorNode, _ row: IndicatorResult) -> ValidationMessage? {
        guard row.status == .queried else { return nil }
        let question = RuleText.trimmed(row.question) ?? RuleText.trimmed(row.reviewNote) ?? "未写明"
        return ValidationMessage(code: "R-008", level: .error,
                                 message: "指标\(RuleText.node(node))待单位补充（\(question)），先解除待补充再评分",
                                 nodeID: node.id, field: "status")
    }
}

/// What a batch would do to each selected row: the new row, or the rules that refuse it, or
/// nothing (already so). Built by `RowBatch`; nothing is stored until the caller applies
/// `changedRows` as one edit.
public struct RowBatchPlan: Sendable {
    public struct Line: Sendable {
        public var node: IndicatorNode
        public var before: IndicatorResult
        /// The row after the batch; nil when refused or unchanged.
        public var after: IndicatorResult?
        /// Why the row is refused (rule messages; a message without a code is not a rule).
        public var refusals: [ValidationMessage]

        public var isRefused: Bool { !refusals.isEmpty }
        public var isUnchanged: Bool { refusals.isEmpty && after == nil }
    }

    public var lines: [Line]

    /// The rows to store, in template order.
    public var changedRows: [IndicatorResult] { lines.compactMap(\.after) }
    public var refused: [Line] { lines.filter(\.isRefused) }
    public var unchanged: [Line] { lines.filter(\.isUnchanged) }
}

/// Plans one edit over many scoresheet rows (VisiData-style selection): every rule is checked
/// per row, and refused rows are listed with their rule codes, never silently skipped.
///
/// ```swift
/// let plan = RowBatch.setReason("经核对佐证，维持自评", nodes: selected, in: dossier, scored: scored)
/// plan.refused   // listed in the preview
/// ```
public enum RowBatch {
    /// Accept the engine's suggestion on every row.
    public static func acceptSuggestions(_ nodes: [IndicatorNode], in dossier: Dossier, scored: ScoredDossier,
                                         by actor: String, at time: Date) -> RowBatchPlan {
        plan(nodes, in: dossier, scored: scored) { node, row in
            if let held = RowEdits.heldForUnit(node, row) { return .failure([held]) }
            guard let eval = scored.rows[node.id],
                  let accepted = RowEdits.accept(row, node: node, evaluation: eval, by: actor, at: time) else {
                let why = scored.rows[node.id]?.explanation ?? node.method.label
                return .failure([ValidationMessage(code: "", level: .error, message: "没有引擎建议分（\(why)），须手工评分",
                                                   nodeID: node.id)])
            }
            return .success(accepted)
        }
    }

    /// One review score (and, when given, one reason) on every row: on the score
    /// per row, then on the row as it would be stored. Besides a number, `text` may be
    /// 满分 (each row's maximum), 自评 (each row's self score) or 建议 (each row's suggestion).
    public static func setScore(_ text: String, reason: String?, _ nodes: [IndicatorNode], in dossier: Dossier,
                                scored: ScoredDossier, by actor: String, at time: Date) -> RowBatchPlan {
        plan(nodes, in: dossier, scored: scored) { node, row in
            if let held = RowEdits.heldForUnit(node, row) { return .failure([held]) }
            let eval = scored.rows[node.id] ?? RowEvaluation(nodeID: node.id, explanation: "")
            let typed: String
            switch BatchScore(text) {
            case .number(let t): typed = t
            case .maximum: typed = node.maxScore.description
            case .selfScore:
                guard let s = row.selfScore else {
                    return .failure([ValidationMessage(code: "", level: .error, message: "没有自评分，不能按自评评分", nodeID: node.id)])
                }
                typed = s.description
            case .suggestion:
                guard let s = eval.suggestion else {
                    return .failure([ValidationMessage(code: "", level: .error, message: "没有引擎建议分（\(eval.explanation)）", nodeID: node.id)])
                }
                typed = s.description
            }
            let (score, problems) = ReviewScoreRules.check(text: typed, node: node, row: eval)
            guard let score else {
                return .failure(problems.isEmpty ? [ValidationMessage(code: "R-002", level: .error, message: "请输入复核分", nodeID: node.id)] : problems)
            }
            var r = row
            r.reviewScore = score
            if let reason = RuleText.trimmed(reason) { r.deductionReason = reason }
            r = RowEdits.reviewed(r, by: actor, at: time)
            let missing = RowEdits.reasonProblems(node, r)
            return missing.isEmpty ? .success(r) : .failure(missing)
        }
    }

    /// One deduction reason on every row (a blank reason clears it).
    public static func setReason(_ reason: String, _ nodes: [IndicatorNode], in dossier: Dossier,
                                 scored: ScoredDossier) -> RowBatchPlan {
        plan(nodes, in: dossier, scored: scored) { _, row in
            var r = row
            r.deductionReason = RuleText.trimmed(reason)
            return .success(r)
        }
    }

    /// One evidence entry linked to every row.
    public static func attachEvidence(_ evidenceID: String, _ nodes: [IndicatorNode], in dossier: Dossier,
                                      scored: ScoredDossier) -> RowBatchPlan {
        plan(nodes, in: dossier, scored: scored) { _, row in
            var r = row
            if !r.evidenceIDs.contains(evidenceID) { r.evidenceIDs.append(evidenceID) }
            return .success(r)
        }
    }

    /// Runs `change` on every scorable row (others are refused: summary rows carry no score).
    static func plan(_ nodes: [IndicatorNode], in dossier: Dossier, scored: ScoredDossier,
                     _ change: (IndicatorNode, IndicatorResult) -> Result<IndicatorResult, RuleViolation>) -> RowBatchPlan {
        let order = Dictionary(dossier.template.nodes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let sorted = nodes.sorted { (order[$0.id] ?? 0) < (order[$1.id] ?? 0) }
        return RowBatchPlan(lines: sorted.map { node in
            let before = dossier.result(for: node.id)
            guard scored.index.isScorableLeaf(node.id) else {
                return .init(node: node, before: before, after: nil, refusals: [ValidationMessage(
                    code: "", level: .error, message: "\(RuleText.node(node))是汇总行或试评价指标，不评分", nodeID: node.id)])
            }
            switch change(node, before) {
            case .success(let after): return .init(node: node, before: before, after: after == before ? nil : after, refusals: [])
            case .failure(let violation): return .init(node: node, before: before, after: nil, refusals: violation.messages)
            }
        })
    }
}

/// What a batch score says: a number, or 满分 / 自评 / 建议 taken row by row.
public enum BatchScore: Equatable, Sendable {
    case number(String), maximum, selfScore, suggestion

    public init(_ text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "满分", "max": self = .maximum
        case "自评", "自评分", "self": self = .selfScore
        case "建议", "建议分", "suggested": self = .suggestion
        default: self = .number(text)
        }
    }
}

extension Result where Failure == RuleViolation {
    static func failure(_ messages: [ValidationMessage]) -> Self { .failure(RuleViolation(messages)) }
}
