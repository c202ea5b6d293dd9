#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TermCore

/// Fuhe's own screen output: keeps a copy of the cells the terminal shows, compares each frame
/// with it and makes the bytes that bring the terminal from one to the other — cursor
/// movements, attributes and colours, the characters' UTF-8 — in one reused buffer
/// (``bytes``), which the caller sends in one `write`. No terminal is touched here.
///
/// ```swift
/// var writer = ScreenWriter(capabilities: .ansi(), libcWidth: { fuhe_wcwidth($0) })
/// writer.frame(buffer, screen: (80, 24), rows: nil)   // the first frame clears, then paints
/// send(writer.bytes)
/// ```
///
/// **Comparing.** A row whose cells have the same bits as the shown row is skipped with one
/// `memcmp`; otherwise each cell is compared (bits, then `==`). A changed cell is drawn with
/// its neighbours where a wide character begins or ends there (the terminal erases a wide
/// character's other half). Changed cells a few columns apart are drawn as one stretch, the
/// unchanged ones between them again; farther apart the cursor jumps.
///
/// **Laying out.** ``RowEncoder`` puts each cell in its column (U+FFFD where the terminal would
/// lay a character out otherwise). The cursor's place is tracked from exact output and known
/// widths; after a cluster or the last column of a row it is unknown, and the next move is
/// absolute. With `am` and no `xenl` the bottom-right cell is never written (it would scroll).
///
/// **State.** Attributes and colours are reset at the end of every frame (as ncurses does), so
/// anything that writes to the terminal afterwards (ending the screen, a shell after Ctrl-Z)
/// starts from the terminal's own. ``forget()`` makes the next frame clear and repaint all.
struct ScreenWriter {
    let capabilities: TerminalCapabilities
    /// The bytes of the last ``frame(_:screen:rows:)`` (empty when nothing changed).
    var bytes: [UInt8] = []
    var encoder: RowEncoder
    /// The cells the terminal shows, row by row, `size.width` × `size.height`.
    private var shown: [Cell] = []
    /// The screen size the shown cells are for; (-1, -1) before the first frame.
    private(set) var size = (width: -1, height: -1)
    private var needsClear = true
    /// The terminal's cursor, or nil when not known.
    var cursor: (x: Int, y: Int)?
    /// The attributes (``TerminalCapabilities/Attributes`` bits) and colours (-1: the
    /// terminal's own) in effect on the terminal.
    var attributes: UInt8 = 0
    var colors: (foreground: Int8, background: Int8) = (-1, -1)
    /// Whether the cursor is visible (nil: not known).
    var cursorVisible: Bool?
    /// Kept `cup` strings (``TerminalCapabilities/CursorAddressing/terminfo(_:)``) by row and column.
    var cursorMoves: [Int: [UInt8]] = [:]
    /// Per column of the row being compared: 2 changed, 1 drawn with a changed neighbour (reused).
    private var dirty: [UInt8] = []

    /// Unchanged cells between two changed stretches of a row drawn again rather than jumped
    /// over (a jump is 6–8 bytes).
    static let bridgedGap = 4

    /// The attributes the terminal has strings for (the others are never recorded as on).
    let attributeMask: UInt8

    init(capabilities: TerminalCapabilities, libcWidth: @escaping (UInt32) -> Int32) {
        self.capabilities = capabilities
        var mask: UInt8 = 0
        if !capabilities.bold.isEmpty { mask |= TerminalCapabilities.Attributes.bold }
        if !capabilities.reverse.isEmpty { mask |= TerminalCapabilities.Attributes.reverse }
        if !capabilities.underline.isEmpty { mask |= TerminalCapabilities.Attributes.underline }
        if !capabilities.dim.isEmpty { mask |= TerminalCapabilities.Attributes.dim }
        attributeMask = capabilities.exitAttributes.isEmpty ? 0 : mask
        encoder = RowEncoder(libcWidth: libcWidth)
        bytes.reserveCapacity(16_384)
    }

    /// The terminal's content, attributes and cursor are no longer known (Ctrl-L, another
    /// program wrote, resumed after a stop): the next frame clears and paints everything.
    mutating func forget() {
        needsClear = true
        cursor = nil
        cursorVisible = nil
    }

    /// Makes the bytes that turn the shown screen into `buffer` (drawn from its top-left
    /// corner on a `screen`-sized terminal) into ``bytes``. `rows`: only these rows can differ
    /// from the shown ones (a patched frame); nil compares every row. A new screen size, or
    /// ``forget()`` before, clears the screen first and paints every non-blank cell.
    mutating func frame(_ buffer: ScreenBuffer, screen: (width: Int, height: Int), rows: [Int]?) {
        bytes.removeAll(keepingCapacity: true)
        var rows = rows
        if needsClear || screen != size {
            clear(screen)
            rows = nil
        }
        let columns = min(buffer.width, size.width)
        let height = min(buffer.height, size.height)
        var shown: [Cell] = []
        swap(&shown, &self.shown)  // owned uniquely while rows are drawn
        defer { swap(&shown, &self.shown) }
        if columns > 0 && height > 0 {
            let scrollsAtBottomRight = capabilities.scrollsAtBottomRight
            buffer.cells.withUnsafeBufferPointer { frameCells in
                shown.withUnsafeMutableBufferPointer { shownCells in
                    let newRows = frameCells.baseAddress!, oldRows = shownCells.baseAddress!
                    var index = 0
                    while true {
                        let y: Int
                        if let rows {
                            guard index < rows.count else { break }
                            y = rows[index]
                        } else {
                            guard index < height else { break }
                            y = index
                        }
                        index += 1
                        guard y >= 0 && y < height else { continue }
                        var limit = columns
                        if scrollsAtBottomRight && y == size.height - 1 { limit = min(limit, size.width - 1) }
                        drawRow(y, new: newRows + y * buffer.width, old: oldRows + y * size.width, columns: limit)
                    }
                }
            }
        }
        resetAttributes()
        placeCursor(buffer.cursor)
    }

