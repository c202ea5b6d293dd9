import Testing
@testable import TermCore

/// `ScreenBuffer.put(_:paddedTo:alignment:)` (a table cell, issue 14 §3) must write exactly the
/// cells that putting the padded string writes, and `put`'s ASCII path the cells its
/// character-by-character path writes.
@Suite struct ScreenBufferPutTests {
    static let texts = ["", "12.5", "+1.65", "9!9", "安化县财政局", "中文ab", "a中", "复核 88.00 良", "e\u{301}t\u{301}",
                        "\u{301}abc", "abc\u{600}", "👨‍👩‍👧 🇨🇳", "tab\there", "line\nbreak", "cr\r\nlf", "del\u{7F}x", "（只读）",
                        "a very long text that does not fit", "宽字符在边上被截断了吗", "ab（只读）中文 2026", "安化县财政局·预算"]

    /// Every text, in cells of several widths and alignments, over a row that was not blank,
    /// clipped or not, with its left edge before the clip's.
    @Test(arguments: [TextAlignment.left, .right, .center])
    func aPaddedCellIsThePaddedString(alignment: TextAlignment) {
        for text in Self.texts {
            for width in [0, 1, 2, 3, 5, 7, 12, 40] {
                for clip in [nil, Rect(x: 3, y: 0, width: 9, height: 1), Rect(x: 0, y: 0, width: 6, height: 1)] {
                    for x in [0, 1, 4] {
                        var expected = Self.dirtyRow()
                        let used = expected.put(text.padded(toWidth: width, alignment: alignment), x: x, y: 0, style: .bold,
                                                maxWidth: width, clip: clip)
                        var actual = Self.dirtyRow()
                        let usedToo = actual.put(text, x: x, y: 0, style: .bold, paddedTo: width, alignment: alignment, clip: clip)
                        #expect(actual == expected, "\(text.debugDescription) in \(width) cells, \(alignment), x \(x), clip \(String(describing: clip))")
                        #expect(usedToo == used)
                    }
                }
            }
        }
    }

    /// Printable ASCII takes the byte path; the same cells as one character at a time (a wide
    /// character's half under the first cell is repaired as before).
    @Test func asciiIsDrawnCellByCell() {
        var buffer = Self.dirtyRow()
        buffer.put("ab 1.5", x: 1, y: 0, style: .reverse, maxWidth: 4)
        #expect(buffer.line(0) == " ab 1 符在此")
        #expect(buffer[0, 0].character == " " && buffer[0, 0].width == 1)
        #expect((1...4).allSatisfy { buffer[$0, 0].style == .reverse } && buffer[5, 0].style == .plain)
    }

    /// A row holding wide characters, so that repairs of their halves show.
    static func dirtyRow() -> ScreenBuffer {
        var buffer = ScreenBuffer(width: 12, height: 1)
        buffer.put("中文字符在此", x: 0, y: 0)
        return buffer
    }
}

/// `fill` replaces the cells between a rectangle's ends directly; what it leaves must be what
/// filling cell by cell (each write repairing the wide characters it cuts) left.
@Suite struct ScreenBufferFillTests {
    @Test func aFillIsCellByCell() {
        for x in 0..<6 {
            for width in 0..<8 {
                var actual = ScreenBufferPutTests.dirtyRow()
                actual.fill(Rect(x: x, y: 0, width: width, height: 1), with: "─", style: .dim)
                var expected = ScreenBufferPutTests.dirtyRow()
                for column in x..<min(12, x + width) { expected.put("─", x: column, y: 0, style: .dim) }
                #expect(actual == expected, "x \(x), width \(width): \(actual.line(0)) — \(expected.line(0))")
            }
        }
    }
}

/// The scalars `put` draws one by one (``ScreenBuffer/isSimple(_:)``) must be grapheme clusters of
/// their own next to one another and as wide as the character they make, so that drawing them
/// scalar by scalar gives the cells drawing character by character gives.
@Suite struct SimpleScalarTests {
    static let simple: [Unicode.Scalar] = (0...0x10FFFF).compactMap { value in
        guard ScreenBuffer.isSimple(UInt32(value)) else { return nil }
        return Unicode.Scalar(UInt32(value))
    }

    @Test func eachSimpleScalarIsACharacterOfItsOwn() {
        #expect(Self.simple.count > 20_000)
        let neighbours: [Unicode.Scalar] = ["a", " ", "中", "✓", "①", "—", "（"]
        for (index, scalar) in Self.simple.enumerated() {
            let next = Self.simple[(index + 1) % Self.simple.count]
            for other in neighbours + [scalar, next] {
                var text = String(scalar)
                text.unicodeScalars.append(other)
                text.unicodeScalars.append(scalar)
                #expect(text.count == 3, "U+\(String(scalar.value, radix: 16)) beside U+\(String(other.value, radix: 16))")
            }
            let width = DisplayWidth.of(scalar)
            #expect(width >= 1 && width <= 2 && DisplayWidth.of(Character(scalar)) == width, "U+\(String(scalar.value, radix: 16))")
        }
    }

    /// A status line with symbols is drawn by the scalar path and gives the cells of the
    /// character-by-character path (what a text with one cluster takes).
    @Test func symbolsGiveTheSameCells() {
        let text = "✓ 已复核 ① → ■□ 80×24 ‰ ℃ Ⅱ ─ …"
        #expect(ScreenBuffer.simpleWidth(text) == DisplayWidth.of(text))
        var fast = ScreenBuffer(width: 40, height: 1)
        fast.put(text, x: 1, y: 0, style: .bold)
        var slow = ScreenBuffer(width: 40, height: 1)
        slow.put(text + "e\u{301}", x: 1, y: 0, style: .bold, maxWidth: DisplayWidth.of(text))
        #expect(fast == slow)
    }
}
