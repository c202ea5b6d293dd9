import TermCore

extension CommandID {
    public static let textSubmit = CommandID("text.submit")
    public static let textCancel = CommandID("text.cancel")
}

extension CommandScope {
    public static let text = CommandScope("text", title: "文本输入 Text fields（表单、搜索栏、冲突改值）", rank: 52)
}

/// The keys of a text field (a form's text field, the search bar, the conflict pane's editor).
/// Each command hands its canonical key to the field's `LineEditor`, so rebinding a text command
/// in the keymap moves the editing action to the new key. Typed characters are not commands: a
/// character no scope binds is typed.
enum TextCommands: CommandProvider {
    static let commands: [WorkstationCommand] = specs.map { spec, canonical in
        WorkstationCommand(spec: spec, availability: { _ in .available }) { ctx, _ in ctx.typeIntoTop(canonical) }
    }

    /// Each text command's canonical key.
    static let canonical: [CommandID: KeyEvent] = Dictionary(specs.map { ($0.0.id, $0.1) }, uniquingKeysWith: { a, _ in a })

    /// Each text command with the key `LineEditor.handle` knows it by.
    static let specs: [(CommandSpec, KeyEvent)] = [
        text("text.enter", [.enter], "下一项/换行：多行文本中换行，单行中确认", .enter),
        text("text.submit", [.ctrl("s"), .ctrl("d")], "确认/保存", .ctrl("s")),
        text("text.cancel", [.escape], "取消", .escape),
        text("text.delete-backward", [.backspace, .ctrl("h")], "删除（光标前一字）", .backspace),
        text("text.delete-forward", [.delete], "删除（光标后一字）", .delete),
        text("text.left", [.left, .modified(.left, .shift)], "光标左移一字", .left),
        text("text.right", [.right, .modified(.right, .shift)], "光标右移一字", .right),
        text("text.word-left", [.modified(.left, .ctrl), .modified(.left, .alt), .alt("b")], "光标左移一个词（一串汉字、字母数字或符号）", .modified(.left, .ctrl)),
        text("text.word-right", [.modified(.right, .ctrl), .modified(.right, .alt), .alt("f")], "光标右移一个词", .modified(.right, .ctrl)),
        text("text.line-start", [.home, .ctrl("a")], "到行首", .home),
        text("text.line-end", [.end, .ctrl("e")], "到行尾", .end),
        text("text.start", [.modified(.home, .ctrl)], "到全文开头", .modified(.home, .ctrl)),
        text("text.end", [.modified(.end, .ctrl)], "到全文末尾", .modified(.end, .ctrl)),
        text("text.line-up", [.up], "多行文本：到上一行（同一显示列）", .up),
        text("text.line-down", [.down], "多行文本：到下一行（同一显示列）", .down),
        text("text.delete-to-start", [.ctrl("u")], "删除（到行首；在行首时并入上一行）", .ctrl("u")),
        text("text.delete-to-end", [.ctrl("k")], "删除（到行尾；在行尾时并入下一行）", .ctrl("k")),
        text("text.delete-word", [.ctrl("w"), .modified(.backspace, .alt), .modified(.backspace, .ctrl)], "删除（光标前一个词：一串汉字、字母数字或符号）", .ctrl("w")),
        text("text.delete-word-forward", [.modified(.delete, .ctrl), .modified(.delete, .alt), .alt("d")], "删除（光标后一个词）", .modified(.delete, .ctrl)),
    ]

    private static func text(_ name: String, _ keys: [KeyEvent], _ help: String, _ canonical: KeyEvent) -> (CommandSpec, KeyEvent) {
        (CommandSpec(id: CommandID(name), keys: keys, scope: .text, help: help), canonical)
    }
}
