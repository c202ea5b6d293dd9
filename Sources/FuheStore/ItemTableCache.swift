import FuheCore
import GRDB
import Synchronization

/// The last `ItemTable` read (every unit's items, for `O` and the dashboard), kept with the
/// journal position it was read at. Every write to an item, a finding or a dossier is journalled
/// under its dossier, so: with no new journal entry the table is still the store's; with a few,
/// only the dossiers they name are read again and spliced into it in unit list order; with many,
/// with an entry about no dossier (a template, a unit), or when the journal is not the one the
/// table was read from (a sandbox reset), the whole table is read again.
final class ItemTableCache: Sendable {
    /// A table and where it stands.
    struct Entry: Sendable {
        var mark: JournalMark
        var table: ItemTable
        /// Each unit's place in the unit list order (parallel to `table.units`).
        var order: [UnitOrderKey]
    }

    /// Tables of more items than this are not kept (province-scale stores: the memory matters more
    /// than the next open).
    let keepLimit: Int
    private let entry = Mutex<Entry?>(nil)

    init(keepLimit: Int = 60_000) {
        self.keepLimit = keepLimit
    }

    /// Drops the table kept (the benchmark's first-open figure).
    func forget() { entry.withLock { $0 = nil } }

    /// The table as of `db`'s read transaction.
    func table(_ db: Database) throws -> ItemTable {
        try current(db, readWhole: true) ?? ItemTable()
    }

    /// The table as of `db`'s read transaction when one is kept (brought up to date), nil when
    /// it would have to be read whole.
    func keptTable(_ db: Database) throws -> ItemTable? {
        try current(db, readWhole: false)
    }

    private func current(_ db: Database, readWhole: Bool) throws -> ItemTable? {
        let mark = try JournalMark.head(db)
        let cached = entry.withLock { $0 }
        let now: Entry
        if let cached, cached.mark == mark {
            return cached.table
        } else if let cached, let changed = try cached.mark.dossiersChanged(db) {
            let (fresh, order) = try FuheStore.readItemTable(db, dossiers: changed)
            now = Self.splice(cached, replacing: Set(changed), with: Entry(mark: mark, table: fresh, order: order))
        } else if readWhole {
            let (table, order) = try FuheStore.readItemTable(db)
            now = Entry(mark: mark, table: table, order: order)
        } else {
            return nil
        }
        entry.withLock { $0 = now.table.count <= keepLimit ? now : nil }
        return now.table
    }

    /// `old` without the units of `changed`, and `fresh`'s units (those of `changed` that still
    /// have items), merged in unit list order.
    static func splice(_ old: Entry, replacing changed: Set<String>, with fresh: Entry) -> Entry {
        var table = ItemTable(reservingItems: old.table.count + fresh.table.count)
        var order: [UnitOrderKey] = []
        order.reserveCapacity(old.order.count + fresh.order.count)
        let oldRows = old.table.unitRows, freshRows = fresh.table.unitRows
        var i = 0, j = 0
        while i < oldRows.count || j < freshRows.count {
            if i < oldRows.count, changed.contains(old.table.units[i].dossierID) {
                i += 1
            } else if j == freshRows.count || (i < oldRows.count && old.order[i] < fresh.order[j]) {
                table.appendUnit(oldRows[i], of: old.table)
                order.append(old.order[i])
                i += 1
            } else {
                table.appendUnit(freshRows[j], of: fresh.table)
                order.append(fresh.order[j])
                j += 1
            }
        }
        return Entry(mark: fresh.mark, table: table, order: order)
    }
}
