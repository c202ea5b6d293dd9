import Foundation
import FuheCore
import TermCore

/// What `fuhe intake` prints: per report, the values found and the checks that do not add up.
enum IntakeSummary {
    static func text(_ drafts: [IntakeDraft]) -> String {
        var out: [String] = []
        for d in drafts {
            let where_ = d.source.reportCount > 1 ? "\(d.source.file) 第\(d.source.reportIndex)/\(d.source.reportCount)篇" : d.source.file
            out.append("【\(where_)】\(TerminalText.escaped(d.source.title))（第\(d.source.firstLine)–\(d.source.lastLine)行，\(d.source.kind)，\(d.source.encoding)）")
            out.append("  单位：\(show(d.unit))　年度：\(show(d.year))　类型：\(d.evalType.value.flatMap(EvalType.init)?.label ?? show(d.evalType))")
            let template = d.template.value.map { "\($0)（吻合度 \(d.templateFit ?? "")）" } ?? (d.template.note ?? "无")
            out.append("  模板：\(template)　总分：\(d.totals.isEmpty ? "未写明" : d.totals.map(\.value).joined(separator: "、"))　等次：\(show(d.grade))")
            let scored = d.indicators.filter { $0.score != nil }
            out.append("  指标得分 \(scored.count) 项（对应到模板 \(scored.filter { $0.node != nil }.count) 项）　数字 \(d.figures.count) 个　问题 \(d.problems.count) 条　措施/建议 \(d.measures.count) 条")
            let bad = d.checks.filter { $0.level != .ok }
            out.append("  核算 \(d.checks.count) 项：一致 \(d.checks.count - bad.count)，提示 \(bad.filter { $0.level == .hint }.count)，错误 \(bad.filter { $0.level == .error }.count)")
            for c in bad {
                out.append("    [\(c.level.label)] 第\(c.spans.first?.line ?? 0)行：\(TerminalText.escaped(c.message))")
            }
            for n in d.notes { out.append("  注意：\(TerminalText.escaped(n.message))") }
        }
        return out.joined(separator: "\n")
    }

    static func show(_ v: DraftValue) -> String {
        TerminalText.escaped(v.value ?? v.printed.map { "未知（原文“\($0)”）" } ?? v.note.map { "未找到（\($0)）" } ?? "未找到")
    }
}
