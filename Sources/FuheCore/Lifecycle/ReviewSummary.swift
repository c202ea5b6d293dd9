/// What submitting or finalizing a review would state, for the confirmation the workstation asks
/// before either: the review total (and whether it is complete), the self total it is compared
/// with, the grade on both sides and whether it changes, the warnings still open, and what
/// blocks the action.
///
/// ```swift
/// let s = ReviewSummary(dossier: d, scored: scored, action: .submit, by: actor)
/// s.lines  // ["复核总分 95.00（等次 优）", "自评总分 101.00（等次 优）→ 差异 +6.00（偏差率 6.32%），等次不变", …]
/// ```
public struct ReviewSummary: Sendable, Hashable {
    public var action: ReviewAction
    public var reviewTotal: Rollup
    public var reviewGrade: String?
    public var selfTotal: Score?
    public var selfGrade: String?
    public var gradeChanged: Bool
    public var deviation: Deviation?
    /// Warnings (W) of the dossier still shown: the reviewer confirms knowing them.
    public var openWarnings: [ValidationMessage]
    /// What stops the action (empty: it can be done).
    public var blockers: [ValidationMessage]
    public var reviewedRows: Int
    public var scorableRows: Int

    public init(dossier: Dossier, scored: ScoredDossier, action: ReviewAction, by actor: Actor) {
        self.action = action
        reviewTotal = scored.total(.review)
        reviewGrade = reviewTotal.complete ? scored.reviewGrade?.label : nil
        selfTotal = scored.selfTotalUsed
        selfGrade = dossier.evaluation.statedGrade ?? scored.selfGrade?.label
        deviation = scored.deviation
        gradeChanged = scored.deviation?.gradeChanged ?? false
        openWarnings = scored.messages.filter { $0.level == .warning }
        blockers = ReviewLifecycle.blockers(for: action, dossier: dossier, by: actor, scored: scored)
        reviewedRows = scored.reviewedLeafCount
        scorableRows = scored.scorableLeafCount
    }

    /// Whether the action can be done.
    public var isAllowed: Bool { blockers.isEmpty }

    /// The summary as lines of Chinese text (totals as ``Rollup/text``).
    public var lines: [String] {
        var out: [String] = []
        out.append("\(action.label)：复核总分 \(reviewTotal.text)" + (reviewGrade.map { "（等次 \($0)）" } ?? "")
                   + "，已复核 \(reviewedRows)/\(scorableRows) 行")
        if let selfTotal {
            var line = "自评总分 \(selfTotal)" + (selfGrade.map { "（等次 \($0)）" } ?? "")
            if let d = deviation {
                let rate = d.rate.map { "，偏差率 " + ExactDecimal.format($0, places: 2) + "%" } ?? ""
                line += "，差异 \(d.diff.signedDescription)\(rate)"
                line += gradeChanged ? "，等次由\(d.selfGrade?.label ?? "无")变为\(d.reviewGrade?.label ?? "无")" : "，等次不变"
            }
            out.append(line)
        } else {
            out.append("自评总分：报告未给出")
        }
        out.append(openWarnings.isEmpty ? "无未处理的校验提示" : "仍有 \(openWarnings.count) 条校验提示（\(Self.codes(openWarnings))）")
        if !blockers.isEmpty {
            out.append("不能\(action.label)：\(blockers.count) 项未完成（\(Self.codes(blockers))）")
        }
        return out
    }

    /// "R-003 R-006": the distinct codes, sorted.
    static func codes(_ messages: [ValidationMessage]) -> String {
        Set(messages.map(\.code)).sorted().joined(separator: " ")
    }
}

extension Rollup {
    /// A total as every screen and file shows it: "95.00" when complete, "~88.00" while rows
    /// are still unscored (a partial sum), "—" when nothing is scored. The one formatter for the
    /// workstation, `fuhe list`, `fuhe show` and exports.
    public var text: String { Self.text(value: value, complete: complete) }

    /// ``text`` for a stored value and completeness (the unit list's summary columns).
    public static func text(value: Score?, complete: Bool) -> String {
        guard let value else { return "—" }
        return complete ? value.description : "~" + value.description
    }

    /// The legend for "~": "~ 表示尚未复核完毕（已复核行的部分合计）".
    public static let incompleteLegend = "~ 表示尚未复核完毕（已复核行的部分合计）"
}
