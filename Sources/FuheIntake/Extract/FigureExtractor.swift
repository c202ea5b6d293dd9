import FuheCore

/// Figures printed in the report's sentences and tables: every amount of money with its label,
/// percentages about the budget and its execution, and headcounts (编制, 实有).
enum FigureExtractor {
    static let financeWords = ["预算", "执行", "到位", "结余", "结转", "节约", "超支", "经费", "资金", "支出", "拨款", "采购", "控制率",
                               "变动率", "三公", "收入", "决算", "使用"]
    static let notFinance = ["满意", "办结", "回复", "知晓", "参保", "成活", "失业", "GDP", "能耗", "完成进度"]
    static let staffingWords = ["编制", "实有", "在编", "在职", "在岗"]
    static let notStaffing = ["调出", "进入", "减少", "增加", "退休", "职数", "领导", "主任", "工作人员", "窗口", "党员", "干部"]

    struct Found {
        var figure: DraftFigure
        var token: NumberToken?
        var start: Int
    }

    static func figures(_ c: ReportContext, tables: TableReading) -> [Found] {
        var out: [Found] = []
        for t in c.numbers {
            guard let line = c.line(at: t.start), line.kind == .text, !tables.lines.contains(line.index) else { continue }
            let s = c.w.scalars
            if t.start > 0, s[t.start - 1] == "*" || s[t.start - 1] == "×" { continue }
            let a = Labels.labelStart(s, before: t.start, floor: max(c.start, line.start))
            var label = Labels.clean(c.text(a, t.start))
            let kind: DraftFigure.Kind
            if t.isMoney {
                kind = .money
            } else if t.unit == "%" {
                if label.isEmpty, t.start > 0, s[t.start - 1] == "=" { label = clauseHead(c, before: t.start, floor: line.start) }
                let (x, y) = c.sentence(at: t.start)
                let moneyNearby = c.numbers(in: max(x, t.start - 120), min(y, t.unitEnd + 120)).contains { $0.isMoney }
                let finance = financeWords.contains { label.contains($0) }
                guard finance || moneyNearby, !notFinance.contains(where: { label.contains($0) }), !label.isEmpty else { continue }
                kind = .percent
            } else if t.unit == "人" || t.unit == "名" {
                guard staffingWords.contains(where: { label.contains($0) }), !notStaffing.contains(where: { label.contains($0) }),
                      !t.text.contains(".") else { continue }
                kind = .staffing
            } else {
                continue
            }
            let figure = DraftFigure(id: "", kind: kind, label: label, value: t.text, unit: t.unit,
                                     section: c.heading(before: t.start)?.title, spans: [c.span(t.start, t.unitEnd)])
            out.append(Found(figure: figure, token: t, start: t.start))
        }
        for cell in tables.cells {
            guard cell.number != nil else { continue }
            let kind: DraftFigure.Kind
            if cell.unit == "%" { kind = .percent } else if cell.unit == "万元" || cell.unit == "元" { kind = .money } else { continue }
            let label = cell.row.contains("汇总") ? cell.column : "\(cell.row)·\(cell.column)"
            let figure = DraftFigure(id: "", kind: kind, label: label, value: cell.text, unit: cell.unit,
                                     section: c.heading(before: cell.start)?.title, spans: [c.span(cell.start, cell.end)])
            out.append(Found(figure: figure, token: nil, start: cell.start))
        }
        for pair in tables.pairs where staffingWords.contains(where: { pair.label.contains($0) }) {
            guard let v = Int(pair.value), v >= 0 else { continue }
            let figure = DraftFigure(id: "", kind: .staffing, label: pair.label.replacingOccurrences(of: " ", with: ""), value: String(v),
                                     unit: "人", section: c.heading(before: pair.start)?.title, spans: [c.span(pair.start, pair.end)])
            out.append(Found(figure: figure, token: nil, start: pair.start))
        }
        return out.sorted { $0.start < $1.start }
    }

    /// The first part of the clause holding `i` ("在职人员控制率" of "在职人员控制率:在职4人/编制10人*1%=40%").
    static func clauseHead(_ c: ReportContext, before i: Int, floor: Int) -> String {
        let s = c.w.scalars
        var a = i
        while a > floor, s[a - 1] != ";", s[a - 1] != "。", !(a >= floor + 3 && c.text(a - 3, a) == "其中:") { a -= 1 }
        var b = a
        while b < i, s[b] != ":", s[b] != "," { b += 1 }
        return Labels.clean(c.text(a, b))
    }
}
