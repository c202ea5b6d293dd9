import Foundation
import FuheCore
import TermCore

/// The dashboard's figures as lines of styled text, shared by the dashboard page and `fuhe stats`
/// (which prints them plain): progress and what is left, averages, the grade distribution self
/// vs review, the heat map of units × first-level indicators by Δ (markers ▲▲ ▲ ＝ ▼ say it
/// without colour), findings by category, rectification, 结果应用.
public enum DashboardLines {
    public struct Segment: Sendable, Equatable {
        public var text: String
        public var style: Style
    }

    public struct Line: Sendable, Equatable {
        public var segments: [Segment]
        public var text: String { segments.map(\.text).joined() }

        init(_ text: String, _ style: Style = .plain) { segments = [Segment(text: text, style: style)] }
        init(segments: [Segment]) { self.segments = segments }
    }

    /// The lines for a screen `width` cells wide (the heat map keeps the columns that fit).
    public static func lines(_ s: CycleStats, width: Int) -> [Line] {
        let page = Page(s, width: width)
        return (0..<page.count).map(page.line)
    }

    /// The dashboard's lines with the heat map's unit lines made only when asked for: a screen
    /// shows forty of the 2,000 units' lines, so drawing it makes forty.
    public struct Page: Sendable {
        let stats: CycleStats
        let head: [Line]
        let tail: [Line]
        let heatColumns: Int
        let heatRows: Int

        public init(_ s: CycleStats, width: Int) {
            stats = s
            var head = DashboardLines.head(s, width: width)
            let heat = DashboardLines.heatHead(s, width: width)
            head += heat.lines
            self.head = head
            heatColumns = heat.columns
            heatRows = heat.columns > 0 ? s.heat.count : 0
            tail = DashboardLines.tail(s, width: width)
        }

        public var count: Int { head.count + heatRows + tail.count }

        public func line(_ i: Int) -> Line {
            if i < head.count { return head[i] }
            if i < head.count + heatRows { return DashboardLines.heatLine(stats.heat[i - head.count], columns: heatColumns) }
            return tail[i - head.count - heatRows]
        }
    }

    static func barWidth(_ width: Int) -> Int { max(4, min(30, (width - 30) / 2)) }

    /// Progress, averages and grades.
    static func head(_ s: CycleStats, width: Int) -> [Line] {
        var out: [Line] = []
        let p = s.progress
        out.append(Line("复核进度", .bold))
        out.append(Line("  单位 \(p.units) · 未开始 \(p.notStarted) · 复核中 \(p.inReview) · 待组长定稿 \(p.awaitingLeader) · 已定稿 \(p.finalized)"
                        + " · 待复核行 \(p.rowsLeft)/\(p.rowsTotal)"))
        out.append(Line("  平均 自评 \(score(s.averageSelf)) · 复核 \(score(s.averageReview)) · 差异 \(signed(s.averageDelta)) · 等次变化 \(s.gradeChanged) 个单位"))
        out.append(Line(""))
        out.append(Line("等次分布（自评 / 复核）", .bold))
        let most = max(1, s.grades.map { max($0.selfCount, $0.reviewCount) }.max() ?? 1)
        let barWidth = barWidth(width)
        for g in s.grades {
            let selfBar = String(repeating: "█", count: (g.selfCount * barWidth + most - 1) / most)
            let reviewBar = String(repeating: "▒", count: (g.reviewCount * barWidth + most - 1) / most)
            out.append(Line(segments: [
                Segment(text: "  " + g.grade.padded(toWidth: 6) + " 自评 ", style: .plain),
                Segment(text: selfBar.padded(toWidth: barWidth), style: Style(foreground: .yellow)),
                Segment(text: String(g.selfCount).padded(toWidth: 4, alignment: .right) + "   复核 ", style: .plain),
                Segment(text: reviewBar.padded(toWidth: barWidth), style: Style(foreground: .cyan)),
                Segment(text: String(g.reviewCount).padded(toWidth: 4, alignment: .right), style: .plain),
            ]))
        }
        if s.grades.isEmpty { out.append(Line("  （尚无等次）", .dim)) }
        out.append(Line(""))
        return out
    }

