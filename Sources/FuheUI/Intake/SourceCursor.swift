/// A place in the report text: a line (index into the lines) and a scalar offset in it. The screen
/// row is the wrapped row holding the offset, so a place stays put when the terminal is resized.
public struct TextPlace: Sendable, Hashable, Comparable {
    public var line: Int
    public var offset: Int

    public init(line: Int, offset: Int = 0) {
        self.line = line
        self.offset = offset
    }

    public static func < (a: Self, b: Self) -> Bool { (a.line, a.offset) < (b.line, b.offset) }
}

/// Moving through wrapped lines by screen rows, wrapping only the lines it passes (a key never
/// re-wraps the whole text).
struct SourceCursor {
    let lines: [Substring]
    let width: Int

    func rows(_ line: Int) -> [SourceRow] { SourceWrap.rows(lines[line], width: width) }

    /// The same place moved to the start of its row.
    func rowStart(_ p: TextPlace) -> TextPlace {
        guard lines.indices.contains(p.line) else { return p }
        let r = rows(p.line)
        return TextPlace(line: p.line, offset: r[SourceWrap.row(of: p.offset, in: r)].scalars.lowerBound)
    }

    /// `delta` rows down (up when negative), clamped to the text.
    func move(_ p: TextPlace, by delta: Int) -> TextPlace {
        guard !lines.isEmpty else { return TextPlace(line: 0) }
        var line = min(max(0, p.line), lines.count - 1)
        var r = rows(line)
        var row = SourceWrap.row(of: p.offset, in: r)
        var left = delta
        while left > 0 {
            if row + 1 < r.count {
                row += 1
            } else if line + 1 < lines.count {
                line += 1
                r = rows(line)
                row = 0
            } else { break }
            left -= 1
        }
        while left < 0 {
            if row > 0 {
                row -= 1
            } else if line > 0 {
                line -= 1
                r = rows(line)
                row = r.count - 1
            } else { break }
            left += 1
        }
        return TextPlace(line: line, offset: r[row].scalars.lowerBound)
    }

    /// The last row of the text.
    var end: TextPlace {
        guard let last = lines.indices.last else { return TextPlace(line: 0) }
        return TextPlace(line: last, offset: rows(last).last?.scalars.lowerBound ?? 0)
    }

    /// Rows from `top` down to `p` (0 when on the same row; nil when `p` is above `top` or more
    /// than `limit` rows below).
    func distance(from top: TextPlace, to p: TextPlace, limit: Int) -> Int? {
        let a = rowStart(top), b = rowStart(p)
        if b < a { return nil }
        var n = 0
        var line = a.line
        var r = rows(line)
        var row = SourceWrap.row(of: a.offset, in: r)
        while (line, r[row].scalars.lowerBound) != (b.line, b.offset) {
            n += 1
            if n > limit { return nil }
            if row + 1 < r.count { row += 1 } else if line + 1 < lines.count { line += 1; r = rows(line); row = 0 } else { return nil }
        }
        return n
    }

    /// A first row that shows `p` in a view `height` rows tall, moving `top` as little as
    /// possible; a place that left the view comes back a third of the way down.
    func top(_ top: TextPlace, showing p: TextPlace, height: Int) -> TextPlace {
        let h = max(1, height)
        if let d = distance(from: top, to: p, limit: h - 1), d < h { return clamp(rowStart(top), height: h) }
        return clamp(move(rowStart(p), by: -(h / 3)), height: h)
    }

    /// Keeps the last page full: the top is never so low that rows are left empty below the text.
    func clamp(_ top: TextPlace, height: Int) -> TextPlace {
        let lowest = move(end, by: -(max(1, height) - 1))
        return lowest < top ? lowest : top
    }
}
