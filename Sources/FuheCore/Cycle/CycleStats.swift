/// A unit's first-level indicator scores (self and review, nil when that view is incomplete),
/// as the store keeps them in the dossier's summary.
public struct FirstLevelScore: Sendable, Hashable, Codable {
    public var name: String
    public var weight: Score
    public var selfScore: Score?
    public var reviewScore: Score?

    public init(name: String, weight: Score, selfScore: Score?, reviewScore: Score?) {
        self.name = name
        self.weight = weight
        self.selfScore = selfScore
        self.reviewScore = reviewScore
    }

    /// self − review (positive = self-evaluation higher), when both are complete.
    public var delta: Score? {
        guard let s = selfScore, let r = reviewScore else { return nil }
        return s - r
    }
}

/// One unit of the cycle as the dashboard sees it: its summary line, first-level scores,
/// 结果应用 and the grade scheme of its template (which reads its stated grade).
public struct CycleUnit: Sendable, Hashable {
    public var summary: UnitSummary
    public var firstLevel: [FirstLevelScore]
    public var application: ApplicationKind?
    public var applicationReason: String?
    public var gradeScheme: GradeScheme

    public init(summary: UnitSummary, firstLevel: [FirstLevelScore], application: ApplicationKind?, applicationReason: String?,
                gradeScheme: GradeScheme = .mof4) {
        self.summary = summary
        self.firstLevel = firstLevel
        self.application = application
        self.applicationReason = applicationReason
        self.gradeScheme = gradeScheme
    }

    /// The self grade as a band of the unit's scheme: a stated "優良" or "優" counts as 优
    /// (`GradeScheme.label(of:)`, the one 繁简 grade rule).
    public var selfGradeLabel: String? {
        summary.selfGrade.map(gradeScheme.label(of:))
    }

    /// The review grade (computed from the scheme, so already one of its labels).
    public var reviewGradeLabel: String? {
        summary.reviewComplete ? summary.reviewGrade : nil
    }
}

/// The cycle at a glance (issue 13 item 7): progress and what is left, the grade distribution
/// self vs review, the heat map of units × first-level indicators by Δ, findings by category,
/// rectification closure and overdue, and 结果应用. The dashboard and `fuhe stats` both print
/// these figures; they are computed here only.
public struct CycleStats: Sendable, Hashable, Codable {
    public struct Progress: Sendable, Hashable, Codable {
        public var units = 0
        public var notStarted = 0
        public var inReview = 0
        /// Submitted, waiting for the 组长 to finalize.
        public var awaitingLeader = 0
        public var finalized = 0
        /// Scorable rows not yet reviewed, over all units.
        public var rowsLeft = 0
        public var rowsTotal = 0
    }

    public struct GradeCount: Sendable, Hashable, Codable {
        public var grade: String
        public var selfCount: Int
        public var reviewCount: Int
    }

    public struct HeatRow: Sendable, Hashable, Codable {
        public var dossierID: String
        public var unitName: String
        public var fiscalYear: Int
        /// Δ per first-level column (nil: not comparable yet), in `heatColumns` order.
        public var deltas: [Score?]
        /// Each column's weight in this unit's template (nil: not in its template).
        public var weights: [Score?]
        public var totalDelta: Score?
    }

    public struct CategoryCount: Sendable, Hashable, Codable {
        public var category: FindingCategory
        public var count: Int
        public var repeats: Int
    }

    public struct Application: Sendable, Hashable, Codable {
        public var dossierID: String
        public var unitName: String
        public var kind: ApplicationKind
        public var reason: String
    }

    public var progress = Progress()
    public var grades: [GradeCount] = []
    public var gradeChanged = 0
    /// Averages over units with a self total / a complete review / both.
    public var averageSelf: Score?
    public var averageReview: Score?
    public var averageDelta: Score?
    public var heatColumns: [String] = []
    public var heat: [HeatRow] = []
    public var findings: [CategoryCount] = []
    public var findingTotal = 0
    public var repeatFindings = 0
    public var rectification = RectSummary()
    public var applications: [Application] = []

    public init() {}

    /// The figures of `units`, their findings (category, repeat flag) and their items on `today`:
    /// the straightforward computation over whole digests.
    public static func compute(units: [CycleUnit], findings: [(category: FindingCategory, isRepeat: Bool)], items: [ItemDigest],
                               today: CalendarDay, thresholds: EscalationThresholds = .standard) -> CycleStats {
        var byCategory: [FindingCategory: (count: Int, repeats: Int)] = [:]
        for f in findings {
            byCategory[f.category, default: (0, 0)].count += 1
            if f.isRepeat { byCategory[f.category, default: (0, 0)].repeats += 1 }
        }
        var s = unitFigures(units)
        s.setFindings(byCategory)
        s.rectification = RectSummary(items.map { RectRow($0, today: today, thresholds: thresholds) })
        return s
    }

    /// The same figures from what the store can count without text: findings counted per
    /// category, and each item's `ItemFacts` (judged here by the deadline and escalation rules).
    public static func compute(units: [CycleUnit], findingCounts: [FindingCategory: (count: Int, repeats: Int)], items: [ItemFacts],
                               today: CalendarDay, thresholds: EscalationThresholds = .standard) -> CycleStats {
        var s = unitFigures(units)
        s.setFindings(findingCounts)
        for item in items { s.rectification.add(item.status, ItemStanding(item, today: today, thresholds: thresholds)) }
        return s
    }

