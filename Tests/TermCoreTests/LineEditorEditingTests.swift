import Testing
import TermCore

/// Types each character of `text` as its own key, as an IME commit arrives.
func type(_ text: String, into editor: inout LineEditor) -> [EditOutcome] {
    text.map { editor.handle(.character($0)) }
}

/// Presses `key` `times` times.
func press(_ key: KeyEvent, _ times: Int = 1, in editor: inout LineEditor) {
    for _ in 0..<times { _ = editor.handle(key) }
}

@Suite("LineEditor: inserting and deleting")
struct LineEditorEditingTests {
    @Test func newEditorHasTheCursorAtTheEnd() {
        let editor = LineEditor(text: "复核ab")
        #expect(editor.text == "复核ab")
        #expect(editor.cursor == 4)
        #expect(editor.count == 4)
        #expect(!editor.multiline)
        #expect(LineEditor().cursor == 0)
    }

    @Test func anImeCommitInsertsEachCharacter() {
        var editor = LineEditor()
        #expect(type("绩效评价", into: &editor) == [.edited, .edited, .edited, .edited])
        #expect(editor.text == "绩效评价")
        #expect(editor.cursor == 4)
        press(.left, 2, in: &editor)
        _ = type("自评", into: &editor)
        #expect(editor.text == "绩效自评评价")
        #expect(editor.cursor == 4)
        _ = type(" OK ", into: &editor)
        #expect(editor.text == "绩效自评 OK 评价")
        #expect(editor.cursor == 8)
    }

    @Test func cursorStepsOverWholeCharacters() {
        var editor = LineEditor(text: "a👍e\u{301}中🇨🇳b")
        #expect(editor.count == 6)
        press(.left, in: &editor)
        #expect(editor.cursor == 5)
        press(.backspace, in: &editor)
        #expect(editor.text == "a👍e\u{301}中b")
        press(.left, in: &editor)
        press(.backspace, in: &editor)
        #expect(editor.text == "a👍中b")
        #expect(editor.cursor == 2)
        press(.backspace, in: &editor)
        #expect(editor.text == "a中b")
        press(.delete, in: &editor)
        #expect(editor.text == "ab")
        #expect(editor.cursor == 1)
    }

    @Test func aCombiningMarkMergesWithTheCharacterBefore() {
        var editor = LineEditor(text: "eb")
        editor.cursor = 1
        #expect(editor.handle(.character("\u{301}")) == .edited)
        #expect(editor.text == "e\u{301}b")
        #expect(editor.count == 2)
        #expect(editor.cursor == 1)
        _ = type("x", into: &editor)
        #expect(editor.text == "e\u{301}xb")
        #expect(editor.cursor == 2)
    }

    @Test func backspaceAtLineStartsJoinsLines() {
        var editor = LineEditor(text: "复核\n意见\n", multiline: true)
        #expect(editor.handle(.backspace) == .edited)
        #expect(editor.text == "复核\n意见")
        press(.home, in: &editor)
        #expect(editor.cursor == 3)
        press(.backspace, in: &editor)
        #expect(editor.text == "复核意见")
        #expect(editor.cursor == 2)
        editor.cursor = 0
        #expect(editor.handle(.backspace) == .moved)
        #expect(editor.text == "复核意见")
    }

    @Test func enterInsertsALineBreakOnlyInMultiline() {
        var single = LineEditor(text: "复核")
        #expect(single.handle(.enter) == .submit)
        #expect(single.text == "复核")
        var multi = LineEditor(text: "复核", multiline: true)
        multi.cursor = 1
        #expect(multi.handle(.enter) == .edited)
        #expect(multi.text == "复\n核")
        #expect(multi.cursor == 2)
        #expect(multi.handle(.ctrl("s")) == .submit)
        #expect(multi.handle(.ctrl("d")) == .submit)
        #expect(single.handle(.ctrl("s")) == .submit)
    }

    @Test func escapeCancelsAndUnusedKeysAreIgnored() {
        var editor = LineEditor(text: "复核")
        #expect(editor.handle(.escape) == .cancel)
        for key: KeyEvent in [.tab, .backTab, .pageUp, .pageDown, .function(2), .ctrl("r"), .up, .down,
                              .resize(width: 80, height: 24)] {
            #expect(editor.handle(key) == .ignored, "\(key)")
        }
        #expect(editor.text == "复核")
        #expect(editor.cursor == 2)
    }

