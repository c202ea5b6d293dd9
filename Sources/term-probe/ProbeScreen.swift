import TermCore

/// What the probe shows: everything the tmux tests look for.
struct ProbeState {
    var size = (width: 0, height: 0)
    var lastKey = "(none)"
    /// The text field: every editing key of the workstation's fields works here.
    var editor = LineEditor()
    var typed: String { editor.text }
    /// What the last paste was: characters and lines.
    var lastPaste = "(none)"
    var lastFrameBytes = 0
    /// The `write` calls of the last frame (one each, unless ncurses flushes per cursor movement).
    var lastFrameWrites = 0
    var totalBytes = 0
    var colors = false
    var codeset = ""
    var pid: Int32 = 0

    /// Applies a key (quitting is the caller's business).
    mutating func handle(_ key: KeyEvent) {
        lastKey = key.description
        switch key {
        case .enter: editor = LineEditor()
        case .resize(let w, let h): size = (w, h)
        case .paste(let text):
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            _ = editor.handle(key)
            lastPaste = "\(text.count)字 \(lines)行 · \(editor.lastPaste?.summary ?? "")"
        default: _ = editor.handle(key)
        }
    }
}

/// Renders the probe: a bordered box with Chinese text, the size, the last key, the typed
/// text (cursor at its end), bytes and writes per frame, and a character the terminal cannot know.
enum ProbeScreen {
    static let title = " 复核 term-probe "
    static let sample = "绥宁县黄土矿镇人民政府 复核 90.00"
    /// U+1FAE9 is newer than glibc 2.36: the backend must draw U+FFFD there.
    static let unknownLine = "宽度 width: 中a\u{1FAE9}b|"
    static let typedLabel = "输入 typed: "
    static let pasteLabel = "粘贴 paste: "

    static func render(_ state: ProbeState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.size.width, height: state.size.height)
        let box = Rect(x: 0, y: 0, width: state.size.width, height: min(state.size.height, 12))
        drawBox(box, into: &buffer)
        let inside = box.inset(1)
        let lines: [(String, Style)] = [
            (sample, .bold),
            ("尺寸 size: \(state.size.width)×\(state.size.height)", .plain),
            ("按键 key: \(state.lastKey)", Style(foreground: .cyan)),
            (typedLabel + state.typed, .plain),
            ("字节 bytes: last \(state.lastFrameBytes) total \(state.totalBytes)", .dim),
            ("颜色 colors: \(state.colors ? "on" : "off") · 编码 \(state.codeset) · pid \(state.pid)", .plain),
            (unknownLine, Style(reverse: true)),
            ("q 退出 quit", Style(underline: true, foreground: .yellow, background: .blue)),
            (pasteLabel + state.lastPaste, .plain),
            ("写 writes: last \(state.lastFrameWrites)", .dim),
        ]
        for (index, line) in lines.enumerated() where index < inside.height {
            buffer.put(line.0, x: inside.x + 1, y: inside.y + index, style: line.1, clip: inside)
        }
        if inside.height > 3 {
            let x = inside.x + 1 + DisplayWidth.of(typedLabel + state.typed.prefix(state.editor.cursor))
            if x < inside.maxX { buffer.cursor = (x, inside.y + 3) }
        }
        return buffer
    }

    private static func drawBox(_ box: Rect, into buffer: inout ScreenBuffer) {
        guard box.width >= 2, box.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: box.width - 2)
        buffer.put("┌" + horizontal + "┐", x: box.x, y: box.y)
        buffer.put("└" + horizontal + "┘", x: box.x, y: box.maxY - 1)
        for y in (box.y + 1)..<(box.maxY - 1) {
            buffer.put("│", x: box.x, y: y)
            buffer.put("│", x: box.maxX - 1, y: y)
        }
        buffer.put(title, x: box.x + 2, y: box.y, style: .bold, maxWidth: box.width - 4)
    }
}
