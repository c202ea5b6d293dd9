import FuheCore
import TermCore

extension CommandID {
    public static let draftAccept = CommandID("draft.accept")
    public static let draftCorrect = CommandID("draft.correct")
    public static let draftAbsent = CommandID("draft.absent")
    public static let draftRemap = CommandID("draft.remap")
    public static let draftAcceptAll = CommandID("draft.accept-all")
    public static let draftConvert = CommandID("draft.convert")
    public static let draftNext = CommandID("draft.next")
    public static let draftClose = CommandID("draft.close")
}

extension CommandScope {
    public static let intakeDraft = CommandScope("intake-draft", title: "确认草稿 Confirming a draft", rank: 66)
}

/// One draft, value by value (Enter on the intake queue): each proposed value with the passage it
/// was read from beside it (below it at 80 columns). The reviewer accepts, corrects, or marks a
/// value "not in the report"; maps an indicator to another template node by choosing it; accepts
/// everything looked over at once; and makes the dossier when the readiness rule (FuheCore) allows.
public struct DraftPage: Overlay, CommandProvider {
    public var draftID: String
    var title: String
    public internal(set) var draft: IntakeDraft?
    /// Every template by id, and in the store's order (for the template choice).
    var templates: [String: IndicatorTemplate] = [:]
    var templateOrder: [String] = []
    public internal(set) var readiness: IntakeReadiness?
    var rows: [DraftRow] = []
    /// The report's lines (line `firstLine + i` is `lines[i]`).
    var lines: [Substring] = []
    public var position = ListPosition()

    init(draftID: String, title: String) {
        self.draftID = draftID
        self.title = title
    }

    public static let context = KeyOutcome.Context(rawValue: "intake-draft")
    public var keyScopes: [CommandScope] { [.intakeDraft] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .on(DraftPage.self, .draftAccept, [.character("a")], .intakeDraft, "确认此项：与原文所载一致（下移一行）") { page, ctx, _ in
            page.decide(.accepted, &ctx)
        },
        .on(DraftPage.self, .draftCorrect, [.enter], .intakeDraft, "更正此项（预填原值，数字由规则检查；模板、评价类型从列表中选）") { page, ctx, _ in
            page.correct(&ctx)
        },
        .on(DraftPage.self, .draftAbsent, [.character("x")], .intakeDraft, "标记“原文未载”：报告没有写这一项（下移一行）") { page, ctx, _ in
            page.decide(.absent, &ctx)
        },
        .on(DraftPage.self, .draftRemap, [.character("m")], .intakeDraft, "对应指标：从模板指标列表中为此项得分选择对应的指标") { page, ctx, _ in
            page.remap(&ctx)
        },
        .on(DraftPage.self, .draftAcceptAll, [.character("A")], .intakeDraft, "全部确认：把看过的待确认值一次确认（先列出数目，再确认）") { page, ctx, _ in
            page.acceptAll(&ctx)
        },
        .on(DraftPage.self, .draftConvert, [.character("C")], .intakeDraft, "生成卷宗（一次导入）；未就绪时说明还差什么并跳到那一项") { page, ctx, _ in
            page.convert(&ctx)
        },
        .on(DraftPage.self, .draftNext, [.tab], .intakeDraft, "跳到下一项须处理的值（妨碍生成卷宗的在先）") { page, ctx, _ in
            page.jumpToNextNeeded(&ctx)
        },
        .on(DraftPage.self, .draftClose, [.escape, .character("q")], .intakeDraft, "返回待确认报告（所作决定已即时保存）") { _, ctx, _ in
            ctx.closeTop()
            ctx.refreshQueue()
        },
    ]

    var selected: DraftRow? { rows.indices.contains(position.cursor) ? rows[position.cursor] : nil }

    /// Looks a template up by id (the rules take it as a function).
    var lookup: @Sendable (String) -> IndicatorTemplate? {
        let templates = templates
        return { templates[$0] }
    }

    /// The template the draft stands on now (decided or proposed).
    var template: IndicatorTemplate? { draft?.template.effective.flatMap { templates[$0] } }

