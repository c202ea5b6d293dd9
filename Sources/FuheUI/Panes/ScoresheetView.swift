import FuheCore
import TermCore

/// The scoresheet pane: the indicator tree with weight, target, actual, verified actual, self,
/// suggested and review scores, Δ, reason present, evidence count and flags.
enum ScoresheetView {
    /// The rows as last drawn (``KeptRows``): a row drawn again with the same texts is copied.
    static let keptRows = KeptRows()
    /// The rows' texts as last made (``cells(_:dossier:scored:selected:)``), by the row, its
    /// selection and ``AppState/dossierRevision`` — a number given once to every dossier and
    /// scores a state holds, so an edit, a rescoring or another dossier makes every row anew.
    static let texts = KeptTexts<RowTexts>()

    struct RowTexts: Equatable, Sendable {
        var revision: Int
        var row: SheetRow
        var selected: Bool
    }

    /// Columns for a pane `width` cells wide: the indicator name keeps about a third of it.
    static func columns(width: Int) -> [Column] {
        var c = baseColumns
        c[0].minWidth = max(16, min(34, width * 32 / 100))
        return c
    }

    static let baseColumns: [Column] = [
        Column(title: "指标", width: 0, priority: 0, flexible: true, minWidth: 16),
        Column(title: "分值", width: 6, align: .right, priority: 5),
        Column(title: "目标", width: 10, priority: 11),
        Column(title: "实际", width: 10, priority: 10),
        Column(title: "核实", width: 10, priority: 9),
        Column(title: "自评", width: 6, align: .right, priority: 2),
        Column(title: "建议", width: 6, align: .right, priority: 3),
        Column(title: "复核", width: 6, align: .right, priority: 1),
        Column(title: "差异", width: 6, align: .right, priority: 4),
        Column(title: "据", width: 2, priority: 7),
        Column(title: "证", width: 2, align: .right, priority: 8),
        Column(title: "标记", width: 9, priority: 6),
    ]

    static func cells(_ row: SheetRow, dossier d: Dossier, scored: ScoredDossier, selected: Bool = false) -> [String] {
        let node = row.node
        let r = d.result(for: node.id)
        let marker = row.isLeaf ? (selected ? "✓ " : "  ") : (row.isExpanded ? "▾ " : "▸ ")
        let name = String(repeating: " ", count: node.level - 1) + marker + node.code + " " + node.name
        let weight: String = switch node.kind {
        case .base: node.weight.description
        case .adjust: "±" + node.maxScore.description
        case .trial: "试评"
        }
        // Headings show subtotals as every screen does: "~" while some rows are missing (`Rollup.text`).
        let selfScore = row.isLeaf ? r.selfScore?.description ?? "" : blankIfNone(selfText(node, r, scored))
        let suggestion = row.isLeaf ? scored.rows[node.id]?.suggestion?.description ?? "" : blankIfNone(scored.score(node.id, .suggested).text)
        let review: String
        if row.isLeaf && r.status == .queried {
            review = r.reviewScore.map { "?" + $0.description } ?? "待补"
        } else if row.isLeaf {
            review = r.reviewScore?.description ?? (node.kind == .trial ? "" : "·")
        } else {
            review = blankIfNone(scored.score(node.id, .review).text)
        }
        let flags = flagCodes(node.id, scored: scored)
        return [name, weight, r.target?.text ?? "", r.actual?.text ?? "", r.verifiedActual?.text ?? "",
                selfScore, suggestion, review,
                scored.rowDiff(node.id)?.signedDescription ?? "", (r.deductionReason?.isEmpty == false) ? "✓" : "",
                r.evidenceIDs.isEmpty ? "" : "\(r.evidenceIDs.count)", flags]
    }

    /// A heading's self score: the subtotal the report states, else the roll-up of its rows.
    static func selfText(_ node: IndicatorNode, _ r: IndicatorResult, _ scored: ScoredDossier) -> String {
        r.selfScore?.description ?? scored.score(node.id, .selfStated).text
    }

    /// A heading with nothing scored shows an empty cell rather than "—".
    static func blankIfNone(_ text: String) -> String { text == "—" ? "" : text }

    static func flagCodes(_ nodeID: String, scored: ScoredDossier) -> String {
        var codes: [String] = []
        // Both lists in turn, without concatenating them for every row drawn.
        for list in [scored.rows[nodeID]?.flags ?? [], scored.messages] {
            for m in list where m.nodeID == nodeID && !codes.contains(m.code) { codes.append(m.code) }
        }
        return codes.joined(separator: " ")
    }

    static func render(_ state: AppState, pane: ScoresheetPane, focused: Bool, rect: Rect, into buffer: inout ScreenBuffer) {
        guard let d = state.dossier, let scored = state.scored else {
            PaneChrome.title("评分表", rect: rect, focused: focused, into: &buffer)
            PaneChrome.empty("（在单位列表按 \(state.key(.openUnit)) 打开评分表）", rect: rect, into: &buffer)
            return
        }
        // A frame that redraws a few rows (a cursor move) does not make the title.
        if buffer.draws(row: rect.y) {
            let year = d.cycle.yearIsDemo ? "\(d.cycle.fiscalYear)*" : "\(d.cycle.fiscalYear)"
            let total = scored.total(.review)
            let right = "自评 \(d.evaluation.finalStatedTotal?.description ?? "—") 复核 \(total.text)"
            let filter = (pane.filter.map { "［只看\($0.label) \(pane.rows.count)］" } ?? "")
                + (pane.selection.isEmpty ? "" : "［已选 \(pane.selection.count)］") + (pane.sort.map { "［排序 \($0.label)］" } ?? "")
            PaneChrome.title("评分表\(filter) \(d.unit.displayName) · \(year) · \(d.evaluation.evalType.label)", right: right, rect: rect, focused: focused, into: &buffer)
        }
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        PaneTable.draw(columns: ListSort.marked(columns(width: body.width), pane.sort), body: body, count: pane.rows.count, position: pane.position,
                       marker: .of(state, focused: focused), kept: keptRows, into: &buffer) { index in
            let row = pane.rows[index]
            var style = PaneChrome.rowStyle(selected: index == pane.position.cursor, focused: focused)
            if !row.isLeaf { style.bold = true }
            var extra: [Int: Style] = [11: Style(bold: true, foreground: .yellow)]
            if let diff = scored.rowDiff(row.node.id), diff.hundredths != 0 { extra[8] = Style(foreground: diff.hundredths > 0 ? .yellow : .cyan) }
            if row.isLeaf && d.result(for: row.node.id).reviewScore == nil { extra[7] = Style(dim: true) }
            let selected = pane.selection.contains(row.node.id)
            if selected { extra[0] = Style(bold: true, foreground: .cyan) }
            // The texts read only the row, the dossier and its scores (their revision) and the selection.
            let key = RowTexts(revision: state.dossierRevision, row: row, selected: selected)
            return PaneTable.Line(cells: texts.texts(index, key: key) { cells($0.row, dossier: d, scored: scored, selected: $0.selected) },
                                  style: style, cellStyles: extra)
        }
    }
}
