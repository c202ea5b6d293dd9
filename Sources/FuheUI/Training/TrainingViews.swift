import TermCore

/// The training demo's banner: what this is (培训演示, a sandbox that is never saved to a real
/// store) and its keys, or a replay's progress and controls.
enum BannerView {
    static func text(_ training: TrainingState, keymap: Keymap, width: Int) -> String {
        let key = keymap.key
        let label = { (id: CommandID) in "\(keymap.key(id)) \(CommandRegistry.spec(id).hint ?? "")" }
        // (text, priority): parts are kept by priority (0 first) and shown in this order.
        var parts: [(String, Int)]
        switch training.mode {
        case .demo:
            parts = [("培训演示", 0), ("沙盒数据，不会保存到正式库", 1), (label(.lessonMenu), 2), (label(.lessonHint), 4),
                     (training.resetArmed ? "再按 \(key(.resetSandbox)) 确认重置" : label(.resetSandbox), 3)]
        case .replay(let r):
            let speed = r.speed == r.speed.rounded() ? "\(Int(r.speed))×" : "\(r.speed)×"
            if r.finished {
                parts = [("培训演示·回放结束 \(r.played)/\(r.total)", 0), ("沙盒不保存", 1), ("可继续操作", 3), ("q 退出", 2)]
            } else {
                parts = [("培训演示·回放 \(r.played)/\(r.total) \(speed)\(r.paused ? " 暂停" : "")", 0), ("沙盒不保存", 1),
                         (r.paused ? "空格 继续" : "空格 暂停", 3)]
                if r.paused { parts.append((". 单步", 4)) }
                parts += [("+/- 速度", 5), ("q 退出", 2)]
            }
            if let note = r.sizeNote { parts.append((note, 6)) }
        }
        return fit(parts, width: width - 2)
    }

    /// Keeps the parts that fit in `width` (joined by " · "), most important first, in their
    /// order; the first part is always kept (truncated if need be).
    static func fit(_ parts: [(String, Int)], width: Int) -> String {
        var kept = Set<Int>()
        var used = 0
        for (index, part) in parts.enumerated().sorted(by: { $0.element.1 < $1.element.1 }) {
            let w = DisplayWidth.of(part.0) + (kept.isEmpty ? 0 : 3)
            if used + w > width { continue }
            kept.insert(index)
            used += w
        }
        guard !kept.isEmpty else { return (parts.first?.0 ?? "").truncated(toWidth: width) }
        return parts.indices.filter(kept.contains).map { parts[$0].0 }.joined(separator: " · ")
    }

    static func render(_ training: TrainingState, keymap: Keymap, rect: Rect, into buffer: inout ScreenBuffer) {
        guard rect.height > 0 else { return }
        let style = Style(bold: true, reverse: true)
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: style)
        buffer.put(" " + text(training, keymap: keymap, width: rect.width), x: rect.x, y: rect.y, style: style, maxWidth: rect.width, clip: rect)
    }
}

/// Presentation mode's strip: the last keys and what each did, newest on the right and bold.
enum KeyStripView {
    static func render(_ strokes: [KeyStroke], rect: Rect, into buffer: inout ScreenBuffer) {
        guard rect.height > 0 else { return }
        let label = " 按键 "
        var used = buffer.put(label, x: rect.x, y: rect.y, style: .dim, clip: rect)
        guard !strokes.isEmpty else {
            buffer.put("（按下的键和它执行的命令显示在这里）", x: rect.x + used, y: rect.y, style: .dim, clip: rect)
            return
        }
        let texts = strokes.map { "\($0.key)\($0.count > 1 ? "×\($0.count)" : "") \($0.action)" }
        // The newest keys that fit, oldest first.
        var shown: [String] = []
        var width = 0
        for t in texts.reversed() {
            let w = DisplayWidth.of(t) + (shown.isEmpty ? 0 : 3)
            if width + w > rect.width - used - 1 { break }
            shown.insert(t, at: 0)
            width += w
        }
        if shown.isEmpty, let last = texts.last { shown = [last.truncated(toWidth: rect.width - used - 1)] }
        for (i, t) in shown.enumerated() {
            if i > 0 { used += buffer.put(" · ", x: rect.x + used, y: rect.y, style: .dim, clip: rect) }
            used += buffer.put(t, x: rect.x + used, y: rect.y, style: i == shown.count - 1 ? Style(bold: true) : .plain, clip: rect)
        }
    }
}

/// The lesson pane: the lesson's title and step count, the steps (done ✓, current ▶) as far as
/// they fit, and a note — the introduction, what the last step taught, a mistake's explanation,
/// the hint, or the end of the lesson. The current step and the note are always shown whole: the
/// pane grows for them (`TrainingRows`), and when even that is not enough the last row says so
/// and the hint key shows everything in a box.
enum LessonPaneView {
    /// The lines that must be read whole: the current step, then the note.
    static func essential(_ lesson: LessonPaneModel, width: Int) -> [(String, Style)] {
        let (noteText, noteStyle) = note(lesson.note)
        let current = lesson.finished ? [] : "▶ \(lesson.current + 1). \(lesson.steps[lesson.current])".wrapped(toWidth: width).map { ($0, Style(bold: true)) }
        let notes = noteText.isEmpty ? [] : noteText.wrapped(toWidth: width).map { ($0, noteStyle) }
        return current + notes
    }

    /// Rows the pane needs to show the current step and the note whole (title included), in a
    /// terminal `width` cells wide.
    static func neededRows(_ lesson: LessonPaneModel, width: Int) -> Int {
        1 + essential(lesson, width: max(1, width - 2)).count
    }

