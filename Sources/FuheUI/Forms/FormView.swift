import TermCore

/// How a form is drawn: a box with each field's label and value, what others changed (stale
/// lines), and a footer with the focused field's hint or the last error — all wrapped, never cut.
/// A choice field always shows its selected option: every option in one line when they fit,
/// else the selected one whole (up to two rows) with its place ("2/5").
extension FormState {
    /// The width inside the box.
    static func boxInnerWidth(_ state: AppState) -> Int { min(90, state.width - 2) - 4 }

    /// Cells the labels take (the widest label, at most 14, plus a gap).
    var labelWidth: Int { min(14, fields.map { DisplayWidth.of($0.label) }.max() ?? 8) + 2 }

    /// Rows each field takes in a box `inner` cells wide.
    func fieldRows(inner: Int) -> [Int] {
        let width = max(1, inner - labelWidth)
        return fields.enumerated().map { i, field in
            switch field.kind {
            case .text(let editor): editor.multiline ? 4 : 1
            case .choice(let options, let index): ChoiceText.lines(options, index: index, focused: i == focus, width: width).count
            }
        }
    }

    /// The footer: the error, or the focused field's hint and the keys — wrapped.
    func footerLines(_ state: AppState, width: Int) -> [(String, Style)] {
        if let error {
            return RefusalView.hanging("✗ " + error, width: width).map { ($0, Style(bold: true, foreground: .red)) }
        }
        let hint = fields.indices.contains(focus) ? fields[focus].hint : ""
        let keys = "\(state.key(.formSave)) 保存 · \(state.key(.formCancel)) 取消"
        let text = hint.isEmpty ? "\(state.key(.formNextField)) 下一项 · " + keys : hint + " · " + keys
        return text.wrapped(toWidth: width).map { ($0, .dim) }
    }

    /// Rows the box needs (border included), with a blank row between fields (`gap` 1) or not.
    func height(_ state: AppState, gap: Int = 1) -> Int {
        let inner = Self.boxInnerWidth(state)
        return fieldRows(inner: inner).reduce(0, +) + fields.count * gap + 2 + gap
            + staleLines(state, width: inner).count + footerLines(state, width: inner).count + 1
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        // The form leaves the training banner, lesson pane and key strip in view; a form too tall
        // for that covers the lesson pane (then the key strip), then drops the blank rows between
        // fields, rather than losing fields.
        let layout = frame.layout
        let strip = TrainingRows(state).strip
        let areas = [frame.screen.height, layout.reserved.maxY - strip - layout.top, state.height - 1 - layout.top]
        let gap = height(state) + 2 <= areas.max() ?? 0 ? 1 : 0
        let needed = height(state, gap: gap) + 2
        let area = areas.first { $0 >= needed } ?? state.height - 1 - layout.top
        let screen = Rect(x: 0, y: layout.top, width: state.width, height: area)
        let inner = OverlayBox.draw(title: title, width: 90, height: height(state, gap: gap), in: screen, into: &buffer)
        let rows = fieldRows(inner: inner.width)
        var y = inner.y + gap
        for (i, field) in fields.enumerated() {
            let focused = i == focus
            buffer.put(field.label, x: inner.x, y: y, style: focused ? .bold : .plain, maxWidth: labelWidth, clip: inner)
            let area = Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: rows[i])
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
                for (n, line) in ChoiceText.lines(options, index: index, focused: focused, width: area.width).enumerated() {
                    buffer.put(line, x: area.x, y: area.y + n, style: focused ? .bold : .plain, maxWidth: area.width, clip: inner)
                }
            }
            y += rows[i] + gap
        }
        // What others changed since the form opened, or why the store refused the save.
        let footer = footerLines(state, width: inner.width)
        for (line, style) in staleLines(state, width: inner.width) where y < inner.maxY - footer.count {
            buffer.put(line, x: inner.x, y: y, style: style, maxWidth: inner.width, clip: inner)
            y += 1
        }
        for (n, (line, style)) in footer.enumerated() {
            buffer.put(line, x: inner.x, y: inner.maxY - footer.count + n, style: style, maxWidth: inner.width, clip: inner)
        }
    }
}

/// A choice field's text: "立行立改 [限期整改] 持续整改" when every option fits in a line (the
/// selected one in brackets), else the selected option alone, whole where it can be (two rows at
/// most), with its place: "[1. 政务中心提质改造…未办理政府采购手续] 1/3". Focused, "◀ … ▶"
/// frame it (←/→ change it).
enum ChoiceText {
    static func lines(_ options: [String], index: Int, focused: Bool, width: Int) -> [String] {
        guard options.indices.contains(index) else { return [focused ? "◀ （无可选项） ▶" : "（无可选项）"] }
        let all = options.enumerated().map { $0.offset == index ? "[\($0.element)]" : $0.element }.joined(separator: " ")
        let inline = focused ? "◀ " + all + " ▶" : all
        if DisplayWidth.of(inline) <= width { return [inline] }
        let head = focused ? "◀ " : ""
        let tail = " \(index + 1)/\(options.count)" + (focused ? " ▶" : "")
        let option = options[index].split(whereSeparator: \.isNewline).joined(separator: " ")
        let whole = head + "[" + option + "]" + tail
        if DisplayWidth.of(whole) <= width { return [whole] }
        // Two rows: the option fills the first row and runs on in the second, cut only there.
        let room = max(1, 2 * width - DisplayWidth.of(head) - DisplayWidth.of(tail) - 4)
        let text = head + "[" + option.truncated(toWidth: room) + "]" + tail
        return split(text, width: width, rows: 2)
    }

    /// `text` cut into rows of at most `width` cells (between characters: the option is one run).
    static func split(_ text: String, width: Int, rows: Int) -> [String] {
        var out: [String] = []
        var line = ""
        var used = 0
        for character in text {
            let cells = character.displayWidth
            if used + cells > width && !line.isEmpty {
                out.append(line)
                guard out.count < rows else { return out }
                line = ""
                used = 0
            }
            line.append(character)
            used += cells
        }
        if !line.isEmpty { out.append(line) }
        return out
    }
}
