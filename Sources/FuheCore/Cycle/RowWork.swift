/// What is left to do on one scoresheet row before the review can be submitted, and the
/// scoresheet filters (未复核 / 有标记 / 有差异 / 待补充). The workstation's "next row needing work"
/// key and its filters, and the what's-left counts, all ask here.
public enum RowWork: Hashable, Sendable, CustomStringConvertible {
    /// Not reviewed yet (R-006).
    case unreviewed
    /// 待单位补充 (R-006 until cleared).
    case queried
    /// A reason or explanation is missing (R-003 / R-004).
    case reasonMissing(code: String)
    /// A rule flag on the row that nothing answers yet: no finding linked to the row, no
    /// deduction reason and no review note.
    case flagUnanswered(codes: [String])

    public var description: String {
        switch self {
        case .unreviewed: "未复核"
        case .queried: "待单位补充"
        case .reasonMissing(let code): "缺理由（\(code)）"
        case .flagUnanswered(let codes): "标记未处理（\(codes.joined(separator: " "))）"
        }
    }

    /// Everything left on a scorable leaf (empty: nothing left). Rows that carry no score (summary
    /// rows, trial indicators) never need work.
    public static func left(on node: IndicatorNode, in dossier: Dossier, scored: ScoredDossier) -> [RowWork] {
        guard scored.index.isScorableLeaf(node.id) else { return [] }
        let row = dossier.result(for: node.id)
        var out: [RowWork] = []
        switch row.status {
        case .queried: out.append(.queried)
        case .unreviewed: out.append(.unreviewed)
        case .reviewed: if row.reviewScore == nil { out.append(.unreviewed) }
        }
        for blocker in ReviewLifecycle.rowBlockers(node, row) where blocker.code == "R-003" || blocker.code == "R-004" {
            if !out.contains(.reasonMissing(code: blocker.code)) { out.append(.reasonMissing(code: blocker.code)) }
        }
        let flags = flagCodes(node.id, scored: scored)
        if !flags.isEmpty, RuleText.isBlank(row.deductionReason), RuleText.isBlank(row.reviewNote),
           !dossier.findings.contains(where: { $0.nodeID == node.id }) {
            out.append(.flagUnanswered(codes: flags))
        }
        return out
    }

    /// The scorable leaves, in template order, that still need work.
    public static func rowsLeft(in dossier: Dossier, scored: ScoredDossier) -> [IndicatorNode] {
        dossier.template.scorableLeaves.filter { !left(on: $0, in: dossier, scored: scored).isEmpty }
    }

    /// The warning codes on a row (engine flags and report checks pointing at it), first seen first.
    public static func flagCodes(_ nodeID: String, scored: ScoredDossier) -> [String] {
        var codes: [String] = []
        for m in (scored.rows[nodeID]?.flags ?? []) + scored.messages where m.nodeID == nodeID && !codes.contains(m.code) {
            codes.append(m.code)
        }
        return codes
    }
}

/// A scoresheet filter: only the scorable leaves that are 未复核, 有标记, 有差异 or 待补充.
public enum SheetFilter: String, CaseIterable, Sendable, Codable {
    case unreviewed, flagged, differing, queried

    /// 未复核 / 有标记 / 有差异 / 待补充.
    public var label: String {
        switch self {
        case .unreviewed: "未复核"
        case .flagged: "有标记"
        case .differing: "有差异"
        case .queried: "待补充"
        }
    }

    /// Whether a scorable leaf passes the filter.
    public func matches(_ node: IndicatorNode, in dossier: Dossier, scored: ScoredDossier) -> Bool {
        guard scored.index.isScorableLeaf(node.id) else { return false }
        let row = dossier.result(for: node.id)
        switch self {
        case .unreviewed: return row.status != .reviewed || row.reviewScore == nil
        case .flagged: return !RowWork.flagCodes(node.id, scored: scored).isEmpty
        case .differing: return (scored.rowDiff(node.id)?.hundredths ?? 0) != 0
        case .queried: return row.status == .queried
        }
    }
}
