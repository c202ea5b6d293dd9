import FuheCore
import GRDB

/// A journal position with its entry's hash: two equal marks are the same journal up to there
/// (a store reset to an earlier state and written again has the same positions, other hashes).
struct JournalMark: Sendable, Equatable {
    var seq: Int64
    var hash: String

    static func head(_ db: Database) throws -> JournalMark {
        guard let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1") else {
            return JournalMark(seq: 0, hash: "")
        }
        return JournalMark(seq: row[0], hash: row[1])
    }

    /// Dossiers changed since a kept read beyond which it is read whole.
    static let spliceLimit = 256

    /// The dossiers the journal entries after this mark are about, or nil when the table must be read
    /// whole: this mark is not in the journal any more, an entry is about no dossier, or there are
    /// more than `spliceLimit`.
    func dossiersChanged(_ db: Database) throws -> [String]? {
        if seq > 0 {
            guard try String.fetchOne(db, sql: "SELECT hash FROM journal WHERE seq = ?", arguments: [seq]) == hash else { return nil }
        }
        let ids = try String?.fetchAll(db, sql: "SELECT DISTINCT dossier_id FROM journal WHERE seq > ? LIMIT ?",
                                       arguments: [seq, Self.spliceLimit + 1])
        guard ids.count <= Self.spliceLimit, !ids.contains(nil) else { return nil }
        return ids.compactMap { $0 }
    }
}

/// A unit's place in the unit list order, compared as SQLite compares `ORDER BY d.sort_key,
/// d.fiscal_year, d.id` (text by its bytes).
struct UnitOrderKey: Sendable, Comparable {
    var sortKey: [UInt8]
    var year: Int
    var id: [UInt8]

    static func < (a: UnitOrderKey, b: UnitOrderKey) -> Bool {
        if a.sortKey != b.sortKey { return a.sortKey.lexicographicallyPrecedes(b.sortKey) }
        if a.year != b.year { return a.year < b.year }
        return a.id.lexicographicallyPrecedes(b.id)
    }
}
