import TermCore

/// The detail area: the full text of the selected row, wrapped by display width, scrollable.
enum DetailView {
    static func bodyRect(_ rect: Rect) -> Rect { Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 1) }

    static func wrap(_ paragraphs: [String], width: Int) -> [String] {
        paragraphs.flatMap { $0.wrapped(toWidth: max(1, width)) }
    }

    /// Freezes what the detail area shows now (while the cursor moves).
    static func hold(_ state: AppState) -> HeldDetail {
        let (title, paragraphs) = DetailText.lines(state)
        let width = bodyRect(Layout(state).detail).width
        return HeldDetail(title: title, paragraphs: paragraphs, lines: wrap(paragraphs, width: width), width: width)
    }

    static func render(_ state: AppState, rect: Rect, into buffer: inout ScreenBuffer) {
        let held = state.heldDetail
        let (title, paragraphs) = held.map { ($0.title, $0.paragraphs) } ?? DetailText.lines(state)
        let body = bodyRect(rect)
        let lines = held.flatMap { $0.width == body.width ? $0.lines : nil } ?? wrap(paragraphs, width: body.width)
        let top = max(0, min(state.detailTop, max(0, lines.count - body.height)))
        let more = lines.count > body.height ? "\(top + 1)–\(min(lines.count, top + body.height))/\(lines.count) [ ] 滚动" : ""
        PaneChrome.title("详情 " + title, right: more, rect: rect, focused: false, into: &buffer)
        for (i, line) in lines.dropFirst(top).prefix(body.height).enumerated() {
            var style: Style = line.hasPrefix("R-") || line.hasPrefix("S-") || line.hasPrefix("D-") || line.hasPrefix("K-")
                || line.hasPrefix("OVERSHOOT") || line.hasPrefix("DEV_") ? Style(bold: true) : .plain
            if held != nil { style.dim = true }
            buffer.put(line, x: body.x, y: body.y + i, style: style, maxWidth: body.width, clip: body)
        }
    }
}

/// The status line: review status, reviewer, saved state, progress, and key hints from the registry.
enum StatusLineView {
    static func render(_ state: AppState, rect: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(rect, style: .reverse)
        if let editor = state.searchEditor {
            let label = "搜索 /"
            let used = buffer.put(label, x: rect.x, y: rect.y, style: Style(bold: true, reverse: true), clip: rect)
            editor.render(into: &buffer, rect: Rect(x: rect.x + used, y: rect.y, width: rect.width - used, height: 1), style: .reverse)
            return
        }
        var parts: [String] = []
        if state.storeLabel.kind != "main" { parts.append(state.storeLabel.kind) }
        parts.append(state.dossier?.review?.status.label ?? (state.dossier == nil ? "未打开" : "未开始复核"))
        parts.append("复核人 \(state.actor.name)\(state.actor.role.map { "(\($0.label))" } ?? "")")
        switch state.saveState {
        case .saved: parts.append("已保存 ✓")
        case .failed: parts.append("保存失败 ✗")
        }
        if let s = state.scored { parts.append("\(s.reviewedLeafCount)/\(s.scorableLeafCount) 行已复核") }
        if state.isReadOnly { parts.append("已定稿·只读") }
        var left = " " + parts.joined(separator: " · ")
        if let message = state.message { left = " " + message }
        let style = state.messageIsError ? Style(bold: true, reverse: true) : Style(reverse: true)
        let used = buffer.put(left, x: rect.x, y: rect.y, style: style, maxWidth: rect.width, clip: rect)
        let hints = CommandRegistry.hints(for: state.focus.scope).map { "\($0.key) \($0.label)" }
        var hintText = ""
        for h in hints {
            let candidate = hintText.isEmpty ? h : hintText + " · " + h
            if DisplayWidth.of(candidate) + used + 3 > rect.width { break }
            hintText = candidate
        }
        if !hintText.isEmpty {
            buffer.put(hintText + " ", x: rect.maxX - DisplayWidth.of(hintText) - 1, y: rect.y, style: Style(reverse: true), clip: rect)
        }
    }
}
