import Testing
import TermCore

@Suite("Truncation, padding, prefix and suffix")
struct TextLayoutTests {
    @Test func textThatFitsIsUnchanged() {
        #expect("中文".truncated(toWidth: 4) == "中文")
        #expect("abc".truncated(toWidth: 10) == "abc")
        #expect("".truncated(toWidth: 3) == "")
    }

    /// The rule: a cut string is exactly `width` cells, ends in the ellipsis, and a wide
    /// character that would straddle the edge becomes a space.
    @Test func truncationAtOddAndEvenWidths() {
        let town = "绥宁县黄土矿镇"
        #expect(town.truncated(toWidth: 5) == "绥宁…")
        #expect(town.truncated(toWidth: 6) == "绥宁 …")
        #expect(town.truncated(toWidth: 7) == "绥宁县…")
        #expect(town.truncated(toWidth: 13) == "绥宁县黄土矿…")
        #expect(town.truncated(toWidth: 2) == " …")
        #expect(town.truncated(toWidth: 1) == "…")
        #expect(town.truncated(toWidth: 0) == "")
        #expect(town.truncated(toWidth: -3) == "")
        for width in 1...13 {
            #expect(town.truncated(toWidth: width).displayWidth == width, "width \(width)")
        }
    }

    @Test func truncationOfMixedText() {
        #expect("abc中文".truncated(toWidth: 5) == "abc …")
        #expect("abc中文".truncated(toWidth: 6) == "abc中…")
        #expect("hello world".truncated(toWidth: 8) == "hello w…")
        #expect("e\u{301}e\u{301}e\u{301}".truncated(toWidth: 2) == "e\u{301}…")
        #expect("👨‍👩‍👧👨‍👩‍👧".truncated(toWidth: 3) == "👨‍👩‍👧…")
    }

    @Test func customEllipsis() {
        #expect("绥宁县黄土矿镇".truncated(toWidth: 7, ellipsis: "...") == "绥宁...")
        #expect("绥宁县黄土矿镇".truncated(toWidth: 8, ellipsis: "...") == "绥宁 ...")
        #expect("绥宁县黄土矿镇".truncated(toWidth: 5, ellipsis: "") == "绥宁 ")
        #expect("abcdef".truncated(toWidth: 2, ellipsis: "...") == "ab")   // ellipsis does not fit
        #expect("中文字".truncated(toWidth: 3, ellipsis: "……") == " ……")
    }

    @Test func padding() {
        #expect("中".padded(toWidth: 5) == "中   ")
        #expect("中".padded(toWidth: 5, alignment: .right) == "   中")
        #expect("中".padded(toWidth: 5, alignment: .center) == " 中  ")
        #expect("中文".padded(toWidth: 4, alignment: .right) == "中文")
        #expect("9.50".padded(toWidth: 6, alignment: .right) == "  9.50")
        #expect("".padded(toWidth: 3) == "   ")
        #expect("e\u{301}".padded(toWidth: 2).displayWidth == 2)
    }

    @Test func paddingTruncatesWhenTooLong() {
        #expect("绥宁县黄土矿镇".padded(toWidth: 6) == "绥宁 …")
        #expect("绥宁县黄土矿镇".padded(toWidth: 6, alignment: .right) == "绥宁 …")
        #expect("绥宁县黄土矿镇".padded(toWidth: 5, ellipsis: "") == "绥宁 ")
        for width in 0...16 {
            #expect("绥宁县黄土矿镇".padded(toWidth: width, alignment: .center).displayWidth == width)
        }
    }

    @Test func prefixByWidth() {
        #expect("中文ab".prefix(width: 0) == "")
        #expect("中文ab".prefix(width: 1) == "")
        #expect("中文ab".prefix(width: 2) == "中")
        #expect("中文ab".prefix(width: 3) == "中")
        #expect("中文ab".prefix(width: 5) == "中文a")
        #expect("中文ab".prefix(width: 99) == "中文ab")
        #expect("e\u{301}x".prefix(width: 1) == "e\u{301}")
    }

    @Test func suffixByWidth() {
        #expect("ab中文".suffix(width: 0) == "")
        #expect("ab中文".suffix(width: 1) == "")
        #expect("ab中文".suffix(width: 3) == "文")
        #expect("ab中文".suffix(width: 5) == "b中文")
        #expect("ab中文".suffix(width: 99) == "ab中文")
        #expect("🇨🇳🇨🇳".suffix(width: 3) == "🇨🇳")
    }

    /// A line editor scrolling horizontally: the visible window never exceeds the field.
    @Test func horizontalScrollWindowFitsTheField() {
        let line = "预算绩效自评表abc复核意见"
        for offset in 0...line.count {
            let rest = String(line.dropFirst(offset))
            let visible = rest.prefix(width: 7)
            #expect(visible.displayWidth <= 7)
            if rest.displayWidth >= 7 { #expect(visible.displayWidth >= 6) } else { #expect(visible == rest) }
            #expect(visible.padded(toWidth: 7).displayWidth == 7)
        }
    }
}
