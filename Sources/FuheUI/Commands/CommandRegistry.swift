import TermCore

/// Where a key binding applies.
public enum CommandScope: String, Sendable, CaseIterable {
    case global, units, sheet, items
    /// Only in the training demo (`fuhe demo`); refused elsewhere. No pane binds these keys.
    case training

    /// Heading in the help overlay.
    public var title: String {
        switch self {
        case .global: "通用 General"
        case .units: "单位列表 Units"
        case .sheet: "评分表 Scoresheet"
        case .items: "整改事项 Rectification"
        case .training: "培训演示 Training（fuhe demo）"
        }
    }
}

/// One registered action: long name, default keys, scope, help line, and whether the status
/// line offers it as a hint (for training commands: their short label in the demo's banner).
public struct CommandSpec: Sendable {
    public var id: CommandID
    public var keys: [KeyEvent]
    public var scope: CommandScope
    public var help: String
    public var hint: String?

    public var name: String { id.rawValue }
    /// Keys as shown to users ("j ↓").
    public var keyLabel: String { keys.map(\.description).joined(separator: " ") }
}

/// The one command registry: the help overlay, the status-line hints, the keymap and the tests
/// all read it.
public enum CommandRegistry {
    public static let all: [CommandSpec] = [
        spec(.help, [.character("?")], .global, "帮助：列出全部按键", hint: "帮助"),
        spec(.quit, [.character("q")], .global, "退出（所有修改已即时保存）", hint: "退出"),
        spec(.back, [.escape], .global, "返回/关闭弹窗/取消搜索"),
        spec(.focusNext, [.tab], .global, "下一个窗格", hint: "切换"),
        spec(.focusPrevious, [.backTab], .global, "上一个窗格"),
        spec(.down, [.character("j"), .down], .global, "下移一行"),
        spec(.up, [.character("k"), .up], .global, "上移一行"),
        spec(.pageDown, [.pageDown, .ctrl("f")], .global, "下翻一页"),
        spec(.pageUp, [.pageUp, .ctrl("b")], .global, "上翻一页"),
        spec(.first, [.character("g"), .home], .global, "到第一行"),
        spec(.last, [.character("G"), .end], .global, "到最后一行"),
        spec(.detailDown, [.character("]")], .global, "详情区下滚"),
        spec(.detailUp, [.character("[")], .global, "详情区上滚"),
        spec(.searchStart, [.character("/")], .global, "搜索（中文、全拼、拼音首字母、繁简）", hint: "搜索"),
        spec(.searchNext, [.character("n")], .global, "下一个匹配"),
        spec(.searchPrevious, [.character("N")], .global, "上一个匹配"),
        spec(.undo, [.character("u")], .global, "撤销上一次保存的修改", hint: "撤销"),
        spec(.redo, [.ctrl("r")], .global, "重做"),
        spec(.messages, [.character("!")], .global, "校验提示列表（回车跳转）"),
        spec(.history, [.character("H")], .global, "修改历史：所选行（或单位）每个字段由谁、何时、从哪里改成什么"),
        spec(.openUnit, [.enter, .character("l"), .right], .units, "打开该单位的评分表", hint: "打开"),
        spec(.filterType, [.character("t")], .units, "按评价类型筛选（循环）"),
        spec(.filterStatus, [.character("s")], .units, "按复核状态筛选（循环）"),
        spec(.filterFlagged, [.character("x")], .units, "只看有校验提示的单位"),
        spec(.filterOverdue, [.character("o")], .units, "只看有逾期整改的单位"),
        spec(.filterClear, [.character("c")], .units, "清除筛选"),
        spec(.editScore, [.enter, .character("e")], .sheet, "录入复核分和扣分原因", hint: "评分"),
        spec(.acceptSuggestion, [.character("a")], .sheet, "采用引擎建议分", hint: "采用建议"),
        spec(.verifyActual, [.character("v")], .sheet, "录入核实值（引擎重新建议）", hint: "核实值"),
        spec(.editReason, [.character("r")], .sheet, "编辑扣分原因"),
        spec(.editNote, [.character("m")], .sheet, "编辑复核备注"),
        spec(.addEvidence, [.character("E")], .sheet, "登记佐证材料（关联本行）"),
        spec(.addFinding, [.character("f")], .sheet, "登记问题（关联本行）", hint: "问题"),
        spec(.toggle, [.character(" ")], .sheet, "展开/折叠"),
        spec(.expand, [.character("l"), .right], .sheet, "展开"),
        spec(.collapse, [.character("h"), .left], .sheet, "折叠"),
        spec(.submitReview, [.character("S")], .sheet, "提交复核（检查 R-003/R-004/R-006）"),
        spec(.finalizeReview, [.character("F")], .sheet, "定稿（组长）"),
        spec(.returnReview, [.character("B")], .sheet, "退回修改（组长，需理由）"),
        spec(.reopenReview, [.character("R")], .sheet, "重新打开已定稿复核（组长，需理由）"),
        spec(.editItem, [.enter, .character("e")], .items, "编辑整改事项", hint: "编辑"),
        spec(.createItem, [.character("c")], .items, "新建整改事项", hint: "新建"),
        spec(.addProgress, [.character("p")], .items, "登记整改进度", hint: "进度"),
        spec(.submitItem, [.character("s")], .items, "申请销号（完成情况+佐证）"),
        spec(.closeItem, [.character("C")], .items, "销号（核实佐证后）", hint: "销号"),
        spec(.returnItem, [.character("b")], .items, "退回整改（需理由）"),
        spec(.longTermItem, [.character("L")], .items, "转为持续整改（需理由和下次检查日）"),
        spec(.resumeItem, [.character("r")], .items, "恢复为整改中"),
        spec(.withdrawItem, [.character("w")], .items, "撤销事项（需理由）"),
        spec(.reopenItem, [.character("o")], .items, "重新打开已销号事项（需理由）"),
        spec(.extendItem, [.character("d")], .items, "延长整改时限（需理由）"),
        spec(.lessonMenu, [.character("T"), .function(2)], .training, "课程菜单：选择并开始一课（沙盒先重置）", hint: "课程"),
        spec(.lessonHint, [.character("I")], .training, "显示当前步骤的提示", hint: "提示"),
        spec(.resetSandbox, [.function(5)], .training, "重置沙盒：重新载入示例数据（连按两次；正在上的课从头开始）", hint: "重置"),
    ]

