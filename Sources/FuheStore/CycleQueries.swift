import Foundation
import FuheCore
import GRDB

/// Cross-unit reads for the cycle views (findings, every unit's items): summary columns only,
/// one query each, no dossier decoded.
extension FuheStore {
    /// Every finding (of one dossier when `dossierID` is given), in unit list order then 序号,
    /// with its indicator and how many items hang on it. Every unit's findings are kept between
    /// calls and refreshed per dossier (`KeptDossierRows`).
    public func findingDigests(dossierID: String? = nil) throws -> [FindingDigest] {
        try queue.read { db in
            if let dossierID { return try Self.readFindingDigests(db, dossiers: [dossierID]).flatMap(\.rows) }
            return try findingCache.rows(db) { db, dossiers in try Self.readFindingDigests(db, dossiers: dossiers) }
        }
    }

    /// The findings of `dossiers` (all when nil), grouped by dossier in unit list order.
    static func readFindingDigests(_ db: Database, dossiers: [String]?) throws -> [KeptDossierRows<FindingDigest>.Group] {
        let marks = dossiers.map { Array(repeating: "?", count: $0.count).joined(separator: ",") }
        var names: [String: [String: String]] = [:]
        func indicator(_ templateID: String, _ nodeID: String?) throws -> String? {
            guard let nodeID else { return nil }
            if names[templateID] == nil {
                let t = try template(id: templateID, db)
                names[templateID] = Dictionary((t?.nodes ?? []).map { ($0.id, "\($0.code) \($0.name)") }, uniquingKeysWith: { a, _ in a })
            }
            return names[templateID]?[nodeID] ?? nodeID
        }
        // How many items hang on each finding, and how many are open (`RectStatus.isOpen`):
        // one pass over the items' covering index, grouped by dossier as it arrives.
        var counts: [String: [String: (total: Int, open: Int)]] = [:]
        let items = try db.makeStatement(sql: """
            SELECT dossier_id, finding_id, status FROM rect_item INDEXED BY rect_item_digest \(marks.map { "WHERE dossier_id IN (\($0))" } ?? "")
            """)
        if let dossiers { try items.setArguments(StatementArguments(dossiers)) }
        var dossierBytes: [UInt8] = []
        var dossier = ""
        var perFinding: [String: (total: Int, open: Int)] = [:]
        try step(items, db) { c in
            if !c.bytes(0).elementsEqual(dossierBytes) {
                if !dossierBytes.isEmpty { counts[dossier] = perFinding }
                dossierBytes = Array(c.bytes(0))
                dossier = c.string(0)
                perFinding = [:]
            }
            let open = (c.choice(2) as RectStatus?)?.isOpen ?? true
            perFinding[c.string(1), default: (0, 0)].total += 1
            if open { perFinding[c.string(1), default: (0, 0)].open += 1 }
        }
        if !dossierBytes.isEmpty { counts[dossier] = perFinding }
        // Dossiers in list order, each one's findings by primary key (序号 order restored below).
        let statement = try db.makeStatement(sql: """
            SELECT f.dossier_id, d.unit_name, d.fiscal_year, f.id, f.seq, f.category, f.severity, f.description, f.node_id,
                   d.template_id, f.repeat_of, d.sort_key
            FROM dossier d JOIN finding f ON f.dossier_id = d.id
            \(marks.map { "WHERE f.dossier_id IN (\($0))" } ?? "")
            ORDER BY d.sort_key, d.fiscal_year, d.id
            """)
        if let dossiers { try statement.setArguments(StatementArguments(dossiers)) }
        var groups: [KeptDossierRows<FindingDigest>.Group] = []
        var current: (bytes: [UInt8], id: String, unit: String, year: Int, template: String, counts: [String: (total: Int, open: Int)])?
        try step(statement, db) { c in
            if current == nil || !c.bytes(0).elementsEqual(current!.bytes) {
                let id = c.string(0)
                current = (Array(c.bytes(0)), id, c.string(1), c.int(2), c.string(9), counts[id] ?? [:])
                groups.append(.init(key: UnitOrderKey(sortKey: Array(c.bytes(11)), year: c.int(2), id: Array(c.bytes(0))), dossierID: id, rows: []))
            }
            guard let d = current else { return }
            let findingID = c.string(3)
            let count = d.counts[findingID] ?? (0, 0)
            groups[groups.count - 1].rows.append(FindingDigest(dossierID: d.id, unitName: d.unit, fiscalYear: d.year, findingID: findingID, seq: c.int(4),
                                                               category: c.choice(5) ?? .other, severity: c.choice(6) ?? .general,
                                                               description: c.string(7), indicator: try indicator(d.template, c.optionalString(8)),
                                                               itemCount: count.total, openItems: count.open, repeatOf: c.optionalString(10)))
        }
        for g in groups.indices { groups[g].rows.sort { ($0.seq, $0.findingID) < ($1.seq, $1.findingID) } }
        return groups
    }

