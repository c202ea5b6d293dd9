import FuheCore

/// What the workstation remembers per store between runs: the sorts and filters of each list,
/// and where the reviewer was (the open unit, the row, the item; the focused pane is kept but a
/// start begins in the unit list). FuheApp keeps
/// it in `$XDG_STATE_HOME/fuhe/views/<store id>.json`; the workstation only makes and reads the value.
public struct ViewPreferences: Codable, Sendable, Equatable {
    public var unitFilter: UnitFilterChoice?
    public var unitSort: ColumnSort?
    public var sheetFilter: SheetFilter?
    public var sheetSort: ColumnSort?
    public var itemSort: ColumnSort?
    public var focus: String?
    public var dossierID: String?
    public var nodeID: String?
    public var itemID: String?
    /// Views that are not panes (the cross-unit pages) keep their choices here, by name.
    public var pages: [String: PageChoice]?

    public init() {}

    /// The unit filter as stored.
    public struct UnitFilterChoice: Codable, Sendable, Equatable {
        public var evalType: EvalType?
        public var reviewStatus: ReviewStatus?
        public var flaggedOnly: Bool
        public var overdueOnly: Bool
        public var notStartedOnly: Bool

        init(_ f: UnitFilter) {
            evalType = f.evalType
            reviewStatus = f.reviewStatus
            flaggedOnly = f.flaggedOnly
            overdueOnly = f.overdueOnly
            notStartedOnly = f.notStartedOnly
        }

        var filter: UnitFilter {
            UnitFilter(evalType: evalType, reviewStatus: reviewStatus, flaggedOnly: flaggedOnly, overdueOnly: overdueOnly,
                       notStartedOnly: notStartedOnly)
        }
    }

    /// A page's sort and filters (each filter by name → value).
    public struct PageChoice: Codable, Sendable, Equatable {
        public var sort: ColumnSort?
        public var filters: [String: String]

        public init(sort: ColumnSort? = nil, filters: [String: String] = [:]) {
            self.sort = sort
            self.filters = filters
        }
    }
}

extension AppState {
    /// The choices and position to remember for next time.
    public var preferences: ViewPreferences {
        var p = ViewPreferences()
        let units = self[UnitsPane.self]
        p.unitFilter = .init(units.filter)
        p.unitSort = units.sort
        p.sheetFilter = self[ScoresheetPane.self].filter
        p.sheetSort = self[ScoresheetPane.self].sort
        p.itemSort = self[ItemsPane.self].sort
        p.focus = focus.rawValue
        p.dossierID = dossier?.id ?? selectedUnit?.dossierID
        p.nodeID = selectedRow?.node.id
        p.itemID = selectedItem?.id
        p.pages = pageChoices.isEmpty ? nil : pageChoices
        return p
    }

    /// Puts remembered choices in force before the first load (the position is restored as the
    /// unit list and the dossier come in).
    mutating func restore(_ p: ViewPreferences) {
        if let f = p.unitFilter { self[UnitsPane.self].filter = f.filter }
        self[UnitsPane.self].sort = p.unitSort
        self[ScoresheetPane.self].filter = p.sheetFilter
        self[ScoresheetPane.self].sort = p.sheetSort
        self[ItemsPane.self].sort = p.itemSort
        pageChoices = p.pages ?? [:]
        pendingRestore = p
    }
}
