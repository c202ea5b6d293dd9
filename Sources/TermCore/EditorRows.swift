/// One row of an editor's text as drawn: the characters `start..<end` (offsets into the text,
/// line breaks excluded), `width` cells wide. `wraps` says the next row continues the same line,
/// so a cursor at `end` is drawn at the start of the next row instead.
struct EditorRow: Hashable, Sendable {
    var start: Int
    var end: Int
    var width: Int
    var wraps: Bool
}

/// How an editor's text breaks into rows, and how cursors map onto them.
///
/// `EditorRows.rows(of: "中文中文", widths: [2, 2, 2, 2], width: 4).count // 3 (中文, 中文, "")`
enum EditorRows {
    /// The rows of `text` (`widths`: the display width of each of its characters). With `width`
    /// nil, one row per line. Otherwise each line is soft-wrapped so no row is wider than
    /// `width`: breaks fall where `String.wrapped(toWidth:)` may break (between CJK characters,
    /// at spaces, never before "，" or after "（"), a run that does not fit on a row of its own
    /// is cut between characters, and every character — spaces too — stays on some row. A line
    /// whose last row is full gets an empty row after it, for the cursor at its end.
    static func rows(of text: String, widths: [Int], width: Int?) -> [EditorRow] {
        var rows: [EditorRow] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let count = line.count
            let lineWidths = widths[offset..<offset + count]
            if let width {
                wrap(line, widths: lineWidths, limit: Swift.max(width, 1), into: &rows)
            } else {
                rows.append(EditorRow(start: offset, end: offset + count, width: lineWidths.reduce(0, +), wraps: false))
            }
            offset += count + 1
        }
        return rows
    }

    /// Greedy filling of one line: each character goes on the current row when it fits (a
    /// zero-width one needs a free cell for the cursor before it), otherwise the row ends at the
    /// last break opportunity on it, or right here when it has none.
    private static func wrap(_ line: Substring, widths: ArraySlice<Int>, limit: Int, into rows: inout [EditorRow]) {
        let base = widths.startIndex
        var breakable = Array(repeating: false, count: widths.count + 1)
        var tokenStart = 0
        for token in LineBreaking.tokens(of: line) {
            breakable[tokenStart] = true
            tokenStart += line[token.range].count
        }
        var start = 0
        var rowWidth = 0
        var lastBreak = 0
        var index = 0
        while index < widths.count {
            let cells = widths[base + index]
            if breakable[index] && index > start { lastBreak = index }
            if index > start && rowWidth + Swift.max(cells, 1) > limit {
                let cut = lastBreak > start ? lastBreak : index
                rows.append(EditorRow(start: base + start, end: base + cut, width: widths[base + start..<base + cut].reduce(0, +), wraps: true))
                rowWidth = widths[base + cut..<base + index].reduce(0, +)
                start = cut
                continue
            }
            rowWidth += cells
            index += 1
        }
        rows.append(EditorRow(start: base + start, end: base + widths.count, width: rowWidth, wraps: false))
        if rowWidth >= limit {
            rows[rows.count - 1].wraps = true
            rows.append(EditorRow(start: base + widths.count, end: base + widths.count, width: 0, wraps: false))
        }
    }

    /// The row holding the cursor at `offset`: the last one starting at or before it.
    static func index(of offset: Int, in rows: [EditorRow]) -> Int {
        var low = 0
        var high = rows.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if rows[middle].start <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Display column of the cursor at `offset` on `row`.
    static func column(of offset: Int, in row: EditorRow, widths: [Int]) -> Int {
        widths[row.start..<Swift.min(Swift.max(offset, row.start), row.end)].reduce(0, +)
    }

    /// The last cursor offset on `row` whose column is at most `goal` (never `row.end` on a row
    /// that wraps: that cursor belongs to the next row).
    static func offset(atColumn goal: Int, in row: EditorRow, widths: [Int]) -> Int {
        let last = row.wraps ? Swift.max(row.start, row.end - 1) : row.end
        var offset = row.start
        var column = 0
        while offset < last && column + widths[offset] <= goal {
            column += widths[offset]
            offset += 1
        }
        return offset
    }
}

/// Stateless scrolling that keeps a cursor in view.
///
/// `Scrolling.offset(cursor: 30, extent: 41, size: 10) // 24`
enum Scrolling {
    /// The first visible position of a viewport of `size` over `extent` positions (cursor
    /// positions `0..<extent`), a function of its arguments alone so the view needs no state:
    /// - everything fits: 0;
    /// - otherwise the view moves in pages of `size - 2·margin` so the cursor keeps `margin`
    ///   positions of context on both sides (margin = size/5, between 1 and 4; 0 when size ≤ 2),
    /// - but never past the end: the last position is at most on the last visible one, so
    ///   typing at the end keeps as much text in view as possible.
    static func offset(cursor: Int, extent: Int, size: Int) -> Int {
        guard size > 0, extent > size else { return 0 }
        let margin = Swift.min(Swift.max(1, size / 5), 4, (size - 1) / 2)
        let step = size - 2 * margin
        let paged = Swift.max(0, cursor - margin) / step * step
        return Swift.min(paged, extent - size)
    }
}
