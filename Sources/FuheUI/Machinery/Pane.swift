import FuheCore
import TermCore

/// A pane's stable name ("units"); `AppState.focus` holds one.
public struct PaneID: RawRepresentable, Hashable, Sendable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let units = PaneID(rawValue: "units")
    public static let sheet = PaneID(rawValue: "sheet")
    public static let items = PaneID(rawValue: "items")
}

/// A pane of the workstation's layout (lazygit's context + controller): a list with a cursor.
/// The conforming type is the pane's own state (kept in `AppState` by type); its static members
/// say where it goes, how it draws, what its keys do (`commands`, scope `scope`), what the detail
/// area shows for its selection, what `/` searches and what `H` shows.
///
/// Add a pane: one file with a type conforming to `Pane` and `CommandProvider`, its rectangle in
/// `Layout`, and one line in `Registration.modules` (its place there is its place in the Tab ring).
protocol Pane: ViewState, CommandProvider {
    static var id: PaneID { get }
    static var scope: CommandScope { get }
    /// The cursor and first visible row.
    var position: ListPosition { get set }
    /// Where it goes on the screen.
    static func rect(in layout: Layout) -> Rect
    static func render(_ state: AppState, rect: Rect, into buffer: inout ScreenBuffer)
    /// How many rows the cursor moves over.
    static func count(_ state: AppState) -> Int
    /// The detail area's title and paragraphs for the selected row.
    static func detail(_ state: AppState) -> (title: String, paragraphs: [String])
    /// The texts `/` searches, one per search index (may cover rows not visible, such as
    /// collapsed scoresheet rows).
    static func searchTexts(_ state: AppState) -> [String]
    /// The search index of the selected row.
    static func searchIndex(_ state: AppState) -> Int
    /// Moves the cursor to a search index (revealing it if need be).
    static func selectSearchResult(_ index: Int, in ctx: inout UpdateContext)
    /// What `H` shows for the selection: one entity, or nil for the whole unit.
    static func historyTarget(_ state: AppState) -> HistoryTarget?
    /// The screen rows that change when only the cursor moved from `old` to `new` (nothing else
    /// in the state changed), or nil when the whole pane must be redrawn. The default is a
    /// `PaneTable` under a title: the two rows whose highlight changed, or all of
    /// it when the list scrolled.
    static func rowsChanged(from old: ListPosition, to new: ListPosition, rect: Rect) -> [Int]?
}

extension Pane {
    static var asPane: (any Pane.Type)? { Self.self }

    static func searchIndex(_ state: AppState) -> Int { state[Self.self].position.cursor }
    static func selectSearchResult(_ index: Int, in ctx: inout UpdateContext) {
        let n = count(ctx.state)
        ctx.state[Self.self].position.set(index, count: n)
    }
    static func historyTarget(_ state: AppState) -> HistoryTarget? { nil }

    static func rowsChanged(from old: ListPosition, to new: ListPosition, rect: Rect) -> [Int]? {
        guard old.top == new.top else { return nil }
        // The two rows whose highlight changed; a pane's title reads nothing a cursor changes.
        return [PaneTable.rowY(old.cursor, top: old.top, rect: rect), PaneTable.rowY(new.cursor, top: new.top, rect: rect)]
    }

    /// The cursor and first visible row of this pane in `state`.
    static func position(in state: AppState) -> ListPosition { state[Self.self].position }

    /// Moves the cursor by `delta` rows (clamped).
    static func move(by delta: Int, in state: inout AppState) {
        let n = count(state)
        state[Self.self].position.move(by: delta, count: n)
    }

    /// Keeps the cursor in view for the current layout.
    static func scroll(_ state: inout AppState, layout: Layout) {
        let height = max(1, rect(in: layout).height - 2)
        var position = state[Self.self].position
        position.scroll(height: height, count: count(state))
        // Written back only when it scrolled: every key keeps every pane's cursor in view, and a
        // write gives the state its own copy of the pane's (shared with the last frame's state).
        if position != state[Self.self].position { state[Self.self].position = position }
    }

    /// Whether the pane draws as focused (no overlay covers it).
    static func isFocused(_ state: AppState) -> Bool { state.focus == id && !state.panesCovered }
}

/// One entity's history (`H`): which rows of the journal, and the overlay's title.
struct HistoryTarget: Sendable, Equatable {
    var entity: String
    var entityID: String
    var title: String
}

/// The panes in Tab order, from the registration.
enum FocusRing {
    static let panes: [any Pane.Type] = Registration.modules.compactMap { $0.asPane }
    static let byID: [PaneID: any Pane.Type] = Dictionary(panes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    static func pane(_ id: PaneID) -> (any Pane.Type)? { byID[id] }

    /// The pane `step` places after `id` in the ring (−1: before).
    static func pane(after id: PaneID, step: Int) -> PaneID {
        guard let i = panes.firstIndex(where: { $0.id == id }) else { return panes.first?.id ?? id }
        return panes[((i + step) % panes.count + panes.count) % panes.count].id
    }
}
