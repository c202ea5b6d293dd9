import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport
import GRDB

/// What `FuheStore.open` and `create` do to files that are not (yet) stores: nothing.
@Suite struct StoreFileTests {
    let dir: URL
    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func refusal(_ body: () throws -> Void) -> String {
        do { try body(); return "" } catch { return "\(error)" }
    }

    func sha(_ path: String) throws -> [UInt8] { SHA256.digest(Array(try Data(contentsOf: URL(fileURLWithPath: path)))) }

    @Test func aFolderIsRefusedWithAMessage() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        // `try!` in checkHeader crashed every command given a folder.
        let message = refusal { _ = try FuheStore.open(path: dir.path, createIfMissing: true) }
        #expect(message.contains("这是一个文件夹"), "\(message)")
    }

    @Test func anEmptyFileIsRefusedAndKeptAsItWas() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = path("s.sqlite")
        #expect(FileManager.default.createFile(atPath: p, contents: Data(), attributes: [.posixPermissions: 0o644]))
        let message = refusal { _ = try FuheStore.open(path: p, createIfMissing: true) }
        #expect(message.contains("文件是空的"), "\(message)")
        let attributes = try FileManager.default.attributesOfItem(atPath: p)
        #expect(attributes[.size] as? Int == 0)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o644)
    }

    @Test func aForeignDatabaseIsRefusedBeforeAnythingSwitchesItToWAL() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = path("other-app.db")
        let q = try DatabaseQueue(path: p)
        try q.write { db in try db.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        try q.close()
        let before = try sha(p)
        let message = refusal { _ = try FuheStore.open(path: p, createIfMissing: true) }
        #expect(message.contains("不是 Fuhe 库") && message.contains("什么都没有改动"), "\(message)")
        #expect(try sha(p) == before)
        let header = Array(try Data(contentsOf: URL(fileURLWithPath: p)).prefix(20))
        #expect(header[18] == 1 && header[19] == 1, "file format bytes say WAL: \(header[18]) \(header[19])")
        #expect(!FileManager.default.fileExists(atPath: p + "-wal"))
    }

    @Test func aStoreOfAnUnknownKindIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = path("s.sqlite")
        _ = try FuheStore.open(path: p, createIfMissing: true)
        try TempSQL.execute(p, "UPDATE meta SET value = 'archive' WHERE key = 'kind'")
        let message = refusal { _ = try FuheStore.open(path: p, createIfMissing: false) }
        #expect(message.contains("库的类型“archive”未知"), "\(message)")
    }

    @Test func aNewStoreAppearsOnlyComplete() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = path("new/s.sqlite")
        struct Stop: Error {}
        #expect(throws: Stop.self) { _ = try FuheStore.create(at: p) { _ in throw Stop() } }
        // The folder was made, but no file (not even an empty or hidden one) is left in it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: path("new")) == [])
        let store = try FuheStore.create(at: p) { s in try s.saveGradeSchemes([.mof4]) }
        #expect(try store.meta("application") == "fuhe.store")
        #expect(try store.gradeSchemes().count == 1)
        let mode = (try FileManager.default.attributesOfItem(atPath: p)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        #expect(try store.queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(refusal { _ = try FuheStore.create(at: p) }.contains("这是一个数据库"))
    }
}
