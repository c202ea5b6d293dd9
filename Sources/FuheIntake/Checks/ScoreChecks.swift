import Foundation
import FuheCore

/// Checks on the scores a report states: a heading's score against the scores listed under it,
/// the stated total against the top-level scores, a score above the weight printed with it, a
/// top grade with a low execution rate, and the grade against the total.
enum ScoreChecks {
    static func checks(_ c: ReportContext, _ r: ScoreReading, execution: (Decimal, String, [SourceSpan])?) -> [DraftCheck] {
        var out: [DraftCheck] = []
        let items = r.items
        var children: [Int: [Int]] = [:]
        for (i, item) in items.enumerated() { if let p = item.parent { children[p, default: []].append(i) } }
        func span(_ t: NumberToken) -> [SourceSpan] { [c.span(t.start, t.unitEnd)] }
        /// The stated value of an item for its parent's sum: its score, else the sum of its children.
        func value(_ i: Int) -> (String, Decimal, [SourceSpan])? {
            if let s = items[i].score { return (s.text, s.value, span(s)) }
            let parts = (children[i] ?? []).compactMap(value)
            guard !parts.isEmpty else { return nil }
            let sum = parts.reduce(Decimal(0)) { $0 + $1.1 }
            return (ExactDecimal.plain(sum), sum, parts.flatMap(\.2))
        }
        for (i, item) in items.enumerated() {
            let kids = (children[i] ?? []).compactMap { k in value(k).map { (items[k].label, $0.0, $0.1, $0.2) } }
            if let score = item.score, !kids.isEmpty {
                out.append(CheckMaker.sum(label: item.label, stated: (score.text, score.value, span(score)), parts: kids, unit: "分", kind: .subtotal))
            }
            if let score = item.score, let weight = item.weight, score.value > weight.value {
                out.append(DraftCheck(id: "", kind: .overWeight, level: .error, label: item.label, stated: score.text, computed: weight.text, unit: "分",
                                      operands: [.init(label: "分值", value: weight.text, spans: span(weight))],
                                      message: "“\(item.label)”自评\(score.text)分，超过其分值\(weight.text)分", spans: span(score) + span(weight)))
            }
            if item.score == nil, let weight = item.weight, !kids.isEmpty {
                let sum = kids.reduce(Decimal(0)) { $0 + $1.2 }
                if sum > weight.value {
                    out.append(DraftCheck(id: "", kind: .overWeight, level: .error, label: item.label, stated: ExactDecimal.plain(sum), computed: weight.text,
                                          unit: "分", operands: kids.map { .init(label: $0.0, value: $0.1, spans: $0.3) },
                                          message: "“\(item.label)”下各项自评合计\(ExactDecimal.plain(sum))分，超过其分值\(weight.text)分", spans: span(weight)))
                }
            }
        }
        if let total = r.totals.last?.0 {
            let roots = items.indices.filter { items[$0].parent == nil }.compactMap { k in value(k).map { (items[k].label, $0.0, $0.1, $0.2) } }
            if roots.count >= 2 {
                out.append(CheckMaker.sum(label: "自评总分", stated: (total.text, total.value, span(total)), parts: roots, unit: "分", kind: .total))
            }
        }
        let scheme = GradeScheme.mof4
        if let g = r.grade.value, let band = scheme.band(named: g) {
            if let total = r.totals.last?.0, let score = Score(total.text), let expected = scheme.grade(for: score), expected.code != band.code {
                out.append(DraftCheck(id: "", kind: .gradeTotal, level: .error, label: "评价等次", stated: g, computed: expected.label, unit: "",
                                      operands: [.init(label: "总分", value: total.text, spans: span(total))],
                                      message: "评价等次写为“\(g)”，但总分\(total.text)分按\(scheme.name)应为“\(expected.label)”",
                                      spans: r.grade.spans + span(total)))
            }
            let threshold = DeviationThresholds.default.executionRateWarning
            if let (rate, text, spans) = execution, band.code == scheme.bands.first?.code, rate < threshold {
                let shown = ExactDecimal.format(rate, places: 2)
                out.append(DraftCheck(id: "", kind: .gradeExecution, level: .error, label: "预算执行率与评价等次", stated: g, computed: shown,
                                      unit: "%", operands: [.init(label: "预算执行率", value: shown, spans: spans)],
                                      message: "预算执行率\(shown)%（\(text)），低于\(ExactDecimal.plain(threshold))%，但评价为“\(g)”",
                                      spans: r.grade.spans + spans))
            }
        }
        return out
    }
}
