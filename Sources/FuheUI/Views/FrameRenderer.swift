import TermCore

/// Makes the run loop's frames. A frame is `Renderer.render(state)`, except right after a key
/// that only moved the cursor of the focused pane (`Workstation.lastKeyMovedIn`): then it is
/// the last frame with that pane's changed rows drawn again — the two rows whose highlight
/// changed, or the whole pane when it scrolled — and the status line when its message or hints
/// changed. Every other view
/// reads nothing a cursor move changes (the detail area is held while the cursor moves), so the
/// result is the same screen `Renderer.render` would make (`FrameRendererTests` compare them
/// key by key), for a few rows' work instead of the whole screen's.
///
/// ```swift
/// let frames = FrameRenderer()
/// workstation.handle(key)
/// terminal.draw(frames.render(workstation.state, movedIn: workstation.lastKeyMovedIn))
/// ```
public final class FrameRenderer {
    private var last: (state: AppState, frame: ScreenBuffer)?
    /// The status line of the last frame when a patched frame made it (nil: not known — it is
    /// made from the last state when a cursor move needs it).
    private var lastStatus: StatusLineView.Line?
    /// The last frame's ``ScreenBuffer/serial``.
    private var serial = 0
    /// Frames made by redrawing a few rows of the last one (for the benchmark and tests).
    public private(set) var partialFrames = 0

    public init() {}

    /// The frame for `state`. `movedIn`: the pane whose cursor the last key moved, when that key
    /// changed nothing else; nil draws the whole screen. A patched frame says which rows it
    /// redrew (``ScreenBuffer/patch``), so the terminal draws those rows without comparing.
    /// `caughtUp`: the detail area, held while the cursor moved, has just caught up and nothing
    /// else changed (`Workstation.settle()`, `Workstation.lastKeyCaughtUp`): only its rows are
    /// drawn again.
    public func render(_ state: AppState, movedIn pane: PaneID? = nil, caughtUp: Bool = false) -> ScreenBuffer {
        var frame: ScreenBuffer
        if let pane, let partial = patched(state, movedIn: pane) {
            frame = partial
            partialFrames += 1
        } else if caughtUp, let partial = detailCaughtUp(state) {
            frame = partial
            partialFrames += 1
        } else {
            frame = Renderer.render(state)
            lastStatus = nil
        }
        serial += 1
        frame.serial = serial
        last = (state, frame)
        return frame
    }

    /// Forgets the last frame: the next one is drawn whole.
    public func reset() { last = nil; lastStatus = nil }

    private func patched(_ state: AppState, movedIn id: PaneID) -> ScreenBuffer? {
        guard let old = last?.state, let pane = FocusRing.pane(id), Self.onlyCursorMoved(from: old, to: state, in: id) else { return nil }
        let layout = Layout(state)
        guard !layout.tooSmall, var frame = last?.frame else { return nil }
        // The last frame is changed in place: once this renderer lets go of it, the returned
        // frame was its only other holder (the terminal keeps no patched frame), so no copy.
        last = nil
        let rect = pane.rect(in: layout)
        let rows = pane.rowsChanged(from: pane.position(in: old), to: pane.position(in: state), rect: rect)
            ?? Array(rect.y..<rect.maxY)
        let paneRows = rows.filter { $0 >= rect.y && $0 < rect.maxY }
        // The status line is drawn again only when the move changed its message or its hints.
        let before = lastStatus ?? StatusLineView.line(old, width: layout.status.width)
        let status = before.flatMap { StatusLineView.line(after: $0, state, width: layout.status.width) }
            ?? StatusLineView.line(state, width: layout.status.width)
        lastStatus = status
        let statusRows = status != nil && status == before ? [] : Array(layout.status.y..<layout.status.maxY)
        frame.limitedRows = paneRows
        for y in paneRows { frame.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1)) }
        pane.render(state, rect: rect, into: &frame)
        if !statusRows.isEmpty {
            frame.limitedRows = statusRows
            StatusLineView.draw(status, rect: layout.status, into: &frame)
        }
        frame.limitedRows = nil
        frame.cursor = nil
        frame.patch = (of: frame.serial, rows: paneRows + statusRows)
        return frame
    }

    private func detailCaughtUp(_ state: AppState) -> ScreenBuffer? {
        guard let old = last?.state, old.heldDetail != nil, state.heldDetail == nil, old.width == state.width,
              old.height == state.height, old.focus == state.focus, old.overlays.isEmpty, state.overlays.isEmpty,
              old.training == nil, state.training == nil, old[DetailArea.self].top == state[DetailArea.self].top,
              StatusLineView.messageLines(state, width: state.width).isEmpty else { return nil }
        let layout = Layout(state)
        guard !layout.tooSmall, var frame = last?.frame else { return nil }
        last = nil
        let rect = layout.detail
        let rows = Array(max(0, rect.y)..<min(state.height, rect.maxY))
        frame.limitedRows = rows
        frame.fill(rect)
        DetailArea.render(state, rect: rect, into: &frame)
        frame.limitedRows = nil
        frame.cursor = nil
        frame.patch = (of: frame.serial, rows: rows)
        return frame
    }

    /// Whether the screens of `old` and `new` can differ only in pane `id` and the status line:
    /// same size, focus and held detail area, no overlay, no demo, no long message (drawn over
    /// the panes). The caller vouches that the key changed nothing but that pane's cursor.
    static func onlyCursorMoved(from old: AppState, to new: AppState, in id: PaneID) -> Bool {
        old.width == new.width && old.height == new.height
            && old.focus == id && new.focus == id
            && old.overlays.isEmpty && new.overlays.isEmpty
            && old.training == nil && new.training == nil
            && StatusLineView.messageLines(old, width: old.width).isEmpty && StatusLineView.messageLines(new, width: new.width).isEmpty
            && new.heldDetail != nil && detailUnchanged(from: old, to: new)
    }

    /// Whether the detail area of `new` shows what `old`'s did: the same, or — on the first move
    /// after a pause — `new` holds exactly what `old` showed (before, that move drew the whole
    /// screen: every key pressed on its own was a whole frame).
    static func detailUnchanged(from old: AppState, to new: AppState) -> Bool {
        let before = old[DetailArea.self], after = new[DetailArea.self]
        if before == after { return true }
        guard before.held == nil, before.top == after.top, let held = after.held else { return false }
        let shown = DetailArea.content(old)
        return held.title == shown.title && held.paragraphs == shown.paragraphs
            && held.width == DetailArea.bodyRect(Layout(old).detail).width
    }
}
