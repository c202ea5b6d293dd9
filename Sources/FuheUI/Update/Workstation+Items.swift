import Foundation
import FuheCore
import TermCore

extension Workstation {
    /// Commands in the rectification pane.
    func itemCommand(_ command: CommandID) {
        guard let d = state.dossier else { info("先在单位列表按 Enter 打开一个单位"); return }
        if command == .createItem { openCreateItem(d); return }
        guard let item = state.selectedItem else { info("本单位没有整改事项：按 c 新建"); return }
        let evidenceChoices = d.evidence.map(\.title) + ["（新增佐证材料）"]
        let fields: [FormField]
        let title: String
        switch command {
        case .editItem:
            title = "编辑整改事项 \(item.seq)"
            fields = [
                .text("measure", "整改措施", item.measure, multiline: true),
                .text("resp_unit", "责任单位", item.respUnit),
                .text("resp_person", "责任人", item.respPerson),
                .text("resp_leader", "分管领导", item.respLeader ?? ""),
            ]
        case .addProgress:
            title = "登记整改进度 \(item.seq)"
            fields = [.text("text", "进度情况", "", multiline: true), .text("percent", "完成比例%", "", hint: "可空，0–100")]
        case .submitItem:
            title = "申请销号 \(item.seq)"
            fields = [.text("completion", "完成情况", item.completionDesc ?? "", multiline: true),
                      .choice("evidence", "佐证材料", evidenceChoices, selected: max(0, evidenceChoices.count - 1)),
                      .text("new_evidence", "新增材料名称", "", hint: "选择“新增佐证材料”时填写")]
        case .closeItem:
            title = "销号 \(item.seq)（核实佐证后）"
            fields = [.text("note", "销号意见", "佐证材料充分，整改到位，同意销号", multiline: true)]
        case .returnItem, .withdrawItem, .reopenItem, .resumeItem:
            title = "\(CommandRegistry.spec(command).help) \(item.seq)"
            fields = [.text("reason", "理由", "", multiline: true, hint: "必填")]
        case .longTermItem:
            title = "转为持续整改 \(item.seq)"
            fields = [.text("reason", "理由", "", multiline: true, hint: "如体制机制、历史遗留、短期无法解决"),
                      .text("next_check", "下次检查日", Deadlines.defaultNextCheck(for: item, today: state.today).description, hint: "YYYY-MM-DD，不晚于整改时限 \(item.deadline)"),
                      .choice("approved", "复核组认定", ["是", "否"])]
        case .extendItem:
            title = "延长整改时限 \(item.seq)（现为 \(item.deadline)）"
            fields = [.text("deadline", "新时限", Deadlines.defaultExtension(of: item).description, hint: "YYYY-MM-DD"),
                      .text("reason", "理由", "", multiline: true)]
        default:
            return
        }
        state.overlay = .form(FormState(title: title, fields: fields,
                                        purpose: command == .editItem ? .editItem(itemID: item.id) : .rectAction(itemID: item.id, command)))
    }

    func openCreateItem(_ d: Dossier) {
        guard !d.findings.isEmpty else {
            fail("先登记问题：在评分表选中相关指标按 f")
            return
        }
        let findings = d.findings.sorted { $0.seq < $1.seq }
        let preferred = state.selectedRow.flatMap { row in findings.lastIndex { $0.nodeID == row.node.id } } ?? findings.count - 1
        state.overlay = .form(FormState(title: "新建整改事项", fields: [
            .choice("finding", "所属问题", findings.map { "\($0.seq). \($0.description)" }, selected: preferred),
            .text("measure", "整改措施", "", multiline: true),
            .choice("type", "整改类型", RectType.allCases.map(\.label), selected: 1),
            .text("resp_unit", "责任单位", d.unit.name),
            .text("resp_person", "责任人", ""),
            .text("deadline", "整改时限", "", hint: "YYYY-MM-DD；空则按类型默认（\(Deadlines.defaultDeadlinesText)）"),
        ], purpose: .createItem))
    }

    func saveNewItem(_ form: FormState) {
        guard let d = state.dossier else { return }
        let findings = d.findings.sorted { $0.seq < $1.seq }
        let finding = findings[min(form.index("finding"), findings.count - 1)]
        let type = RectType.allCases[form.index("type")]
        let deadlineText = form.value("deadline").trimmingCharacters(in: .whitespaces)
        guard let deadline = deadlineText.isEmpty ? Deadlines.defaultDeadline(for: type, createdOn: state.today) : CalendarDay(deadlineText) else {
            formError(form, "时限不是有效日期（YYYY-MM-DD）", field: "deadline"); return
        }
        var item = RectificationItem(id: NewID.next("RI", tag: state.storeLabel.idTag, existing: d.items.map(\.id)), findingID: finding.id,
                                     seq: (d.items.map(\.seq).max() ?? 0) + 1, measure: form.value("measure").trimmingCharacters(in: .whitespacesAndNewlines),
                                     rectType: type, respUnit: form.value("resp_unit").trimmingCharacters(in: .whitespaces),
                                     respPerson: form.value("resp_person").trimmingCharacters(in: .whitespaces),
                                     createdOn: state.today, deadline: deadline)
        if type == .longTerm { item.nextCheckOn = deadline; item.longTermSince = state.today }
        if let problem = ItemRules.validate(item).first(where: { $0.level == .error }) {
            formError(form, "\(problem.code) \(problem.message)", field: problem.field.map(Self.formKey))
            return
        }
        if write(itemChanges(item, in: d), success: "已新建整改事项 \(item.seq)（\(type.label)，时限 \(deadline)）") {
            setFocus(.items)
            if let i = state.items.firstIndex(where: { $0.id == item.id }) { state.itemPosition.set(i, count: state.items.count) }
            keepCursorsVisible()
        }
    }

