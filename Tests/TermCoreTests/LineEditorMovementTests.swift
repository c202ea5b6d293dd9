import Testing
import TermCore

@Suite("LineEditor: moving the cursor")
struct LineEditorMovementTests {
    @Test func homeAndEndStayOnTheLine() {
        var editor = LineEditor(text: "复核意见\n同意ok\n", multiline: true)
        editor.cursor = 6
        #expect(editor.handle(.home) == .moved)
        #expect(editor.cursor == 5)
        press(.end, in: &editor)
        #expect(editor.cursor == 9)
        press(.ctrl("a"), in: &editor)
        #expect(editor.cursor == 5)
        press(.left, in: &editor)
        press(.ctrl("a"), in: &editor)
        #expect(editor.cursor == 0)
        press(.ctrl("e"), in: &editor)
        #expect(editor.cursor == 4)
        var single = LineEditor(text: "绥宁县")
        press(.home, in: &single)
        #expect(single.cursor == 0)
        press(.end, in: &single)
        #expect(single.cursor == 3)
    }

    /// ↑/↓ keep the display column: a CJK character is 2 columns, so column 4 of "abcdef" is
    /// after 复核, and an odd column lands before the wide character it would split.
    @Test func upAndDownKeepTheDisplayColumn() {
        var editor = LineEditor(text: "abcdef\n复核意见\nxy\n中文ab", multiline: true)
        editor.cursor = 4
        #expect(editor.handle(.down) == .moved)
        #expect(editor.cursor == 9)  // 复核|意见
        press(.down, in: &editor)
        #expect(editor.cursor == 14)  // xy|
        press(.down, in: &editor)
        #expect(editor.cursor == 17)  // 中文|ab: the goal column 4 survives the short line
        press(.up, 3, in: &editor)
        #expect(editor.cursor == 4)
        editor.cursor = 3
        press(.down, in: &editor)
        #expect(editor.cursor == 8)  // 复|核意见: column 2, not inside 核
        press(.right, in: &editor)
        press(.up, in: &editor)
        #expect(editor.cursor == 4)  // column 4 again after a horizontal move
    }

    @Test func upAndDownOverEmojiAndCombiningMarks() {
        var editor = LineEditor(text: "👍👍x\ne\u{301}e\u{301}e\u{301}e\u{301}e\u{301}", multiline: true)
        editor.cursor = 2
        press(.down, in: &editor)
        #expect(editor.cursor == 8)  // column 4: after four é
        press(.up, in: &editor)
        #expect(editor.cursor == 2)
    }

    @Test func upOnTheFirstLineGoesToTheStart() {
        var editor = LineEditor(text: "复核\n意见", multiline: true)
        editor.cursor = 1
        #expect(editor.handle(.up) == .moved)
        #expect(editor.cursor == 0)
        press(.down, 2, in: &editor)
        #expect(editor.cursor == 5)
    }

    @Test func wrapWidthMakesUpAndDownFollowWrappedRows() {
        var editor = LineEditor(text: "一二三四五六七八", multiline: true)
        editor.wrapWidth = 6  // rows 一二三 / 四五六 / 七八
        editor.cursor = 7
        press(.up, in: &editor)
        #expect(editor.cursor == 4)
        press(.up, in: &editor)
        #expect(editor.cursor == 1)
        press(.up, in: &editor)
        #expect(editor.cursor == 0)
        editor.cursor = 2
        press(.down, in: &editor)
        #expect(editor.cursor == 5)  // row 四五六 ends at 6, which is drawn on the next row
        press(.down, in: &editor)
        #expect(editor.cursor == 8)
        editor.wrapWidth = nil
        editor.cursor = 2
        press(.down, in: &editor)
        #expect(editor.cursor == 8)
    }
}
