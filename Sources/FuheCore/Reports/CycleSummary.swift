import Foundation

/// The figures of a 复核结果通报 over a set of units (spec §6.2 "Cycle summary"): how many units,
/// average self vs review total, grade changes, the largest deviations, findings by category and
/// rectification closure. Every score and grade comes from the engine's stored summaries
/// (`UnitSummary`), every deadline position from `Deadlines`; this only counts and averages.
public struct CycleSummary: Sendable {
    /// One unit whose self and review totals can be compared (review complete, self total known).
    public struct Comparison: Sendable, Hashable {
        public var summary: UnitSummary
        public var selfTotal: Score
        public var reviewTotal: Score
        /// self − review, the engine's `Deviation` (rate in percent, nil when the review total is 0).
        public var deviation: Deviation
        /// The self grade as the summary shows it (stated, else derived), "无等次" when neither.
        public var selfGrade: String
        public var reviewGrade: String
        public var gradeChanged: Bool { selfGrade != reviewGrade }
    }

    /// Findings of one category across the units.
    public struct CategoryCount: Sendable, Hashable {
        public var category: FindingCategory
        public var findings: Int
        public var units: Int
        /// Sum of the findings' amounts; nil when it is beyond ±`Money.limit` (never a trap).
        public var amount: Money?
    }

    /// Units in list (pinyin) order.
    public var units: [UnitSummary]
    public var comparisons: [Comparison]
    /// Units per evaluation type, in `EvalType` order (types with none left out).
    public var byType: [(type: EvalType, count: Int)]
    /// Units per review status; nil = review not started.
    public var byReviewStatus: [(status: ReviewStatus?, count: Int)]
    public var averageSelf: Score?
    public var averageReview: Score?
    /// Mean of self − review over the compared units.
    public var averageDiff: Score?
    /// Grade labels in band order (best first), then any other label seen; "无等次" last.
    public var gradeLabels: [String]
    /// Compared units per (self grade, review grade).
    public var gradeMatrix: [String: [String: Int]]
    public var selfGradeCounts: [String: Int]
    public var reviewGradeCounts: [String: Int]
    /// Compared units ordered by |self − review|, largest first (ties by name order).
    public var byDeviation: [Comparison]
    public var categories: [CategoryCount]
    public var findingCount: Int
    /// Sum of every finding's amount; nil when it is beyond ±`Money.limit` (never a trap).
    public var findingAmount: Money?
    public var itemCount: Int
    /// Items per report label: 已整改, 正在整改, 持续整改, 未整改, 已撤销.
    public var itemsByLabel: [String: Int]
    public var overdueItems: Int
    public var dueSoonItems: Int
    /// Units with overdue items and how many, most first.
    public var overdueUnits: [(summary: UnitSummary, overdue: Int)]

    /// The report labels in the order a 通报 lists them.
    public static let itemLabels = ["已整改", "正在整改", "持续整改", "未整改", RectStatus.withdrawn.label]
    public static let noGrade = "无等次"

    /// 已整改 / (items − 已撤销) × 100, nil when there is nothing to close.
    public var closureRate: Decimal? {
        let counted = itemCount - (itemsByLabel[RectStatus.withdrawn.label] ?? 0)
        return counted > 0 ? Decimal(itemsByLabel["已整改"] ?? 0) / Decimal(counted) * 100 : nil
    }

    /// Compared units whose grade changed, in list order.
    public var gradeChanges: [Comparison] { comparisons.filter(\.gradeChanged) }

