import FuheCore
import TermCore

extension CommandID {
    public static let findings = CommandID("findings.open")
    public static let findingsScope = CommandID("findings.all-units")
    public static let findingsEdit = CommandID("findings.edit")
    public static let findingsDelete = CommandID("findings.delete")
    public static let findingsClose = CommandID("findings.close")
    public static let findingsRepeats = CommandID("findings.mark-repeats")
}

extension CommandScope {
    public static let findingsPage = CommandScope("findings", title: "问题清单 Findings", rank: 63)
}

/// The findings list (`P`): the open unit's findings — read, edit, delete (`FindingRules`: not
/// while items hang on it) — or every unit's (`a`), read from the store's summary columns; Enter
/// on another unit's finding opens that unit on it.
public struct FindingsPage: SortablePage, CommandProvider {
    public enum Scope: Sendable { case unit, all }
    public var scope: Scope
    /// Every unit's findings (when `scope == .all`), sorted.
    var all: [FindingDigest] = []
    var loaded = false
    public var position = ListPosition()
    public var sort: ColumnSort?
    /// Keep the cursor on this finding once the list is in.
    var focusFinding: String?

    public static let pageName = "findings"
    public static let context = KeyOutcome.Context(rawValue: "findings")
    public var keyScopes: [CommandScope] { [.findingsPage, .pageSort] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .init(.findings, [.character("P")], .global, "问题清单：本单位（或全部单位）的问题，查看、编辑、删除", hint: "问题清单") { ctx in
            var page = FindingsPage(scope: ctx.state.dossier == nil ? .all : .unit)
            page.sort = ctx.state.pageChoices[pageName]?.sort
            ctx.push(page)
            if page.scope == .all { ctx.emit(.loadCycle(.findings(dossierID: nil))) }
        },
        .on(FindingsPage.self, .findingsScope, [.character("a")], .findingsPage, "本单位 ↔ 全部单位") { page, ctx, _ in
            guard page.scope == .unit || ctx.state.dossier != nil else { ctx.info("未打开单位：只有全部单位的问题"); return }
            page.scope = page.scope == .unit ? .all : .unit
            page.position = ListPosition()
            if page.scope == .all { page.loaded = false; ctx.emit(.loadCycle(.findings(dossierID: nil))) }
        },
        WorkstationCommand(spec: CommandSpec(id: .findingsEdit, keys: [.enter, .character("e")], scope: .findingsPage,
                                             help: "编辑问题（类别、描述、严重程度、关联指标、建议）；全部单位时打开该单位"),
                           availability: { _ in .available }, form: saveEdit) { ctx, _ in
            if ctx.openFindingUnit() { return }
            if ctx.state.isReadOnly { ctx.fail("复核已定稿，只读；组长按 \(ctx.key(.reopenReview)) 重新打开（需理由）"); return }
            guard var form = editForm(ctx) else { return }
            form.command = .findingsEdit
            ctx.push(form)
        },
        .on(FindingsPage.self, .findingsDelete, [.character("d")], .findingsPage, "删除问题（其下有整改事项时不能删除，F-003）") { page, ctx, _ in
            guard page.scope == .unit, let d = ctx.state.dossier, let f = page.selectedFinding(ctx.state) else {
                ctx.info("在本单位的问题清单中删除（\(ctx.key(.findingsScope)) 切换）"); return
            }
            if let refusal = FindingRules.deletion(of: f, in: d).first { ctx.fail("\(refusal.code) \(refusal.message)"); return }
            if let edit = ctx.edit([.removeFinding(id: f.id)], success: "已删除问题 \(f.seq)（\(ctx.key(.undo)) 撤销）") { ctx.save(edit) }
        },
        .on(FindingsPage.self, .findingsRepeats, [.character("r")], .findingsPage, "与本单位以前年度的问题比对，标记重复问题（一次保存）") { page, ctx, _ in
            guard page.scope == .unit, let d = ctx.state.dossier else { ctx.info("在本单位的问题清单中比对（\(ctx.key(.findingsScope)) 切换）"); return }
            guard let earlier = EarlierYearsState.of(ctx.state), !earlier.findings.isEmpty else { ctx.info("本单位没有以前年度的问题可比对"); return }
            let changed = d.findings.compactMap { f -> Finding? in
                var next = f
                next.repeatOf = ctx.repeatOf(f, in: d).map(RepeatFindings.reference)
                return next == f ? nil : next
            }
            guard !changed.isEmpty else { ctx.info("重复问题标记已是最新（以前年度问题 \(earlier.findings.count) 个）"); return }
            let marked = changed.filter { $0.repeatOf != nil }.count
            if let edit = ctx.edit(changed.map { .finding($0) }, success: "已比对以前年度：标记重复问题 \(marked) 个\(changed.count > marked ? "，取消 \(changed.count - marked) 个" : "")（\(ctx.key(.undo)) 撤销）") {
                ctx.save(edit)
            }
        },
        .on(FindingsPage.self, .findingsClose, [.escape, .character("q"), .character("P")], .findingsPage, "关闭问题清单") { _, ctx, _ in ctx.closeTop() },
    ]

