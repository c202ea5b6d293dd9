import TermCore

extension CommandID {
    public static let quit = CommandID("app.quit")
    public static let interrupt = CommandID("app.interrupt")
    public static let back = CommandID("app.back")
    public static let focusNext = CommandID("focus.next")
    public static let focusPrevious = CommandID("focus.previous")
    public static let down = CommandID("cursor.down")
    public static let up = CommandID("cursor.up")
    public static let pageDown = CommandID("cursor.page-down")
    public static let pageUp = CommandID("cursor.page-up")
    public static let first = CommandID("cursor.first")
    public static let last = CommandID("cursor.last")
}

/// The workstation's own keys: quit, back, the focus ring and the cursor of the focused pane.
/// (In an overlay with a list the cursor keys move that list instead.)
enum AppCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .init(.quit, [.character("q")], .global, "退出（所有修改已即时保存）", hint: "退出") { $0.quitRequested = true },
        .init(.interrupt, [.ctrl("c")], .global, "退出（在任何地方；有未保存的内容——打开的表单、保存中的修改——时先确认）") { $0.interrupt() },
        .init(.back, [.escape], .global, "返回/关闭弹窗/取消搜索") { $0.back() },
        .init(.focusNext, [.tab], .global, "下一个窗格", hint: "切换") { $0.setFocus(FocusRing.pane(after: $0.state.focus, step: 1)) },
        .init(.focusPrevious, [.backTab], .global, "上一个窗格") { $0.setFocus(FocusRing.pane(after: $0.state.focus, step: -1)) },
        .init(.down, [.character("j"), .down], .global, "下移一行") { $0.moveCursor(1) },
        .init(.up, [.character("k"), .up], .global, "上移一行") { $0.moveCursor(-1) },
        .init(.pageDown, [.pageDown, .ctrl("f")], .global, "下翻一页") { $0.moveCursor(max(1, $0.pageHeight() - 1)) },
        .init(.pageUp, [.pageUp, .ctrl("b")], .global, "上翻一页") { $0.moveCursor(-max(1, $0.pageHeight() - 1)) },
        .init(.first, [.character("g"), .home], .global, "到第一行") { $0.moveCursor(-Int.max / 2) },
        .init(.last, [.character("G"), .end], .global, "到最后一行") { $0.moveCursor(Int.max / 2) },
    ]
}

extension UpdateContext {
    /// Ctrl-C: quits at once when nothing is unsaved; otherwise asks first, naming what would be
    /// lost (a form's typed values, an edit still being saved).
    mutating func interrupt() {
        var unsaved: [String] = []
        for case let form as FormState in state.overlays.map(\.overlay) {
            if form.pendingEdit != nil {
                unsaved.append("表单「\(form.title)」正在保存")
            } else {
                unsaved.append(form.isDirty ? "表单「\(form.title)」中已输入的内容" : "打开的表单「\(form.title)」")
            }
        }
        if state.saveState == .saving && !unsaved.contains(where: { $0.hasSuffix("正在保存") }) {
            unsaved.append("一项修改正在保存（保存中…）")
        }
        guard !unsaved.isEmpty else {
            quitRequested = true
            quitByInterrupt = true
            return
        }
        push(ConfirmOverlay(title: "退出", lines: ["尚未保存：" + unsaved.joined(separator: "；") + "。"],
                            question: "仍要退出？未保存的内容将丢失。", yes: "退出", no: "继续") { ctx in
            ctx.quitRequested = true
            ctx.quitByInterrupt = true
        })
    }

    mutating func setFocus(_ pane: PaneID) {
        state.focus = pane
        state[DetailArea.self].top = 0
    }

    /// Esc in a pane: forget the search, else back to the first pane.
    mutating func back() {
        if state.lastQuery != nil {
            state.lastQuery = nil
            info("已清除搜索")
        } else if let first = FocusRing.panes.first?.id, state.focus != first {
            setFocus(first)
        }
    }

    mutating func moveCursor(_ delta: Int) {
        state[DetailArea.self].top = 0
        FocusRing.pane(state.focus)?.move(by: delta, in: &state)
        keepCursorsVisible()
    }

    /// Rows of the focused pane's list in view.
    func pageHeight() -> Int {
        guard let pane = FocusRing.pane(state.focus) else { return 1 }
        return max(1, pane.rect(in: Layout(state)).height - 2)
    }
}