    /// Whether `rows` rows (title included) cut the current step or the note.
    static func isCut(_ lesson: LessonPaneModel, width: Int, rows: Int) -> Bool {
        neededRows(lesson, width: width) > rows
    }

    /// Everything the pane has to say, for the box the hint key opens when the pane is too small.
    static func fullText(_ lesson: LessonPaneModel, hint: String?) -> [String] {
        var out = ["课程 \(lesson.number) · \(lesson.title)"]
        if !lesson.finished { out.append("▶ 第 \(lesson.current + 1)/\(lesson.steps.count) 步：\(lesson.steps[lesson.current])") }
        let (noteText, _) = note(lesson.note)
        if !noteText.isEmpty { out.append(noteText) }
        if let hint, !noteText.hasPrefix("提示：") { out.append("提示：" + hint) }
        return out
    }

    static func render(_ lesson: LessonPaneModel, keys: String, hintKey: String, rect: Rect, into buffer: inout ScreenBuffer) {
        guard rect.height > 0 else { return }
        let progress = lesson.finished ? "已完成 ✓" : "第 \(lesson.current + 1)/\(lesson.steps.count) 步"
        PaneChrome.title("课程 \(lesson.number) · \(progress) · \(lesson.title)", right: keys, rect: rect, focused: false, into: &buffer)
        let body = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 1)
        guard body.height > 0, body.width > 4 else { return }
        let currentLines = lesson.finished ? [] : "▶ \(lesson.current + 1). \(lesson.steps[lesson.current])".wrapped(toWidth: body.width)
        let (noteText, noteStyle) = note(lesson.note)
        let noteLines = noteText.isEmpty ? [] : noteText.wrapped(toWidth: body.width)
        var lines: [(String, Style)] = []
        if lesson.steps.count - (lesson.finished ? 0 : 1) + currentLines.count + noteLines.count <= body.height {
            // Every step, the current one in full.
            for (i, step) in lesson.steps.enumerated() {
                if i == lesson.current {
                    lines += currentLines.map { ($0, Style(bold: true)) }
                } else {
                    let mark = i < lesson.current ? "✓" : " "
                    lines.append(("\(mark) \(i + 1). \(step)".truncated(toWidth: body.width), i < lesson.current ? .dim : .plain))
                }
            }
        } else {
            lines = currentLines.map { ($0, Style(bold: true)) }
        }
        lines += noteLines.map { ($0, noteStyle) }
        if lines.count > body.height {
            // Too long even for the grown pane: say where the rest is, never cut silently.
            lines = Array(lines.prefix(body.height))
            let more = "…（\(hintKey) 看全文）"
            let last = lines[body.height - 1]
            lines[body.height - 1] = (last.0.truncated(toWidth: body.width - DisplayWidth.of(more), ellipsis: "") + more, last.1)
        }
        for (i, line) in lines.prefix(body.height).enumerated() {
            buffer.put(line.0, x: body.x, y: body.y + i, style: line.1, maxWidth: body.width, clip: body)
        }
    }

    static func note(_ note: LessonNote) -> (String, Style) {
        switch note {
        case .intro(let text): (text, .dim)
        case .done(let text): ("✓ " + text, .plain)
        case .mistake(let text): ("✗ " + text, Style(bold: true))
        case .hint(let text): ("提示：" + text, .plain)
        case .finished(let text): ("✓ 本课完成：" + text, Style(bold: true))
        case .none: ("", .plain)
        }
    }

    /// At most `rows` lines; the last one ends in "…" when lines were left out.
    static func clip(_ lines: [String], rows: Int, width: Int) -> [String] {
        guard rows > 0 else { return [] }
        guard lines.count > rows else { return lines }
        var kept = Array(lines.prefix(rows))
        kept[rows - 1] = kept[rows - 1].truncated(toWidth: width - 1, ellipsis: "") + "…"
        return kept
    }
}

/// The lesson menu (T): every lesson, the selected one's introduction, and a warning that
/// starting a lesson resets the sandbox.
enum LessonMenuView {
    static func render(_ position: ListPosition, title: String, titles: [String], intros: [String], screen: Rect, into buffer: inout ScreenBuffer) {
        let height = min(screen.height - 2, titles.count + 8)
        let inner = OverlayBox.draw(title: title, width: 90, height: height, in: screen, into: &buffer)
        guard inner.height > 0 else { return }
        var pos = position
        let listRows = max(1, min(titles.count, inner.height - 3))
        pos.scroll(height: listRows, count: titles.count)
        for i in 0..<listRows where pos.top + i < titles.count {
            let index = pos.top + i
            let text = "\(index == position.cursor ? "▶" : " ") \(index + 1). \(titles[index])".padded(toWidth: inner.width)
            buffer.put(text, x: inner.x, y: inner.y + i, style: index == position.cursor ? Style(bold: true, reverse: true) : .plain,
                       maxWidth: inner.width, clip: inner)
        }
        var y = inner.y + listRows + 1
        let footer = "开始课程会重置沙盒：示例数据重新载入，演示中的修改丢弃。"
        if intros.indices.contains(position.cursor) {
            let room = max(0, inner.maxY - 1 - y)
            for line in LessonPaneView.clip(intros[position.cursor].wrapped(toWidth: inner.width), rows: room, width: inner.width) {
                buffer.put(line, x: inner.x, y: y, style: .dim, maxWidth: inner.width, clip: inner)
                y += 1
            }
        }
        buffer.put(footer, x: inner.x, y: inner.maxY - 1, style: .bold, maxWidth: inner.width, clip: inner)
    }
}
