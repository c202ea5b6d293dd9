import Foundation
import FuheCore
import TermCore

extension CommandID {
    public static let nextWork = CommandID("work.next")
    public static let previousWork = CommandID("work.previous")
    public static let sheetFilter = CommandID("sheet.filter")
    public static let sheetFilterClear = CommandID("sheet.filter-clear")
    public static let queryRow = CommandID("review.query")
}

/// What is left on the open scoresheet: the next (previous) row needing work, the scoresheet
/// filter (未复核 / 有标记 / 有差异 / 待补充), and marking a row 待单位补充 with a question.
/// `RowWork`, `SheetFilter` and `RowQuery` (FuheCore) decide.
enum SheetWorkCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .init(.nextWork, [.character("w")], .sheet, "下一处待办：未复核、待补充、缺理由或标记未处理的行", hint: "待办",
              when: RowCommands.dossierShown) { $0.jumpToWork(forward: true) },
        .init(.previousWork, [.character("W")], .sheet, "上一处待办", when: RowCommands.dossierShown) { $0.jumpToWork(forward: false) },
        .init(.sheetFilter, [.character("x")], .sheet, "筛选行（循环）：未复核 → 有标记 → 有差异 → 待补充 → 全部", hint: "筛选",
              when: RowCommands.dossierShown) { ctx in
            let order: [SheetFilter?] = [nil] + SheetFilter.allCases.map { $0 }
            let i = order.firstIndex(of: ctx.state[ScoresheetPane.self].filter) ?? 0
            ctx.setSheetFilter(order[(i + 1) % order.count])
        },
        .init(.sheetFilterClear, [.character("c")], .sheet, "清除评分表筛选", when: RowCommands.dossierShown) { $0.setSheetFilter(nil) },
        .form(.queryRow, [.character("Q")], .sheet, "待单位补充：写明所需材料或问题（清空则解除）", when: { RowCommands.scorableRow($0) }, open: { ctx in
            guard case let (node, r)? = RowCommands.row(ctx.state) else { return nil }
            let current = r.status == .queried ? (r.question ?? r.reviewNote ?? "") : ""
            return FormState(title: "待单位补充 \(node.code) \(node.name)", fields: [
                .text("question", "需补充", current, multiline: true, hint: "写明需要单位补充的材料或回答的问题（R-008）；清空并保存则解除待补充"),
            ], target: node.id)
        }, submit: { form, ctx in
            guard let d = ctx.state.dossier, let nodeID = form.target, let node = d.template.node(id: nodeID) else { return .nothing }
            let row = d.result(for: nodeID)
            let text = form.trimmed("question")
            if text.isEmpty {
                guard row.status == .queried else { return .invalid("R-008 须写明需要单位补充的材料或问题", field: "question") }
                let cleared = RowQuery.clear(row)
                return ctx.saving(ctx.rowChanges(cleared), success: "已解除待补充：\(node.code) \(node.name)（\(cleared.status == .reviewed ? "已复核" : "未复核")）")
            }
            do {
                let marked = try RowQuery.mark(row, node: node, question: text, by: ctx.state.actor.name, at: ctx.clock.now())
                return ctx.saving(ctx.rowChanges(marked), success: "已标为待单位补充：\(node.code) \(node.name)")
            } catch {
                return .invalid(EffectFailure(error).text, field: "question")
            }
        }),
    ]
}

extension UpdateContext {
    /// Turns the scoresheet filter on or off and says how many rows it leaves.
    mutating func setSheetFilter(_ filter: SheetFilter?) {
        let current = state.selectedRow?.node.id
        state[ScoresheetPane.self].filter = filter
        state[ScoresheetPane.self].rows = ScoresheetPane.visibleRows(state)
        if let current { ScoresheetPane.select(nodeID: current, in: &state) }
        if filter != nil, let current, !state.sheetRows.contains(where: { $0.node.id == current }) {
            state[ScoresheetPane.self].position.set(0, count: state.sheetRows.count)
        }
        keepCursorsVisible()
        guard let filter else { info("显示全部指标"); return }
        info(state.sheetRows.isEmpty ? "没有\(filter.label)的指标（\(key(.sheetFilterClear)) 清除筛选）"
             : "只看\(filter.label)：\(state.sheetRows.count) 行（\(key(.sheetFilter)) 换筛选，\(key(.sheetFilterClear)) 清除）")
    }

    /// Moves to the next (or previous) scorable row with work left, wrapping round the sheet, and
    /// says what is left on it and how many rows still need work.
    mutating func jumpToWork(forward: Bool) {
        guard let d = state.dossier, let scored = state.scored else { return }
        let leaves = d.template.scorableLeaves
        let left = leaves.map { RowWork.left(on: $0, in: d, scored: scored) }
        let remaining = left.filter { !$0.isEmpty }.count
        guard remaining > 0 else {
            info("本单位所有指标都已处理：可按 \(key(.submitReview)) 提交复核")
            return
        }
        let here = state.selectedRow.flatMap { row in leaves.firstIndex { $0.id == row.node.id } }
        let n = leaves.count
        let start = here ?? (forward ? -1 : n)
        for step in 1...n {
            let i = ((start + (forward ? step : -step)) % n + n) % n
            guard !left[i].isEmpty else { continue }
            reveal(nodeID: leaves[i].id)
            let what = left[i].map(\.description).joined(separator: "、")
            info("待办 \(leaves[i].code) \(leaves[i].name)：\(what)（共 \(remaining) 行待办）")
            return
        }
    }
}
