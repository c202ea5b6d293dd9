import Foundation
import FuheTestSupport
import Testing
import TermCore

/// End-to-end: the real ncurses backend, driven through tmux by way of `term-probe`.
@Suite("term-probe in tmux", .serialized)
struct ProbeScreenTests {
    static let sample = "绥宁县黄土矿镇人民政府 复核 90.00"

    /// Every box row is exactly `width` cells wide with its border in the last column.
    private func expectBoxAligned(_ screen: [String], width: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let rows = Array(screen.prefix(12))
        for (index, row) in rows.enumerated() {
            let cells = DisplayWidth.of(row)
            let last = row.last.map(String.init) ?? "nothing"
            #expect(cells == width, "row \(index) is \(cells) cells: \(row)", sourceLocation: sourceLocation)
            #expect(["┐", "│", "┘"].contains(last), "row \(index) ends with \(last)", sourceLocation: sourceLocation)
        }
    }

    @Test func chineseRendersOnceAndAligned() throws {
        let tmux = try ProbeSession.start()
        defer { tmux.kill() }
        let screen = try tmux.waitFor(text: Self.sample)
        #expect(screen.filter { $0.contains(Self.sample) }.count == 1)
        #expect(ProbeSession.column(of: Self.sample, in: screen[1]) == 2)
        #expect(screen[0].hasPrefix("┌─ 复核 term-probe ─"))
        expectBoxAligned(screen, width: 100)
        // U+1FAE9 is newer than glibc: drawn as U+FFFD plus a space, and the rest stays put.
        let unknown = try #require(screen.first { $0.contains("宽度 width:") })
        #expect(unknown.contains("中a\u{FFFD} b|"))
        #expect(ProbeSession.column(of: "|", in: unknown) == 2 + DisplayWidth.of("宽度 width: 中a\u{1FAE9}b"))
        let colors = ProbeSession.field("颜色 colors:", in: screen) ?? ""
        #expect(colors.hasPrefix("颜色 colors: on · 编码 UTF-8"), "\(colors)")
    }

    @Test func typedChineseArrivesAndCursorFollows() throws {
        let tmux = try ProbeSession.start()
        defer { tmux.kill() }
        try tmux.sendLiteral("你好")
        try tmux.sendLiteral("abc")
        var screen = try tmux.waitFor(text: "输入 typed: 你好abc ")
        #expect(ProbeSession.field("输入 typed:", in: screen) == "输入 typed: 你好abc")
        let cursor = try tmux.cursor()
        #expect(cursor.x == 2 + DisplayWidth.of("输入 typed: 你好abc") && cursor.y == 4)
        try tmux.sendKeys("BSpace", "BSpace")
        screen = try tmux.waitFor(text: "输入 typed: 你好a ")
        expectBoxAligned(screen, width: 100)
        #expect(try tmux.cursor().x == 2 + DisplayWidth.of("输入 typed: 你好a"))
    }

    @Test func keysAreDecoded() throws {
        let tmux = try ProbeSession.start()
        defer { tmux.kill() }
        let keys: [(String, String)] = [
            ("Up", "↑"), ("C-r", "Ctrl-R"), ("F5", "F5"), ("BTab", "Shift-Tab"), ("Escape", "Esc"),
            ("PageDown", "PgDn"), ("Home", "Home"), ("End", "End"), ("DC", "Del"), ("C-c", "Ctrl-C"),
            ("Tab", "Tab"), ("Enter", "Enter"), ("C-h", "Backspace"), ("Left", "←"), ("x", "x"),
        ]
        for (name, description) in keys {
            try tmux.sendKeys(name)
            try tmux.waitFor("key \(name) shown as \(description)") {
                ProbeSession.field("按键 key:", in: $0) == "按键 key: \(description)"
            }
        }
    }

