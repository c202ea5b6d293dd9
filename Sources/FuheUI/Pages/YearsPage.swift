import FuheCore
import TermCore

extension CommandID {
    public static let years = CommandID("years.open")
    public static let yearsClose = CommandID("years.close")
    public static let yearsOpenYear = CommandID("years.open-year")
    public static let yearsNext = CommandID("years.next")
    public static let yearsPrevious = CommandID("years.previous")
}

extension CommandScope {
    public static let years = CommandScope("years", title: "年度对比 Year over year", rank: 66)
}

/// What the open unit's earlier years bring (loaded when a unit opens): their open items (shown
/// in this year's items pane, marked 上年) and their findings (a new finding like one of them is
/// 重复问题).
struct EarlierYearsState: ViewState {
    var value: EarlierYears?

    /// The earlier years of the open dossier (nil while they load, or for another dossier).
    static func of(_ state: AppState) -> EarlierYears? {
        guard let v = state[EarlierYearsState.self].value, v.dossierID == state.dossier?.id else { return nil }
        return v
    }
}

extension UpdateContext {
    /// The earlier year's finding `f` repeats (重复问题), if the unit's earlier years have one like it.
    func repeatOf(_ f: Finding, in d: Dossier) -> FindingDigest? {
        guard let earlier = EarlierYearsState.of(state), !earlier.findings.isEmpty else { return nil }
        let indicator = f.nodeID.flatMap { d.template.node(id: $0) }.map { "\($0.code) \($0.name)" }
        return RepeatFindings.match(category: f.category, indicator: indicator, description: f.description, in: earlier.findings)
    }
}

/// The same unit across years, side by side (`Y`): totals, grades, first-level scores self and
/// review, 三公 figures, findings and open items, 结果应用 — one column per year, the open one
/// marked. `←`/`→` choose a year, `Enter` opens it.
public struct YearsPage: Overlay, CommandProvider {
    var dossierID: String
    var columns: [YearColumn] = []
    var loaded = false
    /// The column the cursor is on.
    var chosen = 0
    public var top = 0

    public static let context = KeyOutcome.Context(rawValue: "years")
    public var keyScopes: [CommandScope] { [.years] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .init(.years, [.character("Y")], .global, "年度对比：本单位各年度的总分、等次、一级指标、三公经费并列", hint: "年度对比",
              when: { $0.dossier == nil ? .notYet("先打开一个单位") : .available }) { ctx in
            guard let d = ctx.state.dossier else { return }
            ctx.push(YearsPage(dossierID: d.id))
            ctx.emit(.loadCycle(.years(dossierID: d.id)))
        },
        .on(YearsPage.self, .yearsNext, [.right, .character("l")], .years, "下一年度") { page, _, _ in page.chosen = min(page.chosen + 1, max(0, page.columns.count - 1)) },
        .on(YearsPage.self, .yearsPrevious, [.left, .character("h")], .years, "上一年度") { page, _, _ in page.chosen = max(page.chosen - 1, 0) },
        .on(YearsPage.self, .yearsOpenYear, [.enter], .years, "打开所选年度的评分表") { page, ctx, _ in
            guard page.columns.indices.contains(page.chosen) else { return }
            let column = page.columns[page.chosen]
            ctx.closeTop()
            if column.dossierID != ctx.state.dossier?.id { ctx.load(column.dossierID, mode: .open) }
            ctx.setFocus(.sheet)
        },
        .on(YearsPage.self, .yearsClose, [.escape, .character("q"), .character("Y")], .years, "关闭年度对比") { _, ctx, _ in ctx.closeTop() },
    ]

    mutating func receive(dossierID: String, _ dossiers: [Dossier], schemes: [String: GradeScheme]) {
        guard dossierID == self.dossierID else { return }
        columns = dossiers.map { YearColumn($0, scored: DossierScorer.score($0, scheme: schemes[$0.template.gradeSchemeID] ?? .mof4)) }
        chosen = columns.firstIndex { $0.dossierID == dossierID }.map { max(0, $0 - 1) } ?? 0
        loaded = true
    }

    public mutating func move(_ move: ListMove, in state: AppState) {
        switch move {
        case .by(let n): top = max(0, top + n)
        case .page(let n): top = max(0, top + 10 * n)
        case .first: top = 0
        case .last: top = 1_000
        }
    }

