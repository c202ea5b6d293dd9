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
        var pen = Pen(col: x, limit: min(area.maxX, width, maxWidth.map { x + $0 } ?? Int.max), minX: area.x, y: y,
                      style: style, writes: draws(row: y))
        _ = draw(text, with: &pen)
        return pen.col - x
    }

    /// Writes what ``put(_:x:y:style:maxWidth:clip:)`` writes for `text` padded to `width` cells
    /// (`String.padded(toWidth:alignment:)`: spaces around it, or cut with "…" when longer) with
    /// `maxWidth: width` — the same cells, without making the padded string (a table's cell:
    /// `Column.draw`). Returns the cells used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, paddedTo width: Int, alignment: TextAlignment,
                             clip: Rect? = nil) -> Int {
        // Text of other characters (combining marks, controls, emoji…) takes the padded string:
        // padding may join a cluster with its ends, and their widths are the cluster's.
        guard width >= Self.ellipsisWidth, let own = Self.simpleWidth(text) else {
            return put(text.padded(toWidth: width, alignment: alignment), x: x, y: y, style: style, maxWidth: width, clip: clip)
        }
        let area = clip ?? bounds
        guard y >= area.y, y < area.maxY, y >= 0, y < height else { return 0 }
        var pen = Pen(col: x, limit: min(area.maxX, self.width, x + width), minX: area.x, y: y, style: style, writes: draws(row: y))
        if own <= width {
            let gap = width - own
            let leading = switch alignment {
            case .left: 0
            case .right: gap
            case .center: gap / 2
            }
            if spaces(leading, with: &pen), drawSimple(text, upTo: Int.max, with: &pen) { _ = spaces(gap - leading, with: &pen) }
        } else {
            // `truncated(toWidth:)`: the characters that fit before the ellipsis, spaces to fill
            // that room, then the ellipsis.
            let room = width - Self.ellipsisWidth
            _ = drawSimple(text, upTo: room, with: &pen)
            if spaces(room - (pen.col - x), with: &pen) {
                _ = draw(Cell(Self.ellipsis, width: UInt8(Self.ellipsisWidth), style: pen.style), with: &pen)
            }
        }
        return pen.col - x
    }

    /// Whether ``put(_:x:y:style:paddedTo:alignment:clip:)`` writes every one of the cells it
    /// is given for `text` (up to its limit): true when no character of it is a control, a
    /// newline or zero cells wide — nearly every table cell. (A control is drawn as a space but
    /// counted as nothing by padding, so a text holding one may leave cells unwritten.)
    public static func fillsEveryCell(_ text: String) -> Bool {
        if simpleWidth(text) != nil { return true }
        for ch in text {
            guard let first = ch.unicodeScalars.first, first.value >= 0x20, !(0x7F...0x9F).contains(first.value),
                  !ch.isNewline, DisplayWidth.of(ch) > 0 else { return false }
        }
        return true
    }

    /// What `String.truncated(toWidth:)` ends a cut text with, and its width.
    private static let ellipsis: Character = "…"
    private static let ellipsisWidth = DisplayWidth.of(ellipsis)

    /// The width of `text` when every scalar is a grapheme cluster of its own that `put` draws
    /// as itself, one or two cells wide: printable Latin below the combining marks, CJK
    /// punctuation, ideographs and fullwidth forms (nearly all of a table), and the symbols the
    /// screens use (``isSimple(_:)``). Nil otherwise.
    static func simpleWidth(_ text: String) -> Int? {
        var total = 0
        for scalar in text.unicodeScalars {
            guard isSimple(scalar.value) else { return nil }
            total += DisplayWidth.of(scalar)
        }
        return total
    }

    /// Whether a scalar of these ranges is always a grapheme cluster of its own beside another
    /// one of them, one or two cells wide (none is a control, a mark, a joiner or a format
    /// character). Besides the ranges of a table: general punctuation (dashes, quotes, bullets,
    /// ‰, ※, without the zero-width and format characters), letterlike symbols and number forms
    /// (℃, №, Ⅱ), arrows, mathematical and technical symbols, enclosed numbers (①), box
    /// drawing, blocks, geometric shapes, miscellaneous symbols and dingbats (■, ○, ✓).
    @inline(__always)
    static func isSimple(_ v: UInt32) -> Bool {
        if v < 0x300 { return (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v != 0xAD) }
        if v >= 0x4E00 { return v <= 0x9FFF || (0xFF01...0xFF60).contains(v) }
        return (0x3000...0x3029).contains(v) || (0x3030...0x303E).contains(v) || (0x2010...0x2027).contains(v)
            || (0x2030...0x205E).contains(v) || (0x2100...0x218B).contains(v) || (0x2190...0x23FF).contains(v)
            || (0x2460...0x24FF).contains(v) || (0x2500...0x27BF).contains(v)
    }

    /// Draws the scalars of simple text (``simpleWidth(_:)``) at the pen while they fit in
    /// `room` cells from where it started; false when one did not (or the pen's limit stopped it).
    private mutating func drawSimple(_ text: String, upTo room: Int, with pen: inout Pen) -> Bool {
        let end = room == Int.max ? Int.max : pen.col + room
        for scalar in text.unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if pen.col + w > end { return false }
            if !draw(Cell(scalar: scalar, width: UInt8(w), style: pen.style), with: &pen) { return false }
        }
        return true
    }

    /// Where ``put(_:x:y:style:maxWidth:clip:)`` writes next on its row, and its bounds.
    private struct Pen {
        var col: Int
        let limit: Int
        let minX: Int
        let y: Int
        let style: Style
        let writes: Bool
    }

    /// Draws `text` at the pen, character by character; false when it stopped at the limit.
    private mutating func draw(_ text: String, with pen: inout Pen) -> Bool {
        // Printable ASCII (most of a table): one cell per byte, no grapheme breaking.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 where !draw(Cell(scalar: Unicode.Scalar(byte), style: pen.style), with: &pen) { return false }
            return true
        }
        if Self.simpleWidth(text) != nil { return drawSimple(text, upTo: Int.max, with: &pen) }
        for ch in text {
            var w = DisplayWidth.of(ch)
            var drawn = ch
            if ch.isNewline || (w == 0 && (ch.unicodeScalars.first?.value ?? 0) < 0x20) { drawn = " "; w = 1 }
            if w == 0 { continue }
            if !draw(Cell(drawn, width: UInt8(w), style: pen.style), with: &pen) { return false }
        }
        return true
    }

    /// Draws `count` spaces at the pen; false when it stopped at the limit.
    private mutating func spaces(_ count: Int, with pen: inout Pen) -> Bool {
        let space = Cell(scalar: " ", style: pen.style)
        for _ in 0..<max(0, count) where !draw(space, with: &pen) { return false }
        return true
    }

    /// Draws one cell of a character `cell.width` (1 or 2) cells wide, in the pen's style, at the
    /// pen; false (and nothing more drawn) when it does not fit before the limit — a wide one
    /// with one cell left leaves a space there.
    @inline(__always)
    private mutating func draw(_ cell: Cell, with pen: inout Pen) -> Bool {
        let w = Int(cell.width)
        if pen.col + w > pen.limit {
            if w == 2 && pen.col < pen.limit && pen.col >= pen.minX && pen.writes { setCell(pen.col, pen.y, Cell(scalar: " ", style: pen.style)) }
            if w == 2 && pen.col < pen.limit && pen.col >= pen.minX { pen.col += 1 }
            return false
        }
        if pen.col >= pen.minX && pen.writes {
            setCell(pen.col, pen.y, cell)
            if w == 2 { setCell(pen.col + 1, pen.y, Cell(scalar: " ", width: 0, style: pen.style)) }
        }
        pen.col += w
        return true
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
        let i = y * width + x
        let oldWidth = cells[i].width
        if oldWidth == 0 && x > 0 && cells[i - 1].width == 2 && cell.width != 0 {
            cells[i - 1] = Cell(scalar: " ", style: cells[i - 1].style)
        }
        if oldWidth == 2 && x + 1 < width && cell.width != 2 {
            cells[i + 1] = Cell(scalar: " ", style: cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// The cells of row `y` from column `x` (`count` of them): what a view drew there, to be
    /// put back with ``put(cells:x:y:)``.
    public func cells(row y: Int, x: Int, count: Int) -> ArraySlice<Cell> {
        let start = y * width + max(0, x)
        return cells[start..<(start + max(0, min(count, width - max(0, x))))]
    }

    /// Writes `row` (cells read with ``cells(row:x:count:)``, whole characters: no wide one
    /// without its continuation) from (x, y), as writing them one by one would: only the ends
    /// can cut a wide character outside them in half. Rows drawing leaves alone
    /// (``limitedRows``) are left as they are.
    public mutating func put(cells row: [Cell], x: Int, y: Int) {
        guard y >= 0, y < height, x >= 0, draws(row: y) else { return }
        let count = min(row.count, width - x)
        guard count > 0 else { return }
        setCell(x, y, row[0])
        let base = y * width + x
        if count > 2 {
            cells.withUnsafeMutableBufferPointer { cells in
                row.withUnsafeBufferPointer { row in
                    (cells.baseAddress! + base + 1).update(from: row.baseAddress! + 1, count: count - 2)
                }
            }
        }
        if count > 1 { setCell(x + count - 1, y, row[count - 1]) }
    }

    /// Fills a rectangle with a character and style.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        let cell = Cell(character, style: style)
        for y in y0..<y1 where draws(row: y) {
            // Only the ends can cut a wide character outside the rectangle in half: the cells
            // between are simply replaced (what setCell's repairs did there, the fill overwrote).
            setCell(x0, y, cell)
            guard x1 - 1 > x0 else { continue }
            for i in (y * width + x0 + 1)..<(y * width + x1 - 1) { cells[i] = cell }
            setCell(x1 - 1, y, cell)
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
        for x in 0..<width where !self[x, y].isContinuation { self[x, y].append(to: &s) }
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
                if !c.isContinuation { c.append(to: &text) }
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
