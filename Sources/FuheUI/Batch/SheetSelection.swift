import FuheCore
import TermCore

extension CommandID {
    public static let selectToggle = CommandID("select.toggle")
    public static let selectShown = CommandID("select.shown")
    public static let selectSameFlag = CommandID("select.same-flag")
    public static let selectSearch = CommandID("select.search")
    public static let selectClear = CommandID("select.clear")
}

/// Selecting scoresheet rows for a batch (VisiData's selection): by key (`t`; on a summary row,
/// every scorable row under it), every row shown by the filter (`*`), the rows sharing the
/// selected row's rule flags (`,`), the rows the last search finds (`|`, a heading brings its
/// rows), none (`U`). The selection is the scoresheet's own state (`ScoresheetPane.selection`).
enum SheetSelectionCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .init(.selectToggle, [.character("t")], .sheet, "选择/取消选择本行（汇总行：其下各行），并下移", when: RowCommands.dossierShown) { ctx in
            guard let row = ctx.state.selectedRow else { return }
            let rows = ctx.scorableRows(under: row.node.id)
            guard !rows.isEmpty else { ctx.fail("\(row.node.code) 不评分，不能选择"); return }
            let selection = ctx.state[ScoresheetPane.self].selection
            if rows.allSatisfy(selection.contains) {
                ctx.state[ScoresheetPane.self].selection.subtract(rows)
            } else {
                ctx.state[ScoresheetPane.self].selection.formUnion(rows)
            }
            ctx.moveCursor(1)
            ctx.announceSelection()
        },
        .init(.selectShown, [.character("*")], .sheet, "选择显示的各行（按筛选选择）", when: RowCommands.dossierShown) { ctx in
            let shown = ctx.state.sheetRows.flatMap { ctx.scorableRows(under: $0.node.id) }
            ctx.state[ScoresheetPane.self].selection.formUnion(shown)
            ctx.announceSelection()
        },
        .init(.selectSameFlag, [.character(",")], .sheet, "选择与本行有相同标记（规则代码）的各行", when: RowCommands.dossierShown) { ctx in
            guard let row = ctx.state.selectedRow, let d = ctx.state.dossier, let scored = ctx.state.scored else { return }
            let codes = Set(RowWork.flagCodes(row.node.id, scored: scored))
            guard !codes.isEmpty else { ctx.info("本行没有标记：可用 \(ctx.key(.sheetFilter)) 筛选“有标记”再按 \(ctx.key(.selectShown))"); return }
            let same = d.template.scorableLeaves.filter { !codes.isDisjoint(with: RowWork.flagCodes($0.id, scored: scored)) }.map(\.id)
            ctx.state[ScoresheetPane.self].selection.formUnion(same)
            ctx.announceSelection(" 标记 \(codes.sorted().joined(separator: " "))")
        },
        .init(.selectSearch, [.character("|")], .sheet, "选择上次搜索找到的各行（指标名称或编码；找到汇总行则选其下各行）",
              when: RowCommands.dossierShown) { ctx in
            guard let query = ctx.state.lastQuery, let d = ctx.state.dossier else {
                ctx.info("先按 \(ctx.key(.searchStart)) 搜索，再按 \(ctx.key(.selectSearch)) 选择找到的各行"); return
            }
            let matcher = TextMatcher(query: query, readings: HanPinyin.searchReading)
            let hits = d.template.nodes.filter { matcher.matches("\($0.code) \($0.name)") }
            ctx.state[ScoresheetPane.self].selection.formUnion(hits.flatMap { ctx.scorableRows(under: $0.id) })
            ctx.announceSelection(" 搜索“\(query)”")
        },
        .init(.selectClear, [.character("U")], .sheet, "取消全部选择", when: RowCommands.dossierShown) { ctx in
            ctx.state[ScoresheetPane.self].selection.removeAll()
            ctx.info("已取消全部选择")
        },
    ]
}

extension UpdateContext {
    /// The scorable leaves at or under a node, in template order.
    func scorableRows(under nodeID: String) -> [String] {
        guard let d = state.dossier, let scored = state.scored else { return [] }
        if scored.index.isScorableLeaf(nodeID) { return [nodeID] }
        var inside: Set<String> = [nodeID]
        var out: [String] = []
        for node in d.template.nodes where node.parentID.map(inside.contains) == true {
            inside.insert(node.id)
            if scored.index.isScorableLeaf(node.id) { out.append(node.id) }
        }
        return out
    }

    mutating func announceSelection(_ how: String = "") {
        let n = state[ScoresheetPane.self].selection.count
        info(n == 0 ? "没有选择的行" : "已选 \(n) 行\(how)（\(key(.batchMenu)) 批量操作，\(key(.selectClear)) 取消选择）")
    }
}
