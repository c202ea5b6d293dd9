import TermCore

extension CommandID {
    public static let formSave = CommandID("form.save")
    public static let formCancel = CommandID("form.cancel")
    public static let formNextField = CommandID("form.next-field")
    public static let formPreviousField = CommandID("form.previous-field")
    public static let choiceNext = CommandID("choice.next")
    public static let choicePrevious = CommandID("choice.previous")
    public static let choiceAdvance = CommandID("choice.advance")
}

extension CommandScope {
    public static let form = CommandScope("form", title: "表单 Forms", rank: 50)
    /// A form's choice field has focus.
    public static let formChoice = CommandScope("choice", title: "表单选项 Choice fields", rank: 51)
}

/// A form as an overlay: Tab/Shift-Tab move between fields, ←/→/Space change a choice, Enter
/// moves on (submits on the last field) except inside multi-line text, Ctrl-S submits from
/// anywhere, Esc cancels. A text field takes the text commands and typed characters.
extension FormState: TextInput, CommandProvider {
    public static let context = KeyOutcome.Context.form
    public var keyScopes: [CommandScope] { focusedIsChoice ? [.form, .formChoice] : [.form, .text] }
    public var showsCursor: Bool { true }

    static let commands: [WorkstationCommand] = [
        .on(FormState.self, .formSave, [.ctrl("s")], .form, "保存（检查规则；有误时留在表单并指出所在项）") { form, ctx, _ in form.submit(&ctx) },
        .on(FormState.self, .formCancel, [.escape], .form, "取消（不保存）") { _, ctx, _ in
            ctx.closeTop()
            ctx.info("已取消，未保存")
        },
        .on(FormState.self, .formNextField, [.tab], .form, "下一项") { form, _, _ in form.focus = (form.focus + 1) % max(1, form.fields.count) },
        .on(FormState.self, .formPreviousField, [.backTab], .form, "上一项") { form, _, _ in
            form.focus = (form.focus + form.fields.count - 1) % max(1, form.fields.count)
        },
        .on(FormState.self, .choiceNext, [.right, .down, .character(" ")], .formChoice, "选择（下一个选项）") { form, _, _ in form.cycleChoice(by: 1) },
        .on(FormState.self, .choicePrevious, [.left, .up], .formChoice, "选择（上一个选项）") { form, _, _ in form.cycleChoice(by: -1) },
        .on(FormState.self, .choiceAdvance, [.enter], .formChoice, "下一项（最后一项时保存）") { form, ctx, _ in form.advance(&ctx) },
    ]

    var focusedIsChoice: Bool {
        guard fields.indices.contains(focus), case .choice = fields[focus].kind else { return false }
        return true
    }

    /// A key for the focused text field (typed, or a text command's canonical key).
    mutating func input(_ key: KeyEvent, in ctx: inout UpdateContext) {
        guard fields.indices.contains(focus), case .text(var editor) = fields[focus].kind else { return }
        let outcome = editor.handle(key)
        fields[focus].kind = .text(editor)
        switch outcome {
        case .submit: editor.multiline ? submit(&ctx) : advance(&ctx)
        case .cancel:
            ctx.closeTop()
            ctx.info("已取消，未保存")
        default: break
        }
    }

    mutating func cycleChoice(by step: Int) {
        guard fields.indices.contains(focus), case .choice(let options, let index) = fields[focus].kind else { return }
        let n = max(1, options.count)
        fields[focus].kind = .choice(options: options, index: ((index + step) % n + n) % n)
    }

    /// Enter: the next field, or submit on the last one.
    mutating func advance(_ ctx: inout UpdateContext) {
        if focus + 1 < fields.count { focus += 1 } else { submit(&ctx) }
    }

    /// Validates the form with its command's `FormSubmit` and sends the edit; the form stays open
    /// until the edit is stored (then it closes), or shows what is wrong on the field to fix.
    mutating func submit(_ ctx: inout UpdateContext) {
        error = nil
        guard let submit = CommandRegistry.byID[command]?.form else { return }
        // The submission sees the dossier as the form opened on it (and computes its changes
        // from that view), so the store compares with what the user saw.
        switch submit(self, ctx.viewing(base)) {
        case .save(let edit): pendingEdit = ctx.save(edit)
        case .invalid(let text, let field):
            error = text
            if let field { focus(on: field) }
        case .nothing: error = "此表所编辑的内容已不存在（可能已被他人删除或重新导入）；按 \(ctx.key(.formCancel)) 关闭"
        }
    }

    /// Rows a form's box needs (border included) in a terminal `width` columns wide.
    static func height(_ form: FormState, in state: AppState) -> Int {
        form.fields.map { $0.isMultiline ? 4 : 1 }.reduce(0, +) + form.fields.count + 5
            + form.staleLines(state, width: boxInnerWidth(state)).count
    }

    /// The width inside the box.
    static func boxInnerWidth(_ state: AppState) -> Int { min(90, state.width - 2) - 4 }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        // The form leaves the training banner, lesson pane and key strip in view; a form too tall
        // for that covers the lesson pane (then the key strip) rather than losing fields.
        let layout = frame.layout
        let strip = TrainingRows(state).strip
        let needed = Self.height(self, in: state) + 2
        let area = [frame.screen.height, layout.reserved.maxY - strip - layout.top, state.height - 1 - layout.top]
            .first { $0 >= needed } ?? state.height - 1 - layout.top
        let screen = Rect(x: 0, y: layout.top, width: state.width, height: area)
        let labelWidth = min(14, fields.map { DisplayWidth.of($0.label) }.max() ?? 8) + 2
        let fieldHeights = fields.map { $0.isMultiline ? 4 : 1 }
        let inner = OverlayBox.draw(title: title, width: 90, height: Self.height(self, in: state), in: screen, into: &buffer)
        var y = inner.y + 1
        for (i, field) in fields.enumerated() {
            let focused = i == focus
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
        // What others changed since the form opened, or why the store refused the save.
        for (line, style) in staleLines(state, width: inner.width) where y < inner.maxY - 1 {
            buffer.put(line, x: inner.x, y: y, style: style, maxWidth: inner.width, clip: inner)
            y += 1
        }
        let hint = fields.indices.contains(focus) ? fields[focus].hint : ""
        let keys = "\(state.key(.formSave)) 保存 · \(state.key(.formCancel)) 取消"
        let footer = error.map { "✗ " + $0 } ?? (hint.isEmpty ? "\(state.key(.formNextField)) 下一项 · " + keys : hint + " · " + keys)
        buffer.put(footer, x: inner.x, y: inner.maxY - 1, style: error == nil ? .dim : Style(bold: true, foreground: .red), maxWidth: inner.width, clip: inner)
    }
}
