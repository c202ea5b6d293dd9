import Foundation
import FuheCore
import GRDB

/// Result of `fuhe check`: store integrity problems (errors) and the rule findings of each dossier.
public struct StoreCheckReport: Sendable {
    /// SQLite integrity, foreign keys, stale summaries, invalid templates or items. Empty = healthy.
    public var integrityProblems: [String]
    /// Validation messages per dossier id (warnings the reviewer should look at).
    public var dossierMessages: [(dossierID: String, unitName: String, messages: [ValidationMessage])]
}

extension FuheStore {
    /// Checks SQLite integrity, foreign keys, that every summary row matches a fresh roll-up,
    /// that templates obey their rules and every dossier every stored rule (`StoredRules`: rows,
    /// items, references, the review's lifecycle, the self-evaluation status), and collects each
    /// dossier's validation messages.
    public func check() throws -> StoreCheckReport {
        var messages: [(dossierID: String, unitName: String, messages: [ValidationMessage])] = []
        let problems = try check { id, unitName, found in messages.append((id, unitName, found)) }
        return StoreCheckReport(integrityProblems: problems, dossierMessages: messages)
    }

    /// The same check, handing each dossier's validation messages to `visit` in unit-list order
    /// as soon as its block is checked (so that nothing keeps all of them), and returning the
    /// integrity problems. `visit` runs inside the read and must not use the store.
    public func check(visit: (_ dossierID: String, _ unitName: String, _ messages: [ValidationMessage]) throws -> Void) throws -> [String] {
        try check(blockSize: Self.checkBlock, visit: visit)
    }

    /// The same in blocks of `blockSize` dossiers (tests use small ones).
    func check(blockSize: Int, visit: (_ dossierID: String, _ unitName: String, _ messages: [ValidationMessage]) throws -> Void) throws -> [String] {
        let beside = FileCheckBeside(file: queue.path)
        return try readWholeStore { db in
            let mark = try FileCheckBeside.snapshotMark(db)
            let schemes = try Self.gradeSchemes(db)
            let stored = try Row.fetchAll(db, sql: "SELECT id, unit_name, self_total, review_total, open_items FROM dossier ORDER BY sort_key, fiscal_year, id")
            // A block of dossiers at a time: their stored texts are read with one statement per
            // table, then decoded, assembled, scored and checked on every core while this thread
            // reads the next block. SQLite's own checks run meanwhile on a connection of their own
            // (`FileCheckBeside`; for a store in memory, here beside the first block).
            var fileProblems: [String]?
            // The rows read of each of `FileFindings.countedTables` (their foreign keys' check).
            var rowsRead: [String: Int] = [:]
            func findFileProblems() throws {
                guard fileProblems == nil else { return }
                fileProblems = try beside.map { try $0.problems(db, mark: mark, rowsRead: rowsRead) } ?? Self.fileProblems(db)
            }
            var dossierProblems: [String] = []
            var templates: [String: IndicatorTemplate] = [:]
            var pending: (block: ArraySlice<Row>, work: BackgroundWork<[(problems: [String], messages: [ValidationMessage])]>)?
            func finish() throws {
                guard let (block, work) = pending else { return }
                pending = nil
                for (row, one) in zip(block, try work.result()) {
                    dossierProblems += one.problems
                    try visit(row["id"], row["unit_name"], one.messages)
                }
            }
            var start = 0
            repeat {
                let block = stored[start..<min(stored.count, start + max(1, blockSize))]
                start += block.count
                let texts: [StoredDossierTexts]
                do {
                    texts = try DossierBatch.read(block.map { $0["id"] as String }, db, templates: &templates, rowsRead: &rowsRead)
                } catch {
                    // The errors come in the order of a check done one step at a time.
                    try findFileProblems()
                    try finish()
                    throw error
                }
                let inputs = zip(block.map(StoredSummary.init), texts).map { ($0, $1) }
                let work = BackgroundWork {
                    try ParallelWork.map(inputs) { summary, texts in
                        Self.checkOne(try texts.dossier(), stored: summary, schemes: schemes)
                    }
                }
                if beside == nil { try findFileProblems() }
                try finish()
                pending = (block, work)
            } while start < stored.count
            try finish()
            try findFileProblems()
            return (fileProblems ?? []) + dossierProblems
        }
    }

    /// SQLite integrity, foreign keys, template rules and report sources: what `check` finds
    /// beside the dossiers, in that order.
    static func fileProblems(_ db: Database) throws -> [String] {
        try integrityProblems(db) + foreignKeyProblems(db) + otherFileProblems(db)
    }

