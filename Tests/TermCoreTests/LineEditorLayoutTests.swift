import Testing
@testable import TermCore

/// Whether `x` is a character boundary of `line` (the cursor is never inside a wide character).
private func isBoundary(_ x: Int, of line: String) -> Bool {
    var column = 0
    for character in line {
        if column == x { return true }
        column += character.displayWidth
    }
    return column == x
}

/// The text from display column `column` (a character boundary) on, as much as fits in `width`.
private func visible(_ text: String, from column: Int, width: Int) -> String {
    var skipped = 0
    let rest = text.drop { character in
        guard skipped < column else { return false }
        skipped += character.displayWidth
        return true
    }
    return String(rest).prefix(width: width)
}

@Suite("LineEditor: layout and rendering")
struct LineEditorLayoutTests {
    @Test func shortTextDoesNotScroll() {
        let layout = LineEditor(text: "复核ab").layout(width: 10, height: 1)
        #expect(layout.lines == ["复核ab"])
        #expect(layout.cursor == (6, 0))
        #expect(layout.scrollX == 0)
        #expect(LineEditor(text: "复核").layout(width: 0, height: 1).lines.isEmpty)
    }

    /// Width 10: the view stays put while the cursor has context, then jumps to show the end;
    /// at the very end the cursor cell needs room, so 县 gives way. Width 11 fits one more cell.
    @Test func horizontalScrollPositionsAtWidthsTenAndEleven() {
        var editor = LineEditor(text: "绥宁县黄土矿镇")
        editor.cursor = 0
        var ten: [(Int, Int)] = []
        var eleven: [(Int, Int)] = []
        for position in 0...7 {
            editor.cursor = position
            let a = editor.layout(width: 10, height: 1)
            let b = editor.layout(width: 11, height: 1)
            ten.append((a.scrollX, a.cursorX))
            eleven.append((b.scrollX, b.cursorX))
        }
        #expect(ten.map(\.0) == [0, 0, 0, 0, 4, 4, 4, 6])
        #expect(ten.map(\.1) == [0, 2, 4, 6, 4, 6, 8, 8])
        #expect(eleven.map(\.0) == [0, 0, 0, 0, 0, 4, 4, 4])
        #expect(eleven.map(\.1) == [0, 2, 4, 6, 8, 6, 8, 10])
        editor.cursor = 7
        #expect(editor.layout(width: 10, height: 1).lines == ["黄土矿镇"])
        #expect(editor.layout(width: 11, height: 1).lines == ["县黄土矿镇"])
        editor.cursor = 0
        #expect(editor.layout(width: 11, height: 1).lines == ["绥宁县黄土"])
    }

    @Test func scrollingSnapsToCharacterBoundaries() {
        let editor = LineEditor(text: "a绥宁县黄土矿镇")
        let layout = editor.layout(width: 10, height: 1)
        #expect(layout.lines == ["黄土矿镇"])
        #expect(layout.scrollX == 7)
        #expect(layout.cursorX == 8)
    }

    @Test func horizontalScrollKeepsTheCursorVisibleEverywhere() {
        for text in ["绥宁县黄土矿镇人民政府", "ab中文cd复核ef👍gh", "e\u{301}中\u{200B}文xyz汨罗市"] {
            var editor = LineEditor(text: text)
            for width in 1...13 {
                for position in 0...editor.count {
                    editor.cursor = position
                    let layout = editor.layout(width: width, height: 2)
                    let where_ = "\(text) width \(width) cursor \(position)"
                    #expect(layout.lines.count == 1, "\(where_)")
                    let line = layout.lines[0]
                    #expect(line.displayWidth <= width, "\(where_)")
                    #expect((0..<width).contains(layout.cursorX), "\(where_)")
                    #expect(isBoundary(layout.cursorX, of: line), "\(where_)")
                    let before = String(text.prefix(position)).displayWidth
                    #expect(layout.scrollX + layout.cursorX == before, "\(where_)")
                    #expect(line == visible(text, from: layout.scrollX, width: width), "\(where_)")
                }
            }
        }
    }

    @Test func softWrapFollowsChineseLineBreaking() {
        let editor = LineEditor(text: "复核意见：同意", multiline: true)
        let layout = editor.layout(width: 8, height: 3)
        #expect(layout.lines == ["复核意", "见：同意", ""])
        #expect(layout.cursor == (0, 2))
        #expect(layout.rowCount == 3)
    }

    @Test func cursorAtTheEndOfAFullRowGoesToTheNextRow() {
        var editor = LineEditor(text: "中文中文", multiline: true)
        #expect(editor.layout(width: 8, height: 4).lines == ["中文中文", ""])
        #expect(editor.layout(width: 8, height: 4).cursor == (0, 1))
        editor.cursor = 3
        #expect(editor.layout(width: 8, height: 4).cursor == (6, 0))
        let seven = editor.layout(width: 7, height: 4)
        #expect(seven.lines == ["中文中", "文"])
        #expect(seven.cursor == (0, 1))
        editor.cursor = 2
        #expect(editor.layout(width: 7, height: 4).cursor == (4, 0))
    }

