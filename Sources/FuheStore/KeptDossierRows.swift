import FuheCore
import GRDB
import Synchronization

/// Rows read per dossier in unit list order (the dashboard's units, every unit's findings), kept
/// with the journal mark they were read at and a context (the day, for counts that depend on it).
/// As `ItemTableCache`: unchanged journal and context, the same rows; a few new entries, only the
/// dossiers they name read again and put in their places in unit list order; otherwise read whole.
final class KeptDossierRows<Value: Sendable>: Sendable {
    /// One dossier's rows and its place in the unit list order.
    struct Group: Sendable {
        var key: UnitOrderKey
        var dossierID: String
        var rows: [Value]
    }

    struct Entry: Sendable {
        var mark: JournalMark
        var context: String
        var groups: [Group]
        var count: Int { groups.reduce(0) { $0 + $1.rows.count } }
    }

    /// Reads the groups of the given dossiers (all when nil), in unit list order.
    typealias Reader = @Sendable (Database, [String]?) throws -> [Group]

    /// More rows than this are not kept (province-scale stores: the memory matters more than the
    /// next open).
    let keepLimit: Int
    private let entry = Mutex<Entry?>(nil)

    init(keepLimit: Int) {
        self.keepLimit = keepLimit
    }

    /// Drops the rows kept.
    func forget() { entry.withLock { $0 = nil } }

    /// The rows as of `db`'s read transaction.
    func rows(_ db: Database, context: String = "", read: Reader) throws -> [Value] {
        let mark = try JournalMark.head(db)
        let cached = entry.withLock { $0 }.flatMap { $0.context == context ? $0 : nil }
        let now: Entry
        if let cached, cached.mark == mark {
            return cached.groups.flatMap(\.rows)
        } else if let cached, let changed = try cached.mark.dossiersChanged(db) {
            now = Entry(mark: mark, context: context, groups: Self.splice(cached.groups, replacing: Set(changed), with: try read(db, changed)))
        } else {
            now = Entry(mark: mark, context: context, groups: try read(db, nil))
        }
        entry.withLock { $0 = now.count <= keepLimit ? now : nil }
        return now.groups.flatMap(\.rows)
    }

    /// `old` without the dossiers of `changed`, and `fresh` (those of them that still have rows),
    /// merged in unit list order.
    static func splice(_ old: [Group], replacing changed: Set<String>, with fresh: [Group]) -> [Group] {
        var out: [Group] = []
        out.reserveCapacity(old.count + fresh.count)
        var j = 0
        for o in old where !changed.contains(o.dossierID) {
            while j < fresh.count, fresh[j].key < o.key {
                out.append(fresh[j])
                j += 1
            }
            out.append(o)
        }
        out += fresh[j...]
        return out
    }
}
