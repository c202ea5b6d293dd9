import TermCore

/// Presentation mode's record of the last keys: each key with what it did, characters typed into
/// a form or the search bar gathered into one entry ("“11/10” 输入"), repeats counted ("j×5").
enum KeyStrip {
    static let capacity = 6

    static func append(_ outcome: KeyOutcome, to strokes: inout [KeyStroke]) {
        if case .character(let c) = outcome.key, outcome.context == .form || outcome.context == .search {
            let action = outcome.context == .search ? "搜索" : "输入"
            if let last = strokes.last, last.typed != nil, last.action == action {
                strokes[strokes.count - 1] = typing((last.typed ?? "") + String(c), action: action)
            } else {
                strokes.append(typing(String(c), action: action))
            }
        } else {
            let stroke = KeyStroke(key: outcome.key.description, action: describe(outcome))
            if let last = strokes.last, last.typed == nil, last.key == stroke.key, last.action == stroke.action {
                strokes[strokes.count - 1].count += 1
            } else {
                strokes.append(stroke)
            }
        }
        if strokes.count > capacity { strokes.removeFirst(strokes.count - capacity) }
    }

    static func typing(_ text: String, action: String) -> KeyStroke {
        var stroke = KeyStroke(key: "“" + text.truncated(toWidth: 14) + "”", action: action)
        stroke.typed = text
        return stroke
    }

    /// What a key did, in a few words: the command's help up to its first aside, or the key's
    /// role in the form, search bar or overlay it went to.
    static func describe(_ outcome: KeyOutcome) -> String {
        if let command = outcome.command { return short(CommandRegistry.spec(command).help) }
        let key = outcome.key
        switch outcome.context {
        case .form:
            switch key {
            case .escape: return "取消"
            case .ctrl("s"): return outcome.closed ? "保存" : "保存未成功（见表单提示）"
            case .enter where outcome.closed: return "保存"
            case .tab: return "下一项"
            case .backTab: return "上一项"
            case .enter: return "下一项/换行"
            case .left, .right, .character(" "): return "选择"
            case .backspace, .delete, .ctrl("u"): return "删除"
            default: return "编辑"
            }
        case .search:
            return key == .enter ? "确认搜索" : key == .escape ? "取消搜索" : "编辑搜索"
        case .help:
            return key == .escape || key == .character("q") || key == .character("?") ? "关闭帮助" : "翻看帮助"
        case .messages:
            return key == .enter ? "跳到提示所指" : key == .escape || key == .character("q") ? "关闭提示列表" : "选择提示"
        case .lessons:
            return key == .enter || key.isDigit ? "开始课程" : key == .escape || key == .character("q") ? "关闭课程菜单" : "选择课程"
        case .history:
            return key == .escape || key == .character("q") || key == .character("H") ? "关闭修改历史" : "翻看修改历史"
        case .unbound:
            return "（此处无此键）"
        case .pane:
            return ""
        }
    }

    /// "打开该单位的评分表" from "打开该单位的评分表", "录入核实值" from "录入核实值（引擎重新建议）".
    static func short(_ help: String) -> String {
        let cut = help.firstIndex { $0 == "（" || $0 == "：" || $0 == "(" } ?? help.endIndex
        return String(help[..<cut])
    }
}

extension KeyEvent {
    /// A digit key ("1"…"9").
    var isDigit: Bool {
        if case .character(let c) = self { return c.isASCII && c.isNumber }
        return false
    }
}
