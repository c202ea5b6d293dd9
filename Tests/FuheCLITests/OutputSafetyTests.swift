import Foundation
import Testing
import FuheTestSupport

/// Issue 9 §2 through the real binary: files the user did not name are never touched, and the
/// ones they name are written whole, privately, or not at all.
@Suite struct OutputSafetyTests {
    func sha(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
    func mode(_ path: String) throws -> Int { (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1 }
    func files(_ r: BinaryRunner) throws -> Set<String> { Set(try FileManager.default.contentsOfDirectory(atPath: r.home.path)) }

    /// A store with the samples in the runner's folder.
    func sampleStore(_ r: BinaryRunner) throws -> String {
        let store = r.file("s.sqlite")
        let result = try r.run(["import", "--samples", "--store", store])
        #expect(result.status == 0, "\(result.stderr)")
        return store
    }

    @Test(arguments: [["export"], ["ledger"]])
    func anExistingFileIsReplacedOnlyWithForce(command: [String]) throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try sampleStore(r)
        let out = r.file("out.txt")
        try "别人的文件".write(toFile: out, atomically: true, encoding: .utf8)
        let refused = try r.run(command + ["--store", store, "--out", out])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("文件已存在") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "别人的文件")
        let forced = try r.run(command + ["--store", store, "--out", out, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) != "别人的文件")
        #expect(try mode(out) == 0o600)
    }

