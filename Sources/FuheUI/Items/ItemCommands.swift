import Foundation
import FuheCore
import TermCore

extension CommandID {
    public static let editItem = CommandID("rect.edit")
    public static let createItem = CommandID("rect.create")
    public static let openCarried = CommandID("rect.open-earlier")
}

/// Creating and editing rectification items (forms checked by `ItemRules`); the lifecycle steps
/// follow in `ItemLifecycleCommands`.
enum ItemCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .init(.openCarried, [.character("J")], .items, "打开上年未完成事项所在的年度（光标在该事项上）", hint: "打开上年", when: { state in
            ItemsPane.selectedCarried(state) == nil ? .unavailable(nil, isError: false) : .available
        }) { ctx in
            guard let c = ItemsPane.selectedCarried(ctx.state) else { return }
            ctx.openItem(c, then: { $0.info("已打开 \(c.fiscalYear) 年度：事项 \(c.seq)") })
        },
        .form(.editItem, [.enter, .character("e")], .items, "编辑整改事项（措施、所属问题、类型、责任人）", hint: "编辑", verdict: itemVerdict, open: { ctx in
            guard let item = ctx.state.selectedItem, let d = ctx.state.dossier else { return nil }
            let findings = d.findings.sorted { $0.seq < $1.seq }
            return FormState(title: "编辑整改事项 \(item.seq)", fields: [
                .text("measure", "整改措施", item.measure, multiline: true),
                .choice("finding", "所属问题", findings.map { "\($0.seq). \($0.description)" },
                        selected: findings.firstIndex { $0.id == item.findingID } ?? 0, hint: "改挂到本单位的另一个问题"),
                .choice("type", "整改类型", RectType.allCases.map(\.label), selected: RectType.allCases.firstIndex(of: item.rectType) ?? 1,
                        hint: "已销号、已撤销的事项不能改类型（K-006）"),
                .text("resp_unit", "责任单位", item.respUnit),
                .text("resp_person", "责任人", item.respPerson),
                .text("resp_leader", "分管领导", item.respLeader ?? ""),
            ], target: item.id)
        }, submit: { form, ctx in
            guard let d = ctx.state.dossier, var item = d.items.first(where: { $0.id == form.target }) else { return .nothing }
            let findings = d.findings.sorted { $0.seq < $1.seq }
            do throws(RuleViolation) {
                if findings.indices.contains(form.index("finding")) {
                    item = try FindingRules.relink(item, to: findings[form.index("finding")].id, in: d)
                }
                item = try FindingRules.retype(item, to: RectType.allCases[form.index("type")])
            } catch {
                return .invalid(EffectFailure(error).text, field: error.messages.first?.field == "rect_type" ? "type" : "finding")
            }
            item.measure = form.trimmed("measure")
            item.respUnit = form.trimmed("resp_unit")
            item.respPerson = form.trimmed("resp_person")
            let leader = form.trimmed("resp_leader")
            item.respLeader = leader.isEmpty ? nil : leader
            if let problem = ItemRules.validate(item).first(where: { $0.level == .error }) {
                return .invalid("\(problem.code) \(problem.message)", field: problem.field.map(formKey))
            }
            return ctx.saving(ctx.itemChanges(item, in: d), success: "已保存整改事项 \(item.seq)")
        }),

        .form(.createItem, [.character("c")], .items, "新建整改事项", hint: "新建", when: { state in
            let open = dossierOpen(state)
            guard open == .available else { return open }
            return state.dossier?.findings.isEmpty == false ? .available : .refused("先登记问题：在评分表选中相关指标按 \(state.key(.addFinding))")
        }, open: { ctx in
            guard let d = ctx.state.dossier else { return nil }
            let findings = d.findings.sorted { $0.seq < $1.seq }
            let preferred = defaultFinding(findings, in: d, row: ctx.state.selectedRow?.node.id)
            return FormState(title: "新建整改事项", fields: [
                .choice("finding", "所属问题", findings.map { "\($0.seq). \($0.description)" }, selected: preferred),
                .text("measure", "整改措施", "", multiline: true),
                .choice("type", "整改类型", RectType.allCases.map(\.label), selected: 1),
                .text("resp_unit", "责任单位", d.unit.name),
                .text("resp_person", "责任人", ""),
                .text("deadline", "整改时限", "", hint: "YYYY-MM-DD；空则按类型默认（\(Deadlines.defaultDeadlinesText)）"),
            ])
        }, submit: saveNewItem),
    ]

    /// The finding a new item most likely belongs to: one on the selected scoresheet row that has
    /// no item yet (just recorded with f), else the first finding with no item, else the row's,
    /// else the first. The form shows it selected; ←/→ change it.
    static func defaultFinding(_ findings: [Finding], in d: Dossier, row nodeID: String?) -> Int {
        let bare = { (f: Finding) in !d.items.contains { $0.findingID == f.id } }
        let onRow = { (f: Finding) in nodeID != nil && f.nodeID == nodeID }
        return findings.lastIndex { onRow($0) && bare($0) } ?? findings.firstIndex(where: bare)
            ?? findings.lastIndex(where: onRow) ?? 0
    }

    static func dossierOpen(_ state: AppState) -> Availability {
        !state.hasDossier ? .notYet("先在单位列表按 \(state.key(.openUnit)) 打开一个单位") : .available
    }

    /// A dossier is open and an item is selected.
    static func itemSelected(_ state: AppState) -> Availability { itemVerdict(state).availability(state) }

    /// The rule of ``itemSelected(_:)`` with its reason made only when asked (the status line
    /// asks every hinted item command on every key).
    static func itemVerdict(_ state: AppState) -> Verdict<AppState> { itemForCommands(state).verdict }

    /// The verdict of ``itemVerdict(_:)`` with the selected item when it is available (the
    /// lifecycle steps go on to ask `RectLifecycle` about that item).
    static func itemForCommands(_ state: AppState) -> (verdict: Verdict<AppState>, item: RectificationItem?) {
        guard state.hasDossier else { return (.unavailable(dossierOpen), nil) }
        if ItemsPane.selectedCarried(state) != nil {
            return (.unavailable { state in
                guard let c = ItemsPane.selectedCarried(state) else { return .available }
                return .notYet("\(c.fiscalYear) 年度的整改事项：按 \(state.key(.openCarried)) 打开该年度办理")
            }, nil)
        }
        guard let item = state.selectedItem else { return (.unavailable { .notYet("本单位没有整改事项：按 \($0.key(.createItem)) 新建") }, nil) }
        return (.available, item)
    }

    /// The form field of an item field named by a rule message.
    static func formKey(_ field: String) -> String {
        switch field {
        case "deadline": "deadline"
        case "resp_unit": "resp_unit"
        case "resp_person": "resp_person"
        default: "measure"
        }
    }

    static func saveNewItem(_ form: FormState, _ ctx: UpdateContext) -> FormSubmission {
        guard let d = ctx.state.dossier else { return .nothing }
        let findings = d.findings.sorted { $0.seq < $1.seq }
        guard !findings.isEmpty else { return .invalid("先登记问题") }
        let finding = findings[min(form.index("finding"), findings.count - 1)]
        let type = RectType.allCases[form.index("type")]
        let today = ctx.state.today
        let deadlineText = form.trimmed("deadline")
        guard let deadline = deadlineText.isEmpty ? Deadlines.defaultDeadline(for: type, createdOn: today) : CalendarDay(deadlineText) else {
            return .invalid("时限不是有效日期（YYYY-MM-DD）", field: "deadline")
        }
        var item = RectificationItem(id: NewID.next("RI", tag: ctx.state.storeLabel.idTag, existing: d.items.map(\.id)), findingID: finding.id,
                                     seq: (d.items.map(\.seq).max() ?? 0) + 1, measure: form.trimmed("measure"),
                                     rectType: type, respUnit: form.trimmed("resp_unit"), respPerson: form.trimmed("resp_person"),
                                     createdOn: today, deadline: deadline)
        if type == .longTerm { item.nextCheckOn = deadline; item.longTermSince = today }
        if let problem = ItemRules.validate(item).first(where: { $0.level == .error }) {
            return .invalid("\(problem.code) \(problem.message)", field: problem.field.map(formKey))
        }
        let id = item.id
        return ctx.saving(ctx.itemChanges(item, in: d), success: "已新建整改事项 \(item.seq)（\(type.label)，时限 \(deadline)）") { ctx in
            ctx.setFocus(.items)
            ItemsPane.select(itemID: id, in: &ctx.state)
            ctx.keepCursorsVisible()
        }
    }
}
