import Foundation
import FuheCore

/// How values are written in the documents: dates the Chinese way, scores with two decimals, a
/// partial roll-up marked “*”, money in 万元 with two decimals.
enum DocText {
    /// "2022年4月25日".
    static func date(_ day: CalendarDay) -> String {
        let c = day.components
        return "\(c.year)年\(c.month)月\(c.day)日"
    }

    /// The day of an instant in China Standard Time (UTC+8, no daylight saving).
    static func day(_ instant: Date) -> CalendarDay { CalendarDay(instant.addingTimeInterval(8 * 3600)) }

    /// "2022年4月25日至5月10日", "2022年4月25日起", or "" without a start.
    static func span(from start: Date?, to end: Date?) -> String {
        guard let start else { return "" }
        let a = day(start)
        guard let end else { return date(a) + "起" }
        let b = day(end)
        if a == b { return date(a) }
        let (ca, cb) = (a.components, b.components)
        return date(a) + "至" + (ca.year == cb.year ? "\(cb.month)月\(cb.day)日" : date(b))
    }

    /// A roll-up: its value, "*" appended while parts are missing, "" when nothing is scored.
    static func rollup(_ r: Rollup) -> String {
        guard let v = r.value else { return "" }
        return r.complete ? v.description : v.description + "*"
    }

    static func score(_ s: Score?) -> String { s?.description ?? "" }

    /// "+2.00", "-1.50", "0.00", or "" when there is no difference to show.
    static func diff(_ s: Score?) -> String { s?.signedDescription ?? "" }

    /// "1279.56" (万元, two decimals).
    static func money(_ m: Money?) -> String { m?.formatted() ?? "" }

    /// "5.26%".
    static func percent(_ value: Decimal?) -> String { value.map { ExactDecimal.format($0, places: 2) + "%" } ?? "" }

    /// The weight column: points for a scored indicator, "±" for an adjustment, "试" for a trial one.
    static func weight(_ node: IndicatorNode) -> String {
        switch node.kind {
        case .base: node.weight.description
        case .adjust: "±"
        case .trial: "试"
        }
    }

    /// "书面审核" / "现场核查".
    static func mode(_ mode: ReviewMode) -> String { mode == .desk ? "书面审核" : "现场核查" }

    /// "张某（绩效股股长）".
    static func person(_ m: TeamMember) -> String {
        guard let title = m.title, !title.isEmpty else { return m.name }
        return "\(m.name)（\(title)）"
    }

    /// Texts joined with "、", or `empty` when there are none.
    static func list(_ texts: [String], empty: String = "") -> String {
        let kept = texts.filter { !$0.isEmpty }
        return kept.isEmpty ? empty : kept.joined(separator: "、")
    }
}