    @Test func resizeRedrawsAtNewSize() throws {
        let tmux = try ProbeSession.start()
        defer { tmux.kill() }
        for (width, height) in [(80, 24), (160, 48), (100, 30)] {
            try tmux.resize(width: width, height: height)
            let screen = try tmux.waitFor(text: "尺寸 size: \(width)×\(height) ")
            #expect(screen.count == height)
            expectBoxAligned(screen, width: width)
            #expect(screen.filter { $0.contains(Self.sample) }.count == 1)
        }
    }

    @Test func worksUnderLangC() throws {
        let tmux = try ProbeSession.start(environment: ["LANG": "C", "LC_ALL": "", "LC_CTYPE": ""])
        defer { tmux.kill() }
        var screen = try tmux.waitFor(text: Self.sample)
        expectBoxAligned(screen, width: 100)
        try tmux.sendLiteral("复核")
        screen = try tmux.waitFor(text: "输入 typed: 复核 ")
        #expect(ProbeSession.field("颜色 colors:", in: screen)?.contains("编码 UTF-8") == true)
    }

    @Test func noColorTurnsColoursOff() throws {
        let tmux = try ProbeSession.start(environment: ["NO_COLOR": "1"])
        defer { tmux.kill() }
        let screen = try tmux.waitFor(text: "颜色 colors: off")
        #expect(screen.filter { $0.contains(Self.sample) }.count == 1)
        expectBoxAligned(screen, width: 100)
    }

    /// The probe's screen after typing "x", then "y" (its counters show the frame after "x").
    func screenAfterTypingXY() throws -> [String] {
        let tmux = try ProbeSession.start()
        defer { tmux.kill() }
        try tmux.sendKeys("x")
        try tmux.waitFor(text: "输入 typed: x ")
        try tmux.sendKeys("y")
        return try tmux.waitFor(text: "输入 typed: xy ")
    }

    @Test func bytesPerFrameAreMeasured() throws {
        let screen = try screenAfterTypingXY()
        // The line shows the previous frame: one changed character plus the key line, a diff.
        let numbers = (ProbeSession.field("字节 bytes:", in: screen) ?? "")
            .split(separator: " ").compactMap { Int($0) }
        try #require(numbers.count == 2)
        #expect(numbers[0] > 0 && numbers[0] < 200, "last frame \(numbers[0]) bytes")
        #expect(numbers[1] > 1000, "total \(numbers[1]) bytes includes the first full frame")
    }

    @Test func aFrameGoesOutInOneWrite() throws {
        let screen = try screenAfterTypingXY()
        // The frame after "x" changed the key line, the typed text and the byte counts, rows
        // apart: the screen writer moved the cursor between them, and sent it all in one write.
        let numbers = (ProbeSession.field("写 writes:", in: screen) ?? "")
            .split(separator: " ").compactMap { Int($0) }
        #expect(numbers == [1], "writes of the last frame: \(numbers)")
    }

    @Test func quitRestoresTheTerminal() throws {
        let tmux = try ProbeSession.start()
        defer { tmux.kill() }
        try tmux.sendKeys("q")
        let screen = try tmux.waitFor(text: "RESTORED")
        try expectRestored(screen, tmux, exit: 0)
        #expect(screen.contains { $0.contains("term-probe: bye") })
    }

    @Test(arguments: [(SIGTERM, "TERM"), (SIGHUP, "HUP"), (SIGINT, "INT")])
    func terminationSignalExitsCleanly(signal: Int32, name: String) throws {
        let tmux = try ProbeSession.start()
        defer { tmux.kill() }
        let pid = try #require(ProbeSession.pid(try tmux.capture()))
        #expect(Foundation.kill(pid, signal) == 0)
        let screen = try tmux.waitFor(text: "RESTORED")
        try expectRestored(screen, tmux, exit: 128 + signal)
        #expect(screen.contains { $0.contains("term-probe: signal \(signal), terminal restored") }, "SIG\(name)")
    }

