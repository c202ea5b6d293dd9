import FuheCore
import TermCore

/// The focused pane.
public enum Pane: Int, Sendable, CaseIterable {
    case units, sheet, items

    var scope: CommandScope {
        switch self {
        case .units: .units
        case .sheet: .sheet
        case .items: .items
        }
    }
}

/// A modal layer over the panes.
public enum Overlay: Sendable {
    case help(top: Int)
    case form(FormState)
    case messages(ListPosition)
    case history(HistoryView)
    /// The training demo's lesson menu.
    case lessons(ListPosition)
}

/// Whether what is on screen is on disk.
public enum SaveState: Sendable, Equatable {
    case saved
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

/// Everything the screen shows. `render(state)` is a pure function of this value.
public struct AppState: Sendable {
    public var width: Int
    public var height: Int
    public var focus: Pane = .units
    public var units: [UnitSummary] = []
    public var unitPosition = ListPosition()
    public var filter = UnitFilter()
    public var dossier: Dossier?
    public var scored: ScoredDossier?
    public var collapsed: Set<String> = []
    public var sheetRows: [SheetRow] = []
    public var sheetPosition = ListPosition()
    public var itemPosition = ListPosition()
    public var detailTop = 0
    /// While the cursor is moving, the detail area keeps what it showed (dimmed) and is redrawn
    /// when keys pause (`Workstation.settle()`), so a cursor move sends only the changed rows.
    public var heldDetail: HeldDetail?
    public var overlay: Overlay?
    /// Units out as offline copies: dossier id → "L-1 张三 2026-11-23 起" (marked 外 in the list).
    public var leased: [String: String] = [:]
    /// The search bar while typing a query.
    public var searchEditor: LineEditor?
    public var lastQuery: String?
    public var message: String?
    public var messageIsError = false
    public var saveState: SaveState = .saved
    public var actor: Actor
    public var storeLabel: StoreLabel
    public var today: CalendarDay
    /// The training demo's banner, key strip and lesson pane (nil outside `fuhe demo`).
    public var training: TrainingState?

    public init(width: Int, height: Int, actor: Actor, storeLabel: StoreLabel, today: CalendarDay) {
        self.width = width
        self.height = height
        self.actor = actor
        self.storeLabel = storeLabel
        self.today = today
    }

    /// Items of the open dossier in ledger order.
    public var items: [RectificationItem] {
        (dossier?.items ?? []).sorted { ($0.seq, $0.id) < ($1.seq, $1.id) }
    }

    public var selectedUnit: UnitSummary? { units.indices.contains(unitPosition.cursor) ? units[unitPosition.cursor] : nil }
    public var selectedRow: SheetRow? { sheetRows.indices.contains(sheetPosition.cursor) ? sheetRows[sheetPosition.cursor] : nil }
    public var selectedItem: RectificationItem? {
        let list = items
        return list.indices.contains(itemPosition.cursor) ? list[itemPosition.cursor] : nil
    }

    /// The review is finalized: edits are refused until it is reopened.
    public var isReadOnly: Bool { ReviewLifecycle.isReadOnly(dossier?.review, for: actor) }
}

/// The detail area's content, frozen while the cursor moves.
public struct HeldDetail: Sendable, Equatable {
    public var title: String
    public var paragraphs: [String]
    /// The paragraphs wrapped for `width` (computed once when the hold starts).
    public var lines: [String]
    public var width: Int
}
