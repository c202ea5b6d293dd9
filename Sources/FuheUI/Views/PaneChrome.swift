import TermCore

/// Title bars and separators shared by the panes.
enum PaneChrome {
    /// A pane's title bar: "▶ 单位 (11) ─────" — bold and reversed when the pane has focus, so
    /// focus is visible without colour.
    static func title(_ text: String, right: String = "", rect: Rect, focused: Bool, into buffer: inout ScreenBuffer) {
        guard rect.height > 0 else { return }
        let style = focused ? Style(bold: true, reverse: true) : Style(bold: true)
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: focused ? " " : "─", style: focused ? style : .dim)
        let label = (focused ? "▶ " : "─ ") + text + " "
        let used = buffer.put(label, x: rect.x, y: rect.y, style: style, maxWidth: rect.width, clip: rect)
        if !right.isEmpty {
            let w = DisplayWidth.of(right) + 1
            if used + w + 2 <= rect.width {
                buffer.put(right + " ", x: rect.maxX - w - 1, y: rect.y, style: focused ? style : .plain, clip: rect)
            }
        }
    }

    /// A vertical separator line.
    static func vertical(x: Int, from y0: Int, to y1: Int, into buffer: inout ScreenBuffer) {
        guard y0 < y1 else { return }
        for y in y0..<y1 { buffer.put("│", x: x, y: y, style: .dim) }
    }

    /// The style of a list row: reversed when selected in the focused pane, underlined when
    /// selected in another pane.
    static func rowStyle(selected: Bool, focused: Bool) -> Style {
        guard selected else { return .plain }
        return focused ? Style(reverse: true) : Style(underline: true)
    }

    /// A centered placeholder line in an empty pane body.
    static func empty(_ text: String, rect: Rect, into buffer: inout ScreenBuffer) {
        guard rect.height > 1 else { return }
        let w = DisplayWidth.of(text)
        buffer.put(text, x: rect.x + max(0, (rect.width - w) / 2), y: rect.y + 1 + (rect.height - 1) / 2, style: .dim, clip: rect)
    }
}