    /// Every rectification item of every unit (of one unit when `unitID` is given), in unit list
    /// order then 序号, with its problem.
    public func itemDigests(unitID: String? = nil) throws -> [ItemDigest] {
        try queue.read { db in
            let filter = unitID == nil ? "" : "WHERE d.unit_id = ?"
            // Ordered by dossier only: SQLite walks the dossiers in list order and each one's items
            // by primary key, with no sort of 20,000 wide rows; 序号 order within a dossier is
            // restored below. A cursor reads the columns straight from the statement.
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT i.dossier_id, d.unit_name, d.fiscal_year, i.id, i.finding_id, i.seq, f.description, f.category, i.measure,
                       i.rect_type, i.resp_unit, i.resp_person, i.created_on, i.deadline, i.status, i.submitted_on, i.next_check_on,
                       i.long_term_since, i.last_progress_on, i.return_count, i.escalation_count, i.last_escalation
                FROM rect_item i JOIN dossier d ON d.id = i.dossier_id
                LEFT JOIN finding f ON f.dossier_id = i.dossier_id AND f.id = i.finding_id
                \(filter)
                ORDER BY d.sort_key, d.fiscal_year, d.id
                """, arguments: StatementArguments(unitID.map { [$0] } ?? []))
            var items: [ItemDigest] = []
            while let row = try cursor.next() { items.append(Self.itemDigest(row)) }
            Self.sortWithinDossiers(&items, dossier: \.dossierID) { ($0.seq, $0.itemID) < ($1.seq, $1.itemID) }
            return items
        }
    }

    /// Sorts each run of one dossier's entries (they arrive grouped, dossiers in list order).
    static func sortWithinDossiers<T>(_ list: inout [T], dossier: (T) -> String, by less: (T, T) -> Bool) {
        var start = 0
        while start < list.count {
            let id = dossier(list[start])
            var end = start + 1
            while end < list.count, dossier(list[end]) == id { end += 1 }
            list[start..<end].sort(by: less)
            start = end
        }
    }

    static func itemDigest(_ row: Row) -> ItemDigest {
        let day: (Int) -> CalendarDay? = { i in (row[i] as String?).flatMap(CalendarDay.init) }
        return ItemDigest(dossierID: row[0], unitName: row[1], fiscalYear: row[2], itemID: row[3], findingID: row[4], seq: row[5],
                          problem: row[6] ?? "", category: (row[7] as String?).flatMap(FindingCategory.init(rawValue:)),
                          measure: row[8] ?? "", rectType: RectType(rawValue: row[9] ?? "") ?? .deadline, respUnit: row[10] ?? "",
                          respPerson: row[11] ?? "", createdOn: day(12) ?? CalendarDay(dayNumber: 0), deadline: day(13) ?? CalendarDay(dayNumber: 0),
                          status: RectStatus(rawValue: row[14]) ?? .pending, submittedOn: day(15), nextCheckOn: day(16),
                          longTermSince: day(17), lastProgressOn: day(18), returnCount: row[19], escalationCount: row[20],
                          lastEscalation: (row[21] as String?).flatMap(EscalationKind.init(rawValue:)))
    }
}