    // MARK: the list

    /// The rows shown: the open unit's findings (from the dossier), or every unit's (as loaded).
    func rows(_ state: AppState) -> [FindingDigest] {
        switch scope {
        case .all: return all
        case .unit:
            guard let d = state.dossier else { return [] }
            let digests = d.findings.sorted { ($0.seq, $0.id) < ($1.seq, $1.id) }.map { f in
                let items = d.items.filter { $0.findingID == f.id }
                return FindingDigest(dossierID: d.id, unitName: d.unit.displayName, fiscalYear: d.cycle.fiscalYear, findingID: f.id,
                                     seq: f.seq, category: f.category, severity: f.severity, description: f.description,
                                     indicator: f.nodeID.flatMap { d.template.node(id: $0) }.map { "\($0.code) \($0.name)" },
                                     itemCount: items.count, openItems: items.filter { $0.status.isOpen }.count, repeatOf: f.repeatOf)
            }
            return ListSort.sorted(digests, by: sort, in: Self.sortColumns)
        }
    }

    func selectedDigest(_ state: AppState) -> FindingDigest? {
        let list = rows(state)
        return list.indices.contains(position.cursor) ? list[position.cursor] : nil
    }

    func selectedFinding(_ state: AppState) -> Finding? {
        guard let digest = selectedDigest(state), digest.dossierID == state.dossier?.id else { return nil }
        return state.dossier?.findings.first { $0.id == digest.findingID }
    }

    mutating func receive(_ list: [FindingDigest]) {
        all = list
        loaded = true
        resortAll()
        if let id = focusFinding, let i = all.firstIndex(where: { $0.findingID == id }) { position.set(i, count: all.count) }
    }

    private mutating func resortAll() { all = ListSort.sorted(all, by: sort, in: Self.sortColumns) }

    // MARK: sorting

    static let sortColumns: [SortColumn<FindingDigest>] = [
        SortColumn("单位") { ListSort.text($0.unitName) },
        SortColumn("类别") { .text($0.category.rawValue) },
        SortColumn("指标") { $0.indicator.map { .text($0) } },
        SortColumn("严重", descending: true) { .number($0.severity == .serious ? 1 : 0) },
        SortColumn("事项", descending: true) { .number($0.openItems * 1000 + $0.itemCount) },
        SortColumn("重复", descending: true) { .number($0.repeatOf == nil ? 0 : 1) },
    ]
    var sortTitles: [String] { Self.sortColumns.map(\.title) }
    func startsDescending(_ title: String) -> Bool { Self.sortColumns.first { $0.title == title }?.startsDescending ?? false }

    mutating func resort(in state: AppState) {
        let current = selectedDigest(state)
        if scope == .all { resortAll() }
        let list = rows(state)
        if let current, let i = list.firstIndex(where: { $0.dossierID == current.dossierID && $0.findingID == current.findingID }) {
            position.set(i, count: list.count)
        }
    }

    public mutating func move(_ move: ListMove, in state: AppState) {
        move.apply(to: &position, count: rows(state).count)
    }

    // MARK: drawing

    static let columns: [Column] = [
        Column(title: "单位", width: 14, priority: 2),
        Column(title: "序", width: 3, align: .right, priority: 0),
        Column(title: "类别", width: 12, priority: 1),
        Column(title: "指标", width: 16, priority: 4),
        Column(title: "严重", width: 4, priority: 5),
        Column(title: "事项", width: 5, align: .right, priority: 3),
        Column(title: "重复", width: 4, priority: 6),
        Column(title: "问题描述", width: 0, priority: 0, flexible: true, minWidth: 16),
    ]

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let list = rows(state)
        // The unit column only when the list spans units.
        let drop = scope == .unit ? 1 : 0
        let columns = Array(ListSort.marked(Self.columns, sort).dropFirst(drop))
        let title = scope == .unit ? "问题清单 · \(state.dossier?.unit.displayName ?? "")（\(list.count)）" : "问题清单 · 全部单位（\(list.count)）"
        let open = list.reduce(0) { $0 + $1.openItems }
        let right = "整改事项未完成 \(open)" + (sort.map { " · 排序:\($0.label)" } ?? "")
        var detail: [String] = []
        if let f = selectedDigest(state) {
            detail.append("\(f.unitName) · 问题 \(f.seq)（\(f.findingID)）· \(f.category.label) · \(f.severity == .serious ? "严重" : "一般")\(f.indicator.map { " · 指标 \($0)" } ?? "")")
            detail.append(f.description)
            detail.append("整改事项 \(f.itemCount) 项，未完成 \(f.openItems) 项\(f.repeatOf.map { "；重复问题（上年 \($0)）" } ?? "")")
            if scope == .unit, let finding = selectedFinding(state), let rec = finding.recommendation, !rec.isEmpty { detail.append("建议：\(rec)") }
        }
        let keys = PageChrome.keys(state, [(.findingsEdit, scope == .unit ? "编辑" : "打开该单位"), (.findingsDelete, "删除"),
                                           (.findingsScope, scope == .unit ? "全部单位" : "本单位"), (.pageSortNext, "排序"), (.findingsClose, "关闭")])
        PageChrome.draw(title: title, right: right, columns: columns, count: list.count, position: position,
                        empty: scope == .all && !loaded ? "读取中…" : "（没有问题：在评分表选中指标按 \(state.key(.addFinding)) 登记）",
                        detail: detail, keys: keys, in: frame, into: &buffer) { i in
            let f = list[i]
            var extra: [Int: Style] = [:]
            if f.severity == .serious { extra[4 - drop] = Style(bold: true, foreground: .red) }
            if f.repeatOf != nil { extra[6 - drop] = Style(bold: true, foreground: .yellow) }
            let items = f.itemCount == 0 ? "" : f.openItems > 0 ? "\(f.openItems)/\(f.itemCount)" : "\(f.itemCount)"
            let cells = [f.unitName, "\(f.seq)", f.category.label, f.indicator ?? "", f.severity == .serious ? "严重" : "一般",
                         items, f.repeatOf == nil ? "" : "重复", f.description.replacingOccurrences(of: "\n", with: " ")]
            return PaneTable.Line(cells: Array(cells.dropFirst(drop)), style: .plain, cellStyles: extra)
        }
    }
}

