import TermCore

extension CommandID {
    public static let refusalClose = CommandID("refusal.close")
}

extension CommandScope {
    public static let refusal = CommandScope("refusal", title: "拒绝说明 Refusals", rank: 63)
}

extension KeyOutcome.Context {
    public static let refusal = KeyOutcome.Context(rawValue: "refusal")
}

/// Why the store refused what a key asked for — an edit made from a view someone changed since
/// (each field: its value now, who wrote it and when, what was seen and what would have been
/// written), or an undo or redo the rules of undo forbid — shown until the user has read it.
public struct RefusalView: Overlay, CommandProvider, Hashable {
    public var title: String
    public var lines: [String]
    /// First line shown (it scrolls when taller than the screen).
    public var top = 0

    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }

    public static let context = KeyOutcome.Context.refusal
    public var keyScopes: [CommandScope] { [.refusal] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .on(RefusalView.self, .refusalClose, [.escape, .enter, .character("q")], .refusal, "知道了（关闭说明）") { _, ctx, _ in ctx.closeTop() },
    ]

    public mutating func move(_ move: ListMove, in state: AppState) {
        top = ScrollText.moved(top, move, count: ScrollText.wrap(lines, width: ScrollText.innerWidth(state.width)).count)
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let width = ScrollText.innerWidth(frame.screen.width)
        let wrapped = lines.enumerated().flatMap { i, line in
            Self.hanging(line, width: width).map { ($0, i == 0 ? Style(bold: true, foreground: .red) : Style.plain) }
        }
        let height = min(frame.screen.height - 2, wrapped.count + 4)
        let inner = OverlayBox.draw(title: title, width: width + 4, height: height, in: frame.screen, into: &buffer)
        ScrollText.draw(wrapped, top: top, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - 2)), state: state, into: &buffer)
        buffer.put("\(state.key(.refusalClose)) 知道了", x: inner.x, y: inner.maxY - 1, style: .dim, maxWidth: inner.width, clip: inner)
    }

    /// `text` wrapped to `width`, continuation lines indented under the text that follows its
    /// leading spaces and mark ("⚠ ", "✗ ").
    static func hanging(_ text: String, width: Int) -> [String] {
        let lead = text.prefix { $0 == " " }.count
        let marked = ["⚠ ", "✗ "].contains { text.dropFirst(lead).hasPrefix($0) }
        let head = String(text.prefix(lead + (marked ? 2 : 0)))
        let indent = DisplayWidth.of(head)
        let pad = String(repeating: " ", count: indent)
        let body = String(text.dropFirst(head.count)).wrapped(toWidth: max(10, width - indent))
        return body.enumerated().map { ($0.offset == 0 ? head : pad) + $0.element }
    }
}
