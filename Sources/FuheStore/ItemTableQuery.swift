import Foundation
import FuheCore
import GRDB
import GRDBSQLite

/// The compact reads of the cross-unit views: every item as an `ItemTable` row (its text copied
/// as bytes, never made into strings) and every item's `ItemFacts` for the dashboard. The
/// columns are read straight from SQLite's statement.
extension FuheStore {
    /// Every unit's items, in unit list order then 序号 — the rows of `itemDigests()`, compact.
    /// The table is kept with the journal head it was read at (`ItemTableCache`): opened again
    /// with no new journal entries it is the same table; after a few, only the dossiers they
    /// name are read again.
    public func itemTable() throws -> ItemTable {
        try queue.read { db in try itemCache.table(db) }
    }

    /// Forgets what the cross-unit views' reads keep (items, findings, the dashboard's units), so
    /// that the next ones read everything (for the benchmark's first-open figures).
    package func forgetKeptViews() {
        itemCache.forget()
        findingCache.forget()
        cycleUnitCache.forget()
    }

    /// The items of `dossiers` (all when nil) as an `ItemTable`, with each unit's place in the
    /// unit list order.
    static func readItemTable(_ db: Database, dossiers: [String]? = nil) throws -> (ItemTable, [UnitOrderKey]) {
        let only = dossiers.map { "WHERE i.dossier_id IN (" + Array(repeating: "?", count: $0.count).joined(separator: ",") + ")" } ?? ""
        let count = dossiers == nil ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rect_item") ?? 0 : 0
        var table = ItemTable(reservingItems: count)
        var order: [UnitOrderKey] = []
        let statement = try db.makeStatement(sql: """
            SELECT i.dossier_id, d.unit_name, d.fiscal_year, i.id, i.finding_id, i.seq, f.description, f.category, i.measure,
                   i.rect_type, i.resp_unit, i.resp_person, i.created_on, i.deadline, i.status, i.submitted_on, i.next_check_on,
                   i.long_term_since, i.last_progress_on, i.return_count, i.escalation_count, i.last_escalation, d.sort_key
            FROM rect_item i JOIN dossier d ON d.id = i.dossier_id
            LEFT JOIN finding f ON f.dossier_id = i.dossier_id AND f.id = i.finding_id
            \(only)
            ORDER BY d.sort_key, d.fiscal_year, d.id
            """)
        if let dossiers { try statement.setArguments(StatementArguments(dossiers)) }
        var currentDossier: [UInt8] = []
        var unit: Int32 = -1
        try Self.step(statement, db) { c in
            let dossier = c.bytes(0)
            if unit < 0 || !dossier.elementsEqual(currentDossier) {
                currentDossier = Array(dossier)
                unit = table.add(ItemTable.Unit(dossierID: c.string(0), unitName: c.string(1), fiscalYear: c.int(2)))
                order.append(UnitOrderKey(sortKey: Array(c.bytes(22)), year: c.int(2), id: currentDossier))
            }
            let facts = ItemFacts(status: c.choice(14) ?? .pending, createdOn: c.day(12) ?? CalendarDay(dayNumber: 0),
                                  deadline: c.day(13) ?? CalendarDay(dayNumber: 0), submittedOn: c.day(15), nextCheckOn: c.day(16),
                                  longTermSince: c.day(17), lastProgressOn: c.day(18), returnCount: c.int(19))
            table.append(ItemTable.Row(unit: unit, seq: c.int(5), facts: facts, rectType: c.choice(9) ?? .deadline,
                                       category: c.choice(7), escalationCount: c.int(20), lastEscalation: c.choice(21),
                                       itemID: table.text(c.bytes(3)), findingID: table.text(c.bytes(4)), problem: table.text(c.bytes(6)),
                                       measure: table.text(c.bytes(8)), respUnit: table.text(c.bytes(10)), respPerson: table.text(c.bytes(11))))
        }
        table.sortWithinUnits()
        return (table, order)
    }

    /// Every item's status and the dates the deadline, ageing and escalation rules read (the
    /// dashboard's rectification figures), from the covering index.
    public func itemFacts() throws -> [ItemFacts] {
        try queue.read { db in try Self.itemFacts(db) }
    }

    static func itemFacts(_ db: Database) throws -> [ItemFacts] {
        let statement = try db.makeStatement(sql: """
            SELECT status, created_on, deadline, submitted_on, next_check_on, long_term_since, last_progress_on, return_count
            FROM rect_item INDEXED BY rect_item_digest
            """)
        var out: [ItemFacts] = []
        try step(statement, db) { c in
            out.append(ItemFacts(status: c.choice(0) ?? .pending, createdOn: c.day(1) ?? CalendarDay(dayNumber: 0),
                                 deadline: c.day(2) ?? CalendarDay(dayNumber: 0), submittedOn: c.day(3), nextCheckOn: c.day(4),
                                 longTermSince: c.day(5), lastProgressOn: c.day(6), returnCount: c.int(7)))
        }
        return out
    }

    /// Runs `statement` and hands each row's columns to `row`.
    static func step(_ statement: Statement, _ db: Database, _ row: (ColumnReader) throws -> Void) throws {
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        let reader = ColumnReader(statement: s)
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                    sql: statement.sql)
            }
            try row(reader)
        }
    }

    /// The columns of the current row, without copying them into `DatabaseValue`s.
    struct ColumnReader {
        let statement: SQLiteStatement

        /// The column's text as bytes, valid until the next step (empty for NULL).
        func bytes(_ i: Int32) -> UnsafeBufferPointer<UInt8> {
            guard let p = sqlite3_column_text(statement, i) else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(statement, i)))
        }

        func string(_ i: Int32) -> String { String(decoding: bytes(i), as: UTF8.self) }
        func optionalString(_ i: Int32) -> String? { sqlite3_column_type(statement, i) == SQLITE_NULL ? nil : string(i) }
        func int(_ i: Int32) -> Int { Int(sqlite3_column_int64(statement, i)) }
        func day(_ i: Int32) -> CalendarDay? { sqlite3_column_type(statement, i) == SQLITE_NULL ? nil : CalendarDay.parse(bytes(i)) }

        /// The enum value whose raw value the column holds (nil for NULL or an unknown value).
        func choice<T: RawRepresentable & CaseIterable>(_ i: Int32) -> T? where T.RawValue == String {
            let b = bytes(i)
            guard let start = b.baseAddress, b.count > 0 else { return nil }
            // Length first, then memcmp of the raw value's contiguous UTF-8 (a generic
            // `elementsEqual` over `String.UTF8View` walked it byte by byte).
            return T.allCases.first { value in
                var raw = value.rawValue
                return raw.withUTF8 { $0.count == b.count && $0.baseAddress.map { memcmp($0, start, b.count) == 0 } == true }
            }
        }
    }
}
