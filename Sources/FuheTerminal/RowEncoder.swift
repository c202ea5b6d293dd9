import TermCore

/// Turns one row of a ``ScreenBuffer`` into the wide strings ncurses is given, one segment per
/// style run, so that every character lands in the column the buffer gave it.
///
/// Where the terminal would lay a character out differently from the buffer (a code point the
/// width table does not know, libc disagreeing, a control character, half of a wide character
/// with no room or no continuation cell), it draws U+FFFD instead, padded to the cell's width.
/// An emoji ZWJ sequence is drawn as its first emoji (the terminal would draw each part).
///
/// A segment is *one cell each* when every code point in it is a whole character of its own that
/// libc lays out in exactly the cells the buffer gave it (no cluster of several scalars, no
/// replacement of a width libc does not confirm): such a segment can go to ncurses as one
/// `cchar_t` per code point, without its per-character processing.
struct RowEncoder {
    /// libc `wcwidth` of a code point in the terminal's locale (-1 = unknown).
    var libcWidth: (UInt32) -> Int32
    /// Reused storage for a segment's code points.
    private var scratch: [UInt32] = []
    /// Whether the segment in `scratch` is one cell each (see the type's comment).
    private var oneCellEach = true
    /// Whether libc gives U+FFFD one cell (the replacement is then one cell each too).
    private let replacementIsOneCell: Bool

    init(libcWidth: @escaping (UInt32) -> Int32) {
        self.libcWidth = libcWidth
        replacementIsOneCell = libcWidth(Self.replacement) == 1
        scratch.reserveCapacity(512)
    }

    static let replacement: UInt32 = 0xFFFD

    /// Encodes `cells` (one row) up to `columns` cells and calls `emit(x, style, codePoints,
    /// oneCellEach)` once per style run. Code points are what goes to ncurses, column by column;
    /// `oneCellEach` says whether the run may go as one `cchar_t` per code point (see the type's
    /// comment).
    mutating func encode(_ cells: ArraySlice<Cell>, columns: Int,
                         emit: (_ x: Int, _ style: Style, _ codePoints: UnsafeBufferPointer<UInt32>, _ oneCellEach: Bool) -> Void) {
        let base = cells.startIndex
        let limit = min(columns, cells.count)
        var x = 0
        var runStart = 0
        var runStyle = limit > 0 ? cells[base].style : .plain
        scratch.removeAll(keepingCapacity: true)
        oneCellEach = true
        while x < limit {
            let cell = cells[base + x]
            if cell.style != runStyle {
                flush(runStart, runStyle, emit)
                runStart = x
                runStyle = cell.style
            }
            if cell.width >= 2 {
                let fits = x + 1 < limit && cells[base + x + 1].isContinuation
                if fits {
                    append(cell.character, width: 2)
                    x += 2
                } else if x + 1 < limit {
                    appendReplacement()
                    x += 1
                } else {
                    scratch.append(0x20)
                    x += 1
                }
            } else {
                // A continuation cell here has lost its wide character: draw it blank.
                if cell.isContinuation { scratch.append(0x20) } else { append(cell.character, width: 1) }
                x += 1
            }
        }
        if x > runStart { flush(runStart, runStyle, emit) }
    }

    private mutating func flush(_ x: Int, _ style: Style,
                                _ emit: (Int, Style, UnsafeBufferPointer<UInt32>, Bool) -> Void) {
        let oneCellEach = self.oneCellEach
        scratch.withUnsafeBufferPointer { emit(x, style, $0, oneCellEach) }
        scratch.removeAll(keepingCapacity: true)
        self.oneCellEach = true
    }

    /// Appends a character that must take exactly `width` cells on the terminal.
    private mutating func append(_ character: Character, width: Int) {
        // Printable ASCII (most cells): its byte, without walking the character's scalars.
        let utf8 = character.utf8
        if width == 1, utf8.count == 1, let byte = utf8.first, byte >= 0x20 && byte < 0x7F {
            scratch.append(UInt32(byte))
            return
        }
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return pad(width) }
        let firstValue = first.value
        guard let second = iterator.next() else {
            if width == 1 && firstValue >= 0x20 && firstValue < 0x7F { scratch.append(firstValue); return }
            if drawable(first, width: width) { scratch.append(firstValue) } else { pad(width) }
            return
        }
        // A cluster: draw all of it when the terminal adds it up to `width`, else its first
        // scalar alone when that fits exactly, else a replacement.
        var total = Int(libcWidth(firstValue))
        var known = DisplayWidth.isKnown(first) && total >= 0
        var next: Unicode.Scalar? = second
        while known, let scalar = next {
            let w = Int(libcWidth(scalar.value))
            if w < 0 || !DisplayWidth.isKnown(scalar) { known = false }
            total += w
            next = iterator.next()
        }
        if known && total == width {
            for scalar in scalars { scratch.append(scalar.value) }
            oneCellEach = false
        } else if drawable(first, width: width) {
            scratch.append(firstValue)
        } else {
            pad(width)
        }
    }

    private func drawable(_ scalar: Unicode.Scalar, width: Int) -> Bool {
        DisplayWidth.isKnown(scalar) && Int(libcWidth(scalar.value)) == width
    }

    /// U+FFFD (one cell) then spaces up to `width`.
    private mutating func pad(_ width: Int) {
        appendReplacement()
        if width > 1 { for _ in 1..<width { scratch.append(0x20) } }
    }

    private mutating func appendReplacement() {
        scratch.append(Self.replacement)
        if !replacementIsOneCell { oneCellEach = false }
    }
}
