import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport
import GRDB

/// `check` reads blocks of dossiers while the previous block is scored on other threads, and hands
/// each dossier's messages on as its block is done. Whatever the block size, it finds what a check
/// of one dossier at a time through `dossier(id:)` finds, in unit-list order, with the store's own
/// problems first.
@Suite struct CheckBlocksTests {
    /// Seven dossiers of the fixture with different scores, one with a stale stored review total.
    private func store() throws -> TempStore {
        let t = try TempStore(loadFixture: false)
        let base = try Fixture.decode(Fixture.dossierJSON).dossiers[0]
        var random = SplitMix64(seed: 14)
        var dossiers: [Dossier] = []
        for n in 0..<7 {
            var d = base
            d.evaluation.id = "SE-CHECK-\(n)"
            for id in d.results.keys.sorted() where random.next() % 3 == 0 {
                d.results[id]?.reviewScore = Score(hundredths: Int(random.next() % 500))
                d.results[id]?.selfScore = random.next() % 2 == 0 ? nil : Score(hundredths: Int(random.next() % 900))
            }
            dossiers.append(d)
        }
        try t.store.bulkLoad(dossiers, actor: "测试", transactionSize: 3)
        try t.store.queue.write { db in
            try db.execute(sql: "UPDATE dossier SET review_total = coalesce(review_total, 0) + 1 WHERE id = ?", arguments: ["SE-CHECK-4"])
        }
        return t
    }

    @Test func everyBlockSizeFindsWhatADossierAtATimeFinds() throws {
        let t = try store()
        defer { t.remove() }
        // One dossier at a time, as `check` did before blocks.
        let ids = try t.store.queue.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM dossier ORDER BY sort_key, fiscal_year, id")
        }
        let schemes = try t.store.queue.read { db in try FuheStore.gradeSchemes(db) }
        var expectedMessages: [String: [ValidationMessage]] = [:]
        for id in ids {
            let d = try t.store.dossier(id: id)
            expectedMessages[id] = DossierScorer.score(d, scheme: schemes[d.template.gradeSchemeID] ?? .mof4).messages
        }
        #expect(expectedMessages.values.contains { !$0.isEmpty })

        var reports: [[String]] = []
        for size in [1, 2, 3, 7, 500] {
            var seen: [String] = []
            let problems = try t.store.check(blockSize: size) { id, unitName, messages in
                seen.append(id)
                #expect(messages == expectedMessages[id], "block size \(size), \(id)")
                #expect(!unitName.isEmpty)
            }
            #expect(seen == ids, "block size \(size): unit-list order")
            #expect(problems == ["档案 SE-CHECK-4：存储的复核总分与各行汇总不一致"], "block size \(size)")
            reports.append(problems + seen)
        }
        #expect(Set(reports.map { $0.joined(separator: "\n") }).count == 1)

