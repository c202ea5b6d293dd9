import Testing
@testable import TermCore

/// A cell is a plain 8-byte value: its character a scalar or a cluster's number, its style bits.
@Suite struct CellTests {
    @Test func aCellIsEightBytesWithoutReferences() {
        #expect(MemoryLayout<Cell>.size == 8)
        #expect(MemoryLayout<Cell>.stride == 8)
        #expect(_isPOD(Cell.self))
        #expect(MemoryLayout<Style>.size == 2)
    }

    @Test func everyCharacterComesBackAsItWasGiven() {
        let characters: [Character] = [" ", "a", "~", "é", "e\u{301}", "e\u{323}\u{301}", "e\u{301}\u{323}", "中", "…", "\u{FFFD}",
                                       "👍🏽", "👨‍👩‍👧", "🇨🇳", "\r\n", "\u{10FFFF}", "\u{212B}"]
        for ch in characters {
            let cell = Cell(ch, width: 2, style: Style(bold: true, foreground: .red))
            #expect(cell.character == ch)
            #expect(cell.character.unicodeScalars.elementsEqual(ch.unicodeScalars), "\(ch.unicodeScalars.map(\.value))")
            var text = ""
            cell.append(to: &text)
            #expect(text.unicodeScalars.elementsEqual(ch.unicodeScalars))
            #expect(cell.width == 2 && cell.style == Style(bold: true, foreground: .red))
        }
        // Canonically equivalent clusters keep their own scalars, but are equal (as `Character`s are).
        let a = Cell("e\u{323}\u{301}"), b = Cell("e\u{301}\u{323}")
        #expect(a.character.unicodeScalars.elementsEqual("e\u{323}\u{301}".unicodeScalars))
        #expect(b.character.unicodeScalars.elementsEqual("e\u{301}\u{323}".unicodeScalars))
        #expect(a == b && a.hashValue == b.hashValue)
    }

    @Test func cellsAreEqualAsTheirCharactersWidthsAndStylesAre() {
        let pairs: [(Character, Character)] = [("a", "a"), ("a", "b"), ("é", "e\u{301}"), ("\u{212B}", "\u{C5}"), (";", "\u{37E}"),
                                               ("中", "中"), ("中", "文"), ("\u{F900}", "\u{8C48}"), ("👍🏽", "👍"), (" ", "\u{3000}")]
        for (x, y) in pairs {
            #expect((Cell(x) == Cell(y)) == (x == y), "\(x) \(y)")
            if x == y { #expect(Cell(x).hashValue == Cell(y).hashValue) }
        }
        #expect(Cell("a", width: 1) != Cell("a", width: 2))
        #expect(Cell("a") != Cell("a", style: .bold))
        #expect(Cell(scalar: "中", width: 2) == Cell("中", width: 2))
    }

    @Test func aStyleKeepsEachAttributeAndColour() {
        let colours: [TermColor?] = [nil] + TermColor.allCases
        for fg in colours {
            for bg in colours {
                for bits in 0..<16 {
                    var style = Style(bold: bits & 1 != 0, reverse: bits & 2 != 0, underline: bits & 4 != 0, dim: bits & 8 != 0,
                                      foreground: fg, background: bg)
                    #expect(style.bold == (bits & 1 != 0) && style.reverse == (bits & 2 != 0))
                    #expect(style.underline == (bits & 4 != 0) && style.dim == (bits & 8 != 0))
                    #expect(style.foreground == fg && style.background == bg)
                    style.bold.toggle()
                    style.foreground = .cyan
                    #expect(style.bold == (bits & 1 == 0) && style.foreground == .cyan && style.background == bg)
                    #expect(style.dim == (bits & 8 != 0))
                }
            }
        }
    }
}
