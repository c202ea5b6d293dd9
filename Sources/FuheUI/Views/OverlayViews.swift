import FuheCore
import TermCore

/// Modal overlays: help (generated from the command registry), forms, validation messages.
enum OverlayViews {
    /// A centered box with a border and a title; returns the inside.
    static func box(title: String, width: Int, height: Int, in screen: Rect, into buffer: inout ScreenBuffer) -> Rect {
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

    static func helpLines() -> [(text: String, heading: Bool)] {
        var out: [(String, Bool)] = []
        for scope in CommandScope.allCases {
            out.append((scope.title, true))
            for spec in CommandRegistry.all where spec.scope == scope {
                out.append(("  " + spec.keyLabel.padded(toWidth: 16) + spec.help + "  [" + spec.name + "]", false))
            }
        }
        return out
    }

    static func renderHelp(top: Int, screen: Rect, into buffer: inout ScreenBuffer) {
        let inner = box(title: "帮助 · 按键（j/k 滚动，Esc 关闭）", width: 100, height: screen.height - 2, in: screen, into: &buffer)
        let lines = helpLines()
        let start = max(0, min(top, max(0, lines.count - inner.height)))
        for (i, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            buffer.put(line.text, x: inner.x, y: inner.y + i, style: line.heading ? .bold : .plain, maxWidth: inner.width, clip: inner)
        }
    }

    /// Rows a form's box needs (border included).
    static func formHeight(_ form: FormState) -> Int {
        form.fields.map { $0.isMultiline ? 4 : 1 }.reduce(0, +) + form.fields.count + 5
    }

    static func renderForm(_ form: FormState, screen: Rect, into buffer: inout ScreenBuffer) {
        let labelWidth = min(14, form.fields.map { DisplayWidth.of($0.label) }.max() ?? 8) + 2
        let fieldHeights = form.fields.map { $0.isMultiline ? 4 : 1 }
        let height = formHeight(form)
        let inner = box(title: form.title, width: 90, height: height, in: screen, into: &buffer)
        var y = inner.y + 1
        for (i, field) in form.fields.enumerated() {
            let focused = i == form.focus
            buffer.put(field.label, x: inner.x, y: y, style: focused ? .bold : .plain, maxWidth: labelWidth, clip: inner)
            let area = Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: fieldHeights[i])
            switch field.kind {
            case .text(let editor):
                buffer.fill(area, with: " ", style: Style(underline: true))
                if focused {
                    editor.render(into: &buffer, rect: area, style: Style(underline: true))
                } else {
                    for (n, line) in editor.layout(width: area.width, height: area.height).lines.enumerated() {
                        buffer.put(line, x: area.x, y: area.y + n, style: Style(underline: true), maxWidth: area.width, clip: area)
                    }
                }
            case .choice(let options, let index):
                let text = options.enumerated().map { $0.offset == index ? "[\($0.element)]" : $0.element }.joined(separator: " ")
                buffer.put(focused ? "◀ " + text + " ▶" : text, x: area.x, y: area.y, style: focused ? .bold : .plain, maxWidth: area.width, clip: inner)
            }
            y += fieldHeights[i] + 1
        }
        let hint = form.fields.indices.contains(form.focus) ? form.fields[form.focus].hint : ""
        let footer = form.error.map { "✗ " + $0 } ?? (hint.isEmpty ? "Tab 下一项 · Ctrl-S 保存 · Esc 取消" : hint + " · Ctrl-S 保存 · Esc 取消")
        buffer.put(footer, x: inner.x, y: inner.maxY - 1, style: form.error == nil ? .dim : Style(bold: true, foreground: .red), maxWidth: inner.width, clip: inner)
    }

    static func renderHistory(_ view: HistoryView, screen: Rect, into buffer: inout ScreenBuffer) {
        let inner = box(title: "\(view.title)（\(view.entries.count) 条，新的在前，Esc 关闭）", width: 120, height: screen.height - 2, in: screen, into: &buffer)
        guard !view.entries.isEmpty else {
            buffer.put("没有修改记录。", x: inner.x, y: inner.y, clip: inner)
            return
        }
        var pos = view.position
        pos.scroll(height: max(1, inner.height / 2), count: view.entries.count)
        for i in 0..<(inner.height / 2) {
            let index = pos.top + i
            guard index < view.entries.count else { break }
            let (head, change) = HistoryView.lines(view.entries[index])
            let selected = index == view.position.cursor
            buffer.put(head.padded(toWidth: inner.width), x: inner.x, y: inner.y + 2 * i, style: selected ? Style(bold: true, reverse: true) : .bold,
                       maxWidth: inner.width, clip: inner)
            buffer.put(("  " + change).padded(toWidth: inner.width), x: inner.x, y: inner.y + 2 * i + 1, style: selected ? .reverse : .plain,
                       maxWidth: inner.width, clip: inner)
        }
    }

    static func renderMessages(_ position: ListPosition, messages: [ValidationMessage], dossier: Dossier?, screen: Rect, into buffer: inout ScreenBuffer) {
        let inner = box(title: "校验提示 \(messages.count) 条（Enter 跳转，Esc 关闭）", width: 110, height: screen.height - 4, in: screen, into: &buffer)
        if messages.isEmpty {
            buffer.put("没有校验提示。", x: inner.x, y: inner.y, clip: inner)
            return
        }
        var pos = position
        pos.scroll(height: inner.height, count: messages.count)
        for i in 0..<inner.height {
            let index = pos.top + i
            guard index < messages.count else { break }
            let m = messages[index]
            let place = m.nodeID.flatMap { id in dossier?.template.node(id: id) }.map { "[\($0.code) \($0.name)] " } ?? ""
            let text = "\(m.code) \(m.level == .error ? "错误" : "提示") \(place)\(m.message)"
            buffer.put(text.padded(toWidth: inner.width), x: inner.x, y: inner.y + i, style: index == position.cursor ? .reverse : .plain, maxWidth: inner.width, clip: inner)
        }
    }
}