    /// SQLite's `integrity_check`.
    static func integrityProblems(_ db: Database) throws -> [String] {
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        return integrity == ["ok"] ? [] : integrity.map { tr("SQLite 完整性：\($0)", "SQLite integrity: \($0)") }
    }

    /// SQLite's `foreign_key_check`, of the whole file or of one table's foreign keys.
    static func foreignKeyProblems(_ db: Database, table: String? = nil) throws -> [String] {
        let sql = table.map { "PRAGMA foreign_key_check(\($0.quotedDatabaseIdentifier))" } ?? "PRAGMA foreign_key_check"
        return try Row.fetchAll(db, sql: sql).map { row in
            let table = row[0] as String? ?? "?", parent = row[2] as String? ?? "?"
            // A table WITHOUT ROWID (the dossier's row tables) gives no row number.
            guard let rowid = row[1] as Int64? else {
                return tr("外键：表 \(table) 有一行指向不存在的 \(parent)", "foreign key: table \(table), a row without rowid → \(parent)")
            }
            return tr("外键：表 \(table) 第 \(rowid) 行指向不存在的 \(parent)", "foreign key: table \(table) row \(rowid) → \(parent)")
        }
    }

    /// The tables that have foreign keys.
    static func tablesWithForeignKeys(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master m WHERE type = 'table' AND EXISTS (SELECT 1 FROM pragma_foreign_key_list(m.name))
            ORDER BY name
            """)
    }

    /// Template rules and report sources.
    static func otherFileProblems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        for t in try String.fetchAll(db, sql: "SELECT json FROM template").map({ try JSONColumn.decode(IndicatorTemplate.self, $0) }) {
            for m in TemplateRules.validate(t) where m.level == .error { problems.append(tr("模板 \(t.id)：", "template \(t.id): ") + "\(m.code) \(m.message)") }
        }
        problems += try ReportSources.problems(db)
        return problems
    }
}

extension FuheStore {
    /// Dossiers decoded and checked together by `check()`.
    static let checkBlock = 500

    /// The summary columns `check()` compares with a fresh roll-up.
    struct StoredSummary: Sendable {
        var selfTotal: Int?
        var reviewTotal: Int?
        var openItems: Int

        init(_ row: Row) {
            selfTotal = row["self_total"]
            reviewTotal = row["review_total"]
            openItems = row["open_items"]
        }
    }

    /// One dossier's integrity problems and validation messages.
    static func checkOne(_ d: Dossier, stored row: StoredSummary, schemes: [String: GradeScheme]) -> (problems: [String], messages: [ValidationMessage]) {
        let id = d.id
        var problems: [String] = []
        let scheme = schemes[d.template.gradeSchemeID] ?? .mof4
        let scored = DossierScorer.score(d, scheme: scheme)
        let review = scored.total(.review).value?.hundredths
        if row.reviewTotal != review {
            problems.append(tr("档案 \(id)：存储的复核总分与各行汇总不一致", "dossier \(id): stored review total differs from the roll-up of its rows"))
        }
        if row.openItems != d.items.filter({ $0.status.isOpen }).count {
            problems.append(tr("档案 \(id)：存储的未完成整改事项数已过时", "dossier \(id): stored open-item count is stale"))
        }
        for f in d.findings { if let m = Numbering.check(f.seq, what: "问题") { problems.append(tr("档案 \(id) 问题 \(f.id)：", "dossier \(id) finding \(f.id): ") + "\(m.code) \(m.message)") } }
        for item in d.items {
            if let m = Numbering.check(item.seq, what: "整改事项") { problems.append(tr("档案 \(id) 整改事项 \(item.id)：", "dossier \(id) item \(item.id): ") + "\(m.code) \(m.message)") }
        }
        if row.selfTotal != (d.evaluation.finalStatedTotal ?? (scored.total(.selfStated).complete ? scored.total(.selfStated).value : nil))?.hundredths {
            problems.append(tr("档案 \(id)：存储的自评总分与报告及各行不一致", "dossier \(id): stored self total differs from the report and its rows"))
        }
        for m in StoredRules.violations(d, scored: scored) where m.level == .error {
            let place = m.itemID.map { tr(" 整改事项 \($0)", " item \($0)") } ?? m.nodeID.flatMap { d.template.node(id: $0) }.map { " \($0.code)" } ?? ""
            problems.append(tr("档案 \(id)\(place)：", "dossier \(id)\(place): ") + "\(m.code) \(m.message)")
        }
        return (problems, scored.messages)
    }

    /// SQLite's own integrity check (empty when the file is sound).
    public func sqliteIntegrity() throws -> [String] {
        try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }.filter { $0 != "ok" }
    }
}
