import TermCore

/// The table inside a list pane: a dim header line, then the rows of the list that are in view
/// around its cursor. Each pane supplies its columns and, per row, the cells and styles.
enum PaneTable {
    struct Line {
        var cells: [String]
        var style: Style
        var cellStyles: [Int: Style] = [:]
    }

    static func draw(columns: [Column], body: Rect, count: Int, position: ListPosition,
                     into buffer: inout ScreenBuffer, line: (Int) -> Line) {
        guard body.height > 1 else { return }
        let chosen = Column.fit(columns, total: body.width)
        let widths = Column.widths(columns, chosen: chosen, total: body.width)
        Column.draw(columns.map(\.title), columns: columns, chosen: chosen, widths: widths, x: body.x, y: body.y,
                    style: .dim, into: &buffer, clip: body)
        let rows = body.height - 1
        var pos = position
        pos.scroll(height: rows, count: count)
        for i in 0..<rows where pos.top + i < count {
            let l = line(pos.top + i)
            Column.draw(l.cells, columns: columns, chosen: chosen, widths: widths, x: body.x, y: body.y + 1 + i,
                        style: l.style, into: &buffer, clip: body, cellStyles: l.cellStyles)
        }
    }
}
