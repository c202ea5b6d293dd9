import Synchronization
import TermCore

extension CommandID {
    public static let detailDown = CommandID("detail.scroll-down")
    public static let detailUp = CommandID("detail.scroll-up")
}

/// The detail area: the full text of the focused pane's selected row (`Pane.detail`), wrapped by
/// display width, scrollable. While the cursor moves it keeps what it showed (`held`) and
/// catches up within one frame of the keys pausing (`Workstation.settle()`, `KeyPause`), so a
/// cursor move sends only the changed rows. The held text is not dimmed: it is on screen only
/// while keys come, and dimming it would redraw the whole area on every key pressed on its own.
struct DetailArea: ViewState, CommandProvider, Equatable {
    /// First line shown.
    var top = 0
    var held: HeldDetail?

    static let commands: [WorkstationCommand] = [
        .init(.detailDown, [.character("]")], .global, "详情区下滚") { $0.state[DetailArea.self].top += 3 },
        .init(.detailUp, [.character("[")], .global, "详情区上滚") { ctx in
            let top = ctx.state[DetailArea.self].top
            ctx.state[DetailArea.self].top = max(0, top - 3)
        },
    ]

    /// The title and paragraphs of the focused pane's selection.
    static func content(_ state: AppState) -> (title: String, paragraphs: [String]) {
        FocusRing.pane(state.focus)?.detail(state) ?? ("详情", [])
    }

    static func bodyRect(_ rect: Rect) -> Rect { Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 1) }

    /// The paragraphs wrapped to `width`. The last wrapping is remembered: the first key after a
    /// pause holds (`hold`) exactly what the last frame wrapped, and wrapping long item texts
    /// again was a fifth of that key's update.
    static func wrap(_ paragraphs: [String], width: Int) -> [String] {
        if let last = lastWrap.withLock({ $0 }), last.width == width, last.paragraphs == paragraphs { return last.lines }
        let lines = paragraphs.flatMap { wrapped($0, width: max(1, width)) }
        lastWrap.withLock { $0 = (paragraphs, width, lines) }
        return lines
    }

    private static let lastWrap = Mutex<(paragraphs: [String], width: Int, lines: [String])?>(nil)

    /// One paragraph wrapped, kept by its text and width: the detail area catching up after a
    /// run of moves shows an item shown before (the list's first or last, a row gone back to),
    /// and wrapping its ten paragraphs of Chinese was four fifths of that frame (630K
    /// instructions). Wrapping depends on nothing else. At most 512 kept, all dropped when full;
    /// none kept while ``KeptRows/bypassed`` is set.
    private static func wrapped(_ paragraph: String, width: Int) -> [String] {
        guard !KeptRows.bypassed else { return paragraph.wrapped(toWidth: width) }
        let key = WrapKey(text: paragraph, width: width)
        if let kept = keptWraps.withLock({ $0[key] }) { return kept }
        let lines = paragraph.wrapped(toWidth: width)
        keptWraps.withLock { kept in
            if kept.count >= 512 { kept.removeAll(keepingCapacity: true) }
            kept[key] = lines
        }
        return lines
    }

    private struct WrapKey: Hashable, Sendable {
        var text: String
        var width: Int
    }

    private static let keptWraps = Mutex<[WrapKey: [String]]>([:])

    /// Freezes what the detail area shows now (while the cursor moves).
    static func hold(_ state: AppState) -> HeldDetail {
        let (title, paragraphs) = content(state)
        let width = bodyRect(Layout(state).detail).width
        return HeldDetail(title: title, paragraphs: paragraphs, lines: wrap(paragraphs, width: width), width: width)
    }

    static func render(_ state: AppState, rect: Rect, into buffer: inout ScreenBuffer) {
        let area = state[DetailArea.self]
        let held = area.held
        let (title, paragraphs) = held.map { ($0.title, $0.paragraphs) } ?? content(state)
        let body = bodyRect(rect)
        let lines = held.flatMap { $0.width == body.width ? $0.lines : nil } ?? wrap(paragraphs, width: body.width)
        let top = max(0, min(area.top, max(0, lines.count - body.height)))
        let more = lines.count > body.height ? "\(top + 1)–\(min(lines.count, top + body.height))/\(lines.count) \(state.key(.detailUp)) \(state.key(.detailDown)) 滚动" : ""
        PaneChrome.title("详情 " + title, right: more, rect: rect, focused: false, into: &buffer)
        for (i, line) in lines.dropFirst(top).prefix(body.height).enumerated() {
            let style: Style = line.hasPrefix("R-") || line.hasPrefix("S-") || line.hasPrefix("D-") || line.hasPrefix("K-")
                || line.hasPrefix("OVERSHOOT") || line.hasPrefix("DEV_") ? Style(bold: true) : .plain
            buffer.put(line, x: body.x, y: body.y + i, style: style, maxWidth: body.width, clip: body)
        }
    }
}


/// The detail area's content, frozen while the cursor moves.
public struct HeldDetail: Sendable, Equatable {
    public var title: String
    public var paragraphs: [String]
    /// The paragraphs wrapped for `width` (computed once when the hold starts).
    public var lines: [String]
    public var width: Int
}
