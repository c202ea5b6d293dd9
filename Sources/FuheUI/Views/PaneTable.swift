import TermCore

/// The table inside a list pane: a dim header line, then the rows of the list that are in view
/// around its cursor. Each pane supplies its columns and, per row, the cells and styles.
enum PaneTable {
    struct Line {
        var cells: [String]
        var style: Style
        var cellStyles: [Int: Style] = [:]
    }

    /// Presentation mode: a two-cell gutter marks the selected row ("▶" in the focused pane, "▷"
    /// in the others) and the row is bold, so an audience can follow the cursor.
    struct Marker {
        var focused: Bool

        /// The marker for a pane, nil outside presentation mode.
        static func of(_ state: AppState, focused: Bool) -> Marker? {
            state.training?.presenting == true ? Marker(focused: focused) : nil
        }
    }

    /// The screen row of list index `index` in a pane whose table fills `rect` below its title,
    /// with `top` the first index in view.
    static func rowY(_ index: Int, top: Int, rect: Rect) -> Int { rect.y + 2 + index - top }

    static func draw(columns: [Column], body fullBody: Rect, count: Int, position: ListPosition, marker: Marker? = nil,
                     into buffer: inout ScreenBuffer, line: (Int) -> Line) {
        guard fullBody.height > 1 else { return }
        let gutter = marker == nil ? 0 : 2
        let body = Rect(x: fullBody.x + gutter, y: fullBody.y, width: fullBody.width - gutter, height: fullBody.height)
        let chosen = Column.fit(columns, total: body.width)
        let widths = Column.widths(columns, chosen: chosen, total: body.width)
        if buffer.draws(row: body.y) {
            Column.draw(columns.map(\.title), columns: columns, chosen: chosen, widths: widths, x: body.x, y: body.y,
                        style: .dim, into: &buffer, clip: body)
        }
        let rows = body.height - 1
        var pos = position
        pos.scroll(height: rows, count: count)
        // Rows the frame does not redraw (`ScreenBuffer.limitedRows`) are not even formatted.
        for i in 0..<rows where pos.top + i < count && buffer.draws(row: body.y + 1 + i) {
            var l = line(pos.top + i)
            if let marker, pos.top + i == position.cursor {
                l.style.bold = true
                buffer.put(marker.focused ? "▶ " : "▷ ", x: fullBody.x, y: body.y + 1 + i, style: Style(bold: true), clip: fullBody)
            }
            // The cursor's row in the focused pane (reversed) is one bar: its cells' own colours
            // and marks are left off it, so that a cursor move rewrites the two rows' text with
            // two style changes (under 150 bytes per `j` in the unit list at 120×40) and the bar
            // reads the same on every row. The text carries what the colours say (`9!9`, `+1.65`).
            Column.draw(l.cells, columns: columns, chosen: chosen, widths: widths, x: body.x, y: body.y + 1 + i,
                        style: l.style, into: &buffer, clip: body, cellStyles: l.style.reverse ? [:] : l.cellStyles)
        }
    }
}