    /// Clears the terminal and starts the shown cells over, blank, at `screen`'s size.
    private mutating func clear(_ screen: (width: Int, height: Int)) {
        needsClear = false
        size = (max(0, screen.width), max(0, screen.height))
        // Attributes first: with `bce` the clear paints in the current colours.
        bytes += capabilities.exitAttributes
        bytes += capabilities.originalColors
        attributes = 0
        colors = (-1, -1)
        shown = Array(repeating: .blank, count: size.width * size.height)
        if capabilities.clearScreen.isEmpty {
            // No `clear`: nothing is known to be blank, so every cell is written.
            for index in shown.indices { shown[index] = Cell("\u{0}", width: 1) }
            cursor = nil
        } else {
            bytes += capabilities.clearScreen
            cursor = (0, 0)
        }
    }

    /// Draws the changed cells of row `y` and records them as shown.
    private mutating func drawRow(_ y: Int, new: UnsafePointer<Cell>, old: UnsafeMutablePointer<Cell>, columns: Int) {
        guard columns > 0 else { return }
        let size = MemoryLayout<Cell>.size, stride = MemoryLayout<Cell>.stride
        if memcmp(new, old, (columns - 1) * stride + size) == 0 { return }
        if dirty.count < columns + 1 { dirty = [UInt8](repeating: 0, count: columns + 1) }
        var any = false
        for x in 0..<columns {
            // Different bits are taken as a change (a character stored twice, canonically
            // equal, is only drawn again); two blanks that look alike (bold or dim make no
            // difference to a space) are the same.
            let changed = memcmp(new + x, old + x, size) != 0
                && !(isClearable(new + x) && isClearable(old + x))
            dirty[x] = changed ? 2 : 0
            any = any || changed
        }
        guard any else { return }
        // A wide character's other half is erased with it, and whether a wide character fits
        // depends on the next cell: draw a changed cell's neighbour where either frame has a
        // wide character across the two.
        for x in 0..<columns where dirty[x] == 2 {
            if x > 0 && (new[x].width == 0 || old[x].width == 0 || new[x - 1].width >= 2 || old[x - 1].width >= 2) {
                dirty[x - 1] = max(dirty[x - 1], 1)
            }
            if x + 1 < columns && (new[x].width >= 2 || old[x].width >= 2 || new[x + 1].width == 0 || old[x + 1].width == 0) {
                dirty[x + 1] = max(dirty[x + 1], 1)
            }
        }
        // Blank cells at the end of the row are cleared (`el`) rather than written, as ncurses
        // did: the terminal then holds empty cells there, not spaces.
        var tail = columns
        if !capabilities.clearToEndOfLine.isEmpty {
            while tail > 0 && isClearable(new + (tail - 1)) { tail -= 1 }
        }
        var x = 0
        while x < tail {
            guard dirty[x] != 0 else { x += 1; continue }
            var start = x
            // Start on a character, not on the second half of one.
            if start > 0 && new[start].isContinuation && new[start - 1].width >= 2 { start -= 1 }
            var end = x + 1
            while true {
                while end < tail && dirty[end] != 0 { end += 1 }
                var next = end
                while next < tail && dirty[next] == 0 && next - end < Self.bridgedGap { next += 1 }
                guard next < tail && dirty[next] != 0 else { break }
                end = next
            }
            x = write(y, new, from: start, to: end, columns: columns)
            for index in start..<x { old[index] = new[index] }
        }
        while x < columns && dirty[x] == 0 { x += 1 }
        if x < columns {
            move(to: x, y)
            setStyle(.plain)  // with `bce` the cleared cells would take the current colours
            bytes += capabilities.clearToEndOfLine
            for index in x..<columns { old[index] = new[index] }
        }
    }

    /// Whether a cell looks like what clearing leaves: a space without reverse, underline or
    /// colours (ncurses' rule: bold and dim do not show on a space).
    private func isClearable(_ cell: UnsafePointer<Cell>) -> Bool {
        guard cell.pointee.width == 1 else { return false }
        let style = cell.pointee.style
        guard !style.reverse && !style.underline && style.foreground == nil && style.background == nil else { return false }
        return cell.pointee.code == 0x20
    }

    /// Writes the cells of row `y` from `start` on until at least `end`; returns the column
    /// after the last one written.
    private mutating func write(_ y: Int, _ row: UnsafePointer<Cell>, from start: Int, to end: Int, columns: Int) -> Int {
        move(to: start, y)
        encoder.exact = true
        var x = start
        setStyle(row[x].style)
        while x < end {
            // The terminal keeps the last cell's style: set it only where the bits change.
            if x > start && row[x].style.bits != row[x - 1].style.bits { setStyle(row[x].style) }
            x += encoder.appendCell(row, at: x, columns: columns, to: &bytes)
        }
        cursor = encoder.exact && x < size.width ? (x, y) : nil
        return x
    }
}
