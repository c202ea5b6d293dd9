import Foundation
import FuheCore
import GRDB

extension FuheStore {
    /// Every unit with its summary, first-level scores and 结果应用, in list order (summary
    /// columns only; kept between calls and refreshed per dossier, see `KeptDossierRows`).
    public func cycleUnits(today: CalendarDay? = nil) throws -> [CycleUnit] {
        let day = today ?? self.today
        return try queue.read { db in try Self.keptCycleUnits(db, today: day, cycleUnitCache) }
    }

    static func keptCycleUnits(_ db: Database, today: CalendarDay, _ kept: KeptDossierRows<CycleUnit>) throws -> [CycleUnit] {
        try kept.rows(db, context: today.description) { db, dossiers in
            try readCycleUnits(db, today: today, dossiers: dossiers).map { .init(key: $0.0, dossierID: $0.1.summary.dossierID, rows: [$0.1]) }
        }
    }

    /// The cycle units of `dossiers` (all when nil) with their places in the unit list order.
    static func readCycleUnits(_ db: Database, today: CalendarDay, dossiers: [String]? = nil) throws -> [(UnitOrderKey, CycleUnit)] {
        let only = dossiers.map { "d.id IN (" + Array(repeating: "?", count: $0.count).joined(separator: ",") + ")" }
        let rows = try summaryRows(db, today: today, clauses: only.map { [$0] } ?? [], arguments: dossiers ?? [])
        // Each template's grade scheme once (not its JSON read again for each of 2,000 dossiers).
        let schemeOf = try Row.fetchAll(db, sql: "SELECT id, json_extract(json, '$.gradeSchemeID') FROM template")
            .reduce(into: [String: String?]()) { $0[$1[0]] = $1[1] as String? }
        let extra = try Row.fetchAll(db, sql: """
            SELECT d.id, d.l1_scores, d.application,
                   CASE WHEN d.application IS NOT NULL THEN json_extract(d.review_json, '$.application.reason') END,
                   d.template_id
            FROM dossier d \(only.map { "WHERE " + $0 } ?? "")
            """, arguments: StatementArguments(dossiers ?? [])).reduce(into: [String: (String?, String?, String?, String?)]()) { out, row in
                out[row[0]] = (row[1], row[2], row[3], (row[4] as String?).flatMap { schemeOf[$0] ?? nil })
            }
        let schemes = try gradeSchemes(db)
        return rows.map { row in
            let s = summary(row)
            let (l1, kind, reason, schemeID) = extra[s.dossierID] ?? (nil, nil, nil, nil)
            let key = UnitOrderKey(sortKey: Array((row[19] as String? ?? "").utf8), year: s.fiscalYear, id: Array(s.dossierID.utf8))
            return (key, CycleUnit(summary: s, firstLevel: firstLevel(l1), application: kind.flatMap(ApplicationKind.init(rawValue:)),
                                   applicationReason: reason, gradeScheme: schemeID.flatMap { schemes[$0] } ?? .mof4))
        }
    }

    /// Every finding's category and whether it repeats an earlier year's.
    public func findingCategories() throws -> [(category: FindingCategory, isRepeat: Bool)] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT category, repeat_of IS NOT NULL FROM finding").map {
                (FindingCategory(rawValue: $0[0] ?? "") ?? .other, $0[1])
            }
        }
    }

    /// How many findings there are of each category, and how many of them repeat an earlier
    /// year's (counted by SQLite over the plain stored columns).
    public func findingCounts() throws -> [FindingCategory: (count: Int, repeats: Int)] {
        try queue.read { db in
            var out: [FindingCategory: (count: Int, repeats: Int)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT category, COUNT(*), COUNT(repeat_of) FROM finding GROUP BY category") {
                let category = FindingCategory(rawValue: row[0] ?? "") ?? .other
                out[category, default: (0, 0)].count += row[1]
                out[category, default: (0, 0)].repeats += row[2]
            }
            return out
        }
    }

    /// The cycle's figures (`CycleStats`, the dashboard's and `fuhe stats`'s) on `today`: the
    /// units' summary columns, the findings counted per category, and every item's `ItemFacts`
    /// judged by the deadline and escalation rules — no item or finding text is read.
    public func cycleStats(today: CalendarDay? = nil, thresholds: EscalationThresholds = .standard) throws -> CycleStats {
        let day = today ?? self.today
        // The items' facts from the kept item table when there is one (`O` was opened), otherwise
        // the narrow read of the facts alone.
        let (units, items) = try queue.read { db in
            (try Self.keptCycleUnits(db, today: day, cycleUnitCache), try itemCache.keptTable(db)?.rows.map(\.facts) ?? Self.itemFacts(db))
        }
        return CycleStats.compute(units: units, findingCounts: try findingCounts(), items: items, today: day, thresholds: thresholds)
    }

    /// Parses the `l1_scores` column ("name\tweight\tself\treview" per line, hundredths).
    static func firstLevel(_ text: String?) -> [FirstLevelScore] {
        guard var text, !text.isEmpty else { return [] }
        // Split on the UTF-8 bytes of "\n" and "\t" (as CycleColumns writes them): splitting the
        // String by Character walks grapheme clusters, which on 2,000 units' Chinese names was
        // half of the dashboard's read.
        return text.withUTF8 { bytes in
            var scores: [FirstLevelScore] = []
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                if let score = firstLevelLine(UnsafeBufferPointer(rebasing: bytes[start..<end])) { scores.append(score) }
                start = end + 1
            }
            return scores
        }
    }

    /// One line: name, weight, self score and review score in hundredths, tab-separated.
    private static func firstLevelLine(_ line: UnsafeBufferPointer<UInt8>) -> FirstLevelScore? {
        let f = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        guard f.count == 4, let weight = Int(String(decoding: f[1], as: UTF8.self)) else { return nil }
        let number = { (i: Int) in Int(String(decoding: f[i], as: UTF8.self)).map(Score.init(hundredths:)) }
        return FirstLevelScore(name: String(decoding: f[0], as: UTF8.self), weight: Score(hundredths: weight),
                               selfScore: number(2), reviewScore: number(3))
    }
}
