import Foundation
import FuheCore

/// The 三公经费 narrative every department report carries: the total and its categories (因公出国(境)费,
/// 公务用车购置及运行维护费, 公务接待费), each with its amount, budget, difference from the budget and
/// change from last year, read clause by clause; then the total against its categories, each
/// difference against budget − amount, and each printed rate against its amounts.
enum ThreePublicChecks {
    enum Category: String, CaseIterable {
        case total = "“三公”经费", overseas = "因公出国(境)费", vehicle = "公务用车购置及运行维护费", vehicleOps = "公务用车运行维护费",
             vehiclePurchase = "公务用车购置费", reception = "公务接待费"
    }

    /// Names as printed, longest first within each category.
    static let names: [(String, Category)] = [
        ("公务用车购置及运行维护费", .vehicle), ("公务用车购置及运维费", .vehicle), ("公务用车运行维护费", .vehicleOps),
        ("公务车运行维护费", .vehicleOps), ("公务用车运行维护", .vehicleOps), ("公务用车运维费", .vehicleOps), ("公务用车购置费", .vehiclePurchase),
        ("公务车购置", .vehiclePurchase), ("因公出国(境)费", .overseas), ("因公出国费", .overseas), ("公务接待费", .reception),
        ("三公”经费", .total), ("三公经费", .total), ("三公\"经费", .total),
    ]

    struct Value {
        var text: String
        var value: Decimal
        var spans: [SourceSpan]
    }

    /// What one line states about each category.
    struct Facts {
        var actual: [Category: Value] = [:]
        var budget: [Category: Value] = [:]
        var budgetDiff: [Category: Value] = [:]
        var priorChange: [Category: Value] = [:]
    }

    static let nameScalars = names.map { (Array($0.0.unicodeScalars), $0.1) }

