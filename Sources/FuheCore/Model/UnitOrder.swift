/// A column the unit list sorts by. The one definition of the unit list's order: every key is an
/// integer (nil sorts last in either direction, equal keys keep the natural pinyin order), a
/// store that holds the whole list sorts it with `UnitOrdering.sorted`, and the SQLite store
/// orders in SQL by the same keys (`FuheStore.unitPage`; a test compares the two on every
/// column, direction and filter).
public enum UnitSortColumn: String, CaseIterable, Sendable {
    case year = "年度"
    case type = "类型"
    case selfTotal = "自评"
    case reviewTotal = "复核"
    case delta = "差异"
    case grade = "等次"
    case items = "整改"
    case progress = "进度"

    /// The header title it sorts by.
    public var title: String { rawValue }

    /// Whether the first press sorts it descending (biggest, best, most first).
    public var startsDescending: Bool { self != .type && self != .progress }

    /// The sort key of a unit (nil: no value, listed last).
    public func key(_ u: UnitSummary) -> Int? {
        switch self {
        case .year: u.fiscalYear
        case .type: Self.typeRank(u.evalType)
        case .selfTotal: u.selfTotal?.hundredths
        case .reviewTotal: u.reviewTotal?.hundredths
        case .delta: u.delta?.hundredths
        case .grade: GradeRank.rank(u.grade)
        case .items: u.overdueItems * Self.overdueWeight + u.openItems
        case .progress: u.scorableRows == 0 ? nil : u.reviewedRows * Self.progressScale / u.scorableRows
        }
    }

    /// Types in the order of their stored names (DEPT_OVERALL, PROJECT, SPECIAL_FUND).
    public static let typeOrder: [EvalType] = EvalType.allCases.sorted { $0.rawValue < $1.rawValue }
    public static func typeRank(_ t: EvalType) -> Int { typeOrder.firstIndex(of: t) ?? 0 }
    /// Overdue items weigh more than any count of open ones.
    public static let overdueWeight = 100_000
    /// Progress as reviewed/scorable in ten-thousandths.
    public static let progressScale = 10_000
}

/// Grades best first: 优/优秀 > 良/良好 > 中/合格/一般 > 差/不合格/较差; any other label 0.
public enum GradeRank {
    public static let ranks: [String: Int] = ["优": 4, "优秀": 4, "良": 3, "良好": 3, "中": 2, "合格": 2, "一般": 2,
                                             "差": 1, "不合格": 1, "较差": 1]
    /// nil for no grade (nil or empty).
    public static func rank(_ label: String?) -> Int? {
        guard let label, !label.isEmpty else { return nil }
        return ranks[label] ?? 0
    }
}

/// The unit list's order: a column and its direction (nil where used: the natural pinyin order).
public struct UnitOrder: Hashable, Sendable {
    public var column: UnitSortColumn
    public var descending: Bool

    public init(_ column: UnitSortColumn, descending: Bool) {
        self.column = column
        self.descending = descending
    }
}

public enum UnitOrdering {
    /// `units` (in natural order) sorted by `order`: stable, units without a key last.
    public static func sorted(_ units: [UnitSummary], by order: UnitOrder?) -> [UnitSummary] {
        guard let order else { return units }
        return units.stablySorted(descending: order.descending, by: order.column.key)
    }

    /// The page of `request` cut from a whole list in natural order (for repositories that hold
    /// the whole list; the SQLite store answers in SQL).
    public static func page(of units: [UnitSummary], _ request: UnitPageRequest) -> UnitPage {
        let all = sorted(units, by: request.order)
        let anchor = request.anchor.flatMap { id in all.firstIndex { $0.dossierID == id } }
        let start = UnitPage.start(total: all.count, request: request, anchorIndex: anchor)
        return UnitPage(total: all.count, samples: all.count { $0.isSample }, start: start,
                        rows: Array(all[start..<min(all.count, start + max(0, request.limit))]), anchorIndex: anchor)
    }
}

/// Which rows of the unit list to read: under `filter` and `order`, `limit` rows from `start` —
/// or, when `anchor` (a dossier id) is in the list, rows around it.
public struct UnitPageRequest: Hashable, Sendable {
    public var filter: UnitFilter
    public var order: UnitOrder?
    public var today: CalendarDay?
    public var start: Int
    public var limit: Int
    public var anchor: String?

    public init(filter: UnitFilter = .all, order: UnitOrder? = nil, today: CalendarDay? = nil, start: Int = 0, limit: Int,
                anchor: String? = nil) {
        self.filter = filter
        self.order = order
        self.today = today
        self.start = start
        self.limit = limit
        self.anchor = anchor
    }
}

/// Rows [start, start + rows.count) of the unit list, its length, how many of it are samples, and
/// where the anchor is (nil: not in the list).
public struct UnitPage: Hashable, Sendable {
    public var total: Int
    public var samples: Int
    public var start: Int
    public var rows: [UnitSummary]
    public var anchorIndex: Int?

    public init(total: Int, samples: Int, start: Int, rows: [UnitSummary], anchorIndex: Int?) {
        self.total = total
        self.samples = samples
        self.start = start
        self.rows = rows
        self.anchorIndex = anchorIndex
    }

    /// Where a page starts: a third of the page above the anchor when it is in the list, else at
    /// the requested start; never past the last full page.
    public static func start(total: Int, request: UnitPageRequest, anchorIndex: Int?) -> Int {
        let wanted = anchorIndex.map { $0 - request.limit / 3 } ?? request.start
        return max(0, min(wanted, total - request.limit))
    }
}

/// A unit as search and the command palette need it (the whole list, without the figures).
public struct UnitKey: Hashable, Sendable {
    public var dossierID: String
    public var unitName: String
    public var fiscalYear: Int
    public var yearIsDemo: Bool
    public var evalType: EvalType
    public var reviewStatus: ReviewStatus?

    public init(dossierID: String, unitName: String, fiscalYear: Int, yearIsDemo: Bool, evalType: EvalType, reviewStatus: ReviewStatus?) {
        self.dossierID = dossierID
        self.unitName = unitName
        self.fiscalYear = fiscalYear
        self.yearIsDemo = yearIsDemo
        self.evalType = evalType
        self.reviewStatus = reviewStatus
    }

    public init(_ u: UnitSummary) {
        self.init(dossierID: u.dossierID, unitName: u.unitName, fiscalYear: u.fiscalYear, yearIsDemo: u.yearIsDemo,
                  evalType: u.evalType, reviewStatus: u.reviewStatus)
    }
}
