/// What a ``LineEditor`` shows in a box: the visible rows and where the cursor is inside it.
///
/// `LineEditor(text: "复核").layout(width: 10, height: 1).lines // ["复核"]`
public struct EditorLayout: Hashable, Sendable {
    /// The visible rows, top to bottom, each at most the box's width in cells (fewer rows than
    /// the box is high when the text is short; none when the box is empty).
    public var lines: [String]
    /// The cursor's column inside the box (0 = left edge); never inside a wide character.
    public var cursorX: Int
    /// The cursor's row inside the box (0 = top).
    public var cursorY: Int
    /// Cells of the text scrolled off to the left (single-line fields).
    public var scrollX: Int
    /// Rows scrolled off the top (multi-line fields).
    public var scrollY: Int
    /// Rows of the whole text at this width (1 for a single-line field).
    public var rowCount: Int

    public init(lines: [String], cursorX: Int, cursorY: Int, scrollX: Int = 0, scrollY: Int = 0, rowCount: Int = 1) {
        self.lines = lines
        self.cursorX = cursorX
        self.cursorY = cursorY
        self.scrollX = scrollX
        self.scrollY = scrollY
        self.rowCount = rowCount
    }

    /// The cursor position inside the box.
    public var cursor: (x: Int, y: Int) { (cursorX, cursorY) }
}

extension LineEditor {
    /// The field as drawn in a box of `width` × `height` cells.
    ///
    /// `LineEditor(text: "绥宁县黄土矿镇").layout(width: 10, height: 1).lines // ["黄土矿镇"], cursor (8, 0)`
    ///
    /// - Single-line: the row scrolls sideways by display width (see `Scrolling`): it does not
    ///   move while the whole text and the cursor fit; otherwise it moves in pages so the cursor
    ///   keeps some context (`width / 5` cells, 1…4) on each side, and at the end of the text it
    ///   shows as much text as fits with the cursor on the last column. The row always starts
    ///   at a character boundary; a wide character cut by the right edge is left out.
    /// - Multi-line: soft-wrapped at `width` (see `EditorRows`: breaks between CJK characters
    ///   and at spaces, every character kept); the rows scroll vertically by the same paging
    ///   rule. A cursor after a wide character is 2 columns on; one at the end of a full row is
    ///   drawn at the start of the next row.
    /// - An empty box (width or height ≤ 0) has no lines and the cursor at (0, 0).
    public func layout(width: Int, height: Int) -> EditorLayout {
        guard width > 0, height > 0 else { return EditorLayout(lines: [], cursorX: 0, cursorY: 0) }
        return multiline ? wrappedLayout(width: width, height: height) : scrolledLayout(width: width)
    }

    /// Draws the field into `rect` (filled with `style` first, so a reverse or underlined field
    /// shows its extent) and puts the buffer's cursor at the insertion point, where the
    /// terminal's cursor and the IME candidate window go.
    ///
    /// `editor.render(into: &buffer, rect: Rect(x: 2, y: 1, width: 20, height: 1), style: .plain)`
    public func render(into buffer: inout ScreenBuffer, rect: Rect, style: Style) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect, style: style)
        let layout = layout(width: rect.width, height: rect.height)
        for (row, line) in layout.lines.enumerated() {
            buffer.put(line, x: rect.x, y: rect.y + row, style: style, clip: rect)
        }
        buffer.cursor = (rect.x + layout.cursorX, rect.y + layout.cursorY)
    }

    private func scrolledLayout(width: Int) -> EditorLayout {
        let characters = Array(text)
        var starts: [Int] = []
        starts.reserveCapacity(characters.count + 1)
        var column = 0
        for character in characters {
            starts.append(column)
            column += character.displayWidth
        }
        starts.append(column)
        let cursorColumn = starts[position]
        let wanted = Scrolling.offset(cursor: cursorColumn, extent: column + 1, size: width)
        var first = 0
        for offset in 0..<characters.count where starts[offset] <= wanted && starts[offset] > starts[first] {
            first = offset
        }
        if cursorColumn - starts[first] > width - 1 {
            let cut = starts[first]
            while first < characters.count && starts[first] == cut { first += 1 }
        }
        let line = String(characters[first...]).prefix(width: width)
        return EditorLayout(lines: [line], cursorX: cursorColumn - starts[first], cursorY: 0, scrollX: starts[first])
    }

    private func wrappedLayout(width: Int, height: Int) -> EditorLayout {
        let characters = Array(text)
        let widths = characters.map(\.displayWidth)
        let rows = EditorRows.rows(of: text, widths: widths, width: width)
        let current = EditorRows.index(of: position, in: rows)
        let top = Scrolling.offset(cursor: current, extent: rows.count, size: height)
        let lines = rows[top..<Swift.min(rows.count, top + height)].map {
            String(characters[$0.start..<$0.end]).prefix(width: width)
        }
        return EditorLayout(
            lines: lines,
            cursorX: EditorRows.column(of: position, in: rows[current], widths: widths),
            cursorY: current - top,
            scrollY: top,
            rowCount: rows.count
        )
    }
}