    /// The table: a label column, then one column per year.
    func lines() -> [(label: String, cells: [String], bold: Bool)] {
        var out: [(String, [String], Bool)] = []
        out.append(("年度", columns.map { $0.yearIsDemo ? "\($0.fiscalYear)*" : "\($0.fiscalYear)" }, true))
        out.append(("复核状态", columns.map { $0.reviewStatus?.label ?? "未开始" }, false))
        out.append(("自评总分", columns.map { $0.selfTotal?.description ?? "—" }, false))
        out.append(("复核总分", columns.map { c in c.reviewTotal.map { c.reviewComplete ? $0.description : "~" + $0.description } ?? "—" }, false))
        out.append(("差异", columns.map { c in c.reviewComplete ? (c.selfTotal.flatMap { s in c.reviewTotal.map { (s - $0).signedDescription } } ?? "—") : "—" }, false))
        out.append(("等次 自评/复核", columns.map { "\($0.selfGrade ?? "—")/\($0.reviewGrade ?? "—")" }, false))
        var names: [String] = []
        for c in columns { for l in c.firstLevel where !names.contains(l.name) { names.append(l.name) } }
        if !names.isEmpty { out.append(("一级指标 自评/复核", columns.map { _ in "" }, true)) }
        for name in names {
            out.append(("  " + name, columns.map { c in
                guard let l = c.firstLevel.first(where: { $0.name == name }) else { return "" }
                return "\(l.selfScore?.description ?? "—")/\(l.reviewScore?.description ?? "—")"
            }, false))
        }
        var categories: [ThreePublicCategory] = []
        for c in columns { for l in c.threePublic where !categories.contains(l.category) { categories.append(l.category) } }
        if !categories.isEmpty { out.append(("三公经费 预算/决算（万元）", columns.map { _ in "" }, true)) }
        for cat in categories {
            out.append(("  " + cat.label, columns.map { c in
                c.threePublic.first { $0.category == cat }.map { "\($0.budget.wanYuanText)/\($0.final.wanYuanText)" } ?? ""
            }, false))
        }
        out.append(("问题 / 未完成整改", columns.map { "\($0.findings) / \($0.openItems)" }, false))
        out.append(("结果应用", columns.map { $0.application?.label ?? "—" }, false))
        return out
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let screen = frame.screen
        buffer.fill(screen)
        let unit = state.dossier?.unit.displayName ?? ""
        let keys = "\(state.keymap.keyLabel(.yearsPrevious))/\(state.keymap.keyLabel(.yearsNext)) 选年度 · \(state.key(.yearsOpenYear)) 打开 · \(state.key(.yearsClose)) 关闭"
        PaneChrome.title("年度对比 · \(unit)（\(columns.count) 个年度）", right: keys, rect: Rect(x: screen.x, y: screen.y, width: screen.width, height: 1),
                         focused: true, into: &buffer)
        let body = Rect(x: screen.x + 1, y: screen.y + 1, width: screen.width - 2, height: screen.height - 1)
        guard loaded else { buffer.put("读取中…", x: body.x, y: body.y, style: .dim, clip: body); return }
        if columns.count < 2 {
            buffer.put("本单位只有这一个年度的复核；导入上年度的自评复核档案（同一单位编号）后可并列对比。", x: body.x, y: body.y, style: .dim,
                       maxWidth: body.width, clip: body)
        }
        let labelWidth = min(26, max(12, body.width / 4))
        let cell = max(10, min(18, (body.width - labelWidth) / max(1, columns.count)))
        let visible = max(1, (body.width - labelWidth) / cell)
        let first = max(0, min(chosen - visible + 1, columns.count - visible))
        let all = lines()
        let start = max(0, min(top, max(0, all.count - (body.height - 1))))
        for (row, line) in all.dropFirst(start).prefix(body.height - 1).enumerated() {
            let y = body.y + 1 + row
            buffer.put(line.label.truncated(toWidth: labelWidth - 1), x: body.x, y: y, style: line.bold ? .bold : .plain, clip: body)
            for (k, i) in (first..<min(columns.count, first + visible)).enumerated() {
                var style: Style = line.bold ? .bold : .plain
                if i == chosen { style.reverse = true }
                if columns[i].dossierID == state.dossier?.id { style.underline = true }
                buffer.put(line.cells[i].truncated(toWidth: cell - 1).padded(toWidth: cell - 1, alignment: .right),
                           x: body.x + labelWidth + k * cell, y: y, style: style, clip: body)
            }
        }
    }
}
