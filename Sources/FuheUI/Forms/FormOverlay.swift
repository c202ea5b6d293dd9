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
        .on(FormState.self, .formCancel, [.escape], .form, "取消（不保存；已输入内容时先问一句）") { form, ctx, _ in form.cancel(&ctx) },
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
        if case .paste = key, let paste = editor.lastPaste, !paste.isVerbatim {
            // Say what the paste changed (line breaks joined, text left out) where it is read.
            ctx.info("「\(fields[focus].label)」\(paste.summary)")
        }
        switch outcome {
        case .submit: editor.multiline ? submit(&ctx) : advance(&ctx)
        case .cancel: cancel(&ctx)
        default: break
        }
    }

    /// Esc: closes an untouched form at once; over typed or chosen values it asks first
    /// ("放弃已输入的内容？ y 放弃 / n 继续编辑").
    mutating func cancel(_ ctx: inout UpdateContext) {
        guard isDirty else {
            ctx.closeTop()
            ctx.info("已取消，未保存")
            return
        }
        ctx.push(ConfirmOverlay.discard(self))
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
}
