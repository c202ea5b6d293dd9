import TermCore

/// The box modal overlays draw in.
enum OverlayBox {
    /// A centered box with a border and a title; returns the inside.
    static func draw(title: String, width: Int, height: Int, in screen: Rect, into buffer: inout ScreenBuffer) -> Rect {
        let w = min(width, screen.width - 2), h = min(height, screen.height - 2)
        let r = Rect(x: screen.x + (screen.width - w) / 2, y: screen.y + (screen.height - h) / 2, width: w, height: h)
        buffer.fill(r)
        buffer.put("┌" + String(repeating: "─", count: max(0, w - 2)) + "┐", x: r.x, y: r.y)
        for y in (r.y + 1)..<max(r.y + 1, r.maxY - 1) {
            buffer.put("│", x: r.x, y: y)
            buffer.put("│", x: r.maxX - 1, y: y)
        }
        buffer.put("└" + String(repeating: "─", count: max(0, w - 2)) + "┘", x: r.x, y: r.maxY - 1)
        buffer.put(" \(title) ", x: r.x + 2, y: r.y, style: .bold, maxWidth: w - 4)
        return Rect(x: r.x + 2, y: r.y + 1, width: w - 4, height: h - 2)
    }
}