    private static func spec(_ id: CommandID, _ keys: [KeyEvent], _ scope: CommandScope, _ help: String, hint: String? = nil) -> CommandSpec {
        CommandSpec(id: id, keys: keys, scope: scope, help: help, hint: hint)
    }

    /// The spec of a command.
    public static func spec(_ id: CommandID) -> CommandSpec {
        // Every CommandID is registered (checked by a test).
        all.first { $0.id == id } ?? CommandSpec(id: id, keys: [], scope: .global, help: id.rawValue, hint: nil)
    }

    /// The command a key triggers in a pane: the pane's own binding wins over a global one, and
    /// a global one over a training one.
    public static func command(for key: KeyEvent, in scope: CommandScope) -> CommandID? {
        if let own = all.first(where: { $0.scope == scope && $0.keys.contains(key) }) { return own.id }
        if let global = all.first(where: { $0.scope == .global && $0.keys.contains(key) }) { return global.id }
        return all.first { $0.scope == .training && $0.keys.contains(key) }?.id
    }

    /// Status-line hints for a pane: "? 帮助 · Enter 评分 · a 采用建议 · …" — help first, so that a
    /// narrow terminal still shows where to find every key.
    public static func hints(for scope: CommandScope) -> [(key: String, label: String)] {
        let help = all.filter { $0.id == .help }
        let own = all.filter { $0.scope == scope && $0.hint != nil }
        let global = all.filter { $0.scope == .global && $0.hint != nil && $0.id != .help }
        return (help + own + global).map { ($0.keys.first?.description ?? "", $0.hint ?? "") }
    }
}

extension CommandRegistry {
    /// The key table as Markdown, one section per scope (docs/workstation.md embeds it; a test
    /// keeps the two equal).
    public static func markdownTable() -> String {
        var out = ""
        for scope in CommandScope.allCases {
            out += "### \(scope.title)\n\n| keys | command | what it does |\n|---|---|---|\n"
            for spec in all where spec.scope == scope {
                let keys = spec.keys.map { "`\($0.description == "|" ? "\\|" : $0.description)`" }.joined(separator: " ")
                out += "| \(keys) | `\(spec.name)` | \(spec.help) |\n"
            }
            out += "\n"
        }
        return out
    }
}