    /// Progress, grades, averages, the heat map and 结果应用 of `units`.
    static func unitFigures(_ units: [CycleUnit]) -> CycleStats {
        var s = CycleStats()
        for u in units {
            let sum = u.summary
            s.progress.units += 1
            switch sum.reviewStatus {
            case nil: s.progress.notStarted += 1
            case .draft: s.progress.inReview += 1
            case .submitted: s.progress.awaitingLeader += 1
            case .finalized: s.progress.finalized += 1
            }
            s.progress.rowsTotal += sum.scorableRows
            s.progress.rowsLeft += max(0, sum.scorableRows - sum.reviewedRows)
        }
        // Each unit's grades as bands of its scheme, worked out once (the 繁简 grade rule trims and
        // simplifies the stated grade).
        let labels = units.map { (stated: $0.selfGradeLabel, review: $0.reviewGradeLabel) }
        s.grades = gradeCounts(labels)
        s.gradeChanged = labels.filter { l in
            guard let from = l.stated, let to = l.review else { return false }
            return from != to
        }.count
        s.averageSelf = average(units.compactMap { $0.summary.selfTotal?.hundredths })
        s.averageReview = average(units.compactMap { $0.summary.reviewComplete ? $0.summary.reviewTotal?.hundredths : nil })
        s.averageDelta = average(units.compactMap { $0.summary.delta?.hundredths })
        (s.heatColumns, s.heat) = heatMap(units)
        s.applications = units.compactMap { u in
            u.application.map { Application(dossierID: u.summary.dossierID, unitName: u.summary.unitName, kind: $0, reason: u.applicationReason ?? "") }
        }
        return s
    }

    /// Findings by category, most first (ties in the categories' order), with the totals.
    mutating func setFindings(_ byCategory: [FindingCategory: (count: Int, repeats: Int)]) {
        let order = { (c: FindingCategory) in FindingCategory.allCases.firstIndex(of: c) ?? 0 }
        findings = byCategory.filter { $0.value.count > 0 }.map { CategoryCount(category: $0.key, count: $0.value.count, repeats: $0.value.repeats) }
            .sorted { ($1.count, order($0.category)) < ($0.count, order($1.category)) }
        findingTotal = findings.reduce(0) { $0 + $1.count }
        repeatFindings = findings.reduce(0) { $0 + $1.repeats }
    }

    /// Counts per grade label, best first (labels of every scheme in use).
    static func gradeCounts(_ labels: [(stated: String?, review: String?)]) -> [GradeCount] {
        var selfCounts: [String: Int] = [:], reviewCounts: [String: Int] = [:]
        for l in labels {
            if let g = l.stated { selfCounts[g, default: 0] += 1 }
            if let g = l.review { reviewCounts[g, default: 0] += 1 }
        }
        let order = ["优", "优秀", "良", "良好", "中", "合格", "一般", "差", "不合格", "较差"]
        let labels = Set(selfCounts.keys).union(reviewCounts.keys).sorted {
            (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1)
        }
        return labels.map { GradeCount(grade: $0, selfCount: selfCounts[$0] ?? 0, reviewCount: reviewCounts[$0] ?? 0) }
    }

    /// The heat map: first-level indicator names in order of first appearance (columns) and, per
    /// unit with any comparable first-level score, its Δ per column.
    static func heatMap(_ units: [CycleUnit]) -> ([String], [HeatRow]) {
        // Only units with a comparable first-level score, and only the columns they have.
        let shown = units.filter { $0.firstLevel.contains { $0.delta != nil } }
        var columns: [String] = []
        for u in shown { for l in u.firstLevel where l.delta != nil && !columns.contains(l.name) { columns.append(l.name) } }
        let rows = shown.map { u -> HeatRow in
            let byName = Dictionary(u.firstLevel.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            return HeatRow(dossierID: u.summary.dossierID, unitName: u.summary.unitName, fiscalYear: u.summary.fiscalYear,
                           deltas: columns.map { byName[$0]?.delta }, weights: columns.map { byName[$0]?.weight }, totalDelta: u.summary.delta)
        }
        return (columns, rows)
    }

    /// The mean of hundredths, rounded half away from zero to a hundredth.
    static func average(_ values: [Int]) -> Score? {
        guard !values.isEmpty else { return nil }
        let sum = values.reduce(0, +)
        return Score(hundredths: (2 * sum + (sum >= 0 ? values.count : -values.count)) / (2 * values.count))
    }

    /// How hot a Δ is for the heat map (readable without colour: the sign and the marker say it):
    /// self far above review (≥ 20% of the weight) "▲▲", above "▲", equal "＝", below "▼".
    public static func heat(delta: Score, weight: Score?) -> String {
        if delta.hundredths == 0 { return "＝" }
        if delta.hundredths < 0 { return "▼" }
        if let weight, weight.hundredths > 0, delta.hundredths * 5 >= weight.hundredths { return "▲▲" }
        return "▲"
    }
}
