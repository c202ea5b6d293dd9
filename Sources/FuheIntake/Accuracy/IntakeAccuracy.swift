import Foundation
import FuheCore

/// Compares drafts with hand-made expected facts, kind by kind (recall and precision), and audits
/// every value of every draft for invention: the text at its place must print it.
public struct IntakeAccuracy: Sendable {
    /// One kind of fact: how many the reports state, how many the drafts propose, how many agree.
    public struct Row: Sendable {
        public var kind: String
        public var expected = 0
        public var proposed = 0
        public var correct = 0
        /// What went wrong, for the report's reader ("001 第91行 …").
        public var misses: [String] = []

        public var recall: Double { expected == 0 ? 1 : Double(correct) / Double(expected) }
        public var precision: Double { proposed == 0 ? 1 : Double(min(correct, proposed)) / Double(proposed) }
    }

    public var rows: [String: Row] = [:]
    public var order: [String] = []
    /// Reports whose problems and measures were split right, of how many.
    public var listsRight = 0
    public var reports = 0
    /// Values whose place does not print them.
    public var invented: [String] = []
    /// Checks flagged as errors beyond the known ones (real differences the fixture does not list).
    public var otherErrors = 0

    /// Whether figures and errors must be found on the expected line (false for variants whose
    /// lines differ: HTML, PDF).
    public var matchLines: Bool

    public init(matchLines: Bool = true) { self.matchLines = matchLines }

    mutating func add(_ kind: String, expected: Int, proposed: Int, correct: Int, miss: [String] = []) {
        if rows[kind] == nil { order.append(kind); rows[kind] = Row(kind: kind) }
        rows[kind]!.expected += expected
        rows[kind]!.proposed += proposed
        rows[kind]!.correct += correct
        rows[kind]!.misses += miss
    }

    /// Measures drafts (all reports of all files) against the facts.
    public mutating func measure(_ facts: ExpectedFacts, drafts: [IntakeDraft], fileName: (String) -> String = { $0 }) {
        for report in facts.reports {
            reports += 1
            let tag = "\(report.file.prefix(3))#\(report.index)"
            guard let d = drafts.first(where: { fileName($0.source.file) == report.file && $0.source.reportIndex == report.index }) else {
                add("报告", expected: 1, proposed: 0, correct: 0, miss: ["\(tag) 未找到"])
                continue
            }
            add("报告", expected: 1, proposed: 1, correct: 1)
            header(report, d, tag)
            scores(report, d, tag)
            figures(report, d, tag)
            lists(report, d, tag)
            errors(report, d, tag)
            invented += InventionAudit.audit(d).map { "\(tag) \($0)" }
        }
    }

    mutating func single(_ kind: String, _ expected: String?, _ proposed: String?, _ tag: String) {
        let ok = expected == proposed
        add(kind, expected: expected == nil ? 0 : 1, proposed: proposed == nil ? 0 : 1, correct: ok && expected != nil ? 1 : 0,
            miss: ok ? [] : ["\(tag) 应为 \(expected ?? "（未载）")，得到 \(proposed ?? "（无）")"])
    }

    mutating func header(_ r: ExpectedFacts.Report, _ d: IntakeDraft, _ tag: String) {
        let unit = d.unit.value
        let unitOK = r.unit.isEmpty ? unit == nil : unit.map { r.unit.contains($0) } ?? false
        add("单位", expected: r.unit.isEmpty ? 0 : 1, proposed: unit == nil ? 0 : 1, correct: unitOK && unit != nil ? 1 : 0,
            miss: unitOK ? [] : ["\(tag) 应为 \(r.unit.first ?? "（未载）")，得到 \(unit ?? "（无）")"])
        let hidden = d.year.value == nil && (d.year.printed ?? "").lowercased().contains("xx")
        let year = r.yearHidden ? (hidden ? "20xx（未知）" : d.year.value) : d.year.value
        single("年度", r.yearHidden ? "20xx（未知）" : r.year, year ?? (hidden ? "20xx（未知）" : nil), tag)
        single("评价类型", r.evalType, d.evalType.value, tag)
        single("报告日期", r.reportDate, d.reportDate.value, tag)
        single("评价等次", r.grade, d.grade.value, tag)
        if let t = r.template { single("模板", t, d.template.value, tag) }
        let found = d.basisDocs.map(\.text)
        let hits = r.basisDocs.filter { n in found.contains { $0.contains(n) } }
        let extra = found.filter { f in !r.basisDocs.contains { f.contains($0) } }
        add("依据文件", expected: r.basisDocs.count, proposed: found.count, correct: hits.count,
            miss: r.basisDocs.filter { !hits.contains($0) }.map { "\(tag) 缺 \($0)" } + extra.map { "\(tag) 多 \($0)" })
        var totals = d.totals.map(\.value)
        var ok = 0
        var miss: [String] = []
        for t in r.totals {
            if let i = totals.firstIndex(of: t) { totals.remove(at: i); ok += 1 } else { miss.append("\(tag) 缺总分 \(t)") }
        }
        add("总分", expected: r.totals.count, proposed: d.totals.count, correct: ok, miss: miss + totals.map { "\(tag) 多总分 \($0)" })
    }