    @Test(arguments: [["export"], ["ledger"], ["checkout", "--unit", "赫山"]])
    func aStoreAndItsLogFilesAreNeverOverwritten(command: [String]) throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try sampleStore(r)
        let other = r.file("other.sqlite")
        #expect(try r.run(["list", "--store", other]).status == 0)
        let before = try sha(other)
        for target in [other, other + "-wal", other + "-shm", store] {
            let result = try r.run(command + ["--store", store, "--out", target, "--force"])
            #expect(result.status != 0, "\(command) \(target)")
            #expect(result.stderr.contains("数据库") || result.stderr.contains("日志文件"), "\(result.stderr)")
        }
        #expect(try sha(other) == before)
        #expect(!FileManager.default.fileExists(atPath: other + "-wal"))
        #expect(try r.run(["verify", "--store", store]).status == 0)
    }

    @Test func outputsArePrivateAndLeaveNoTemporaryFiles() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try sampleStore(r)
        let before = try files(r)
        #expect(try r.run(["export", "--store", store, "--out", r.file("a.json")]).status == 0)
        #expect(try r.run(["ledger", "--store", store, "--out", r.file("b.csv")]).status == 0)
        #expect(try r.run(["checkout", "--store", store, "--unit", "赫山", "--out", r.file("c.sqlite")]).status == 0)
        #expect(try files(r).subtracting(before) == ["a.json", "b.csv", "c.sqlite"])
        for name in ["a.json", "b.csv", "c.sqlite"] { #expect(try mode(r.file(name)) == 0o600, "\(name)") }
        // A refused output leaves nothing behind either.
        #expect(try r.run(["checkout", "--store", store, "--unit", "赫山", "--out", r.file("c.sqlite")]).status != 0)
        #expect(try r.run(["export", "--store", store, "--out", r.file("no/such/folder/a.json")]).status != 0)
        #expect(try files(r).subtracting(before) == ["a.json", "b.csv", "c.sqlite"])
    }

    /// `fuhe demo --record` pointed at the default store truncated it to 0 bytes; the next
    /// command then turned the empty file into a new empty store.
    @Test func demoRecordNeverTruncatesAnything() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        #expect(try r.run(["list"]).status == 0)
        let defaultStore = r.home.appendingPathComponent("data/fuhe/fuhe.sqlite").path
        let before = try sha(defaultStore)
        let onStore = try r.run(["demo", "--record", defaultStore])
        #expect(onStore.status != 0)
        #expect(onStore.stderr.contains("这是一个数据库"), "\(onStore.stderr)")
        #expect(try sha(defaultStore) == before)
        try "上一次的录制".write(toFile: r.file("old.jsonl"), atomically: true, encoding: .utf8)
        let onFile = try r.run(["demo", "--record", r.file("old.jsonl")])
        #expect(onFile.stderr.contains("文件已存在"), "\(onFile.stderr)")
        #expect(try String(contentsOfFile: r.file("old.jsonl"), encoding: .utf8) == "上一次的录制")
        // Without a terminal the demo cannot start: no record appears, not even an empty one.
        let fresh = try r.run(["demo", "--record", r.file("new.jsonl")])
        #expect(fresh.status != 0 && fresh.stderr.contains("无法启动终端"), "\(fresh.stderr)")
        #expect(!FileManager.default.fileExists(atPath: r.file("new.jsonl")))
        #expect(try r.run(["list"]).stdout.contains("赫山区政务服务中心"))
    }

    @Test func aFolderGivenAsAStoreOrACopyGetsAMessageNotACrash() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try sampleStore(r)
        try FileManager.default.createDirectory(atPath: r.file("文件夹"), withIntermediateDirectories: true)
        for arguments in [["list", "--store", r.file("文件夹")], ["verify", "--store", r.file("文件夹")], ["merge", "--store", store, r.file("文件夹")]] {
            let result = try r.run(arguments)
            #expect(result.status == 1, "\(arguments): status \(result.status)")
            #expect(result.stderr.contains("这是一个文件夹"), "\(result.stderr)")
        }
    }

    @Test func aForeignDatabaseIsRefusedBeforeItIsSwitchedToWAL() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let db = r.file("other-app.db")
        let made = try BuiltProducts.run("/usr/bin/sqlite3", [db, "create table t(x); insert into t values(1);"])
        #expect(made.status == 0)
        let before = try sha(db)
        let result = try r.run(["list", "--store", db])
        #expect(result.status != 0 && result.stderr.contains("什么都没有改动"), "\(result.stderr)")
        #expect(try sha(db) == before)
        #expect(try BuiltProducts.run("/usr/bin/sqlite3", [db, "pragma journal_mode"]).stdout == "delete\n")
    }

    @Test func anEmptyFileDoesNotBecomeAStore() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let path = r.file("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(), attributes: [.posixPermissions: 0o644]))
        let result = try r.run(["list", "--store", path])
        #expect(result.status != 0 && result.stderr.contains("文件是空的"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
        #expect(try mode(path) == 0o644)
    }

    @Test func aStoreOfAnUnknownKindIsRefused() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try sampleStore(r)
        #expect(try BuiltProducts.run("/usr/bin/sqlite3", [store, "update meta set value = 'archive' where key = 'kind'"]).status == 0)
        let result = try r.run(["checkout", "--store", store, "--unit", "赫山", "--out", r.file("c.sqlite")])
        #expect(result.status != 0 && result.stderr.contains("未知"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: r.file("c.sqlite")))
    }

    /// A checkout killed at any moment leaves no hidden copy of the data next to the file.
    @Test func aKilledCheckoutLeavesNothingBehind() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try sampleStore(r)
        let before = try files(r)
        for (i, delay) in [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.7, 0.9].enumerated() {
            let process = Process()
            process.executableURL = BinaryRunner.executable
            process.arguments = ["checkout", "--store", store, "--filter", "type=dept", "--out", r.file("copy\(i).sqlite")]
            process.environment = ["HOME": r.home.path, "XDG_DATA_HOME": r.file("data"), "LANG": "C.UTF-8"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        // (The main store's own -wal and -shm stay after a kill, as SQLite leaves them.)
        let left = try files(r).subtracting(before).subtracting(["s.sqlite-wal", "s.sqlite-shm"])
        // Each copy is either there, whole, or not at all.
        #expect(left.allSatisfy { $0.hasPrefix("copy") && $0.hasSuffix(".sqlite") }, "\(left)")
        for name in left { #expect(try r.run(["list", "--store", r.file(name)]).status == 0, "\(name) is not a whole store") }
    }
}
