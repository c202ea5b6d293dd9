/// A grid of cells that views render into; the terminal backend draws it, tests read it as text.
/// Wide characters take two cells; overwriting either half blanks the other; a wide character
/// that would straddle the right edge of the drawing area becomes a space.
///
/// ```swift
/// var buf = ScreenBuffer(width: 10, height: 1)
/// buf.put("复核ab", x: 0, y: 0)
/// buf.line(0)   // "复核ab    "
/// ```
public struct ScreenBuffer: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be (text editing, IME candidate window), nil = hidden.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set { cursorX = newValue?.x; cursorY = newValue?.y ?? 0 }
    }
    private var cursorX: Int?
    private var cursorY = 0
    /// The rows drawing may change (nil: all). A frame made from the last one by redrawing a
    /// few rows (a cursor move: `FrameRenderer`) sets it, so that `put`, `fill` and `restyle`
    /// leave every other row as it was and views can skip their work there (``draws(row:)``).
    /// Not part of the buffer's value (`==`, hashing).
    public var limitedRows: [Int]?
    /// Set on a frame made from an earlier one by redrawing a few rows (`FrameRenderer`): that
    /// frame's ``serial`` and the rows redrawn, every other row being the same. A backend that
    /// drew that frame last draws only these rows, without comparing. Not part of the value.
    public var patch: (of: Int, rows: [Int])?
    /// The frame's number in a series (`FrameRenderer` numbers its frames from 1; 0 = none).
    /// Not part of the value.
    public var serial = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Whether drawing may change row `y` (see ``limitedRows``).
    @inline(__always)
    public func draws(row y: Int) -> Bool {
        guard let limitedRows else { return true }
        return limitedRows.contains(y)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes text from (x, y), clipped to `clip` (default: the whole buffer) and to `maxWidth`
    /// cells. Control characters are drawn as spaces. Returns the number of cells used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil, clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard y >= area.y, y < area.maxY, y >= 0, y < height else { return 0 }
        let limit = min(area.maxX, width, maxWidth.map { x + $0 } ?? Int.max)
        let writes = draws(row: y)
        var col = x
        for ch in text {
            var w = DisplayWidth.of(ch)
            var drawn = ch
            if ch.isNewline || (w == 0 && (ch.unicodeScalars.first?.value ?? 0) < 0x20) { drawn = " "; w = 1 }
            if w == 0 { continue }
            if col + w > limit {
                if w == 2 && col < limit && col >= area.x && writes { setCell(col, y, Cell(" ", style: style)) }
                if w == 2 && col < limit && col >= area.x { col += 1 }
                break
            }
            if col >= area.x && writes {
                setCell(col, y, Cell(drawn, width: UInt8(w), style: style))
                if w == 2 { setCell(col + 1, y, Cell(" ", width: 0, style: style)) }
            }
            col += w
        }
        return col - x
    }

    /// The cells ``put(_:x:y:style:maxWidth:clip:)`` takes for `text` with `maxWidth` cells of
    /// room (its return value), without drawing it.
    public static func cellsUsed(_ text: String, maxWidth limit: Int) -> Int {
        var col = 0
        for ch in text {
            var w = DisplayWidth.of(ch)
            if ch.isNewline || (w == 0 && (ch.unicodeScalars.first?.value ?? 0) < 0x20) { w = 1 }
            if w == 0 { continue }
            if col + w > limit {
                if w == 2 && col < limit { col += 1 }
                break
            }
            col += w
        }
        return col
    }

    /// Sets one cell, repairing wide characters it cuts in half.
    private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width else { return }
        let old = self[x, y]
        if old.isContinuation && x > 0 && self[x - 1, y].width == 2 && cell.width != 0 {
            self[x - 1, y] = Cell(" ", style: self[x - 1, y].style)
        }
        if old.width == 2 && x + 1 < width && cell.width != 2 {
            self[x + 1, y] = Cell(" ", style: self[x + 1, y].style)
        }
        self[x, y] = cell
    }

    /// Fills a rectangle with a character and style.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 where draws(row: y) {
            for x in x0..<x1 { setCell(x, y, Cell(character, style: style)) }
        }
    }

    /// Applies a style to every cell of a rectangle, keeping the characters (row highlight).
    public mutating func restyle(_ rect: Rect, _ transform: (inout Style) -> Void) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 where draws(row: y) {
            for x in x0..<x1 { transform(&cells[y * width + x].style) }
        }
    }

    /// A row as text: each character once (wide ones without padding), every cell accounted for.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width where !self[x, y].isContinuation { s.append(self[x, y].character) }
        return s
    }

    /// The whole buffer as text, one line per row, trailing spaces removed (for snapshots).
    public var text: String {
        (0..<height).map { y in
            var l = line(y)
            while l.last == " " { l.removeLast() }
            return l
        }.joined(separator: "\n")
    }

    /// Runs of cells with the same style on row `y`, for a backend to draw with one call each.
    public func runs(row y: Int) -> [(x: Int, text: String, style: Style)] {
        var out: [(Int, String, Style)] = []
        var x = 0
        while x < width {
            let style = self[x, y].style
            let start = x
            var text = ""
            while x < width && self[x, y].style == style {
                let c = self[x, y]
                if !c.isContinuation { text.append(c.character) }
                x += 1
            }
            out.append((start, text, style))
        }
        return out
    }

    public static func == (lhs: ScreenBuffer, rhs: ScreenBuffer) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells && lhs.cursorX == rhs.cursorX && lhs.cursorY == rhs.cursorY
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        hasher.combine(cells)
    }
}
