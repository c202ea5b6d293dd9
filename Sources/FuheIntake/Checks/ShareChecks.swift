import Foundation
import FuheCore

/// Shares printed with their amounts: "A万元(占B的P%)", "预算T万元，已使用P%，即A万元", and inline
/// formulas "在职4人/编制10人…=40%". Also gives the budget execution rate when the text states
/// one this way (for the grade check).
enum ShareChecks {
    struct Reading {
        var checks: [DraftCheck] = []
        /// (rate, spans) of a stated execution ("已使用64%，即1279.56万元").
        var execution: (Decimal, String, [SourceSpan])?
    }

    static func checks(_ c: ReportContext) -> Reading {
        var r = Reading()
        let s = c.w.scalars
        // (a) 占…的P%
        for at in c.occurrences(of: "占") {
            let (sa, sb) = c.sentence(at: at)
            guard let percent = c.numbers(in: at, min(sb, at + 24)).first(where: { $0.unit == "%" }),
                  let numerator = c.numbers(in: sa, at).last(where: { $0.isMoney }), at - numerator.unitEnd <= 2 else { continue }
            let between = c.numbers(in: at, percent.start).filter(\.isMoney)
            let baseText = Labels.clean(c.text(at + 1, between.first?.start ?? percent.start).replacingOccurrences(of: "的", with: ""))
            var denominator: (String, String, Decimal, [SourceSpan])?
            if let d = between.first {
                denominator = (baseText, d.text, d.value, [c.span(d.start, d.unitEnd)])
            } else if baseText.count >= 2, let line = c.line(at: at) {
                for n in c.numbers(in: max(line.start, sa, numerator.start - 400), numerator.start).reversed() where n.isMoney && n.unit == numerator.unit {
                    let label = c.text(Labels.labelStart(s, before: n.start, floor: line.start), n.start)
                    if label.contains(baseText) {
                        denominator = (Labels.clean(label), n.text, n.value, [c.span(n.start, n.unitEnd)])
                        break
                    }
                }
            }
            guard let denominator else { continue }
            let nl = Labels.clean(c.text(Labels.labelStart(s, before: numerator.start, floor: sa), numerator.start))
            r.checks.append(CheckMaker.share(label: "\(nl)占\(baseText)的比例", stated: (percent.text, percent.value, [c.span(percent.start, percent.unitEnd)]),
                                             numerator: (nl, numerator.text, numerator.value, [c.span(numerator.start, numerator.unitEnd)]),
                                             denominator: denominator))
        }
        // (b) P%，即A万元 — a share of the amount printed before it.
        for at in c.occurrences(of: "即") {
            let (sa, _) = c.sentence(at: at)
            guard let percent = c.numbers(in: sa, at).last, percent.unit == "%", at - percent.unitEnd <= 1,
                  let amount = c.numbers(in: at, at + 3).first, amount.isMoney,
                  let total = c.numbers(in: sa, percent.start).last(where: { $0.isMoney && $0.unit == amount.unit }) else { continue }
            let verb = Labels.clean(c.text(Labels.labelStart(s, before: percent.start, floor: sa), percent.start))
            let tl = Labels.clean(c.text(Labels.labelStart(s, before: total.start, floor: sa), total.start))
            let check = CheckMaker.share(label: "\(verb)比例", stated: (percent.text, percent.value, [c.span(percent.start, percent.unitEnd)]),
                                         numerator: (verb, amount.text, amount.value, [c.span(amount.start, amount.unitEnd)]),
                                         denominator: (tl, total.text, total.value, [c.span(total.start, total.unitEnd)]))
            r.checks.append(check)
            if ["使用", "支出", "执行", "拨付"].contains(where: { verb.contains($0) }), total.value != 0 {
                r.execution = (amount.value / total.value * 100, "\(amount.text)/\(total.text)\(total.unit)", check.spans)
            }
        }
        // (c) x/y…=P%
        for at in c.occurrences(of: "=") {
            guard let percent = c.numbers(in: at + 1, at + 3).first, percent.unit == "%", let line = c.line(at: at) else { continue }
            let before = c.numbers(in: max(line.start, at - 30), at).filter { $0.unit != "%" }
            guard before.count >= 2 else { continue }
            let x = before[before.count - 2], y = before[before.count - 1]
            guard c.text(x.unitEnd, y.start).contains("/") else { continue }
            let xl = Labels.clean(c.text(Labels.labelStart(s, before: x.start, floor: line.start), x.start))
            let yl = Labels.clean(c.text(Labels.labelStart(s, before: y.start, floor: x.unitEnd), y.start).replacingOccurrences(of: "/", with: ""))
            let head = FigureExtractor.clauseHead(c, before: at, floor: line.start)
            r.checks.append(CheckMaker.share(label: head.isEmpty ? "\(xl)/\(yl)" : head, stated: (percent.text, percent.value, [c.span(percent.start, percent.unitEnd)]),
                                             numerator: (xl, x.text, x.value, [c.span(x.start, x.unitEnd)]),
                                             denominator: (yl, y.text, y.value, [c.span(y.start, y.unitEnd)])))
        }
        return r
    }
}
