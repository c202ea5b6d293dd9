import TermCore

extension CommandID {
    public static let sortNext = CommandID("sort.next")
    public static let sortPrevious = CommandID("sort.previous")
    public static let sortReverse = CommandID("sort.reverse")
}

/// Sorting the focused list by any of its columns (htop's sort-by-column): `>` the next column,
/// `<` the previous one (through the natural order), `~` the other direction. The header marks the
/// column (差异▼); the choice is remembered for the store between runs.
enum SortCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .init(.sortNext, [.character(">")], .global, "按下一列排序（表头标出 ▲▼；再到原顺序）", hint: "排序", when: sortable) { $0.cycleSort(step: 1) },
        .init(.sortPrevious, [.character("<")], .global, "按上一列排序", when: sortable) { $0.cycleSort(step: -1) },
        .init(.sortReverse, [.character("~")], .global, "反向排序", when: sortable) { ctx in
            guard let pane = FocusRing.pane(ctx.state.focus) as? any SortablePane.Type, var order = pane.sortOrder(ctx.state) else {
                ctx.info("按 \(ctx.key(.sortNext)) 选择排序列"); return
            }
            order.descending.toggle()
            pane.setSort(order, in: &ctx)
            ctx.info("排序：\(order.label)")
        },
    ]

    static func sortable(_ state: AppState) -> Availability {
        FocusRing.pane(state.focus) is any SortablePane.Type ? .available : .notYet("此处不能排序")
    }
}

extension UpdateContext {
    mutating func cycleSort(step: Int) {
        guard let pane = FocusRing.pane(state.focus) as? any SortablePane.Type else { return }
        let next = ListSort.cycle(pane.sortOrder(state), titles: pane.sortTitles, startsDescending: pane.startsDescending, step: step)
        pane.setSort(next, in: &self)
        info(next.map { "排序：\($0.label)（\(key(.sortReverse)) 反向，\(key(.sortNext))/\(key(.sortPrevious)) 换列）" } ?? "恢复原顺序")
    }
}
