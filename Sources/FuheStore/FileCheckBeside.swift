import FuheCore
import GRDB

/// SQLite's own checks of the file (`FuheStore.fileProblems`: integrity, foreign keys, template
/// rules, report sources) run on a read-only connection of their own while `check` reads and
/// scores the dossiers on the store's connection. At 20,000 dossiers `integrity_check` and
/// `foreign_key_check` take two seconds of one core; on the check's own connection they ran
/// beside the first block only, and the cores that score had nothing to do meanwhile.
struct FileCheckBeside {
    /// What the connection beside found, with the snapshot it read (`snapshotMark`).
    let work: BackgroundWork<(mark: String, problems: [String])>

    /// Starts the checks on a connection of their own; nil for a store in memory (it has no file
    /// a second connection could open).
    init?(file: String) {
        guard !file.isEmpty, file != ":memory:" else { return nil }
        work = BackgroundWork {
            var config = FuheStore.configuration()
            config.readonly = true
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(FuheStore.wholeStoreMapping)") }
            let reader = try DatabaseQueue(path: file, configuration: config)
            defer { try? reader.close() }
            return try reader.read { db in (try Self.snapshotMark(db), try FuheStore.fileProblems(db)) }
        }
    }

    init(work: BackgroundWork<(mark: String, problems: [String])>) { self.work = work }

    /// The problems found beside when that connection read the same snapshot as `db` (whose
    /// `snapshotMark` is `mark`); otherwise — a write came between the two reads, or the second
    /// connection could not read — they are found on `db`, as before, with its errors.
    func problems(_ db: Database, mark: String) throws -> [String] {
        if let found = try? work.result(), found.mark == mark { return found.problems }
        return try FuheStore.fileProblems(db)
    }

    /// What tells two read transactions' snapshots apart: every write Fuhe makes appends to the
    /// journal (the head's number and hash), and the dossiers and the schema are counted too.
    static func snapshotMark(_ db: Database) throws -> String {
        let head = try String.fetchOne(db, sql: "SELECT seq || ' ' || hash FROM journal ORDER BY seq DESC LIMIT 1") ?? "-"
        let dossiers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier") ?? 0
        let schema = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        return "\(head) \(dossiers) \(schema)"
    }
}