        let whole = try t.store.check()
        #expect(whole.dossierMessages.map(\.dossierID) == ids)
        #expect(whole.dossierMessages.map(\.messages) == ids.map { expectedMessages[$0]! })
        #expect(whole.integrityProblems == reports[0].prefix(1).map { $0 })
    }

    /// SQLite's own checks run on a connection of their own beside the blocks (`FileCheckBeside`);
    /// what they find counts only when they read the check's snapshot, else they run again on the
    /// check's connection. A foreign key broken behind Fuhe's back is found either way, first.
    @Test func sqlitesOwnChecksRunBesideOnTheSameSnapshot() throws {
        let t = try store()
        defer { t.remove() }
        try t.store.queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "INSERT INTO result (dossier_id, node_id, json) VALUES ('SE-GONE', 'N1', '{}')")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        try t.store.queue.read { db in
            let mark = try FileCheckBeside.snapshotMark(db)
            let expected = try FuheStore.fileProblems(db)
            #expect(expected.contains { $0.hasPrefix("外键：表 result ") })
            let elsewhere = FileCheckBeside(work: BackgroundWork { FileFindings(mark: "another snapshot", integrity: ["stale"], foreignKeys: [], rest: []) })
            #expect(try elsewhere.problems(db, mark: mark, rowsRead: [:]) == expected)
            let same = FileCheckBeside(work: BackgroundWork { FileFindings(mark: mark, integrity: ["found beside"], foreignKeys: [], rest: []) })
            #expect(try same.problems(db, mark: mark, rowsRead: [:]) == ["found beside"])
            let beside = try #require(FileCheckBeside(file: t.path))
            #expect(try beside.work.result().mark == mark)
            // The orphan row is in a counted table: the counts settle it only when the check read
            // every row; here it read none, so SQLite's whole check runs.
            #expect(try beside.work.result().foreignKeys == nil)
            #expect(try beside.problems(db, mark: mark, rowsRead: [:]) == expected)
        }
        let problems = try t.store.check(blockSize: 2) { _, _, _ in }
        #expect(problems.first?.hasPrefix("外键：表 result ") == true)
        #expect(problems.last == "档案 SE-CHECK-4：存储的复核总分与各行汇总不一致")
        #expect(FileCheckBeside(file: ":memory:") == nil)

        // A journalled edit gives another snapshot mark.
        let before = try t.store.queue.read { try FileCheckBeside.snapshotMark($0) }
        let d = try t.store.dossier(id: "SE-CHECK-0")
        var row = d.result(for: try #require(d.results.keys.sorted().first))
        row.reviewNote = "再看一遍"
        try t.store.apply([.result(row)], to: d.id, base: .seen(d), actor: "王某")
        #expect(try t.store.queue.read { try FileCheckBeside.snapshotMark($0) } != before)
    }

    /// The foreign keys of the dossier's own row tables stand on counts: the check reads every row
    /// whose dossier is stored, so as many rows read as a table holds means no orphan. A row whose
    /// dossier is gone, in any of those tables or in another table with foreign keys, brings
    /// SQLite's whole `foreign_key_check`, whose findings and order are the answer.
    @Test func foreignKeysOfTheRowTablesStandOnTheRowsRead() throws {
        let t = try store()
        defer { t.remove() }
        try t.store.queue.read { db in
            let findings = try FileFindings(db)
            #expect(findings.foreignKeys == nil)
            #expect(try FileFindings.counted(db) == FileFindings.countedTables)
            var templates: [String: IndicatorTemplate] = [:]
            var rowsRead: [String: Int] = [:]
            let ids = try String.fetchAll(db, sql: "SELECT id FROM dossier ORDER BY id")
            _ = try DossierBatch.read(Array(ids.prefix(3)), db, templates: &templates, rowsRead: &rowsRead)
            _ = try DossierBatch.read(Array(ids.dropFirst(3)), db, templates: &templates, rowsRead: &rowsRead)
            for table in FileFindings.countedTables {
                let rows = try #require(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)"))
                #expect(rows > 0, "the fixture has \(table) rows")
                #expect(findings.rowCounts[table] == rows)
                #expect(rowsRead[table] == rows)
            }
            #expect(try findings.problems(db, rowsRead: rowsRead) == FuheStore.fileProblems(db))
            #expect(try findings.problems(db, rowsRead: rowsRead).isEmpty)
        }
        #expect(try t.store.check(blockSize: 3) { _, _, _ in }.first?.hasPrefix("档案 SE-CHECK-4") == true)

        // An orphan in each counted table, one at a time, then one in a table checked row by row.
        for table in FileFindings.countedTables + ["lease_unit"] {
            try t.store.queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                if table == "lease_unit" {
                    try db.execute(sql: "INSERT INTO lease_unit (lease_id, dossier_id) VALUES ('L-GONE', 'SE-CHECK-0')")
                } else {
                    try db.execute(sql: "CREATE TEMP TABLE orphan AS SELECT * FROM \(table) LIMIT 1")
                    try db.execute(sql: "UPDATE orphan SET dossier_id = 'SE-GONE-\(table)'")
                    try db.execute(sql: "INSERT INTO \(table) SELECT * FROM orphan")
                    try db.execute(sql: "DROP TABLE orphan")
                }
                try db.execute(sql: "PRAGMA foreign_keys = ON")
            }
            let expected = try t.store.queue.read { try FuheStore.fileProblems($0) }
            #expect(expected.contains { $0.hasPrefix("外键：表 \(table) ") })
            for size in [1, 3, 500] {
                let problems = try t.store.check(blockSize: size) { _, _, _ in }
                #expect(Array(problems.prefix(expected.count)) == expected, "\(table), blocks of \(size)")
            }
        }
    }

    @Test func anEmptyStoreIsCheckedToo() throws {
        let t = try TempStore(loadFixture: false)
        defer { t.remove() }
        var visited = 0
        #expect(try t.store.check { _, _, _ in visited += 1 }.isEmpty)
        #expect(visited == 0)
    }

    @Test func whatTheVisitorThrowsEndsTheCheck() throws {
        let t = try store()
        defer { t.remove() }
        struct Stop: Error {}
        var visited = 0
        #expect(throws: Stop.self) {
            _ = try t.store.check(blockSize: 2) { _, _, _ in
                visited += 1
                if visited == 3 { throw Stop() }
            }
        }
        #expect(visited == 3)
    }
}
