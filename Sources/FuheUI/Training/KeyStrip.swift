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
        switch outcome.context {
        case .unbound: return "（此处无此键）"
        case .pane: return ""
        case .form:
            if outcome.closed { return outcome.input == .formCancel ? "取消" : "保存" }
            if outcome.input == .formSave { return "保存未成功（见表单提示）" }
            guard let input = outcome.input else { return "编辑" }
            return short(CommandRegistry.spec(input).help)
        case .search:
            guard let input = outcome.input, CommandRegistry.spec(input).scope == .searchBar else { return "编辑搜索" }
            return short(CommandRegistry.spec(input).help)
        default:
            guard let input = outcome.input, UpdateContext.listMoves[input] == nil else {
                return browsing[outcome.context] ?? outcome.input.map { short(CommandRegistry.spec($0).help) } ?? ""
            }
            return short(CommandRegistry.spec(input).help)
        }
    }

    /// What moving around an overlay is called.
    static let browsing: [KeyOutcome.Context: String] = [.help: "翻看帮助", .messages: "选择提示", .lessons: "选择课程", .history: "翻看修改历史"]

    /// "打开该单位的评分表" from "打开该单位的评分表", "录入核实值" from "录入核实值（引擎重新建议）".
    static func short(_ help: String) -> String {
        let cut = help.firstIndex { $0 == "（" || $0 == "：" || $0 == "(" } ?? help.endIndex
        return String(help[..<cut])
    }
}