extension FindingsPage {
    /// The edit form of the selected finding; on another unit's finding (all units), opens that
    /// unit with the list on the finding instead.
    static func editForm(_ ctx: UpdateContext) -> FormState? {
        guard let page = ctx.state.overlay as? FindingsPage, let digest = page.selectedDigest(ctx.state) else { return nil }
        guard let d = ctx.state.dossier, d.id == digest.dossierID, let f = d.findings.first(where: { $0.id == digest.findingID }) else {
            return nil
        }
        let leaves = d.template.scorableLeaves
        let linked = f.nodeID.flatMap { id in leaves.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
        return FormState(title: "编辑问题 \(f.seq)（\(d.unit.displayName)）", fields: [
            .choice("category", "问题类别", FindingCategory.allCases.map(\.label), selected: FindingCategory.allCases.firstIndex(of: f.category) ?? 0),
            .text("description", "问题描述", f.description, multiline: true),
            .choice("severity", "严重程度", ["一般", "严重"], selected: f.severity == .serious ? 1 : 0),
            .choice("node", "关联指标", ["（不关联）"] + leaves.map { "\($0.code) \($0.name)" }, selected: linked),
            .text("recommendation", "建议", f.recommendation ?? "", multiline: true),
            .text("amount", "涉及金额", f.amountInvolved?.wanYuanText ?? "", hint: "万元，最多四位小数；可空"),
        ], target: f.id)
    }

    static func saveEdit(_ form: FormState, _ ctx: UpdateContext) -> FormSubmission {
        guard let d = ctx.state.dossier, var f = d.findings.first(where: { $0.id == form.target }) else { return .nothing }
        let leaves = d.template.scorableLeaves
        f.category = FindingCategory.allCases[form.index("category")]
        f.description = form.trimmed("description")
        f.severity = form.index("severity") == 1 ? .serious : .general
        let node = form.index("node")
        f.nodeID = node == 0 ? nil : leaves[node - 1].id
        let rec = form.trimmed("recommendation")
        f.recommendation = rec.isEmpty ? nil : rec
        let amount = form.trimmed("amount")
        if amount.isEmpty {
            f.amountInvolved = nil
        } else {
            guard let money = Money(wanYuan: amount) else { return .invalid("涉及金额应为万元数，最多四位小数", field: "amount") }
            f.amountInvolved = money
        }
        // Compared again with the earlier years once they are known (else the stored mark stays).
        if let earlier = EarlierYearsState.of(ctx.state), !earlier.findings.isEmpty {
            f.repeatOf = ctx.repeatOf(f, in: d).map(RepeatFindings.reference)
        }
        if let problem = FindingRules.validate(f, in: d).first {
            return .invalid("\(problem.code) \(problem.message)", field: problem.field == "node_id" ? "node" : "description")
        }
        return ctx.saving([.finding(f)], success: "已保存问题 \(f.seq)")
    }
}

extension UpdateContext {
    /// Enter on a finding of another unit (all units): open that unit, then show its list on it.
    mutating func openFindingUnit() -> Bool {
        guard let page = state.overlay as? FindingsPage, page.scope == .all, let digest = page.selectedDigest(state),
              digest.dossierID != state.dossier?.id else { return false }
        let finding = digest.findingID
        load(digest.dossierID, mode: .open) { ctx in
            let state = ctx.state
            ctx.updateOverlay(FindingsPage.self) { page in
                page.scope = .unit
                let list = page.rows(state)
                if let i = list.firstIndex(where: { $0.findingID == finding }) { page.position.set(i, count: list.count) }
            }
            ctx.info("已打开 \(digest.unitName)：问题 \(digest.seq)")
        }
        return true
    }
}
