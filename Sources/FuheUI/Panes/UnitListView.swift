import FuheCore
import TermCore

/// The unit list pane: unit (sample dossiers marked [示例]), year, type, self and review totals
/// (a partial review total as "~88.00", `Rollup.text`), Δ, grade with whose it is ("良（复核）",
/// `UnitSummary.gradeText`), open/overdue items.
enum UnitListView {
    /// The rows as last drawn (``KeptRows``): a row drawn again with the same texts is copied.
    static let keptRows = KeptRows()
    /// The rows' texts as last made, by what they are made from (``cells(_:leased:marked:)``'s
    /// arguments): a unit shown again unchanged is not formatted again.
    static let texts = KeptTexts<RowTexts>()

    struct RowTexts: Equatable, Sendable {
        var unit: UnitSummary
        var leased: Bool
        var marked: Bool
    }

    static let columns: [Column] = [
        Column(title: "单位", width: 0, priority: 0, flexible: true, minWidth: 10),
        Column(title: "年度", width: 5, priority: 6),
        Column(title: "类型", width: 4, priority: 7),
        Column(title: "自评", width: 6, align: .right, priority: 1),
        Column(title: "复核", width: 7, align: .right, priority: 2),
        Column(title: "差异", width: 6, align: .right, priority: 5),
        Column(title: "等次", width: 10, priority: 3),
        Column(title: "整改", width: 5, align: .right, priority: 4),
        Column(title: "进度", width: 5, align: .right, priority: 8),
    ]

    /// Whether rows carry the sample marker: when the list mixes samples and real units (a list of
    /// samples only says so once, in the title, and keeps the names readable).
    static func marksRows(_ pane: UnitsPane) -> Bool {
        pane.samples > 0 && pane.samples < pane.total
    }

    static func cells(_ u: UnitSummary, leased: Bool = false, marked: Bool = true) -> [String] {
        let review = Rollup.text(value: u.reviewTotal, complete: u.reviewComplete)
        let type: String = switch u.evalType {
        case .project: "项目"
        case .deptOverall: "整体"
        case .specialFund: "专项"
        }
        let items = u.overdueItems > 0 ? "\(u.openItems)!\(u.overdueItems)" : (u.openItems > 0 ? "\(u.openItems)" : "")
        return [(leased ? "外 " : "") + (marked ? u.listedName : u.unitName), u.yearIsDemo ? "\(u.fiscalYear)*" : "\(u.fiscalYear)", type, u.selfTotal?.description ?? "—", review,
                u.delta?.signedDescription ?? "", u.gradeText, items, "\(u.reviewedRows)/\(u.scorableRows)"]
    }

    static func render(_ state: AppState, pane: UnitsPane, focused: Bool, rect: Rect, into buffer: inout ScreenBuffer) {
        let filterText = FilterText.describe(pane.filter)
        let marked = marksRows(pane)
        // A frame that redraws a few rows (a cursor move) does not make the title. The filter in
        // force is part of it (and of the status line), never left out; the sort is on the right.
        if buffer.draws(row: rect.y) {
            let sortText = pane.sort.map { "排序:" + $0.label } ?? ""
            var samples = pane.total > 0 && pane.samples == pane.total ? " 均为\(UnitSummary.sampleMarker)" : ""
            let base = "单位 (\(pane.total))" + (filterText.isEmpty ? "" : " " + filterText)
            // The filter comes before the note that every unit is a sample when both do not fit.
            if DisplayWidth.of(base + samples + sortText) + 4 > rect.width { samples = "" }
            PaneChrome.title(base + samples, right: sortText, rect: rect, focused: focused, into: &buffer)
        }
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        guard body.height > 0 else { return }
        if pane.total == 0 {
            PaneChrome.empty(filterText.isEmpty ? "（库中没有单位：fuhe import 导入）" : "（没有符合筛选的单位，\(state.key(.filterClear)) 清除）", rect: rect, into: &buffer)
            return
        }
        PaneTable.draw(columns: ListSort.marked(columns, pane.sort), body: body, count: pane.total, position: pane.position, marker: .of(state, focused: focused),
                       kept: keptRows, into: &buffer) { index in
            var style = PaneChrome.rowStyle(selected: index == pane.position.cursor, focused: focused)
            // A row outside the window is being read (from a server): blank until it is in.
            guard let u = pane.row(index) else { return PaneTable.Line(cells: columns.map { _ in "" }, style: style) }
            if state.dossier?.id == u.dossierID { style.bold = true }
            var extra: [Int: Style] = [:]
            // Red, not bold: the count says it too ("9!9"), and colour alone is one escape, not two.
            if u.overdueItems > 0 { extra[7] = Style(foreground: .red) }
            if let d = u.delta, d.hundredths != 0 { extra[5] = Style(foreground: d.hundredths > 0 ? .yellow : .cyan) }
            if pane.leased[u.dossierID] != nil { extra[0] = Style(foreground: .cyan) }
            let key = RowTexts(unit: u, leased: pane.leased[u.dossierID] != nil, marked: marked)
            return PaneTable.Line(cells: texts.texts(index, key: key) { cells($0.unit, leased: $0.leased, marked: $0.marked) },
                                  style: style, cellStyles: extra)
        }
    }
}

/// Describes the active unit filters ("类型:项目 · 逾期").
enum FilterText {
    static func describe(_ f: UnitFilter) -> String {
        var parts: [String] = []
        if let t = f.evalType { parts.append(t.label) }
        if let stage = f.reviewStage { parts.append(stage.label) }
        if f.flaggedOnly { parts.append("有提示") }
        if f.overdueOnly { parts.append("有逾期") }
        return parts.isEmpty ? "" : "筛选:" + parts.joined(separator: "·")
    }
}
