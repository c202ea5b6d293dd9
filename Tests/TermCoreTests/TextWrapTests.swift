import Testing
import TermCore

@Suite("Soft wrapping")
struct TextWrapTests {
    /// Checks the universal promise: no line wider than the limit.
    private func expectFits(_ lines: [String], _ width: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        for line in lines {
            #expect(line.displayWidth <= width, "\(line) is wider than \(width)", sourceLocation: sourceLocation)
        }
    }

    @Test func shortTextIsOneLine() {
        #expect("复核".wrapped(toWidth: 10) == ["复核"])
        #expect("".wrapped(toWidth: 10) == [""])
    }

    @Test func chineseBreaksBetweenAnyCharacters() {
        let lines = "预算绩效自评复核整改".wrapped(toWidth: 7)
        #expect(lines == ["预算绩", "效自评", "复核整", "改"])
        expectFits(lines, 7)
        #expect("预算绩效".wrapped(toWidth: 4) == ["预算", "绩效"])
    }

    @Test func latinWordsBreakAtSpaces() {
        let lines = "the quick brown fox jumps".wrapped(toWidth: 10)
        #expect(lines == ["the quick", "brown fox", "jumps"])
    }

    @Test func mixedChineseAndLatin() {
        #expect("复核意见：indicator OK".wrapped(toWidth: 12) == ["复核意见：", "indicator OK"])
        let lines = "复核意见：indicator weights OK".wrapped(toWidth: 12)
        #expect(lines == ["复核意见：", "indicator", "weights OK"])
        let second = "使用Swift语言开发终端工具".wrapped(toWidth: 10)
        #expect(second == ["使用Swift", "语言开发终", "端工具"])
        expectFits(second, 10)
        #expect("共3个指标未达标".wrapped(toWidth: 6) == ["共3个", "指标未", "达标"])
    }

    @Test func closingPunctuationNeverStartsALine() {
        let lines = "产出数量完成，质量达标。".wrapped(toWidth: 12)
        #expect(lines == ["产出数量完", "成，质量达", "标。"])
        #expect("成本控制。效益明显".wrapped(toWidth: 8) == ["成本控", "制。效益", "明显"])
        #expect("数量,质量".wrapped(toWidth: 4) == ["数", "量,", "质量"])
    }

    @Test func openingPunctuationNeverEndsALine() {
        #expect("整改《通知》已下发".wrapped(toWidth: 6) == ["整改", "《通", "知》已", "下发"])
    }

    @Test func longWordsAreCutBetweenCharacters() {
        let lines = "see https://example.com/a/b".wrapped(toWidth: 10)
        #expect(lines == ["see https:", "//example.", "com/a/b"])
        expectFits(lines, 10)
    }

    @Test func newlinesAreHonoured() {
        #expect("第一行\n第二行".wrapped(toWidth: 20) == ["第一行", "第二行"])
        #expect("a\r\nb".wrapped(toWidth: 20) == ["a", "b"])
        #expect("a\n\nb\n".wrapped(toWidth: 20) == ["a", "", "b", ""])
        #expect("一二三四\n五".wrapped(toWidth: 4) == ["一二", "三四", "五"])
    }

    @Test func spacesAtBreaksAreDroppedButIndentationKept() {
        #expect("  indented text here".wrapped(toWidth: 10) == ["  indented", "text here"])
        #expect("ab    cd".wrapped(toWidth: 3) == ["ab", "cd"])
        #expect("\u{3000}\u{3000}根据通知要求".wrapped(toWidth: 8) == ["\u{3000}\u{3000}根据", "通知要求"])
    }

    @Test func tooNarrowWidthStillMakesProgress() {
        #expect("中文".wrapped(toWidth: 1) == ["中", "文"])
        #expect("ab".wrapped(toWidth: 0) == ["a", "b"])
    }

    @Test func everyLineFitsAcrossWidths() {
        let text = "2024年度部门整体支出绩效自评：预算执行率98.5%，（偏差原因见附件）。"
            + "Output targets met; quality OK 👍🇨🇳。"
        for width in 2...40 {
            let lines = text.wrapped(toWidth: width)
            expectFits(lines, width)
            let rejoined = lines.joined().filter { $0 != " " }
            #expect(rejoined == text.filter { $0 != " " }, "width \(width) lost text")
        }
    }
}
