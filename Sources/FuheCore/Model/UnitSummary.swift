/// One line of the unit list: the dossier's summary figures, read without touching indicator rows.
public struct UnitSummary: Sendable, Hashable {
    public var dossierID: String
    public var unitName: String
    public var fiscalYear: Int
    public var yearIsDemo: Bool
    public var evalType: EvalType
    public var status: EvaluationStatus
    public var reviewStatus: ReviewStatus?
    /// The unit's final stated total, else the complete roll-up of its row scores.
    public var selfTotal: Score?
    public var selfGrade: String?
    /// Roll-up of review scores (partial while rows are unreviewed; see `reviewComplete`).
    public var reviewTotal: Score?
    public var reviewComplete: Bool
    public var reviewGrade: String?
    public var reviewedRows: Int
    public var scorableRows: Int
    public var warningCount: Int
    public var openItems: Int
    public var totalItems: Int
    public var overdueItems: Int
    /// One of the bundled sample dossiers (marked in the store; `fuhe samples --remove` removes them).
    public var isSample: Bool

    public init(dossierID: String, unitName: String, fiscalYear: Int, yearIsDemo: Bool, evalType: EvalType,
                status: EvaluationStatus, reviewStatus: ReviewStatus?, selfTotal: Score?, selfGrade: String?,
                reviewTotal: Score?, reviewComplete: Bool, reviewGrade: String?, reviewedRows: Int, scorableRows: Int,
                warningCount: Int, openItems: Int, totalItems: Int, overdueItems: Int, isSample: Bool = false) {
        self.dossierID = dossierID
        self.unitName = unitName
        self.fiscalYear = fiscalYear
        self.yearIsDemo = yearIsDemo
        self.evalType = evalType
        self.status = status
        self.reviewStatus = reviewStatus
        self.selfTotal = selfTotal
        self.selfGrade = selfGrade
        self.reviewTotal = reviewTotal
        self.reviewComplete = reviewComplete
        self.reviewGrade = reviewGrade
        self.reviewedRows = reviewedRows
        self.scorableRows = scorableRows
        self.warningCount = warningCount
        self.openItems = openItems
        self.totalItems = totalItems
        self.overdueItems = overdueItems
        self.isSample = isSample
    }

    /// self − review (positive = self-evaluation higher, 虚高).
    public var delta: Score? {
        guard let s = selfTotal, let r = reviewTotal, reviewComplete else { return nil }
        return s - r
    }

    /// "[示例]": what marks a sample dossier wherever units are listed.
    public static let sampleMarker = "[示例]"

    /// The unit's name as lists show it: "[示例]赫山区政务服务中心" for a sample dossier.
    public var listedName: String { (isSample ? Self.sampleMarker : "") + unitName }

    /// The grade to show: the review grade once the review total is complete, else the self grade.
    public var grade: String? { reviewComplete ? reviewGrade : selfGrade }

    /// The grade with whose it is: "良（复核）" once the review total is complete, else "优（自评）";
    /// "—" when there is none. The one wording for `fuhe list` and the unit list.
    public var gradeText: String {
        guard let grade = ChineseText.simplified(grade ?? "").nilIfBlank else { return "—" }
        return grade + (reviewComplete ? "（复核）" : "（自评）")
    }
}

/// Filters of the unit list.
public struct UnitFilter: Sendable, Hashable {
    public var evalType: EvalType?
    public var reviewStatus: ReviewStatus?
    /// Only units with warnings (rule flags).
    public var flaggedOnly: Bool
    /// Only units with overdue rectification items.
    public var overdueOnly: Bool
    /// Only units whose review has not started (未开始: no review yet). Excludes `reviewStatus`.
    public var notStartedOnly: Bool

    public init(evalType: EvalType? = nil, reviewStatus: ReviewStatus? = nil, flaggedOnly: Bool = false, overdueOnly: Bool = false,
                notStartedOnly: Bool = false) {
        self.evalType = evalType
        self.reviewStatus = reviewStatus
        self.flaggedOnly = flaggedOnly
        self.overdueOnly = overdueOnly
        self.notStartedOnly = notStartedOnly
    }

    public static let all = UnitFilter()
}

extension String {
    /// nil for empty or whitespace-only text.
    var nilIfBlank: String? { allSatisfy(\.isWhitespace) ? nil : self }
}

/// Where a unit's review stands as the unit list filters it: 未开始 (no review yet) or one of
/// the review statuses. The one set the workstation's status filter cycles through and
/// `fuhe list --status` accepts.
public enum ReviewStage: Hashable, Sendable, CaseIterable, NamedChoice {
    case notStarted
    case status(ReviewStatus)

    public static var allCases: [ReviewStage] { [.notStarted] + ReviewStatus.allCases.map(ReviewStage.status) }

    /// 未开始 / 复核中 / 待确认 / 已定稿.
    public var label: String {
        switch self {
        case .notStarted: "未开始"
        case .status(let s): s.label
        }
    }

    public var names: [String] {
        switch self {
        case .notStarted: [label, "未开始复核", "not-started", "none"]
        case .status(let s): s.names
        }
    }
}

extension UnitFilter {
    /// The review stage this filter keeps (nil: every unit); setting it sets `notStartedOnly`
    /// and `reviewStatus` together.
    public var reviewStage: ReviewStage? {
        get { notStartedOnly ? .notStarted : reviewStatus.map(ReviewStage.status) }
        set {
            notStartedOnly = newValue == .notStarted
            if case .status(let s)? = newValue { reviewStatus = s } else { reviewStatus = nil }
        }
    }
}
