import FuheCore
import TermCore

extension CommandID {
    public static let messageLog = CommandID("status.log")
}

/// The status line: which unit it describes (the open one, by name), its review status, the
/// reviewer, the saved state, progress, the unit filter in force, and key hints from the
/// registry — only commands that would work now, with the keys of the keymap in force. A message
/// replaces the description; one longer than the line is wrapped onto the rows above it (over the
/// panes, until the next key), and the message log (`z`) keeps every message whole.
enum StatusLineView: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .init(.messageLog, [.character("z")], .global, "消息记录：最近的状态栏消息，每条全文（新的在前）") { ctx in
            let log = ctx.state.messageLog
            guard !log.isEmpty else { ctx.info("还没有消息"); return }
            ctx.push(TextBox(title: "消息记录（\(log.count) 条，新的在前）", paragraphs: log.reversed()))
        },
    ]

    /// "? 帮助 · Enter 评分 · …" for the focused pane: help first, so that a narrow terminal still
    /// shows where to find every key.
    static func hints(_ state: AppState) -> [(key: String, label: String)] {
        offeredHintTexts(state).map { (state.key($0.id), CommandRegistry.spec($0.id).hint ?? "") }
    }

    /// The offered hints as drawn, with their widths (kept by the keymap: `Keymap.hints(for:)`),
    /// each command asked whether it is offered only when its hint is reached: the status line
    /// stops at the first hint that does not fit, so most are never asked.
    static func offeredHintTexts(_ state: AppState) -> LazyFilterSequence<[KeptHint]> {
        let scope = FocusRing.pane(state.focus)?.scope ?? .global
        return state.keymap.hints(for: scope).lazy.filter { CommandRegistry.offered($0.id, state) }
    }

    /// The description: "赫山区政务服务中心 复核中 · 已保存 ✓ · 筛选:项目 · 3/21 行已复核 · 王某(组长)".
    /// On a narrow line the least needed parts are left out first (who, then progress), then the
    /// unit's name is shortened (to 8 cells at least); the unit, its status, the saved state and the
    /// filter in force stay.
    static func description(_ state: AppState, room: Int) -> String {
        var status = state.dossier.map { $0.review?.status.label ?? "未开始复核" } ?? "未打开评分表"
        if state.isReadOnly { status += "（只读）" }
        // (text, priority): lower is kept longer.
        var parts: [(String, Int)] = []
        // The demo's banner already says it is a sandbox.
        if state.storeLabel.kind != "main" && state.training == nil { parts.append((state.storeLabel.kind, 2)) }
        switch state.saveState {
        case .saved: parts.append(("已保存 ✓", 1))
        case .saving: parts.append(("保存中…", 1))
        case .failed: parts.append(("保存失败 ✗", 1))
        }
        let filter = FilterText.describe(state[UnitsPane.self].filter)
        if !filter.isEmpty { parts.append((filter, 1)) }
        if let s = state.scored { parts.append(("\(s.reviewedLeafCount)/\(s.scorableLeafCount) 行已复核", 4)) }
        parts.append(("\(state.actor.name)\(state.actor.role.map { "(\($0.label))" } ?? "")", 5))
        let name = state.dossier?.unit.displayName
        func text(_ kept: [(String, Int)], nameWidth: Int) -> String {
            let head = name.map { $0.truncated(toWidth: nameWidth) + " " + status } ?? status
            return ([head] + kept.map(\.0)).joined(separator: " · ")
        }
        var kept = parts
        let nameWidth = name.map(DisplayWidth.of) ?? 0
        func dropping(above priority: Int) -> Bool {
            guard let drop = kept.indices.filter({ kept[$0].1 > priority }).max(by: { kept[$0].1 < kept[$1].1 }) else { return false }
            kept.remove(at: drop)
            return true
        }
        while true {
            // The unit the line describes, by name: it may not be the one under the unit list's cursor.
            let full = text(kept, nameWidth: nameWidth)
            let over = DisplayWidth.of(full) - room
            if over <= 0 { return full }
            // Who and progress go first, then the name is shortened, then the store's kind.
            if dropping(above: 3) { continue }
            if nameWidth - over >= 8 { return text(kept, nameWidth: nameWidth - over) }
            if dropping(above: 1) { continue }
            return text(kept, nameWidth: min(nameWidth, 8))
        }
    }

    /// The message wrapped to the line's width, when it needs more than one line; at most
    /// `maxRows`, the last saying where the rest is.
    static func messageLines(_ state: AppState, width: Int) -> [String] {
        guard let message = state.message else { return [] }
        let lines = message.wrapped(toWidth: max(1, width - 2)).map { " " + $0 }
        guard lines.count > 1 else { return [] }
        let rows = maxRows(state)
        guard lines.count > rows else { return lines }
        let more = "…（共 \(lines.count) 行，\(state.key(.messageLog)) 看全文）"
        var kept = Array(lines.prefix(rows))
        kept[rows - 1] = kept[rows - 1].truncated(toWidth: max(1, width - DisplayWidth.of(more)), ellipsis: "") + more
        return kept
    }

    /// Rows a long message may take (the status line and the rows above it).
    static func maxRows(_ state: AppState) -> Int { max(3, state.height / 3) }

    /// What the status line shows: the message or the description on the left (taking `used`
    /// cells, with the leading space), the hints that fit on the right.
    struct Line: Equatable {
        var message: String?
        var isError: Bool
        var left: String
        var used: Int
        var hints: String
        /// The hints' width in cells (counted as they were laid out: drawing them needs it).
        var hintsWidth: Int
    }

    /// The line for `state`, `width` cells wide; nil when a message needs several lines (it is
    /// drawn over everything by `renderLongMessage`).
    static func line(_ state: AppState, width: Int) -> Line? {
        guard messageLines(state, width: width).isEmpty else { return nil }
        // The description leaves room for two hints (help, and the pane's first key). Each
        // command is asked once whether it is offered, and only until the hints are full.
        var offered = offeredHintTexts(state).makeIterator()
        let firstTwo = Self.firstTwo(&offered)
        let help = firstTwo.map { $0.width + 3 }.reduce(0, +)
        let left = " " + (state.message ?? description(state, room: width - 2 - help))
        let used = ScreenBuffer.cellsUsed(left, maxWidth: width)
        let hints = hintText(&offered, firstTwo: firstTwo, used: used, width: width)
        return Line(message: state.message, isError: state.messageIsError, left: left, used: used, hints: hints.text, hintsWidth: hints.width)
    }

    /// The line after a key that changed nothing but the focused pane's cursor, when `drawn` was
    /// the line before it (`FrameRenderer`): the description reads nothing a cursor changes, so
    /// with the same message only the hints are asked again (some commands are offered only on
    /// some rows).
    static func line(after drawn: Line, _ state: AppState, width: Int) -> Line? {
        guard drawn.message == state.message, drawn.isError == state.messageIsError, messageLines(state, width: width).isEmpty else {
            return line(state, width: width)
        }
        var offered = offeredHintTexts(state).makeIterator()
        var next = drawn
        (next.hints, next.hintsWidth) = hintText(&offered, firstTwo: firstTwo(&offered), used: drawn.used, width: width)
        return next
    }

    /// The first two hints offered ("? 帮助", the pane's first key).
    private static func firstTwo<I: IteratorProtocol<KeptHint>>(_ offered: inout I) -> [KeptHint] {
        [offered.next(), offered.next()].compactMap { $0 }
    }

    /// The hints that fit after `used` cells, with their width: the first two, then the rest in
    /// order until one does not fit.
    private static func hintText<I: IteratorProtocol<KeptHint>>(_ offered: inout I, firstTwo: [KeptHint], used: Int,
                                                                width: Int) -> (text: String, width: Int) {
        var hintText = "", hintWidth = 0
        func fits(_ h: KeptHint) -> Bool {
            let w = hintText.isEmpty ? h.width : hintWidth + hintSeparatorWidth + h.width
            if w + used + 3 > width { return false }
            if hintText.isEmpty {
                hintText = h.text
            } else {
                hintText += hintSeparator
                hintText += h.text
            }
            hintWidth = w
            return true
        }
        var full = firstTwo.contains { !fits($0) }
        while !full, let next = offered.next() { full = !fits(next) }
        return (hintText, hintWidth)
    }

    private static let hintSeparator = " · "
    private static let hintSeparatorWidth = DisplayWidth.of(hintSeparator)

    static func render(_ state: AppState, rect: Rect, into buffer: inout ScreenBuffer) {
        draw(line(state, width: rect.width), rect: rect, into: &buffer)
    }

    /// Draws `line` (nil: the reversed bar alone, under a long message).
    static func draw(_ line: Line?, rect: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(rect, style: .reverse)
        guard let line else { return }
        let style = line.isError ? Style(bold: true, reverse: true) : Style(reverse: true)
        buffer.put(line.left, x: rect.x, y: rect.y, style: style, maxWidth: rect.width, clip: rect)
        if !line.hints.isEmpty {
            buffer.put(line.hints + " ", x: rect.maxX - line.hintsWidth - 1, y: rect.y, style: Style(reverse: true), clip: rect)
        }
    }

    /// A message longer than the status line: its lines end on the status line, the first ones on
    /// the rows above it, over the panes and any overlay, until the next key.
    static func renderLongMessage(_ state: AppState, rect: Rect, into buffer: inout ScreenBuffer) {
        let lines = messageLines(state, width: rect.width)
        guard !lines.isEmpty else { return }
        let style = state.messageIsError ? Style(bold: true, reverse: true) : Style(reverse: true)
        let top = max(0, rect.y - lines.count + 1)
        for (i, line) in lines.enumerated() where top + i <= rect.y {
            let row = Rect(x: rect.x, y: top + i, width: rect.width, height: 1)
            buffer.fill(row, style: style)
            buffer.put(line, x: rect.x, y: row.y, style: style, maxWidth: rect.width, clip: row)
        }
    }
}