    /// After the heat map: findings by category, rectification, 结果应用.
    static func tail(_ s: CycleStats, width: Int) -> [Line] {
        let barWidth = barWidth(width)
        var out: [Line] = []
        out.append(Line(""))
        out.append(Line("问题类别（共 \(s.findingTotal) 个，重复问题 \(s.repeatFindings) 个）", .bold))
        let topFinding = max(1, s.findings.first?.count ?? 1)
        for c in s.findings {
            let bar = String(repeating: "█", count: (c.count * barWidth + topFinding - 1) / topFinding)
            out.append(Line(segments: [
                Segment(text: "  " + c.category.label.padded(toWidth: 16), style: .plain),
                Segment(text: bar.padded(toWidth: barWidth), style: Style(foreground: .yellow)),
                Segment(text: String(c.count).padded(toWidth: 5, alignment: .right) + (c.repeats > 0 ? "（重复 \(c.repeats)）" : ""), style: .plain),
            ]))
        }
        out.append(Line(""))
        let r = s.rectification
        let buckets = AgeingBucket.allCases.map { "\($0.label.replacingOccurrences(of: "逾期", with: "")) \(r.byBucket[$0] ?? 0)" }.joined(separator: " / ")
        out.append(Line("整改", .bold))
        out.append(Line("  共 \(r.total) 项 · 未完成 \(r.open) · 已销号 \(r.closed) · 已撤销 \(r.withdrawn) · 销号率 \(percent(r.closureRate)) · 逾期率 \(percent(r.overdueRate))"))
        out.append(Line("  逾期 \(r.overdue)（\(buckets)）· 即将到期 \(r.dueSoon) · 督办候选 \(r.candidates)",
                        r.overdue > 0 ? Style(bold: true) : .plain))
        out.append(Line(""))
        var kinds: [ApplicationKind: Int] = [:]
        for a in s.applications { kinds[a.kind, default: 0] += 1 }
        out.append(Line("结果应用（\(s.applications.count) 个单位已确定）", .bold))
        out.append(Line("  " + ApplicationKind.allCases.map { "\($0.label) \(kinds[$0] ?? 0)" }.joined(separator: " · ")))
        for a in s.applications { out.append(Line("  \(a.unitName)：\(a.kind.label) — \(a.reason)")) }
        return out
    }

    /// The heat map's title, legend and header of first-level names, and how many columns fit
    /// (0: no unit lines follow).
    static func heatHead(_ s: CycleStats, width: Int) -> (lines: [Line], columns: Int) {
        // The title and its legend on two lines, so that both fit 80 columns.
        let out = [Line("差异热力图（自评 − 复核，按一级指标）", .bold), Line(legend, .dim)]
        guard !s.heat.isEmpty else { return (out + [Line("  （尚无完成复核的一级指标）", .dim)], 0) }
        let fit = max(1, min(s.heatColumns.count, (width - heatName - 4 - heatCell) / heatCell))
        var header = "  " + "单位".padded(toWidth: heatName)
        for c in s.heatColumns.prefix(fit) { header += c.truncated(toWidth: heatCell - 1).padded(toWidth: heatCell, alignment: .right) }
        return (out + [Line(header + "合计".padded(toWidth: heatCell, alignment: .right) + (fit < s.heatColumns.count ? "  …另 \(s.heatColumns.count - fit) 列" : ""), .dim)], fit)
    }

    static let heatCell = 10, heatName = 16

    /// One unit's line of the heat map: a cell per column (the first `columns`), then the total.
    static func heatLine(_ row: CycleStats.HeatRow, columns: Int) -> Line {
        let cell = heatCell
        var segments = [Segment(text: "  " + row.unitName.truncated(toWidth: heatName - 1).padded(toWidth: heatName), style: .plain)]
        for i in 0..<columns {
            guard let d = row.deltas[i] else { segments.append(Segment(text: "".padded(toWidth: cell), style: .plain)); continue }
            let mark = CycleStats.heat(delta: d, weight: row.weights[i])
            let style: Style = switch mark {
            case "▲▲": Style(bold: true, foreground: .red)
            case "▲": Style(foreground: .yellow)
            case "▼": Style(foreground: .cyan)
            default: .dim
            }
            segments.append(Segment(text: (mark + signed(d)).padded(toWidth: cell, alignment: .right), style: style))
        }
        segments.append(Segment(text: (row.totalDelta.map(signed) ?? "").padded(toWidth: cell, alignment: .right), style: .bold))
        return Line(segments: segments)
    }

    /// What the heat map's markers mean (`CycleStats.heat`).
    static let legend = "  ▲▲ 超过该项分值的20% · ▲ 自评高 · ＝ 相同 · ▼ 自评低"

    static func score(_ value: Score?) -> String { value?.description ?? "—" }
    static func signed(_ value: Score?) -> String { value?.signedDescription ?? "—" }
    static func percent(_ text: String?) -> String { text.map { $0 + "%" } ?? "—" }

    /// The lines as plain text (`fuhe stats`).
    public static func text(_ s: CycleStats, width: Int = 120) -> String {
        lines(s, width: width).map { $0.text.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }
}
