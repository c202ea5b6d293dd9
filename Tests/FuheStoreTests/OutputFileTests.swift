import Foundation
import FuheFiles
import Testing
import FuheCore
@testable import FuheStore
import GRDB
import FuheApp
import FuheTestSupport

/// The one safe-output helper and the translation of SQLite errors.
@Suite struct OutputFileTests {
    let dir: URL
    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    @Test func aFileIsInvisibleUntilCommittedAndNothingIsLeftWhenDropped() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("台账.csv").path
        do {
            let pending = try OutputFile.begin(path, force: false)
            try pending.append(Array("一半".utf8))
            #expect(try listing() == [])
        }
        #expect(try listing() == [])
        let pending = try OutputFile.begin(path, force: false)
        try pending.append(Array("全部".utf8))
        try pending.commit()
        #expect(try listing() == ["台账.csv"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "全部")
    }

    @Test func withoutForceAFileCreatedMeanwhileIsNotReplaced() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.json").path
        let pending = try OutputFile.begin(path, force: false)
        try pending.append(Array("我的".utf8))
        try "别人的".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: OutputError.exists(path)) { try pending.commit() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "别人的")
        #expect(try listing() == ["a.json"])
    }

    @Test func withForceTheFileIsReplacedWholeAndPrivate() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.json").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("旧".utf8), attributes: [.posixPermissions: 0o644]))
        try OutputFile.write(Array("新".utf8), to: path, force: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "新")
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try listing() == ["a.json"])
    }

    @Test func databasesTheirLogFilesAndFoldersAreRefusedEvenWithForce() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("s.sqlite").path
        _ = try FuheStore.open(path: store, createIfMissing: true)
        #expect(throws: OutputError.isDatabase(store)) { try OutputFile.check(store, force: true) }
        #expect(throws: OutputError.isStoreCompanion(store + "-wal", store: store)) { try OutputFile.check(store + "-wal", force: true) }
        #expect(throws: OutputError.isStoreCompanion(store + "-shm", store: store)) { try OutputFile.check(store + "-shm", force: true) }
        #expect(throws: OutputError.isFolder(dir.path)) { try OutputFile.check(dir.path, force: true) }
        let nowhere = dir.appendingPathComponent("no/x.csv").path
        #expect(throws: OutputError.noFolder(nowhere, folder: dir.appendingPathComponent("no").path)) { try OutputFile.check(nowhere, force: false) }
    }

    @Test func sqliteErrorsAreTranslatedIntoWhatTheUserCanDo() {
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(ResultCode, String)] = [
            (.SQLITE_BUSY, "锁定"), (.SQLITE_LOCKED, "锁定"), (.SQLITE_FULL, "磁盘已满"), (.SQLITE_READONLY, "只读"),
            (ResultCode(rawValue: 10 | (3 << 8)), "读写文件时出错"), (.SQLITE_CORRUPT, "已损坏"), (.SQLITE_CANTOPEN, "无法打开"),
        ]
        for (code, expected) in cases {
            let error = DatabaseError(resultCode: code, message: "raw sqlite words")
            let translated = StoreError.translating(error, path: "s.sqlite")
            #expect(translated?.description.hasPrefix("s.sqlite：") == true)
            #expect(translated?.description.contains(expected) == true, "\(code): \(translated?.description ?? "")")
        }
        #expect(StoreError.translating(CocoaError(.fileNoSuchFile)) == nil)
    }
}

/// The workstation's repository hands SQLite failures on in the user's words.
@Suite struct RepositoryErrorTests {
    @Test func aLockedStoreReachesTheWorkstationTranslated() throws {
        let t = try TempStore()
        defer { t.remove() }
        // Another program holds the write lock (as sqlite3 or a second fuhe would).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        holder.arguments = ["-c", "import sqlite3, sys, time\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\nc.execute('BEGIN EXCLUSIVE')\nprint('locked', flush=True)\ntime.sleep(12)", t.path]
        let out = Pipe()
        holder.standardOutput = out
        try holder.run()
        defer { kill(holder.processIdentifier, SIGKILL); holder.waitUntilExit() }
        #expect(String(decoding: out.fileHandleForReading.availableData, as: UTF8.self).contains("locked"))
        let repository = StoreRepository(t.store, role: .leader)
        var row = try t.store.dossier(id: "SE-1").result(for: "TX-2.1")
        row.reviewNote = "锁着也要改"
        do {
            _ = try repository.apply([.result(row)], to: "SE-1", base: .unconditional, actor: "王某", reason: nil, origin: "local")
            Issue.record("wrote through an exclusive lock")
        } catch let error as StoreError {
            #expect(error == .sqlite(.busy, path: "store.sqlite"), "\(error)")
            #expect(error.description.contains("锁定"))
        }
    }
}
