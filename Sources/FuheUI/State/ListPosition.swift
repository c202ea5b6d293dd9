/// A cursor in a list and the first visible row, kept consistent with the list length and the
/// visible height.
public struct ListPosition: Hashable, Sendable {
    public var cursor: Int = 0
    public var top: Int = 0

    public init(cursor: Int = 0, top: Int = 0) {
        self.cursor = cursor
        self.top = top
    }

    /// Moves by `delta` rows, clamped to [0, count − 1].
    public mutating func move(by delta: Int, count: Int) {
        guard count > 0 else { cursor = 0; top = 0; return }
        cursor = min(max(0, cursor + delta), count - 1)
    }

    public mutating func set(_ index: Int, count: Int) {
        cursor = 0
        move(by: index, count: count)
    }

    /// Adjusts `top` so the cursor is visible in `height` rows. When the cursor leaves the view
    /// the list jumps by half a page (as vim's `scrolljump`), so moving through a long list
    /// repaints the pane once every few moves instead of on every move: a pane beside another
    /// cannot use the terminal's own scrolling, so each scroll rewrites all its rows.
    public mutating func scroll(height: Int, count: Int) {
        guard height > 0, count > 0 else { top = 0; return }
        cursor = min(max(0, cursor), count - 1)
        let jump = max(1, height / 2)
        if cursor < top { top = cursor - (top - cursor > jump ? 0 : jump - 1) }
        if cursor >= top + height { top = cursor - height + (cursor - (top + height) >= jump ? 1 : jump) }
        top = max(0, min(top, max(0, count - height)))
    }
}
