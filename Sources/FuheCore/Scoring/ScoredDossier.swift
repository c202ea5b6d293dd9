/// A dossier scored in all three views: the engine's row evaluations, roll-ups per node and
/// totals, grades, the self-vs-review deviation and every warning of the dossier.
/// Produced by `DossierScorer.score`.
public struct ScoredDossier: Sendable {
    /// Engine evaluation of every leaf, looked up by node id.
    public let rows: ScoredRows
    public let index: TemplateIndex
    let selfRollups: [Rollup]
    let reviewRollups: [Rollup]
    let suggestedRollups: [Rollup]
    let totals: (selfStated: Rollup, review: Rollup, suggested: Rollup)
    /// The self total compared with the review: the final stated total, else the complete computed one.
    public let selfTotalUsed: Score?
    /// Grade of `selfTotalUsed`.
    public let selfGrade: GradeBand?
    /// Grade of the review total, once every counted review score is in.
    public let reviewGrade: GradeBand?
    /// Self vs review, once the review total is complete and a self total exists.
    public let deviation: Deviation?
    /// All warnings: row flags, DEV_ROW, DEV_TOTAL, GRADE_CHANGED, and the S-/D-/R-005 checks.
    public let messages: [ValidationMessage]
    /// Scorable leaves (BASE/ADJUST) whose status is REVIEWED.
    public let reviewedLeafCount: Int
    /// Leaves that carry a score (BASE or ADJUST, not TRIAL).
    public let scorableLeafCount: Int

    init(rows: ScoredRows, index: TemplateIndex, selfRollups: [Rollup], reviewRollups: [Rollup],
         suggestedRollups: [Rollup], totals: (selfStated: Rollup, review: Rollup, suggested: Rollup),
         selfTotalUsed: Score?, selfGrade: GradeBand?, reviewGrade: GradeBand?, deviation: Deviation?,
         messages: [ValidationMessage], reviewedLeafCount: Int, scorableLeafCount: Int) {
        self.rows = rows
        self.index = index
        self.selfRollups = selfRollups
        self.reviewRollups = reviewRollups
        self.suggestedRollups = suggestedRollups
        self.totals = totals
        self.selfTotalUsed = selfTotalUsed
        self.selfGrade = selfGrade
        self.reviewGrade = reviewGrade
        self.deviation = deviation
        self.messages = messages
        self.reviewedLeafCount = reviewedLeafCount
        self.scorableLeafCount = scorableLeafCount
    }

    /// Rolled-up score of a node in a view (`Rollup.empty` for an unknown id).
    public func score(_ nodeID: String, _ view: ScoreView) -> Rollup {
        guard let p = index.position[nodeID] else { return .empty }
        switch view {
        case .selfStated: return selfRollups[p]
        case .review: return reviewRollups[p]
        case .suggested: return suggestedRollups[p]
        }
    }

    /// Total of a view: base + clamped adjustments, capped when the template has a cap.
    public func total(_ view: ScoreView) -> Rollup {
        switch view {
        case .selfStated: return totals.selfStated
        case .review: return totals.review
        case .suggested: return totals.suggested
        }
    }

    /// self − review for a node, when both views have a complete score.
    public func rowDiff(_ nodeID: String) -> Score? {
        let s = score(nodeID, .selfStated), r = score(nodeID, .review)
        guard s.complete, r.complete, let sv = s.value, let rv = r.value else { return nil }
        return sv - rv
    }
}
