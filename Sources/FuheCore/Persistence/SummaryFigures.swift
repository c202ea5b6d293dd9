/// The figures every store keeps beside a dossier so that listing units never reads a scoresheet:
/// scores, grades, progress, flags and item counts, computed by the scoring engine.
public struct SummaryFigures: Sendable {
    public var reviewStatus: ReviewStatus?
    public var selfTotal: Score?
    public var selfGrade: String?
    public var reviewTotal: Score?
    public var reviewComplete: Bool
    public var reviewGrade: String?
    public var reviewedRows: Int
    public var scorableRows: Int
    public var warningCount: Int
    public var openItems: Int
    public var totalItems: Int
    public var status: EvaluationStatus
    /// The scoring the figures come from.
    public var scored: ScoredDossier

    /// The figures of `dossier` under its grade scheme in `schemes` (the MOF four-grade scheme
    /// when it is unknown).
    public init(_ d: Dossier, schemes: [String: GradeScheme]) {
        let scheme = schemes[d.template.gradeSchemeID] ?? GradeScheme.mof4
        self.init(d, scored: DossierScorer.score(d, scheme: scheme), scheme: scheme)
    }

    /// The figures of `dossier` from a scoring already made under `scheme`.
    public init(_ d: Dossier, scored: ScoredDossier, scheme: GradeScheme) {
        self.scored = scored
        let computedSelf = scored.total(.selfStated)
        let selfTotal = d.evaluation.finalStatedTotal ?? (computedSelf.complete ? computedSelf.value : nil)
        let review = scored.total(.review)
        reviewStatus = d.review?.status
        self.selfTotal = selfTotal
        selfGrade = d.evaluation.statedGrade ?? selfTotal.flatMap { scheme.grade(for: $0)?.label }
        reviewTotal = review.value
        reviewComplete = review.complete
        reviewGrade = review.complete ? review.value.flatMap { scheme.grade(for: $0)?.label } : nil
        reviewedRows = scored.reviewedLeafCount
        scorableRows = scored.scorableLeafCount
        warningCount = scored.messages.filter { $0.level == .warning }.count
        openItems = d.items.filter { $0.status.isOpen }.count
        totalItems = d.items.count
        status = d.evaluation.status
    }
}
