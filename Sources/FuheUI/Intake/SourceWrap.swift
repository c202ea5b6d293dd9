import FuheCore
import TermCore

/// One screen row of a report line: a run of the line's characters, with where it starts and ends
/// in Unicode scalars (the unit of `SourceSpan` columns).
struct SourceRow: Sendable, Equatable {
    var start: String.Index
    var end: String.Index
    /// Scalar offsets in the line (0-based, end exclusive).
    var scalars: Range<Int>
}

/// How a place in the report is drawn. Each kind is readable without colour: the attribute
/// (reverse, bold, underline) says it, the colour only helps.
enum SourceMark: Int, Sendable, Comparable {
    /// A figure taken from the report.
    case figure = 1
    /// A stated score that fed the scoresheet.
    case score = 2
    /// A search match.
    case match = 3
    /// The place just jumped to, or the value the draft page is about.
    case focus = 4

    static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    var style: Style {
        switch self {
        case .figure: Style(underline: true, foreground: .cyan)
        case .score: Style(bold: true, underline: true, foreground: .yellow)
        case .match: Style(bold: true, reverse: true, foreground: .green)
        case .focus: Style(bold: true, reverse: true)
        }
    }
}

/// A highlighted run of a line, in scalar offsets.
struct SourceHighlight: Sendable, Equatable {
    var scalars: Range<Int>
    var mark: SourceMark
}

/// Report lines on a screen: wrapped by display width one line at a time (a key never re-wraps the
/// whole text), every character kept (a source view drops nothing), and drawn with highlights.
enum SourceWrap {
    /// The rows of one line at `width` cells. An empty line is one empty row. Control characters
    /// take one cell (the screen draws them as spaces).
    static func rows(_ line: Substring, width: Int) -> [SourceRow] {
        let limit = max(2, width)
        var rows: [SourceRow] = []
        var start = line.startIndex, startScalar = 0
        var scalar = 0, used = 0
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            let cells = cellWidth(character)
            if used + cells > limit && used > 0 {
                rows.append(SourceRow(start: start, end: index, scalars: startScalar..<scalar))
                start = index
                startScalar = scalar
                used = 0
            }
            used += cells
            scalar += character.unicodeScalars.count
            index = line.index(after: index)
        }
        rows.append(SourceRow(start: start, end: line.endIndex, scalars: startScalar..<scalar))
        return rows
    }

    /// Cells a character takes as the screen buffer draws it.
    static func cellWidth(_ character: Character) -> Int {
        let w = DisplayWidth.of(character)
        if character.isNewline || (w == 0 && (character.unicodeScalars.first?.value ?? 0) < 0x20) { return 1 }
        return w
    }

    /// The row of `rows` holding scalar `offset` (the last row for an offset past the end).
    static func row(of offset: Int, in rows: [SourceRow]) -> Int {
        rows.firstIndex { $0.scalars.contains(offset) } ?? max(0, rows.count - 1)
    }

    /// Draws one row at (x, y), each character in the style of the strongest highlight over it.
    static func draw(_ line: Substring, _ row: SourceRow, highlights: [SourceHighlight], x: Int, y: Int, width: Int, base: Style = .plain,
                     into buffer: inout ScreenBuffer) {
        var col = x
        var scalar = row.scalars.lowerBound
        var index = row.start
        let relevant = highlights.filter { $0.scalars.overlaps(row.scalars) }
        while index < row.end {
            let character = line[index]
            let n = character.unicodeScalars.count
            var style = base
            if let mark = relevant.filter({ $0.scalars.overlaps(scalar..<(scalar + n)) }).map(\.mark).max() {
                style = Column.merge(base, mark.style)
                style.reverse = base.reverse != mark.style.reverse
            }
            let used = buffer.put(String(character), x: col, y: y, style: style, maxWidth: x + width - col)
            if used == 0 && cellWidth(character) > 0 { break }
            col += used
            scalar += n
            index = line.index(after: index)
        }
    }

    /// The highlights of a span set on one file line: spans run over lines (a span ending on a
    /// later line covers the rest of this one).
    static func runs(_ spans: [SourceSpan], onLine fileLine: Int, mark: SourceMark) -> [SourceHighlight] {
        spans.compactMap { span in
            guard span.covers(line: fileLine) else { return nil }
            let from = span.line == fileLine ? max(0, span.column - 1) : 0
            let to = span.endLine == fileLine ? max(from, span.endColumn - 1) : Int.max / 2
            return from < to ? SourceHighlight(scalars: from..<to, mark: mark) : nil
        }
    }
}
