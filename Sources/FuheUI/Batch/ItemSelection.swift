import FuheCore
import TermCore

extension CommandID {
    public static let itemSelectToggle = CommandID("select.item-toggle")
    public static let itemSelectShown = CommandID("select.item-all")
    public static let itemSelectSameStatus = CommandID("select.item-same-status")
    public static let itemSelectSearch = CommandID("select.item-search")
    public static let itemSelectClear = CommandID("select.item-clear")
}

/// Selecting rectification items of the open unit for a batch: by key (`t`), all (`*`), those in
/// the selected item's status (`,`), those the last search finds (`|`), none (`U`). Kept in
/// `ItemsPane.selection`.
enum ItemSelectionCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .init(.itemSelectToggle, [.character("t")], .items, "选择/取消选择本事项，并下移", when: ItemCommands.itemSelected) { ctx in
            guard let item = ctx.state.selectedItem else { return }
            if ctx.state[ItemsPane.self].selection.remove(item.id) == nil { ctx.state[ItemsPane.self].selection.insert(item.id) }
            ctx.moveCursor(1)
            ctx.announceItemSelection()
        },
        .init(.itemSelectShown, [.character("*")], .items, "选择全部事项", when: ItemCommands.itemSelected) { ctx in
            ctx.state[ItemsPane.self].selection.formUnion(ctx.state.items.map(\.id))
            ctx.announceItemSelection()
        },
        .init(.itemSelectSameStatus, [.character(",")], .items, "选择与本事项状态相同的各事项", when: ItemCommands.itemSelected) { ctx in
            guard let item = ctx.state.selectedItem else { return }
            ctx.state[ItemsPane.self].selection.formUnion(ctx.state.items.filter { $0.status == item.status }.map(\.id))
            ctx.announceItemSelection(" 状态 \(item.status.label)")
        },
        .init(.itemSelectSearch, [.character("|")], .items, "选择上次搜索找到的各事项", when: ItemCommands.itemSelected) { ctx in
            guard let query = ctx.state.lastQuery else {
                ctx.info("先按 \(ctx.key(.searchStart)) 搜索，再按 \(ctx.key(.itemSelectSearch)) 选择找到的各事项"); return
            }
            let matcher = TextMatcher(query: query, readings: HanPinyin.searchReading)
            let texts = ItemsPane.searchTexts(ctx.state)
            let hits = zip(ctx.state.items, texts).filter { matcher.matches($0.1) }.map(\.0.id)
            ctx.state[ItemsPane.self].selection.formUnion(hits)
            ctx.announceItemSelection(" 搜索“\(query)”")
        },
        .init(.itemSelectClear, [.character("U")], .items, "取消全部选择", when: ItemCommands.dossierOpen) { ctx in
            ctx.state[ItemsPane.self].selection.removeAll()
            ctx.info("已取消全部选择")
        },
    ]
}

extension UpdateContext {
    mutating func announceItemSelection(_ how: String = "") {
        let n = state[ItemsPane.self].selection.count
        info(n == 0 ? "没有选择的事项" : "已选 \(n) 项\(how)（\(key(.itemBatchMenu)) 批量操作，\(key(.itemSelectClear)) 取消选择）")
    }
}
