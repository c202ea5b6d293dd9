import TermCore

/// What a key did to a form.
public enum FormOutcome: Sendable, Equatable {
    case handled, submit, cancel
}

extension FormState {
    /// Tab/Shift-Tab move between fields; ←/→/Space cycle a choice; Enter moves on (submits on the
    /// last field) except inside multi-line text; Ctrl-S submits from anywhere; Esc cancels.
    public mutating func handle(_ key: KeyEvent) -> FormOutcome {
        switch key {
        case .escape: return .cancel
        case .ctrl("s"): return .submit
        case .tab: focus = (focus + 1) % max(1, fields.count); return .handled
        case .backTab: focus = (focus + fields.count - 1) % max(1, fields.count); return .handled
        default: break
        }
        guard fields.indices.contains(focus) else { return .handled }
        switch fields[focus].kind {
        case .choice(let options, var index):
            switch key {
            case .left, .up: index = (index + options.count - 1) % max(1, options.count)
            case .right, .down, .character(" "): index = (index + 1) % max(1, options.count)
            case .enter: return advance()
            default: return .handled
            }
            fields[focus].kind = .choice(options: options, index: index)
            return .handled
        case .text(var editor):
            let outcome = editor.handle(key)
            fields[focus].kind = .text(editor)
            switch outcome {
            case .submit: return editor.multiline ? .submit : advance()
            case .cancel: return .cancel
            default: return .handled
            }
        }
    }

    private mutating func advance() -> FormOutcome {
        if focus + 1 < fields.count {
            focus += 1
            return .handled
        }
        return .submit
    }
}