    @Test(arguments: [(SIGQUIT, "QUIT"), (SIGSEGV, "SEGV")])
    func fatalSignalRestoresTheTerminal(signal: Int32, name: String) throws {
        // No crash report: the Swift backtracer would wait for a key on a terminal.
        let tmux = try ProbeSession.start(environment: ["SWIFT_BACKTRACE": "enable=no"])
        defer { tmux.kill() }
        let pid = try #require(ProbeSession.pid(try tmux.capture()))
        #expect(Foundation.kill(pid, signal) == 0)
        let screen = try tmux.waitFor(text: "RESTORED")
        try expectRestored(screen, tmux, exit: 128 + signal)
        _ = name
    }

    @Test func terminalHangupEndsTheProbe() throws {
        let tmux = try ProbeSession.start()
        let pid = try #require(ProbeSession.pid(try tmux.capture()))
        tmux.kill()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if !ProbeSession.isRunning(pid) { return }
            usleep(20_000)
        }
        Issue.record("term-probe \(pid) still running after its terminal went away")
        _ = Foundation.kill(pid, SIGKILL)
    }

    /// Normal screen back, probe's screen gone, canonical mode and echo back, exit status.
    private func expectRestored(_ screen: [String], _ tmux: TmuxSession, exit: Int32,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try tmux.display("#{alternate_on}") == "0", sourceLocation: sourceLocation)
        #expect(!screen.contains { $0.contains(Self.sample) }, "probe screen still visible", sourceLocation: sourceLocation)
        #expect(screen.contains { $0.hasPrefix("EXIT=\(exit)") }, "\(screen.joined(separator: "\n"))", sourceLocation: sourceLocation)
        #expect(screen.contains { $0.trimmingCharacters(in: .whitespaces) == "icanon echo" }, sourceLocation: sourceLocation)
    }
}

/// The key decoder and the line editor in a real terminal: modified keys, sequences as other
/// terminals send them, bracketed paste, suspend and resume.
@Suite("term-probe keys in tmux", .serialized)
struct ProbeKeyTests {
    @Test func modifiedKeysAreDecodedWhole() throws {
        let tmux = try ProbeSession.start()
        defer { tmux.kill() }
        let keys: [(String, String)] = [
            ("C-Right", "Ctrl-→"), ("C-Left", "Ctrl-←"), ("S-Left", "Shift-←"), ("M-Right", "Alt-→"),
            ("M-b", "Alt-b"), ("M-f", "Alt-f"), ("C-DC", "Ctrl-Del"), ("M-BSpace", "Alt-Backspace"),
            ("IC", "Ins"), ("F12", "F12"), ("S-F3", "Shift-F3"), ("C-Home", "Ctrl-Home"), ("C-End", "Ctrl-End"),
            ("C-Up", "Ctrl-↑"), ("BTab", "Shift-Tab"),
        ]
        for (name, description) in keys {
            try tmux.sendKeys(name)
            try tmux.waitFor("key \(name) shown as \(description)") {
                ProbeSession.field("按键 key:", in: $0) == "按键 key: \(description)"
            }
        }
        // Nothing stray was typed into the field by any of them.
        #expect(ProbeSession.field("输入 typed:", in: try tmux.capture()) == "输入 typed:")
    }

    @Test func sequencesOfOtherTerminalsAreDecoded() throws {
        let tmux = try ProbeSession.start()
        defer { tmux.kill() }
        let esc: UInt8 = 0x1B
        let cases: [([UInt8], String)] = [
            ([esc] + Array("[1~".utf8), "Home"), ([esc] + Array("[4~".utf8), "End"),            // PuTTY
            ([esc] + Array("[7~".utf8), "Home"), ([esc] + Array("Od".utf8), "Ctrl-←"),          // rxvt
            ([esc] + Array("[3^".utf8), "Ctrl-Del"), ([esc] + Array("[[A".utf8), "F1"),          // rxvt, Linux console
            ([esc] + Array("[1;5C".utf8), "Ctrl-→"), ([esc] + Array("[119;5u".utf8), "Ctrl-W"),  // xterm, CSI u
            ([esc] + Array("[1;5X".utf8) + Array("x".utf8), "x"),                                // unknown: dropped whole
        ]
        for (bytes, description) in cases {
            try tmux.sendBytes(bytes)
            try tmux.waitFor("bytes \(bytes) shown as \(description)") {
                ProbeSession.field("按键 key:", in: $0) == "按键 key: \(description)"
            }
        }
        // Only the x after the unknown sequence reached the field.
        #expect(ProbeSession.field("输入 typed:", in: try tmux.capture()) == "输入 typed: x")
    }

