import Testing
@testable import TermCore

/// The one escaping function for terminal output (repro 05).
@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("恶意\u{1B}]0;标题\u{07}", "恶意\\x1B]0;标题\\x07"),
        ("\u{1B}[2J\u{1B}[H", "\\x1B[2J\\x1B[H"),
        ("\u{9B}2J\u{9D}0;C1\u{9C}", "\\x9B2J\\x9D0;C1\\x9C"),
        ("A\tB\rC\nD", "A\\tB\\rC\\nD"),
        ("\u{202E}txt.exe", "\\u{202E}txt.exe"),
        ("a\u{2066}b\u{2069}\u{200F}\u{61C}", "a\\u{2066}b\\u{2069}\\u{200F}\\u{61C}"),
        ("\u{7F}\u{0}", "\\x7F\\x00"),
        ("赫山区 a\u{301} 👨‍👩‍👧", "赫山区 a\u{301} 👨‍👩‍👧"),
    ])
    func controlsAreEscapedAndTextIsKept(text: String, expected: String) {
        #expect(TerminalText.escaped(text) == expected)
        #expect(!TerminalText.escaped(text).unicodeScalars.contains(where: TerminalText.needsEscape))
    }

    @Test func newlinesCanBeKeptForOutputThatIsAlreadyLines() {
        #expect(TerminalText.escaped("第一行\n第二\u{1B}行", keepingNewlines: true) == "第一行\n第二\\x1B行")
    }

    @Test func tableCellsAreEscapedBeforeTheyAreMeasured() {
        var table = TextTable(columns: [.init("单位"), .init("分")])
        table.addRow(["恶\u{1B}]0;x\u{07}", "1"])
        let lines = table.renderLines()
        #expect(lines[2] == "恶\\x1B]0;x\\x07  1")
        #expect(lines[0].displayWidth == lines[2].displayWidth - 1 || lines.allSatisfy { !$0.contains("\u{1B}") })
    }
}
