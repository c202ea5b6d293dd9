import Foundation
import Testing
import FuheCore
import FuheExchange
@testable import FuheStore
import FuheTestSupport
import GRDB

@Suite struct StoreRoundTripTests {
    @Test func importedDossierLoadsBackEqual() throws {
        let t = try TempStore()
        defer { t.remove() }
        let original = try Fixture.decode(Fixture.dossierJSON).dossiers[0]
        let loaded = try t.store.dossier(id: original.id)
        #expect(loaded == original)
    }

    @Test func survivesReopening() throws {
        let t = try TempStore()
        defer { t.remove() }
        let reopened = try FuheStore.open(path: t.path, createIfMissing: false)
        #expect(try reopened.dossierIDs() == ["SE-1"])
        #expect(try reopened.meta("application") == "fuhe.store")
    }

    @Test func storeFileIsPrivateAndUsesWAL() throws {
        let t = try TempStore()
        defer { t.remove() }
        let attributes = try FileManager.default.attributesOfItem(atPath: t.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(FileManager.default.fileExists(atPath: t.path + "-wal"))
    }

    @Test func importRefusesDuplicatesWithoutWritingAnything() throws {
        let t = try TempStore()
        defer { t.remove() }
        let before = try t.store.journalCount()
        var second = try Fixture.decode(Fixture.dossierJSON).dossiers[0]
        second.evaluation.id = "SE-2"
        let again = try Fixture.decode(Fixture.dossierJSON).dossiers[0]
        #expect(throws: StoreError.duplicateDossier("SE-1")) {
            try t.store.importDossiers([second, again], actor: "测试")
        }
        #expect(try t.store.dossierIDs() == ["SE-1"])
        #expect(try t.store.journalCount() == before)
    }

    @Test func refusesFilesThatAreNotFuheStores() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-notastore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("notes.txt").path
        try "这不是数据库".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.self) { try FuheStore.open(path: text, createIfMissing: true) }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "这不是数据库")

        let other = dir.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        let size = try FileManager.default.attributesOfItem(atPath: other)[.size] as? Int
        do {
            _ = try FuheStore.open(path: other, createIfMissing: true)
            Issue.record("a foreign SQLite database was opened as a store")
        } catch let error as StoreError {
            #expect(error.description.contains("不是 Fuhe 库"))
        }
        #expect(try FileManager.default.attributesOfItem(atPath: other)[.size] as? Int == size)
    }
}
