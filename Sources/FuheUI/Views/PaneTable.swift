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

    /// Draws the header and the rows in view. With `kept`, a row drawn before from the same
    /// texts in the same columns is copied from it and restyled (``KeptRows``); rows drawn anew
    /// are kept there. (Kept rows are not used while ``KeptRows/bypassed`` is set.)
    static func draw(columns: [Column], body fullBody: Rect, count: Int, position: ListPosition, marker: Marker? = nil,
                     kept: KeptRows? = nil, into buffer: inout ScreenBuffer, line: (Int) -> Line) {
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
        // A table cut by the buffer's edge is drawn, never kept (nor any with memos bypassed).
        let kept = body.x >= 0 && body.maxX <= buffer.width && !KeptRows.bypassed ? kept : nil
        let layout = kept.map { _ in
            KeptRows.Layout(chosen: chosen, widths: widths, alignments: chosen.map { columns[$0].align }, width: body.width)
        }
        // The cells a row's columns and the spaces between them take (clipped to the body).
        let span = min(body.width, widths.reduce(0, +) + max(0, widths.count - 1))
        // Rows the frame does not redraw (`ScreenBuffer.limitedRows`) are not even formatted.
        for i in 0..<rows where pos.top + i < count && buffer.draws(row: body.y + 1 + i) {
            let index = pos.top + i
            let y = body.y + 1 + i
            var l = line(index)
            if let marker, index == position.cursor {
                l.style.bold = true
                buffer.put(marker.focused ? "▶ " : "▷ ", x: fullBody.x, y: y, style: Style(bold: true), clip: fullBody)
            }
            // The cursor's row in the focused pane (reversed) is one bar: its cells' own colours
            // and marks are left off it, so that a cursor move rewrites the two rows' text with
            // two style changes (under 150 bytes per `j` in the unit list at 120×40) and the bar
            // reads the same on every row. The text carries what the colours say (`9!9`, `+1.65`).
            let cellStyles = l.style.reverse ? [:] : l.cellStyles
            if let kept, let layout, let glyphs = kept.glyphs(index, texts: l.cells, layout: layout) {
                buffer.put(cells: styled(glyphs, chosen: chosen, widths: widths, style: l.style, cellStyles: cellStyles), x: body.x, y: y)
                continue
            }
            Column.draw(l.cells, columns: columns, chosen: chosen, widths: widths, x: body.x, y: y,
                        style: l.style, into: &buffer, clip: body, cellStyles: cellStyles)
            if let kept, let layout, span > 0, l.cells.allSatisfy(ScreenBuffer.fillsEveryCell) {
                kept.keep(index, texts: l.cells, layout: layout, glyphs: Array(buffer.cells(row: y, x: body.x, count: span)))
            }
        }
    }

    /// A kept row's characters in the styles ``Column/draw`` gives a line's cells: each column
    /// its own (its cell style merged into the line's), the spaces between them the line's.
    static func styled(_ glyphs: [Cell], chosen: [Int], widths: [Int], style: Style, cellStyles: [Int: Style]) -> [Cell] {
        var cells = glyphs
        var x = 0
        for (n, index) in chosen.enumerated() where x < cells.count {
            let columnStyle = cellStyles[index].map { Column.merge(style, $0) } ?? style
            let end = min(cells.count, x + widths[n])
            while x < end { cells[x].style = columnStyle; x += 1 }
            if n + 1 < chosen.count && x < cells.count { cells[x].style = style; x += 1 }
        }
        return cells
    }
}