    @Test func ctrlArrowsMoveByWordsInTheTextField() throws {
        let tmux = try ProbeSession.start()
        defer { tmux.kill() }
        try tmux.sendLiteral("复核意见 ok 2020年")
        try tmux.waitFor(text: "输入 typed: 复核意见 ok 2020年 ")
        let label = 2 + DisplayWidth.of("输入 typed: ")
        try tmux.sendKeys("Home")
        try tmux.waitFor("cursor at the start") { _ in try tmux.cursor().x == label }
        try tmux.sendKeys("C-Right")
        try tmux.waitFor("cursor after 复核意见") { _ in try tmux.cursor().x == label + 8 }
        try tmux.sendKeys("C-Right")
        try tmux.waitFor("cursor after ok") { _ in try tmux.cursor().x == label + 11 }
        try tmux.sendKeys("M-b")
        try tmux.waitFor("cursor before ok") { _ in try tmux.cursor().x == label + 9 }
        try tmux.sendKeys("C-w")
        try tmux.waitFor(text: "输入 typed: ok 2020年 ")
        #expect(try tmux.cursor().x == label)
    }

    @Test func aPasteArrivesAsOneEventWithItsLines() throws {
        let tmux = try ProbeSession.start()
        defer { tmux.kill() }
        try tmux.paste("第一行 q 不会退出\n第二行")
        let screen = try tmux.waitFor(text: "粘贴 paste: 14字 2行")
        #expect(ProbeSession.field("按键 key:", in: screen) == "按键 key: 粘贴14字")
        // Single-line field: the line break became a space, the q did not quit.
        #expect(ProbeSession.field("输入 typed:", in: screen) == "输入 typed: 第一行 q 不会退出 第二行")
        #expect(screen.contains { $0.contains("1处换行改为空格") })
        // 2,000 characters at once.
        let long = String(repeating: "复核意见abc，", count: 250)
        try tmux.paste(long)
        try tmux.waitFor(text: "粘贴 paste: 2000字 1行", timeout: 20)
    }

    @Test func ctrlZSuspendsAndFgResumes() throws {
        // An interactive shell with job control, as a user has.
        let tmux = try ProbeSession.startInShell().tmux
        defer { tmux.kill() }
        try tmux.sendLiteral("复核")
        try tmux.waitFor(text: "输入 typed: 复核 ")
        try tmux.sendKeys("C-z")
        var screen = try tmux.waitFor(text: "Stopped")
        #expect(try tmux.display("#{alternate_on}") == "0")
        #expect(!screen.contains { $0.contains("q 退出 quit") })
        // The shell has the terminal back in its own modes.
        try tmux.sendLiteral("stty -a | grep -o -e '-icanon' -e ' icanon' | head -1 | sed 's/^/MODE:/'")
        try tmux.sendKeys("Enter")
        screen = try tmux.waitFor(text: "MODE: icanon")
        try tmux.sendLiteral("fg")
        try tmux.sendKeys("Enter")
        screen = try tmux.waitFor(text: "输入 typed: 复核 ")
        #expect(screen.contains { $0.contains("q 退出 quit") })
        #expect(try tmux.display("#{alternate_on}") == "1")
        // Still alive and reading keys.
        try tmux.sendLiteral("ab")
        try tmux.waitFor(text: "输入 typed: 复核ab ")
        try tmux.sendKeys("q")
        try tmux.waitFor(text: "term-probe: bye")
        try tmux.sendLiteral("echo \"EXIT=$?\"")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "EXIT=0")
    }
}
