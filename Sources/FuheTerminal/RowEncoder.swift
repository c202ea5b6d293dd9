import TermCore

/// Puts a row's cells into the bytes sent to the terminal (UTF-8), cell by cell, so that every
/// character lands in the column the buffer gave it.
///
/// Where the terminal would lay a character out differently from the buffer (a code point the
/// width table does not know, libc disagreeing, a control character, half of a wide character
/// with no room or no continuation cell), it writes U+FFFD instead, padded to the cell's width.
/// An emoji ZWJ sequence is written as its first emoji (the terminal would draw each part).
///
/// What it wrote is *exact* when every character in it is a whole character of its own that
/// libc lays out in exactly the cells the buffer gave it (no cluster of several scalars, no
/// replacement of a width libc does not confirm): after exact output the writer knows where
/// the terminal's cursor is without asking.
struct RowEncoder {
    /// libc `wcwidth` of a code point in the terminal's locale (-1 = unknown).
    var libcWidth: (UInt32) -> Int32
    /// Whether everything appended since the caller last set it to true was exact (see the
    /// type's comment).
    var exact = true
    /// Whether libc gives U+FFFD one cell (a replacement is then exact too).
    private let replacementIsOneCell: Bool

    init(libcWidth: @escaping (UInt32) -> Int32) {
        self.libcWidth = libcWidth
        replacementIsOneCell = libcWidth(Self.replacement) == 1
    }

    static let replacement: UInt32 = 0xFFFD

    /// Appends the cell at `x` of `row` (which has at least `columns` cells; `x < columns`)
    /// and returns how many columns it covered: 2 for a wide character followed by its
    /// continuation cell, else 1. A wide character without room before `columns` is a
    /// replacement (or a space in the last column), an orphan continuation cell a space.
    mutating func appendCell(_ row: UnsafePointer<Cell>, at x: Int, columns: Int, to bytes: inout [UInt8]) -> Int {
        let width = row[x].width
        if width >= 2 {
            if x + 1 < columns && row[x + 1].isContinuation {
                append(row[x], width: 2, to: &bytes)
                return 2
            }
            if x + 1 < columns { appendReplacement(to: &bytes) } else { bytes.append(0x20) }
            return 1
        }
        // A continuation cell here has lost its wide character: blank.
        if width == 0 { bytes.append(0x20) } else { append(row[x], width: 1, to: &bytes) }
        return 1
    }

    /// Appends a cell's character that must take exactly `width` cells: a one-scalar character
    /// (nearly every cell) from its scalar, without making a `Character`; a cluster as a character.
    @inline(__always)
    private mutating func append(_ cell: Cell, width: Int, to bytes: inout [UInt8]) {
        guard let scalar = cell.scalar else { return append(cell.character, width: width, to: &bytes) }
        if drawable(scalar, width: width) { Self.appendUTF8(scalar.value, to: &bytes) } else { pad(width, to: &bytes) }
    }

    /// Appends a character that must take exactly `width` cells on the terminal.
    private mutating func append(_ character: Character, width: Int, to bytes: inout [UInt8]) {
        // Printable ASCII (most cells): its byte, without walking the character's scalars.
        let utf8 = character.utf8
        if width == 1, utf8.count == 1, let byte = utf8.first, byte >= 0x20 && byte < 0x7F {
            bytes.append(byte)
            return
        }
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return pad(width, to: &bytes) }
        guard let second = iterator.next() else {
            if drawable(first, width: width) { Self.appendUTF8(first.value, to: &bytes) } else { pad(width, to: &bytes) }
            return
        }
        // A cluster: write all of it when the terminal adds it up to `width`, else its first
        // scalar alone when that fits exactly, else a replacement.
        var total = Int(libcWidth(first.value))
        var known = DisplayWidth.isKnown(first) && total >= 0
        var next: Unicode.Scalar? = second
        while known, let scalar = next {
            let w = Int(libcWidth(scalar.value))
            if w < 0 || !DisplayWidth.isKnown(scalar) { known = false }
            total += w
            next = iterator.next()
        }
        if known && total == width {
            bytes.append(contentsOf: utf8)
            exact = false
        } else if drawable(first, width: width) {
            Self.appendUTF8(first.value, to: &bytes)
        } else {
            pad(width, to: &bytes)
        }
    }

    private func drawable(_ scalar: Unicode.Scalar, width: Int) -> Bool {
        if width == 1 && scalar.value >= 0x20 && scalar.value < 0x7F { return true }
        return DisplayWidth.isKnown(scalar) && Int(libcWidth(scalar.value)) == width
    }

    /// U+FFFD (one cell) then spaces up to `width`.
    private mutating func pad(_ width: Int, to bytes: inout [UInt8]) {
        appendReplacement(to: &bytes)
        if width > 1 { for _ in 1..<width { bytes.append(0x20) } }
    }

    private mutating func appendReplacement(to bytes: inout [UInt8]) {
        Self.appendUTF8(Self.replacement, to: &bytes)
        if !replacementIsOneCell { exact = false }
    }

    /// The UTF-8 bytes of a scalar value.
    static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
        switch value {
        case ..<0x80:
            bytes.append(UInt8(value))
        case ..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case ..<0x10000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }
}