    @Test func latinWordsWrapWholeAndLongOnesAreCut() {
        let words = LineEditor(text: "hello world ok", multiline: true)
        #expect(words.layout(width: 8, height: 5).lines == ["hello ", "world ok", ""])
        let long = LineEditor(text: "abcdefghij", multiline: true)
        #expect(long.layout(width: 4, height: 5).lines == ["abcd", "efgh", "ij"])
        let narrow = LineEditor(text: "中a", multiline: true)
        #expect(narrow.layout(width: 1, height: 5).lines == ["", "a", ""])
    }

    @Test func emptyLinesAndTrailingNewlinesHaveRows() {
        var editor = LineEditor(text: "复核\n\n意见\n", multiline: true)
        let layout = editor.layout(width: 10, height: 5)
        #expect(layout.lines == ["复核", "", "意见", ""])
        #expect(layout.cursor == (0, 3))
        editor.cursor = 3
        #expect(editor.layout(width: 10, height: 5).cursor == (0, 1))
    }

    @Test func verticalScrollPagesWithContext() {
        let text = (1...10).map { "第\($0)行" }.joined(separator: "\n")
        var editor = LineEditor(text: text, multiline: true)
        var seen: [(Int, Int)] = []
        for _ in 0..<10 {
            let layout = editor.layout(width: 20, height: 5)
            seen.append((layout.scrollY, layout.cursorY))
            #expect(layout.lines.count == 5)
            #expect(layout.lines[layout.cursorY].hasPrefix("第"))
            press(.up, in: &editor)
        }
        #expect(seen.map(\.0) == [5, 5, 5, 3, 3, 3, 0, 0, 0, 0])
        #expect(seen.map(\.1) == [4, 3, 2, 3, 2, 1, 3, 2, 1, 0])
        let top = editor.layout(width: 20, height: 5)
        #expect(top.lines == ["第1行", "第2行", "第3行", "第4行", "第5行"])
    }

    @Test func wrappedLayoutInvariants() {
        let text = "复核意见：同意 ok\n\nhello world 中文👍e\u{301}（附件）。\n\u{200B}汨罗市政府办 budget_2020"
        var editor = LineEditor(text: text, multiline: true)
        for width in 1...14 {
            let all = editor.layout(width: width, height: 100)
            if width >= 2 {
                #expect(all.lines.joined() == text.filter { $0 != "\n" }, "width \(width)")
            }
            for position in 0...editor.count {
                editor.cursor = position
                for height in [1, 2, 3, 7] {
                    let layout = editor.layout(width: width, height: height)
                    let where_ = "width \(width) height \(height) cursor \(position)"
                    #expect(layout.lines.count <= height, "\(where_)")
                    #expect(layout.lines.allSatisfy { $0.displayWidth <= width }, "\(where_)")
                    #expect((0..<width).contains(layout.cursorX), "\(where_)")
                    #expect(layout.lines.indices.contains(layout.cursorY), "\(where_)")
                    if layout.lines.indices.contains(layout.cursorY) {
                        #expect(isBoundary(layout.cursorX, of: layout.lines[layout.cursorY]), "\(where_)")
                    }
                }
            }
        }
    }

    @Test func documentedExamples() {
        #expect(Scrolling.offset(cursor: 30, extent: 41, size: 10) == 24)
        #expect(Scrolling.offset(cursor: 3, extent: 9, size: 10) == 0)
        #expect(EditorRows.rows(of: "中文中文", widths: [2, 2, 2, 2], width: 4).count == 3)
        #expect(LineEditor.wordStart(before: 8, in: Array("复核意见：同意 ok")) == 5)
        let layout = LineEditor(text: "绥宁县黄土矿镇").layout(width: 10, height: 1)
        #expect(layout.lines == ["黄土矿镇"] && layout.cursor == (8, 0))
    }

    @Test func renderDrawsTheLayoutAndPlacesTheCursor() {
        var buffer = ScreenBuffer(width: 14, height: 3)
        buffer.put("xxxxxxxxxxxxxx", x: 0, y: 1)
        let editor = LineEditor(text: "绥宁县黄土矿镇")
        editor.render(into: &buffer, rect: Rect(x: 2, y: 1, width: 10, height: 1), style: .reverse)
        #expect(buffer.text == "\nxx黄土矿镇  xx\n")
        #expect(buffer.cursor?.x == 10)
        #expect(buffer.cursor?.y == 1)
        #expect((2..<12).allSatisfy { buffer[$0, 1].style == .reverse })
        #expect(buffer[1, 1].style == .plain && buffer[12, 1].style == .plain)
    }

    @Test func renderMultilineScrollsToTheCursor() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        var editor = LineEditor(text: "复核意见：同意", multiline: true)
        editor.render(into: &buffer, rect: Rect(x: 1, y: 0, width: 8, height: 2), style: .plain)
        #expect(buffer.text == " 见：同意\n\n")
        #expect(buffer.cursor?.x == 1)
        #expect(buffer.cursor?.y == 1)
        editor.cursor = 1
        editor.render(into: &buffer, rect: Rect(x: 1, y: 0, width: 8, height: 2), style: .plain)
        #expect(buffer.text == " 复核意\n 见：同意\n")
        #expect(buffer.cursor?.x == 3)
        #expect(buffer.cursor?.y == 0)
    }
}
