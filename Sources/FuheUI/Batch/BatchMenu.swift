import FuheCore
import TermCore

extension CommandID {
    public static let batchMenu = CommandID("batch.menu")
    public static let itemBatchMenu = CommandID("batch.item-menu")
    public static let batchMenuClose = CommandID("batch.menu-close")
}

extension CommandScope {
    public static let batchMenu = CommandScope("batch-menu", title: "批量菜单 Batch menu", rank: 54)
    /// The batch actions on selected scoresheet rows (keys as on one row).
    public static let batchRows = CommandScope("batch-rows", title: "批量：评分表各行 Batch on rows", rank: 55)
    /// The batch actions on selected rectification items (keys as on one item).
    public static let batchItems = CommandScope("batch-items", title: "批量：整改事项 Batch on items", rank: 55)
}

/// The batch menu (`M`): the actions that can run on every selected row (or item), each with the
/// key it has on one row. Each action opens its form, then `BatchPreview`.
public struct BatchMenu: Overlay, CommandProvider {
    public enum Target: Sendable { case rows, items }
    public var target: Target

    public static let context = KeyOutcome.Context(rawValue: "batch-menu")
    public var keyScopes: [CommandScope] { [target == .rows ? .batchRows : .batchItems, .batchMenu] }

    static let commands: [WorkstationCommand] = [
        .init(.batchMenu, [.character("M")], .sheet, "批量操作所选各行（采用建议、评分、扣分原因、佐证）", hint: "批量", verdict: { state in
            guard RowCommands.editableRow(state) == .available else { return .unavailable(RowCommands.editableRow) }
            return state[ScoresheetPane.self].selection.isEmpty
                ? .unavailable { state in
                    .notYet("先选择行：\(state.key(.selectToggle)) 逐行、\(state.key(.selectShown)) 显示的各行、\(state.key(.selectSameFlag)) 同标记、\(state.key(.selectSearch)) 搜索结果")
                }
                : .available
        }) { $0.push(BatchMenu(target: .rows)) },
        .init(.itemBatchMenu, [.character("M")], .items, "批量操作所选事项（同一整改步骤）", hint: "批量", verdict: { state in
            state[ItemsPane.self].selection.isEmpty || !state.hasDossier
                ? .unavailable { state in
                    .notYet("先选择事项：\(state.key(.itemSelectToggle)) 逐项、\(state.key(.itemSelectShown)) 全部、\(state.key(.itemSelectSameStatus)) 同状态")
                }
                : .available
        }) { $0.push(BatchMenu(target: .items)) },
        .on(BatchMenu.self, .batchMenuClose, [.escape, .character("q"), .character("M")], .batchMenu, "关闭批量菜单") { _, ctx, _ in ctx.closeTop() },
    ]

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let scope: CommandScope = target == .rows ? .batchRows : .batchItems
        let specs = CommandRegistry.all.filter { $0.scope == scope }
        let count = target == .rows ? state[ScoresheetPane.self].selection.count : state[ItemsPane.self].selection.count
        let what = target == .rows ? "\(count) 行" : "\(count) 项整改事项"
        let inner = OverlayBox.draw(title: "批量操作所选 \(what)（\(state.key(.batchMenuClose)) 关闭）", width: 64,
                                    height: specs.count + 5, in: frame.screen, into: &buffer)
        for (i, spec) in specs.enumerated() {
            buffer.put(state.keymap.keyLabel(spec.id).padded(toWidth: 8) + spec.help, x: inner.x, y: inner.y + i, maxWidth: inner.width, clip: inner)
        }
        buffer.put("先预览每一项修改和被规则拒绝的项，确认后一次保存，\(state.key(.undo)) 一次撤销。", x: inner.x, y: inner.maxY - 1,
                   style: .dim, maxWidth: inner.width, clip: inner)
    }
}
