import Testing
import TermCore

@Suite("LineEditor: words and pastes")
struct LineEditorWordAndPasteTests {
    // "复核意见：同意 ok 2020年预算" — offsets: 复0 核1 意2 见3 ：4 同5 意6 ␠7 o8 k9 ␠10 2 11 … 0 14 年15 预16 算17
    static let sentence = "复核意见：同意 ok 2020年预算"

    @Test func ctrlLeftAndRightStepOverRunsOfChineseLatinAndPunctuation() {
        var editor = LineEditor(text: Self.sentence)
        var stops: [Int] = []
        for _ in 0..<8 { _ = editor.handle(.modified(.left, .ctrl)); stops.append(editor.cursor) }
        // 预算 is a CJK run after the digits 2020 (年 is CJK too: 年预算 is one run).
        #expect(stops == [15, 11, 8, 5, 4, 0, 0, 0])
        stops = []
        for _ in 0..<7 { _ = editor.handle(.modified(.right, .ctrl)); stops.append(editor.cursor) }
        #expect(stops == [4, 5, 7, 10, 15, 18, 18])
    }

    @Test func everyWordMoveKeyAgrees() {
        for (back, forward) in [(KeyEvent.modified(.left, .ctrl), KeyEvent.modified(.right, .ctrl)),
                                (.modified(.left, .alt), .modified(.right, .alt)), (.alt("b"), .alt("f"))] {
            var editor = LineEditor(text: Self.sentence)
            #expect(editor.handle(back) == .moved)
            #expect(editor.cursor == 15, "\(back)")
            editor.cursor = 0
            #expect(editor.handle(forward) == .moved)
            #expect(editor.cursor == 4, "\(forward)")
        }
    }

    @Test func shiftArrowsMoveLikeArrowsAndCtrlHomeEndGoToTheEnds() {
        var editor = LineEditor(text: "第一行\n第二行", multiline: true)
        #expect(editor.handle(.modified(.left, .shift)) == .moved)
        #expect(editor.cursor == 6)
        #expect(editor.handle(.modified(.home, .ctrl)) == .moved)
        #expect(editor.cursor == 0)
        #expect(editor.handle(.modified(.end, .ctrl)) == .moved)
        #expect(editor.cursor == 7)
        #expect(editor.handle(.modified(.function(3), .ctrl)) == .ignored)
    }

    @Test func wordDeletionBackAndForward() {
        for key in [KeyEvent.ctrl("w"), .modified(.backspace, .alt), .modified(.backspace, .ctrl)] {
            var editor = LineEditor(text: "复核意见：同意 ok")
            #expect(editor.handle(key) == .edited)
            #expect(editor.text == "复核意见：同意 ", "\(key)")
        }
        for key in [KeyEvent.modified(.delete, .ctrl), .modified(.delete, .alt), .alt("d")] {
            var editor = LineEditor(text: "复核意见：同意 ok")
            editor.cursor = 0
            #expect(editor.handle(key) == .edited)
            #expect(editor.text == "：同意 ok", "\(key)")
            #expect(editor.cursor == 0)
            _ = editor.handle(key)
            #expect(editor.text == "同意 ok")
            _ = editor.handle(key)
            #expect(editor.text == " ok")
            _ = editor.handle(key)
            #expect(editor.text == "")
            #expect(editor.handle(key) == .moved)
        }
    }

    @Test func wordStepsStopAtLineBreaks() {
        let text = Array("第一行\n  第二行")
        #expect(LineEditor.wordEnd(after: 0, in: text) == 3)
        #expect(LineEditor.wordEnd(after: 3, in: text) == 4)
        #expect(LineEditor.wordEnd(after: 4, in: text) == 9)
        #expect(LineEditor.wordStart(before: 4, in: text) == 3)
        #expect(LineEditor.wordEnd(after: 99, in: text) == 9)
    }

    @Test func aMultiLinePasteIntoASingleLineFieldIsKeptAndSaysSo() {
        var editor = LineEditor(text: "原因：")
        let result = editor.paste("实有在编在岗11人\r\n编制10人\n\n超编1人\n")
        #expect(editor.text == "原因：实有在编在岗11人 编制10人 超编1人")
        #expect(result.inserted == 20)
        #expect(result.lineBreaksJoined == 4)   // "\r\n" is one line break
        #expect(!result.isVerbatim)
        #expect(result.summary == "已粘贴20个字，4处换行改为空格（此栏只有一行）")
        #expect(editor.lastPaste == result)
        #expect(editor.cursor == editor.count)
    }

    @Test func aMultiLineFieldKeepsTheLines() {
        var editor = LineEditor(text: "ab", multiline: true)
        editor.cursor = 1
        let result = editor.paste("一\r\n二\r三\t四\u{07}")
        #expect(editor.text == "a一\n二\n三 四b")
        #expect(result.isVerbatim == false && result.controlsRemoved == 1 && result.lineBreaksJoined == 0)
        #expect(editor.cursor == 8)
        #expect(editor.handle(.paste("x")) == .edited)
        #expect(editor.text == "a一\n二\n三 四xb")
    }

    @Test func maxLengthKeepsWhatFitsAndCountsTheRest() {
        var editor = LineEditor(text: "12", maxLength: 5)
        let result = editor.paste("复核意见书")
        #expect(editor.text == "12复核意")
        #expect(result.inserted == 3 && result.dropped == 2)
        #expect(result.summary.contains("未粘贴2个字"))
        #expect(editor.handle(.paste("再来")) == .moved)
    }

    @Test func aPasteOf2000CharactersIsOneInsertion() {
        var editor = LineEditor(text: "前缀", multiline: true)
        editor.cursor = 1
        let text = String(repeating: "复核意见abc，", count: 250)   // 2,000 characters
        let result = editor.paste(text)
        #expect(result.inserted == 2000 && result.isVerbatim)
        #expect(editor.count == 2002)
        #expect(editor.cursor == 2001)
        #expect(editor.text.hasPrefix("前复核") && editor.text.hasSuffix("，缀"))
    }
}

@Suite("LineEditor: pastes next to text")
struct LineEditorPasteEdgeTests {
    @Test func breaksAtTheEndsOnlySeparateFromNeighbouringText() {
        var editor = LineEditor(text: "龚某")
        _ = editor.paste("\n李某\n王某\n")
        #expect(editor.text == "龚某 李某 王某")
        var middle = LineEditor(text: "甲乙")
        middle.cursor = 1
        _ = middle.paste("\n丙\n")
        #expect(middle.text == "甲 丙 乙")
        var empty = LineEditor()
        _ = empty.paste("\n\n丁\n\n")
        #expect(empty.text == "丁")
        var spaced = LineEditor(text: "a ")
        _ = spaced.paste("\nb")
        #expect(spaced.text == "a b")
    }
}