    public init(units: [UnitSummary], followUps: [DossierFollowUp], schemes: [String: GradeScheme], today: CalendarDay) {
        self.units = units
        let followUpByID = Dictionary(followUps.map { ($0.dossierID, $0) }, uniquingKeysWith: { a, _ in a })
        var comparisons: [Comparison] = []
        for u in units {
            guard u.reviewComplete, let s = u.selfTotal, let r = u.reviewTotal else { continue }
            let schemeID = followUpByID[u.dossierID]?.template.gradeSchemeID ?? GradeScheme.mof4.id
            let scheme = schemes[schemeID] ?? .mof4
            comparisons.append(Comparison(summary: u, selfTotal: s, reviewTotal: r,
                                          deviation: Deviation(selfTotal: s, reviewTotal: r, scheme: scheme),
                                          selfGrade: u.selfGrade ?? Self.noGrade, reviewGrade: u.reviewGrade ?? Self.noGrade))
        }
        self.comparisons = comparisons
        byType = EvalType.allCases.compactMap { t in
            let n = units.filter { $0.evalType == t }.count
            return n > 0 ? (t, n) : nil
        }
        byReviewStatus = ([nil] + ReviewStatus.allCases.map(Optional.some)).compactMap { s in
            let n = units.filter { $0.reviewStatus == s }.count
            return n > 0 ? (s, n) : nil
        }
        averageSelf = Self.mean(comparisons.map(\.selfTotal))
        averageReview = Self.mean(comparisons.map(\.reviewTotal))
        averageDiff = Self.mean(comparisons.map(\.deviation.diff))
        var matrix: [String: [String: Int]] = [:]
        var selfCounts: [String: Int] = [:], reviewCounts: [String: Int] = [:]
        for c in comparisons {
            matrix[c.selfGrade, default: [:]][c.reviewGrade, default: 0] += 1
            selfCounts[c.selfGrade, default: 0] += 1
            reviewCounts[c.reviewGrade, default: 0] += 1
        }
        gradeMatrix = matrix
        selfGradeCounts = selfCounts
        reviewGradeCounts = reviewCounts
        gradeLabels = Self.labels(seen: Set(selfCounts.keys).union(reviewCounts.keys), schemes: schemes, followUps: followUps)
        byDeviation = comparisons.enumerated().sorted { a, b in
            let x = abs(a.element.deviation.diff.hundredths), y = abs(b.element.deviation.diff.hundredths)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)

        var perCategory: [FindingCategory: (findings: Int, units: Set<String>, amount: Money?)] = [:]
        var labels: [String: Int] = [:]
        var overdue = 0, dueSoon = 0, items = 0, findings = 0
        var amount: Money? = Money.zero
        var overdueByUnit: [String: Int] = [:]
        for f in followUps {
            for finding in f.findings {
                var entry = perCategory[finding.category] ?? (0, [], .zero)
                entry.findings += 1
                entry.units.insert(f.dossierID)
                entry.amount = entry.amount?.adding(finding.amountInvolved ?? .zero)
                perCategory[finding.category] = entry
                findings += 1
                amount = amount?.adding(finding.amountInvolved ?? .zero)
            }
            for item in f.items {
                items += 1
                labels[Deadlines.reportLabel(item, today: today), default: 0] += 1
                let state = Deadlines.state(of: item, today: today)
                if state.isOverdue {
                    overdue += 1
                    overdueByUnit[f.dossierID, default: 0] += 1
                }
                if state.dueSoon { dueSoon += 1 }
            }
        }
        categories = perCategory.map { CategoryCount(category: $0.key, findings: $0.value.findings, units: $0.value.units.count,
                                                     amount: $0.value.amount) }
            .sorted { ($0.findings, $1.category.rawValue) > ($1.findings, $0.category.rawValue) }
        findingCount = findings
        findingAmount = amount
        itemCount = items
        itemsByLabel = labels
        overdueItems = overdue
        dueSoonItems = dueSoon
        overdueUnits = units.compactMap { u in overdueByUnit[u.dossierID].map { (u, $0) } }
            .enumerated().sorted { a, b in a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset }
            .map(\.element)
    }

    /// Mean rounded half-up to hundredths; nil for no values.
    static func mean(_ scores: [Score]) -> Score? {
        guard !scores.isEmpty else { return nil }
        return Score(rounding: Decimal(scores.reduce(0) { $0 + $1.hundredths }) / Decimal(scores.count) / 100)
    }

    /// Labels of the schemes the units use, best band first, then other labels seen, then 无等次.
    static func labels(seen: Set<String>, schemes: [String: GradeScheme], followUps: [DossierFollowUp]) -> [String] {
        var ordered: [String] = []
        let used = Set(followUps.map(\.template.gradeSchemeID))
        let inUse = used.sorted().compactMap { schemes[$0] }
        for scheme in inUse.isEmpty ? [GradeScheme.mof4] : inUse {
            for band in scheme.bands where !ordered.contains(band.label) { ordered.append(band.label) }
        }
        for label in seen.sorted() where !ordered.contains(label) && label != noGrade { ordered.append(label) }
        if seen.contains(noGrade) { ordered.append(noGrade) }
        return ordered
    }
}