    public mutating func move(_ move: ListMove, in state: AppState) {
        move.apply(to: &position, count: rows.count)
    }

    // MARK: results

    /// A draft is in (opened, or changed by a decision): rows and readiness again, the cursor on
    /// the same value.
    static func receive(_ draft: IntakeDraft, templates: [IndicatorTemplate]?, request: IntakeRequest, in ctx: inout UpdateContext) {
        ctx.withOverlay(DraftPage.self) { page, ctx in
            guard page.draftID == draft.id else { return }
            page.load(draft, templates: templates)
            if case .acceptAll = request, let r = page.readiness {
                // What is left is what the reviewer must give: the cursor goes to the first of it.
                if let first = r.blockers.first, let i = page.rows.firstIndex(where: { $0.id == first.valueID }) {
                    page.position.set(i, count: page.rows.count)
                }
                ctx.info("已全部确认 · " + (r.isReady ? "可生成卷宗（\(ctx.key(.draftConvert))）"
                                           : "还差 \(r.blockers.count) 项（\(ctx.key(.draftNext)) 跳到）：\(r.blockers[0].message)"))
            }
        }
    }

    mutating func load(_ new: IntakeDraft, templates list: [IndicatorTemplate]?) {
        if let list {
            templates = Dictionary(list.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            templateOrder = list.map(\.id)
        }
        if draft?.source.text != new.source.text { lines = new.source.text.split(separator: "\n", omittingEmptySubsequences: false) }
        let keep = selected?.id
        let first = draft == nil
        draft = new
        let r = new.readiness(templates: lookup)
        readiness = r
        rows = DraftRows.rows(new, readiness: r, templates: templates)
        if first, let blocker = r.blockers.first, let i = rows.firstIndex(where: { $0.id == blocker.valueID }) {
            position.set(i, count: rows.count)
        } else {
            position.set(rows.firstIndex { $0.id == keep } ?? position.cursor, count: rows.count)
        }
    }

    // MARK: decisions

    /// Accept or mark absent: checked by the draft's own rule first, then stored.
    mutating func decide(_ decision: DraftDecision, _ ctx: inout UpdateContext) {
        guard let draft, let row = selected else { return }
        guard row.isDecidable else { ctx.info("核算结果不需确认：生成卷宗后在原文视图中可登记为问题"); return }
        var copy = draft
        do {
            try copy.decide(row.id, decision, templates: lookup)
        } catch {
            ctx.fail("\(row.section)：\(error.message)")
            return
        }
        ctx.intake(.decide(draftID: draftID, valueID: row.id, decision: decision, actor: ctx.state.actor.name))
        let what = decision == .absent ? "已标记原文未载" : "已确认"
        ctx.info("\(what)：" + (row.kind == .field ? row.label : "\(row.section) \(row.label)") + Self.remaining(copy, lookup))
        position.move(by: 1, count: rows.count)
    }

    /// " · 还差 3 项" or " · 可生成卷宗（C）".
    static func remaining(_ draft: IntakeDraft, _ lookup: (String) -> IndicatorTemplate?) -> String {
        let r = draft.readiness(templates: lookup)
        return r.isReady ? " · 可生成卷宗" : " · 还差 \(r.blockers.count) 项"
    }

    /// Enter: a choice list for the template and the type, a line editor (prefilled) for the rest.
    mutating func correct(_ ctx: inout UpdateContext) {
        guard let draft, let row = selected else { return }
        guard row.isDecidable else { ctx.info("核算结果不需更正：它指出原文中的数字不一致"); return }
        switch row.id {
        case "template":
            ctx.push(IntakeChoice.templates(for: draft, order: templateOrder, templates: templates))
        case "eval_type":
            ctx.push(IntakeChoice.evalTypes(for: draft))
        default:
            let current = draft.decision(of: row.id).flatMap { decision -> String? in
                if case .corrected(let v) = decision { return v }
                return nil
            } ?? Self.rawProposal(draft, row.id)
            ctx.push(IntakeCorrection(draftID: draftID, valueID: row.id, label: row.kind == .field ? row.label : "\(row.section)·\(row.label)",
                                      printed: row.proposed, text: current ?? ""))
        }
    }

    /// The proposal as the rules take it (a figure without its unit).
    static func rawProposal(_ d: IntakeDraft, _ id: String) -> String? {
        switch id {
        case "unit": d.unit.value
        case "year": d.year.value
        case "report_date": d.reportDate.value
        case "grade": d.grade.value
        default:
            d.totals.first { $0.id == id }?.value ?? d.indicators.first { $0.id == id }?.score ?? d.figures.first { $0.id == id }?.value
                ?? d.basisDocs.first { $0.id == id }?.text ?? d.problems.first { $0.id == id }?.text ?? d.measures.first { $0.id == id }?.text
        }
    }

    mutating func remap(_ ctx: inout UpdateContext) {
        guard let draft, let row = selected else { return }
        guard row.kind == .indicator else { ctx.info("只有指标得分可以选择对应的模板指标"); return }
        guard let template else { ctx.fail("请先确定模板（在“模板”一行按 \(ctx.key(.draftCorrect)) 选择），再选择对应指标"); return }
        ctx.push(IntakeChoice.nodes(for: draft, indicatorID: row.id, template: template))
    }

    mutating func acceptAll(_ ctx: inout UpdateContext) {
        guard let draft else { return }
        var copy = draft
        let n = copy.acceptAll()
        guard n > 0 else { ctx.info("没有待确认的值（原文未找到的须更正或标记原文未载）"); return }
        var counts: [(String, Int)] = []
        for row in rows where row.isDecidable && row.decision == .pending && copy.decision(of: row.id) == .accepted {
            if let i = counts.firstIndex(where: { $0.0 == row.section }) { counts[i].1 += 1 } else { counts.append((row.section, 1)) }
        }
        let after = copy.readiness(templates: lookup)
        var lines = ["将确认 \(n) 项待确认的值，均按原文所载：", counts.map { "\($0.0) \($0.1)" }.joined(separator: "、")]
        if after.isReady {
            lines.append("确认后即可生成卷宗。")
        } else {
            lines.append("确认后仍须处理 \(after.blockers.count) 项：" + after.blockers.prefix(3).map(\.message).joined(separator: "；"))
        }
        ctx.push(IntakeConfirm(title: "全部确认", lines: lines, action: .acceptAll(draftID: draftID)))
    }

    mutating func convert(_ ctx: inout UpdateContext) {
        guard let draft, let readiness else { return }
        guard readiness.isReady else {
            jumpToNextNeeded(&ctx, from: -1)
            let first = readiness.blockers[0].message
            ctx.fail("还不能生成卷宗：还差 \(readiness.blockers.count) 项。\(first)")
            return
        }
        let scores = draft.indicators.filter { $0.effectiveScore != nil }.count
        let unit = draft.unit.effective ?? ""
        let year = draft.year.effective ?? ""
        let type = draft.evalType.effective.flatMap(IntakeDraft.evalType)?.label ?? ""
        let t = template.map { "\($0.id) \($0.name)" } ?? ""
        ctx.push(IntakeConfirm(title: "生成卷宗", lines: [
            "\(unit) · \(year) 年度 · \(type)", "模板 \(t)；自评得分 \(scores) 项，总分 \(draft.totals.compactMap(\.effective).joined(separator: "、"))",
            "一次导入（记入修改历史），报告原文随卷宗保存；不生成复核分、问题、整改事项或责任人。",
        ], action: .convert(draftID: draftID)))
    }

    /// Moves to the next value that stands in the way of the conversion, else the next pending one.
    mutating func jumpToNextNeeded(_ ctx: inout UpdateContext, from start: Int? = nil) {
        let origin = start ?? position.cursor
        let n = rows.count
        guard n > 0 else { return }
        let order = (1...n).map { (origin + $0 + n) % n }
        if let i = order.first(where: { rows[$0].blocker != nil }) ?? order.first(where: { rows[$0].decision == .pending && rows[$0].hasProposal }) {
            position.set(i, count: n)
            if let blocker = rows[i].blocker { ctx.info(blocker) }
        } else {
            ctx.info("各项均已处理：按 \(ctx.key(.draftConvert)) 生成卷宗")
        }
    }
}
