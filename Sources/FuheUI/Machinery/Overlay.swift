import TermCore

/// A layer over the panes that takes the keys while it is open: help, a form, the validation
/// list, the history, the lesson menu, the search bar. The conforming value is the overlay's
/// state; it lives on `AppState`'s overlay stack while open. Its keys are registry commands in
/// its own scopes (`keyScopes`), declared in its file with `Command.on(Self.self, …)`.
///
/// Add an overlay: one file with a type conforming to `Overlay` (and `CommandProvider` for its
/// keys, including the command that opens it), and one line in `Registration.modules`.
public protocol Overlay: Sendable {
    /// What its keys are called in a session record and the presentation strip ("form").
    static var context: KeyOutcome.Context { get }
    /// Scopes its keys resolve in, in order (a form adds the focused field's kind).
    var keyScopes: [CommandScope] { get }
    /// Whether the global cursor commands (j/k, PgUp/PgDn, g/G) move its list.
    var takesListMoves: Bool { get }
    /// Moves its list (when `takesListMoves`).
    mutating func move(_ move: ListMove, in state: AppState)
    /// Covers the panes (no pane shows focus); false for a bar that leaves them in view.
    var blocksPanes: Bool { get }
    /// The terminal cursor stays visible (an input field has focus).
    var showsCursor: Bool { get }
    /// Draws it over the panes.
    func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer)
}

extension Overlay {
    public var takesListMoves: Bool { false }
    public mutating func move(_ move: ListMove, in state: AppState) {}
    public var blocksPanes: Bool { true }
    public var showsCursor: Bool { false }
}

/// A cursor move, as the global cursor commands ask for it.
public enum ListMove: Sendable, Equatable {
    case by(Int)
    case page(Int)
    case first
    case last

    /// Applies it to a list position (overlays page by 10 rows).
    public func apply(to position: inout ListPosition, count: Int, page: Int = 10) {
        switch self {
        case .by(let n): position.move(by: n, count: count)
        case .page(let n): position.move(by: n * page, count: count)
        case .first: position.set(0, count: count)
        case .last: position.set(count - 1, count: count)
        }
    }
}

/// Where an overlay may draw: the screen between the training banner and the rows the demo
/// keeps below the panes, the layout, and the status line.
public struct OverlayFrame: Sendable {
    public var layout: Layout
    /// The area overlays are centred in.
    public var screen: Rect
    public var status: Rect

    init(_ state: AppState, layout: Layout) {
        self.layout = layout
        screen = Rect(x: 0, y: layout.top, width: state.width, height: layout.reserved.y - layout.top)
        status = layout.status
    }
}