    /// The category first mentioned in s[a..<b].
    static func category(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Category? {
        var best: (Int, Category)?
        for (w, cat) in nameScalars {
            if let at = Words.find(w, in: s, a, b), best == nil || at < best!.0 { best = (at, cat) }
        }
        return best?.1
    }

    /// The category last mentioned in s[a..<b].
    static func lastCategory(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Category? {
        var p = b
        while p > a {
            for (w, cat) in nameScalars where p - w.count >= a {
                var k = 0
                while k < w.count, s[p - w.count + k] == w[k] { k += 1 }
                if k == w.count { return cat }
            }
            p -= 1
        }
        return nil
    }

    static func category(in text: String) -> (Category, String.Index)? {
        var best: (Category, String.Index)?
        for (name, cat) in names {
            if let r = text.range(of: name), best == nil || r.lowerBound < best!.1 { best = (cat, r.lowerBound) }
        }
        return best
    }

    static func checks(_ c: ReportContext, tables: TableReading) -> [DraftCheck] {
        var out: [DraftCheck] = []
        // Budgets known anywhere in the report (tables first), for rates stated without their base.
        var knownBudget: [Category: Value] = [:]
        var knownActual: [Category: Value] = [:]
        for cell in tables.cells {
            guard let n = cell.number, let (cat, _) = category(in: cell.row) ?? (cell.row == "合计" ? (.total, cell.row.startIndex) : nil) else { continue }
            let v = Value(text: cell.text, value: n, spans: [c.span(cell.start, cell.end)])
            if cell.column.contains("预算") { knownBudget[cat] = knownBudget[cat] ?? v }
            if cell.column.contains("决算") || cell.column.contains("实际") { knownActual[cat] = knownActual[cat] ?? v }
        }
        let s = c.w.scalars
        let mentions = Words(names.map(\.0) + ["三公"])
        for line in c.textLines where mentions.any(in: c.w.scalars, line.start, line.end) {
            guard !tables.lines.contains(line.index) else { continue }
            var facts = Facts()
            var subject: Category? = line.marker != nil ? category(c.w.scalars, line.start, line.end) : nil
            if let h = c.heading(before: line.start), let cat = category(in: h.title)?.0, h.line.index != line.index { subject = subject ?? cat }
            var clauseStart = line.start
            for i in line.start...line.end where i == line.end || s[i] == ";" || s[i] == "。" {
                if let cat = category(c.w.scalars, clauseStart, i) { subject = cat }
                if let subject {
                    read(c, clauseStart, i, subject: subject, into: &facts, out: &out,
                         knownBudget: knownBudget.merging(facts.budget) { b, _ in b }, knownActual: knownActual)
                }
                clauseStart = i + 1
            }
            for (cat, v) in facts.budget { knownBudget[cat] = knownBudget[cat] ?? v }
            for (cat, v) in facts.actual { knownActual[cat] = knownActual[cat] ?? v }
            out += composition(facts)
            for (cat, diff) in facts.budgetDiff {
                guard let b = facts.budget[cat] ?? knownBudget[cat], let a = facts.actual[cat] ?? knownActual[cat] else { continue }
                let computed = b.value - a.value
                let level = ArithmeticRule.compare(stated: diff.value, computed: computed, statedPlaces: ArithmeticRule.places(of: diff.text), kind: .amount)
                out.append(DraftCheck(id: "", kind: .sum, level: level, label: "\(cat.rawValue)与年初预算的差额", stated: diff.text,
                                      computed: ExactDecimal.plain(computed), unit: "万元",
                                      operands: [.init(label: "年初预算数", value: b.text, spans: b.spans), .init(label: "决算数", value: a.text, spans: a.spans)],
                                      message: level == .ok ? "\(cat.rawValue)与年初预算相差\(diff.text)万元=\(b.text)−\(a.text)，一致"
                                          : "\(cat.rawValue)写明较年初预算减少\(diff.text)万元，但\(b.text)−\(a.text)=\(ExactDecimal.plain(computed))万元",
                                      spans: diff.spans + b.spans + a.spans))
            }
        }
        return out
    }

    /// Numbers of one clause whose first category is `subject` (a later category mention changes
    /// the subject of the numbers after it). In a clause listing parts after 其中 only the total
    /// before 其中 is read (the parts are a sum check).
    static func read(_ c: ReportContext, _ a: Int, _ b: Int, subject clauseSubject: Category, into f: inout Facts, out: inout [DraftCheck],
                     knownBudget: [Category: Value], knownActual: [Category: Value]) {
        let s = c.w.scalars
        var lastChange: (kind: String, subject: Category, value: Value)?
        let clause = c.text(a, min(b, a + 400))
        // A list of parts after "N万元，其中" is a sum check: only the total before it is read here.
        var stop = b
        for at in c.occurrences(of: "其中", in: a, b) {
            if let before = c.numbers(in: max(a, at - 40), at).last, before.isMoney, at - before.unitEnd <= 3,
               c.text(before.unitEnd, at).allSatisfy({ ",: ".contains($0) }) { stop = at; break }
        }
        if clause.contains("均无变化") {
            let zero = Value(text: "0", value: 0, spans: [c.span(a, b)])
            f.budgetDiff[clauseSubject] = f.budgetDiff[clauseSubject] ?? zero
            f.priorChange[clauseSubject] = f.priorChange[clauseSubject] ?? zero
            if clause.contains("年初预算") { f.budget[clauseSubject] = f.budget[clauseSubject] ?? zero }
        }
        for n in c.numbers(in: a, stop) {
            let upTo = c.text(max(a, n.start - 120), n.start)
            let subject = lastCategory(s, max(a, n.start - 120), n.start) ?? clauseSubject
            let la = Labels.labelStart(s, before: n.start, floor: a)
            let label = c.text(la, n.start)
            let v = Value(text: n.text, value: n.value, spans: [c.span(n.start, n.unitEnd)])
            if n.isMoney {
                guard n.unit != "元" || n.value == 0 else { continue }
                let decrease = ["减少", "节约", "相差", "下降"].contains { label.contains($0) }
                let increase = ["增加", "上升", "增长", "超支"].contains { label.contains($0) }
                if decrease || increase {
                    if lastReference(upTo) == "预算" {
                        let signed = Value(text: increase ? "-" + n.text : n.text, value: increase ? -n.value : n.value, spans: v.spans)
                        f.budgetDiff[subject] = f.budgetDiff[subject] ?? signed
                        lastChange = ("budget", subject, signed)
                    } else {
                        let signed = Value(text: decrease ? "-" + n.text : n.text, value: decrease ? -n.value : n.value, spans: v.spans)
                        f.priorChange[subject] = f.priorChange[subject] ?? signed
                        lastChange = ("prior", subject, signed)
                    }
                } else if label.contains("预算") {
                    f.budget[subject] = f.budget[subject] ?? v
                } else if f.actual[subject] == nil, !label.contains("上年") {
                    f.actual[subject] = v
                }
            } else if n.unit == "%" {
                guard !label.contains("*") else { continue }
                let budget = f.budget[subject] ?? knownBudget[subject]
                let actual = f.actual[subject] ?? knownActual[subject]
                if label.contains("完成年初预算"), let actual, let budget {
                    out.append(CheckMaker.share(label: "\(subject.rawValue)完成年初预算的比例", stated: (n.text, n.value, v.spans),
                                                numerator: ("决算数", actual.text, actual.value, actual.spans),
                                                denominator: ("年初预算数", budget.text, budget.value, budget.spans)))
                } else if let change = lastChange, change.kind == "budget", let base = f.budget[change.subject] ?? knownBudget[change.subject] {
                    out.append(CheckMaker.share(label: "\(change.subject.rawValue)节约比", stated: (n.text, n.value, v.spans),
                                                numerator: ("较年初预算减少", change.value.text, change.value.value, change.value.spans),
                                                denominator: ("年初预算数", base.text, base.value, base.spans)))
                } else if let change = lastChange, change.kind == "prior", let now = f.actual[change.subject] ?? knownActual[change.subject] {
                    let delta = abs(change.value.value)
                    let before = now.value - change.value.value
                    out.append(CheckMaker.share(kind: .change, label: "\(change.subject.rawValue)较上年变动率", stated: (n.text, abs(n.value), v.spans),
                                                numerator: ("较上年变动", ExactDecimal.plain(delta), delta, change.value.spans),
                                                denominator: ("上年数", ExactDecimal.plain(before), before, now.spans),
                                                expressionNote: "\(ExactDecimal.plain(delta))/(\(now.text)−(\(change.value.text)))"))
                }
            }
        }
    }

    static func lastCategory(in text: String) -> Category? {
        var best: (Category, String.Index)?
        for (name, cat) in names {
            if let r = text.range(of: name, options: .backwards), best == nil || r.lowerBound > best!.1 { best = (cat, r.lowerBound) }
        }
        return best?.0
    }

    /// "预算" or "上年" — what a change is measured against, from the last mention before it.
    static func lastReference(_ text: String) -> String {
        let budget = text.range(of: "预算", options: .backwards)?.lowerBound
        let prior = ["上年", "年决算", "去年", "同期"].compactMap { text.range(of: $0, options: .backwards)?.lowerBound }.max()
        switch (budget, prior) {
        case let (b?, p?): return b > p ? "预算" : "上年"
        case (.some, nil): return "预算"
        default: return "上年"
        }
    }

    /// The total against its categories, for each attribute the line states for the total and
    /// at least two categories.
    static func composition(_ f: Facts) -> [DraftCheck] {
        var out: [DraftCheck] = []
        let attributes: [(String, [Category: Value], String)] = [("本年决算数", f.actual, "合计"), ("年初预算数", f.budget, "合计"),
                                                                 ("与年初预算的差额", f.budgetDiff, "合计"), ("较上年决算数的变动", f.priorChange, "合计")]
        for (name, values, _) in attributes {
            guard let total = values[.total] else { continue }
            var parts: [(String, String, Decimal, [SourceSpan])] = []
            for cat in [Category.overseas, .reception] { if let v = values[cat] { parts.append((cat.rawValue, v.text, v.value, v.spans)) } }
            if let v = values[.vehicle] {
                parts.append((Category.vehicle.rawValue, v.text, v.value, v.spans))
            } else {
                for cat in [Category.vehicleOps, .vehiclePurchase] { if let v = values[cat] { parts.append((cat.rawValue, v.text, v.value, v.spans)) } }
            }
            guard parts.count >= 2 else { continue }
            out.append(CheckMaker.sum(label: "“三公”经费\(name)", stated: (total.text, total.value, total.spans), parts: parts,
                                      unit: "万元", kind: .composition))
        }
        return out
    }
}