    static func formKey(_ field: String) -> String {
        switch field {
        case "deadline": "deadline"
        case "resp_unit": "resp_unit"
        case "resp_person": "resp_person"
        default: "measure"
        }
    }

    func saveItemEdit(_ form: FormState, itemID: String) {
        guard let d = state.dossier, var item = d.items.first(where: { $0.id == itemID }) else { return }
        item.measure = form.value("measure").trimmingCharacters(in: .whitespacesAndNewlines)
        item.respUnit = form.value("resp_unit").trimmingCharacters(in: .whitespaces)
        item.respPerson = form.value("resp_person").trimmingCharacters(in: .whitespaces)
        let leader = form.value("resp_leader").trimmingCharacters(in: .whitespaces)
        item.respLeader = leader.isEmpty ? nil : leader
        if let problem = ItemRules.validate(item).first(where: { $0.level == .error }) {
            formError(form, "\(problem.code) \(problem.message)", field: problem.field.map(Self.formKey))
            return
        }
        write(itemChanges(item, in: d), success: "已保存整改事项 \(item.seq)")
    }

    func saveRectAction(_ form: FormState, itemID: String, command: CommandID) {
        guard let d = state.dossier, let item = d.items.first(where: { $0.id == itemID }) else { return }
        var extra: [StoreChange] = []
        let action: RectAction
        let reason = form.value("reason").trimmingCharacters(in: .whitespacesAndNewlines)
        switch command {
        case .addProgress:
            let text = form.value("text").trimmingCharacters(in: .whitespacesAndNewlines)
            let percentText = form.value("percent").trimmingCharacters(in: .whitespaces)
            let percent = percentText.isEmpty ? nil : Int(percentText)
            if !percentText.isEmpty && (percent == nil || !(0...100).contains(percent!)) { formError(form, "完成比例应为 0–100", field: "percent"); return }
            action = .addProgress(ProgressEntry(date: state.today, text: text, by: state.actor.name, percent: percent))
        case .submitItem:
            var ids: [String] = []
            let choice = form.index("evidence")
            if choice < d.evidence.count {
                ids = [d.evidence[choice].id]
            } else {
                let title = form.value("new_evidence").trimmingCharacters(in: .whitespacesAndNewlines)
                guard !title.isEmpty else { formError(form, "K-003 申请销号须有佐证材料：选择已有材料或填写新增材料名称", field: "new_evidence"); return }
                let ev = Evidence(id: NewID.next("EV", tag: state.storeLabel.idTag, existing: d.evidence.map(\.id)), title: title, kind: .other, providedBy: .unit, receivedOn: state.today)
                ids = [ev.id]
                extra.append(.evidence(ev))
            }
            action = .submit(completionDesc: form.value("completion").trimmingCharacters(in: .whitespacesAndNewlines), evidenceIDs: ids, on: state.today)
        case .closeItem: action = .close(note: form.value("note").trimmingCharacters(in: .whitespacesAndNewlines))
        case .returnItem: action = .returnToUnit(reason: reason)
        case .withdrawItem: action = .withdraw(reason: reason)
        case .reopenItem: action = .reopen(reason: reason)
        case .resumeItem: action = .resume(reason: reason)
        case .longTermItem:
            guard let next = CalendarDay(form.value("next_check").trimmingCharacters(in: .whitespaces)) else {
                formError(form, "下次检查日不是有效日期（YYYY-MM-DD）", field: "next_check"); return
            }
            action = .markLongTerm(reason: reason, nextCheckOn: next, approvedByReviewer: form.index("approved") == 0)
        case .extendItem:
            guard let to = CalendarDay(form.value("deadline").trimmingCharacters(in: .whitespaces)) else {
                formError(form, "新时限不是有效日期（YYYY-MM-DD）", field: "deadline"); return
            }
            action = .extendDeadline(to: to, reason: reason)
        default:
            return
        }
        do {
            let transition = try RectLifecycle.transition(action, of: item, by: state.actor, on: state.today)
            write(extra + itemChanges(transition.item, in: d), reason: action.reason,
                  success: "\(action.label)：事项 \(item.seq) \(transition.from.label) → \(transition.to.label)")
        } catch {
            formError(form, error.messages.map { "\($0.code) \($0.message)" }.joined(separator: "；"))
        }
    }

    /// An item change plus the self-evaluation status it implies (整改中 / 已闭环).
    func itemChanges(_ item: RectificationItem, in d: Dossier) -> [StoreChange] {
        EvaluationLifecycle.completing([.item(item)], for: d)
    }
}