    @Test func controlsAndNewlinesAreCleaned() {
        #expect(LineEditor(text: "a\r\nb\tc\u{7}d").text == "a b cd")
        #expect(LineEditor(text: "a\r\nb\u{2028}c", multiline: true).text == "a\nb\nc")
        var single = LineEditor()
        #expect(single.handle(.character("\n")) == .edited)
        #expect(single.handle(.character("\u{1B}")) == .ignored)
        #expect(single.text == " ")
        var multi = LineEditor(multiline: true)
        _ = type("a\r\nb", into: &multi)
        #expect(multi.text == "a\nb")
    }

    @Test func ctrlWDeletesOneRunAtATime() {
        var editor = LineEditor(text: "复核意见：同意 ok  ")
        #expect(editor.handle(.ctrl("w")) == .edited)
        #expect(editor.text == "复核意见：同意 ")
        press(.ctrl("w"), in: &editor)
        #expect(editor.text == "复核意见：")
        press(.ctrl("w"), in: &editor)
        #expect(editor.text == "复核意见")
        press(.ctrl("w"), in: &editor)
        #expect(editor.text == "")
        #expect(editor.handle(.ctrl("w")) == .moved)
    }

    @Test func ctrlWMidTextAndAcrossLines() {
        var editor = LineEditor(text: "budget_2020 预算👍👍", multiline: true)
        press(.ctrl("w"), in: &editor)
        #expect(editor.text == "budget_2020 预算")
        editor.cursor = 11
        press(.ctrl("w"), in: &editor)
        #expect(editor.text == " 预算")
        #expect(editor.cursor == 0)
        var lines = LineEditor(text: "第一行\n  第二行", multiline: true)
        lines.cursor = 6
        press(.ctrl("w"), in: &lines)
        #expect(lines.text == "第一行\n第二行")
        press(.ctrl("w"), in: &lines)
        #expect(lines.text == "第一行第二行")
        #expect(lines.cursor == 3)
    }

    @Test func ctrlUAndCtrlKDeleteToTheLineEdges() {
        var editor = LineEditor(text: "一二三\n四五六\n七八九", multiline: true)
        editor.cursor = 5
        #expect(editor.handle(.ctrl("k")) == .edited)
        #expect(editor.text == "一二三\n四\n七八九")
        #expect(editor.handle(.ctrl("k")) == .edited)
        #expect(editor.text == "一二三\n四七八九")
        #expect(editor.handle(.ctrl("u")) == .edited)
        #expect(editor.text == "一二三\n七八九")
        #expect(editor.cursor == 4)
        #expect(editor.handle(.ctrl("u")) == .edited)
        #expect(editor.text == "一二三七八九")
        #expect(editor.cursor == 3)
        var single = LineEditor(text: "hello 世界")
        single.cursor = 6
        press(.ctrl("u"), in: &single)
        #expect(single.text == "世界")
        press(.ctrl("k"), in: &single)
        #expect(single.text == "")
        #expect(single.handle(.ctrl("k")) == .moved)
    }

    @Test func maxLengthCountsCharacters() {
        var editor = LineEditor(maxLength: 4)
        #expect(type("绩效评价结果", into: &editor) == [.edited, .edited, .edited, .edited, .moved, .moved])
        #expect(editor.text == "绩效评价")
        #expect(editor.handle(.backspace) == .edited)
        #expect(type("👍e", into: &editor) == [.edited, .moved])
        #expect(editor.text == "绩效评👍")
        #expect(LineEditor(text: "一二三四五六", maxLength: 3).text == "一二三")
        var full = LineEditor(text: "abce", maxLength: 4)
        #expect(full.handle(.character("\u{301}")) == .edited)
        #expect(full.text == "abce\u{301}")
        var lines = LineEditor(text: "一二", multiline: true, maxLength: 3)
        #expect(lines.handle(.enter) == .edited)
        #expect(lines.handle(.enter) == .moved)
        #expect(lines.text == "一二\n")
    }

    @Test func settingTheCursorClamps() {
        var editor = LineEditor(text: "复核")
        editor.cursor = 9
        #expect(editor.cursor == 2)
        editor.cursor = -1
        #expect(editor.cursor == 0)
        #expect(editor.handle(.left) == .moved)
        #expect(editor.cursor == 0)
    }
}
