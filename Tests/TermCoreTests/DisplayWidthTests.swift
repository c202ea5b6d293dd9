import Testing
@testable import TermCore

/// Width of a single scalar given by its code point.
private func width(_ value: UInt32) -> Int {
    DisplayWidth.of(Unicode.Scalar(value)!)
}

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test func asciiIsOneCellPerCharacter() {
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("abc XYZ 123 ~!") == 14)
        #expect("hello".displayWidth == 5)
    }

    @Test func controlsTakeNoCells() {
        #expect(DisplayWidth.of("a\tb\u{7}\r\n") == 2)
        #expect(width(0x00) == 0)
        #expect(width(0x1B) == 0)
        #expect(width(0x7F) == 0)
        #expect(width(0x85) == 0)
        #expect(width(0x2028) == 0)
        #expect(DisplayWidth.isKnown(Unicode.Scalar(0x0A)!))
    }

    @Test func chineseIsTwoCellsPerCharacter() {
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("绥宁县黄土矿镇") == 14)
        #expect(DisplayWidth.of("复核ab") == 6)
        #expect(width(0x3400) == 2)   // Extension A
        #expect(width(0x20000) == 2)  // Extension B
        #expect(width(0x30000) == 2)  // Extension G
        #expect(width(0xF900) == 2)   // compatibility ideograph
    }

    @Test func kanaHangulAndOtherWideScripts() {
        #expect(DisplayWidth.of("かなカナ") == 8)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(width(0x1100) == 2)  // Hangul leading jamo
        #expect(width(0x1160) == 0)  // Hangul medial jamo joins the leading one
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)
    }

    @Test func fullwidthPunctuationIsTwoCells() {
        let marks = ["（", "）", "、", "。", "，", "：", "；", "！", "？", "《", "》", "「", "」", "【", "】"]
        for punctuation in marks {
            #expect(DisplayWidth.of(punctuation) == 2, "\(punctuation)")
        }
        #expect(DisplayWidth.of("（）、。") == 8)
        #expect(width(0x3000) == 2)   // ideographic space
        #expect(width(0x303E) == 2)
        #expect(width(0x303F) == 1)
        #expect(width(0xFF01) == 2)
        #expect(width(0xFF60) == 2)
        #expect(width(0xFF61) == 1)   // halfwidth ideographic full stop
        #expect(width(0xFFE0) == 2)
        #expect(width(0xFFE6) == 2)
        #expect(width(0xFF76) == 1)   // halfwidth katakana
    }

    @Test func ambiguousWidthIsOneCell() {
        #expect(DisplayWidth.of("…") == 1)
        #expect(DisplayWidth.of("─│┌") == 3)
        #expect(DisplayWidth.of("·°±×÷") == 5)
        #expect(DisplayWidth.of("αβγ") == 3)
        #expect(DisplayWidth.of("“”‘’") == 4)
    }

    @Test func combiningMarksJoinTheirBase() {
        #expect(width(0x0301) == 0)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Ame\u{301}lie") == 6)
        #expect(DisplayWidth.of("中\u{301}") == 2)
        #expect(Character("e\u{301}").displayWidth == 1)
    }

    @Test func formatCharactersAndSelectorsAreZero() {
        #expect(width(0x200B) == 0)  // ZWSP
        #expect(width(0x200C) == 0)  // ZWNJ
        #expect(width(0x200D) == 0)  // ZWJ
        #expect(width(0x2060) == 0)  // word joiner
        #expect(width(0xFEFF) == 0)  // BOM
        #expect(width(0xFE0F) == 0)  // VS16
        #expect(width(0xE0100) == 0) // VS17
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("\u{200B}") == 0)
        #expect(width(0x00AD) == 1)  // glibc gives the soft hyphen a cell
    }

    @Test func emojiArePresentedWide() {
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)         // skin-tone modifier
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)        // ZWJ sequence
        #expect(DisplayWidth.of("🏳️‍🌈") == 2)        // ZWJ sequence on a narrow base
        #expect(DisplayWidth.of("👨‍👩‍👧 ok") == 5)
        #expect(width(0x231A) == 2)  // watch, emoji presentation
        #expect(width(0x2764) == 1)  // heavy heart: text presentation in glibc
    }

    @Test func flagsAreTwoCellsAndLoneIndicatorsOne() {
        #expect(DisplayWidth.of("🇨🇳") == 2)
        #expect(DisplayWidth.of("🇨🇳🇺🇸") == 4)
        #expect(width(0x1F1E8) == 1)
        #expect(DisplayWidth.of("\u{1F1E8}") == 1)
    }

    @Test func glibcQuirksAreMatched() {
        for value: UInt32 in 0x3248...0x324F { #expect(width(value) == 2) }  // circled numbers on squares
        for value: UInt32 in 0x1F260...0x1F265 { #expect(width(value) == 2) }  // Chinese folk-religion symbols
        #expect(width(0x3247) == 2)
        #expect(width(0x115F) == 2)  // Hangul choseong filler
        #expect(width(0x3164) == 2)  // Hangul filler
        #expect(width(0xFFA0) == 1)  // halfwidth Hangul filler
        #expect(width(0x0600) == 1)  // Arabic number sign (Cf) takes a cell in glibc
        #expect(width(0x302E) == 2)  // Hangul tone marks are wide in glibc
    }

    @Test func substringAndCharacterAgreeWithString() {
        let text = "指标：产出数量 👍 e\u{301}"
        #expect(DisplayWidth.of(text.dropFirst(3)) == DisplayWidth.of(String(text.dropFirst(3))))
        #expect(text.reduce(0) { $0 + $1.displayWidth } == text.displayWidth)
        #expect(text[...].displayWidth == text.displayWidth)
        #expect(DisplayWidth.of("中文ab".dropFirst()) == 4)
    }

    @Test func unknownCodePointsAreGuessedAndFlagged() {
        #expect(!DisplayWidth.isKnown(Unicode.Scalar(0x1FAE9)!))  // Unicode 15 emoji
        #expect(width(0x1FAE9) == 2)
        #expect(!DisplayWidth.isKnown(Unicode.Scalar(0x31350)!))  // CJK Extension H
        #expect(width(0x31350) == 2)
        #expect(!DisplayWidth.isKnown(Unicode.Scalar(0x2B739)!))  // Extension B, Unicode 15
        #expect(!DisplayWidth.isKnown(Unicode.Scalar(0x0378)!))   // unassigned
        #expect(width(0x0378) == 1)
        #expect(!DisplayWidth.isKnown(Unicode.Scalar(0xFFFF)!))   // noncharacter
        #expect(DisplayWidth.isKnown(Unicode.Scalar(0x4E2D)!))
        #expect(DisplayWidth.isKnown(Unicode.Scalar(0x1F44D)!))
        #expect(DisplayWidth.isKnown(Unicode.Scalar(0x30000)!))
        #expect(DisplayWidth.isKnown(Unicode.Scalar(0xE000)!))    // private use: 1 cell
        #expect(DisplayWidth.isKnown(Unicode.Scalar(0xFFFD)!))
    }
}
