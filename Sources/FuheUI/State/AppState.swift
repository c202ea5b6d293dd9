import FuheCore
import TermCore

/// Whether what is on screen is on disk.
public enum SaveState: Sendable, Equatable {
    case saved
    /// An edit was sent and its result has not come back yet (a repository that completes later).
    case saving
    case failed(String)
}

/// Where the store is and what kind it is, for the status line.
public struct StoreLabel: Sendable, Equatable {
    public var name: String
    /// "main", or a description such as "副本 · 来自 fuhe.sqlite · 2026-11-20".
    public var kind: String
    /// Part of every id made here ("L3" in the copy of lease L-3), so that items, findings and
    /// evidence created at two sites never share an id; empty in the main store.
    public var idTag: String

    public init(name: String, kind: String, idTag: String = "") {
        self.name = name
        self.kind = kind
        self.idTag = idTag
    }
}

/// Everything the screen shows. `Renderer.render(state)` is a pure function of this value.
///
/// The machinery's own parts are fields here (size, focus, overlay stack, the open dossier, the
/// status line); each pane and view keeps its own state in `views`, by type
/// (`state[UnitsPane.self]`).
public struct AppState: Sendable {
    public var width: Int
    public var height: Int
    /// The focused pane (Tab moves it round `Registration.panes`).
    public var focus: PaneID = .units
    /// Each view's own state, by type.
    public var views = ViewStates()
    /// The open dossier and its scores (recomputed after every load, microseconds).
    public var dossier: Dossier? { didSet { dossierRevision = DossierRevision.next() } }
    public var scored: ScoredDossier? { didSet { dossierRevision = DossierRevision.next() } }
    /// A number that changes whenever `dossier` or `scored` is set or changed, unique across all
    /// states: what `reviewBlockers` keeps its answers by.
    private(set) var dossierRevision = DossierRevision.next()
    /// The review lifecycle's answers for the open dossier (`ReviewBlockersMemo`), shared by copies.
    let reviewBlockers = ReviewBlockersMemo()
    var gradeSchemes: [String: GradeScheme] = [:]
    /// Modal layers over the panes, the top one last.
    var overlays: [OverlayEntry] = []
    var nextOverlayID = 0
    /// The query `n`/`N` repeat.
    public var lastQuery: String?
    public var message: String?
    public var messageIsError = false
    /// The last status-line messages, oldest first (`z` shows them whole).
    public var messageLog: [String] = []
    public var saveState: SaveState = .saved
    public var actor: Actor
    /// This session's id (its repository's): its own changes are not announced when following.
    public var session = ""
    public var storeLabel: StoreLabel
    public var today: CalendarDay
    /// The keys in force (the registry's defaults unless configured).
    public var keymap: Keymap = .standard
    /// Batches this session wrote and undid.
    var undo = UndoHistory()
    /// The training demo's banner, key strip and lesson (nil outside `fuhe demo`).
    public var training: TrainingState?
    /// Where the last run was (unit, row, item, pane), restored as the data comes in.
    var pendingRestore: ViewPreferences?
    /// The cross-unit pages' sorts and filters, by page name (remembered between runs).
    var pageChoices: [String: ViewPreferences.PageChoice] = [:]

    public init(width: Int, height: Int, actor: Actor, storeLabel: StoreLabel, today: CalendarDay) {
        self.width = width
        self.height = height
        self.actor = actor
        self.storeLabel = storeLabel
        self.today = today
    }

    /// A view's state.
    public subscript<V: ViewState>(_ type: V.Type) -> V {
        get { views[type] }
        _modify { yield &views[type] }
        set { views[type] = newValue }
    }

    /// The top overlay (a form, help, the search bar…), nil when the panes have the keys.
    public var overlay: (any Overlay)? { overlays.last?.overlay }

    /// Whether an overlay covers the panes (then no pane shows focus).
    var panesCovered: Bool { overlays.contains { $0.overlay.blocksPanes } }

    /// The scoresheet is read-only for this actor (finalized; or submitted and not the 组长's):
    /// edits are refused until it is reopened or returned (`ReviewLifecycle`).
    public var isReadOnly: Bool { ReviewLifecycle.isReadOnly(dossier?.review, for: actor) }

    /// Whether a dossier is open (without copying it, as comparing the optional with nil does:
    /// commands ask this after every key).
    public var hasDossier: Bool {
        switch dossier {
        case .none: false
        case .some: true
        }
    }

    /// A command's first key as users see it ("Enter"), from the keymap in force.
    public func key(_ id: CommandID) -> String { keymap.key(id) }
}

extension AppState {
    /// The unit list (as filtered).
    /// The rows of the unit list read now (a window around the view; `unitCount` is the list's length).
    public var units: [UnitSummary] { self[UnitsPane.self].units }
    /// Units in the list as filtered.
    public var unitCount: Int { self[UnitsPane.self].total }
    public var selectedUnit: UnitSummary? { UnitsPane.selected(self) }
    /// The visible rows of the scoresheet tree.
    public var sheetRows: [SheetRow] { self[ScoresheetPane.self].rows }
    public var selectedRow: SheetRow? { ScoresheetPane.selected(self) }
    /// Items of the open dossier in ledger order.
    public var items: [RectificationItem] { ItemsPane.items(self) }
    public var selectedItem: RectificationItem? { ItemsPane.selected(self) }
    /// The detail area's content while the cursor moves (nil: it shows the selection).
    public var heldDetail: HeldDetail? { self[DetailArea.self].held }
}

/// An overlay on the stack, with an id that stays with it while it is open.
struct OverlayEntry: Sendable {
    let id: Int
    var overlay: any Overlay
}

/// This session's undo and redo stacks: batches with the dossier each belongs to.
struct UndoHistory: Sendable {
    var undo: [UndoEntry] = []
    var redo: [UndoEntry] = []
}

struct UndoEntry: Sendable, Equatable {
    var batch: Int64
    var dossierID: String
}
