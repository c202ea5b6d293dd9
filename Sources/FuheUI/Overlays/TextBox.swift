import TermCore

extension CommandID {
    public static let textBoxClose = CommandID("textbox.close")
}

extension CommandScope {
    public static let textBox = CommandScope("textbox", title: "全文 Full text（长消息、课程说明、消息记录）", rank: 64)
}

extension KeyOutcome.Context {
    public static let textBox = KeyOutcome.Context(rawValue: "textbox")
}

/// Text too long for the line it was meant for (a long status message, a lesson's explanation,
/// the message log), shown whole in a box: wrapped by display width, scrolled with the cursor
/// keys when it is taller than the screen, with "3–20/41" on the border so nothing is cut
/// silently.
public struct TextBox: Overlay, CommandProvider {
    public var title: String
    public var paragraphs: [String]
    /// First line shown.
    public var top = 0

    public init(title: String, paragraphs: [String]) {
        self.title = title
        self.paragraphs = paragraphs
    }

    public static let context = KeyOutcome.Context.textBox
    public var keyScopes: [CommandScope] { [.textBox] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .on(TextBox.self, .textBoxClose, [.escape, .enter, .character("q")], .textBox, "关闭") { _, ctx, _ in ctx.closeTop() },
    ]

    public mutating func move(_ move: ListMove, in state: AppState) {
        top = ScrollText.moved(top, move, count: ScrollText.wrap(paragraphs, width: ScrollText.innerWidth(state.width)).count)
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let width = ScrollText.innerWidth(frame.screen.width)
        let lines = ScrollText.wrap(paragraphs, width: width).map { ($0, Style.plain) }
        let inner = OverlayBox.draw(title: title, width: width + 4, height: min(frame.screen.height - 2, lines.count + 3), in: frame.screen, into: &buffer)
        ScrollText.draw(lines, top: top, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1), state: state, into: &buffer)
        buffer.put("\(state.key(.textBoxClose)) 关闭", x: inner.x, y: inner.maxY - 1, style: .dim, maxWidth: inner.width, clip: inner)
    }
}

/// Wrapped text in a box that scrolls: the lines in view from `top`, and where they are
/// ("1–12/30 j/k 滚动") on the box's lower border when some are out of view.
enum ScrollText {
    /// The width inside a text box on a screen `width` cells wide.
    static func innerWidth(_ width: Int) -> Int { min(90, width - 2) - 4 }

    /// Paragraphs wrapped to `width`, each continuation indented under its mark ("✗ ", "⚠ ").
    static func wrap(_ paragraphs: [String], width: Int) -> [String] {
        paragraphs.flatMap { RefusalView.hanging($0, width: width) }
    }

    /// `top` after a cursor move over `count` lines.
    static func moved(_ top: Int, _ move: ListMove, count: Int) -> Int {
        var position = ListPosition(cursor: top, top: top)
        move.apply(to: &position, count: count)
        return position.cursor
    }

    /// Draws the lines from `top` (kept so the last page is full) in `area`.
    static func draw(_ lines: [(String, Style)], top: Int, in area: Rect, state: AppState, into buffer: inout ScreenBuffer) {
        guard area.height > 0 else { return }
        let first = max(0, min(top, lines.count - area.height))
        for (i, line) in lines.dropFirst(first).prefix(area.height).enumerated() {
            buffer.put(line.0, x: area.x, y: area.y + i, style: line.1, maxWidth: area.width, clip: area)
        }
        guard lines.count > area.height else { return }
        let more = " \(first + 1)–\(first + area.height)/\(lines.count) \(state.key(.down))/\(state.key(.up)) 滚动 "
        // On the box's lower border (one row below the inner area's last row plus the footer).
        let y = area.maxY + 1
        buffer.put(more, x: max(area.x, area.maxX - DisplayWidth.of(more)), y: y, style: .dim)
    }
}
