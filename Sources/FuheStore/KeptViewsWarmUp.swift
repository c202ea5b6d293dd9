import FuheCore
import GRDB

extension FuheStore {
    /// Reads what the cross-unit views keep — every unit's items and findings, and the dashboard's
    /// units on `today` — on a read-only connection of its own, so that `O`, `P a` and `Z` find it
    /// kept the first time they open in a session. The workstation calls it on a thread of its own
    /// once the keys first pause. Only for a store in WAL mode (its readers never block the
    /// writer; an offline copy's rollback journal would) and within the keep limits. Returns
    /// whether it read anything.
    @discardableResult
    public func warmKeptViews(today: CalendarDay) throws -> Bool {
        let mode = try queue.inDatabase { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        guard mode?.lowercased() == "wal" else { return false }
        var config = Self.configuration()
        config.readonly = true
        let reader = try DatabaseQueue(path: path, configuration: config)
        defer { try? reader.close() }
        return try reader.read { db in
            let items = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rect_item") ?? 0
            let units = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier") ?? 0
            guard items <= itemCache.keepLimit, units <= cycleUnitCache.keepLimit else { return false }
            _ = try itemCache.table(db)
            _ = try findingCache.rows(db) { db, dossiers in try Self.readFindingDigests(db, dossiers: dossiers) }
            _ = try Self.keptCycleUnits(db, today: today, cycleUnitCache)
            return true
        }
    }
}
