import FuheCore
import GRDB
import Synchronization

/// The last list of cycle units read (the dashboard's and `fuhe stats`'s units: summary,
/// first-level scores, 结果应用), kept with the journal position and the day it was read for. As
/// `ItemTableCache`: unchanged journal, the same list; a few new entries, only the dossiers they
/// name read again and put in their places in unit list order; otherwise read whole.
final class CycleUnitCache: Sendable {
    struct Entry: Sendable {
        var mark: JournalMark
        var day: CalendarDay
        var units: [(key: UnitOrderKey, unit: CycleUnit)]
    }

    /// Lists of more units than this are not kept (province-scale stores: the memory matters more
    /// than the next open).
    let keepLimit: Int
    private let entry = Mutex<Entry?>(nil)

    init(keepLimit: Int = 6_000) {
        self.keepLimit = keepLimit
    }

    /// The units as of `db`'s read transaction, their overdue counts as of `today`.
    func units(_ db: Database, today: CalendarDay) throws -> [CycleUnit] {
        let mark = try JournalMark.head(db)
        let cached = entry.withLock { $0 }.flatMap { $0.day == today ? $0 : nil }
        let now: Entry
        if let cached, cached.mark == mark {
            return cached.units.map(\.unit)
        } else if let cached, let changed = try cached.mark.dossiersChanged(db) {
            let fresh = try FuheStore.readCycleUnits(db, today: today, dossiers: changed)
            now = Entry(mark: mark, day: today, units: Self.splice(cached.units, replacing: Set(changed), with: fresh))
        } else {
            now = Entry(mark: mark, day: today, units: try FuheStore.readCycleUnits(db, today: today).map { (key: $0.0, unit: $0.1) })
        }
        entry.withLock { $0 = now.units.count <= keepLimit ? now : nil }
        return now.units.map(\.unit)
    }

    /// `old` without the dossiers of `changed`, and `fresh` (those of them still stored), merged
    /// in unit list order.
    static func splice(_ old: [(key: UnitOrderKey, unit: CycleUnit)], replacing changed: Set<String>,
                       with fresh: [(UnitOrderKey, CycleUnit)]) -> [(key: UnitOrderKey, unit: CycleUnit)] {
        var out: [(key: UnitOrderKey, unit: CycleUnit)] = []
        out.reserveCapacity(old.count + fresh.count)
        var j = 0
        for o in old where !changed.contains(o.unit.summary.dossierID) {
            while j < fresh.count, fresh[j].0 < o.key {
                out.append((key: fresh[j].0, unit: fresh[j].1))
                j += 1
            }
            out.append(o)
        }
        for f in fresh[j...] { out.append((key: f.0, unit: f.1)) }
        return out
    }
}