    mutating func scores(_ r: ExpectedFacts.Report, _ d: IntakeDraft, _ tag: String) {
        for (kind, expected, value) in [("自评得分", r.scores, { (i: DraftIndicator) in i.score }), ("印出的分值", r.weights, { (i: DraftIndicator) in i.weight })] {
            let found = d.indicators.compactMap { i in value(i).map { (i.node, $0, i.label) } }
            var ok = 0
            var miss: [String] = []
            for e in expected {
                if found.contains(where: { $0.0 == e[0] && $0.1 == e[1] }) { ok += 1 } else { miss.append("\(tag) 缺 \(e[0])=\(e[1])") }
            }
            let wrong = found.filter { f in !expected.contains { $0[0] == f.0 && $0[1] == f.1 } }
            add(kind, expected: expected.count, proposed: found.count, correct: ok,
                miss: miss + wrong.map { "\(tag) 多/错 “\($0.2)”→\($0.0 ?? "无")=\($0.1)" })
        }
    }

    mutating func figures(_ r: ExpectedFacts.Report, _ d: IntakeDraft, _ tag: String) {
        var pool = d.figures
        var ok = 0
        var miss: [String] = []
        for e in r.figures {
            let key = InventionAudit.normalize(e.label)
            if let i = pool.firstIndex(where: { f in
                f.value == e.value && f.unit == e.unit && (!matchLines || f.spans.first?.line == e.line)
                    && InventionAudit.normalize(f.label).contains(key)
            }) {
                pool.remove(at: i)
                ok += 1
            } else {
                miss.append("\(tag) 第\(e.line)行 \(e.label) \(e.value)\(e.unit)")
            }
        }
        add("数字（含正确标签）", expected: r.figures.count, proposed: d.figures.count, correct: ok,
            miss: miss + pool.map { "\(tag) 多 第\($0.spans.first?.line ?? 0)行 “\($0.label)” \($0.value)\($0.unit)" })
    }

    mutating func lists(_ r: ExpectedFacts.Report, _ d: IntakeDraft, _ tag: String) {
        func match(_ keys: [String], _ items: [DraftText], _ kind: String) -> Bool {
            var pool = items.map { InventionAudit.normalize($0.text) }
            var ok = 0
            var miss: [String] = []
            for k in keys {
                let key = InventionAudit.normalize(k)
                if let i = pool.firstIndex(where: { $0.contains(key) }) { pool.remove(at: i); ok += 1 } else { miss.append("\(tag) 缺“\(k)”") }
            }
            add(kind, expected: keys.count, proposed: items.count, correct: ok, miss: miss + pool.map { "\(tag) 多“\($0.prefix(16))”" })
            return ok == keys.count && pool.isEmpty
        }
        let p = match(r.problems, d.problems, "存在问题")
        let m = match(r.measures, d.measures, "整改措施/建议")
        if p && m { listsRight += 1 }
    }

    mutating func errors(_ r: ExpectedFacts.Report, _ d: IntakeDraft, _ tag: String) {
        let flagged = d.checks.filter { $0.level == .error }
        var ok = 0
        var miss: [String] = []
        var used = Set<String>()
        for e in r.errors {
            if let c = flagged.first(where: { c in
                c.kind.rawValue == e.kind && c.stated == e.stated && c.computed == e.computed && !used.contains(c.id)
                    && (!matchLines || c.spans.contains { $0.covers(line: e.line) })
            }) {
                used.insert(c.id)
                ok += 1
            } else {
                miss.append("\(tag) 未发现 第\(e.line)行 \(e.stated) 与 \(e.computed)")
            }
        }
        otherErrors += flagged.count - used.count
        add("已知错误", expected: r.errors.count, proposed: 0, correct: ok, miss: miss)
    }

    /// The table printed by the test and by `fuhe-bench --intake`.
    public func table(title: String) -> String {
        func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
        var lines = ["\(title)", "| 类别 | 应有 | 提出 | 正确 | 召回率 | 精确率 |", "|---|---:|---:|---:|---:|---:|"]
        for k in order {
            guard let r = rows[k] else { continue }
            let precision = k == "已知错误" ? "—" : pct(r.precision)
            lines.append("| \(k) | \(r.expected) | \(k == "已知错误" ? "—" : String(r.proposed)) | \(r.correct) | \(pct(r.recall)) | \(precision) |")
        }
        lines.append("")
        lines.append("问题与措施分得对的报告：\(listsRight)/\(reports)；已知错误全部标出：\(rows["已知错误"].map { $0.correct == $0.expected ? "是" : "否" } ?? "—")；"
            + "另标出的算术错误（报告中确有、未列入样本）：\(otherErrors)；编造的值：\(invented.count)")
        return lines.joined(separator: "\n")
    }

    /// Every miss, for finding out why a figure is below its floor.
    public var misses: [String] { order.flatMap { rows[$0]?.misses ?? [] } + invented.map { "编造：\($0)" } }
}
