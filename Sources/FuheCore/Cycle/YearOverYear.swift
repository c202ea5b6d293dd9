/// 重复问题: a finding that repeats one of the same unit's earlier year: the same category, and the
/// same indicator or much the same description (character pairs shared, ≥ 40%).
public enum RepeatFindings {
    /// The earlier finding `candidate` repeats, if any (the most similar one).
    public static func match(category: FindingCategory, indicator: String?, description: String,
                             in earlier: [FindingDigest]) -> FindingDigest? {
        let pairs = bigrams(description)
        var best: (FindingDigest, Double)?
        for f in earlier where f.category == category {
            var score = similarity(pairs, bigrams(f.description))
            if let indicator, let other = f.indicator, indicator == other { score = max(score, 1) }
            guard score >= 0.4 else { continue }
            if best == nil || score > best!.1 { best = (f, score) }
        }
        return best?.0
    }

    /// The `repeat_of` reference of an earlier finding ("<dossier id>/<finding id>").
    public static func reference(_ f: FindingDigest) -> String { "\(f.dossierID)/\(f.findingID)" }

    static func bigrams(_ text: String) -> Set<String> {
        let chars = Array(text.filter { !$0.isWhitespace && !$0.isPunctuation })
        guard chars.count > 1 else { return Set(chars.map(String.init)) }
        return Set((0..<(chars.count - 1)).map { String(chars[$0]) + String(chars[$0 + 1]) })
    }

    /// Shared pairs over the smaller set (a short finding inside a longer one still matches).
    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(min(a.count, b.count))
    }
}

/// One year of a unit, as the side-by-side view shows it.
public struct YearColumn: Sendable, Hashable {
    public var dossierID: String
    public var fiscalYear: Int
    public var yearIsDemo: Bool
    public var evalType: EvalType
    public var templateName: String
    public var selfTotal: Score?
    public var reviewTotal: Score?
    public var reviewComplete: Bool
    public var selfGrade: String?
    public var reviewGrade: String?
    public var reviewStatus: ReviewStatus?
    /// First-level indicators: name → (self, review).
    public var firstLevel: [FirstLevelScore]
    /// 三公经费: category → (budget, final).
    public var threePublic: [ThreePublicLine]
    public var findings: Int
    public var openItems: Int
    public var application: ApplicationKind?

    /// A scored dossier as a column.
    public init(_ d: Dossier, scored: ScoredDossier) {
        dossierID = d.id
        fiscalYear = d.cycle.fiscalYear
        yearIsDemo = d.cycle.yearIsDemo
        evalType = d.evaluation.evalType
        templateName = d.template.name
        selfTotal = scored.selfTotalUsed
        let review = scored.total(.review)
        reviewTotal = review.value
        reviewComplete = review.complete
        selfGrade = d.evaluation.statedGrade ?? scored.selfGrade?.label
        reviewGrade = scored.reviewGrade?.label
        reviewStatus = d.review?.status
        firstLevel = d.template.nodes.filter { $0.parentID == nil && $0.kind == .base }.map { node in
            let s = scored.score(node.id, .selfStated), r = scored.score(node.id, .review)
            return FirstLevelScore(name: node.name, weight: node.weight, selfScore: s.complete ? s.value : nil,
                                   reviewScore: r.complete ? r.value : nil)
        }
        threePublic = d.evaluation.threePublic
        findings = d.findings.count
        openItems = d.items.filter { $0.status.isOpen }.count
        application = d.review?.application?.kind
    }
}
