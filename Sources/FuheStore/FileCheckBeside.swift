import FuheCore
import GRDB

/// SQLite's own checks of the file (`FuheStore.fileProblems`: integrity, foreign keys, template
/// rules, report sources) run on a read-only connection of their own while `check` reads and
/// scores the dossiers on the store's connection. At 20,000 dossiers `integrity_check` and
/// `foreign_key_check` take two seconds of one core; on the check's own connection they ran
/// beside the first block only, and the cores that score had nothing to do meanwhile.
///
/// The foreign keys of the dossier's own row tables (`FileFindings.countedTables`: 1.4 million
/// rows at 20,000, a quarter of those two seconds) are not looked up row by row: the check reads
/// every row of those tables whose `dossier_id` is a stored dossier's, block by block, so when it
/// read as many rows as each table holds, no row's parent is missing. Only when the counts differ,
/// or another table's foreign keys are broken, does SQLite's whole `foreign_key_check` run (its
/// findings and their order are the answer, as before).
struct FileCheckBeside {
    /// What the connection beside found, with the snapshot it read (`snapshotMark`).
    let work: BackgroundWork<FileFindings>

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
            return try reader.read { db in try FileFindings(db) }
        }
    }

    init(work: BackgroundWork<FileFindings>) { self.work = work }

    /// The problems found beside when that connection read the same snapshot as `db` (whose
    /// `snapshotMark` is `mark`), given the rows the check read of each counted table
    /// (`rowsRead`); otherwise — a write came between the two reads, or the second connection
    /// could not read — they are found on `db`, as before, with its errors.
    func problems(_ db: Database, mark: String, rowsRead: [String: Int]) throws -> [String] {
        if let found = try? work.result(), found.mark == mark { return try found.problems(db, rowsRead: rowsRead) }
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

/// `FuheStore.fileProblems` in its parts, found on one snapshot: the foreign keys of the counted
/// tables are settled later, against the rows the check read (`problems(_:rowsRead:)`).
struct FileFindings: Sendable {
    /// The tables whose rows `DossierBatch.read` reads for every stored dossier, each with one
    /// foreign key, `dossier_id` → `dossier(id)`.
    static let countedTables = ["result", "evidence", "finding", "rect_item"]

    var mark: String
    var integrity: [String]
    /// SQLite's whole `foreign_key_check`, when it was run; nil while it stands on `rowCounts`.
    var foreignKeys: [String]?
    /// The rows each counted table holds (when `foreignKeys` is nil).
    var rowCounts: [String: Int] = [:]
    /// Template rules and report sources.
    var rest: [String]

    init(mark: String, integrity: [String], foreignKeys: [String]?, rowCounts: [String: Int] = [:], rest: [String]) {
        self.mark = mark
        self.integrity = integrity
        self.foreignKeys = foreignKeys
        self.rowCounts = rowCounts
        self.rest = rest
    }

    /// The checks on `db`'s snapshot; the counted tables' foreign keys are left to the counts
    /// when every other table's foreign keys hold.
    init(_ db: Database) throws {
        mark = try FileCheckBeside.snapshotMark(db)
        integrity = try FuheStore.integrityProblems(db)
        let counted = try Self.counted(db)
        var othersHold = true
        for table in try FuheStore.tablesWithForeignKeys(db) where !counted.contains(table) {
            if try !FuheStore.foreignKeyProblems(db, table: table).isEmpty { othersHold = false; break }
        }
        if othersHold && !counted.isEmpty {
            for table in counted { rowCounts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0 }
        } else {
            foreignKeys = try FuheStore.foreignKeyProblems(db)
        }
        rest = try FuheStore.otherFileProblems(db)
    }

    /// Everything, in `FuheStore.fileProblems`' order: when a counted table holds a row the check
    /// did not read (its parent is missing), SQLite's whole `foreign_key_check` runs on `db`.
    func problems(_ db: Database, rowsRead: [String: Int]) throws -> [String] {
        let keys = try foreignKeys ?? (rowCounts.allSatisfy { rowsRead[$0.key] == $0.value } ? [] : FuheStore.foreignKeyProblems(db))
        return integrity + keys + rest
    }

    /// The counted tables that are as `DossierBatch.read` expects: one foreign key each, from
    /// `dossier_id` to `dossier(id)`, the dossier's whole primary key (a store changed behind
    /// Fuhe's back may differ: its tables are then checked row by row).
    static func counted(_ db: Database) throws -> [String] {
        let key = try Row.fetchAll(db, sql: "SELECT name, pk FROM pragma_table_info('dossier') WHERE pk > 0")
        guard key.count == 1, key[0]["name"] as String? == "id" else { return [] }
        return try countedTables.filter { table in
            let keys = try Row.fetchAll(db, sql: "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?)", arguments: [table])
            return keys.count == 1 && keys[0][0] as String? == "dossier" && keys[0][1] as String? == "dossier_id"
                && (keys[0][2] as String? ?? "id") == "id"
        }
    }
}
