import Foundation
import GRDB
import Testing
@testable import FuheStore

/// A commit that fills the log past SQLite's mark asks for a checkpoint and returns without
/// making it; the checkpoint, made afterwards on a connection of its own, puts the log's pages
/// in the store file.
@Suite struct BackgroundCheckpointTests {
    /// The checkpoint work a store's commits asked for, kept to be run by the test.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var work: [@Sendable () -> Void] = []
        func add(_ item: @escaping @Sendable () -> Void) { lock.withLock { work.append(item) } }
        var count: Int { lock.withLock { work.count } }
        func runAll() {
            let items = lock.withLock { () -> [@Sendable () -> Void] in defer { work.removeAll() }; return work }
            for item in items { item() }
        }
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? -1
    }

    @Test func aCommitOverTheMarkAsksForACheckpointInsteadOfMakingIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-checkpoint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        _ = try FuheStore.open(path: path, createIfMissing: true)  // a main store: WAL

        let collected = Collected()
        let checkpoint = BackgroundCheckpoint(path: path) { collected.add($0) }
        let queue = try DatabaseQueue(path: path, configuration: FuheStore.configuration(checkpoint: checkpoint))
        #expect(try queue.inDatabase { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        let before = fileSize(path)

        // About 2,000 pages of log in one commit: SQLite's own checkpoint would run inside it.
        let big = String(repeating: "复核", count: 1_400_000)
        try queue.write { db in try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('scratch', ?)", arguments: [big]) }
        #expect(collected.count == 1)
        #expect(fileSize(path) == before, "the commit itself copied the log into the store file")
        #expect(fileSize(path + "-wal") > big.utf8.count)

        // A second commit while the first checkpoint is on its way asks for nothing more.
        try queue.write { db in try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('other', 'x')") }
        #expect(collected.count == 1)

        collected.runAll()
        #expect(fileSize(path) >= before + big.utf8.count, "the checkpoint did not copy the log into the store file")
        #expect(try queue.read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'other'") } == "x")

        // The log starts again from its beginning: a small commit asks for nothing, the next big one does.
        try queue.write { db in try db.execute(sql: "UPDATE meta SET value = 'y' WHERE key = 'other'") }
        #expect(collected.count == 0)
        try queue.write { db in try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'scratch'", arguments: [big + "。"]) }
        #expect(collected.count == 1)
    }

    /// A bulk load's commits checkpoint in place, as SQLite's own hook does: nothing is asked
    /// of the background, and the store file holds the pages when the commit returns.
    @Test func inlineCommitsCheckpointInPlace() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-checkpoint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        _ = try FuheStore.open(path: path, createIfMissing: true)

        let collected = Collected()
        let checkpoint = BackgroundCheckpoint(path: path) { collected.add($0) }
        let queue = try DatabaseQueue(path: path, configuration: FuheStore.configuration(checkpoint: checkpoint))
        let before = fileSize(path)
        let big = String(repeating: "复核", count: 1_400_000)
        try checkpoint.inline {
            try queue.write { db in try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('scratch', ?)", arguments: [big]) }
        }
        #expect(collected.count == 0)
        #expect(fileSize(path) >= before + big.utf8.count, "the commit did not checkpoint in place")
        // Out of the inline scope, a commit over the mark asks again.
        try queue.write { db in try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'scratch'", arguments: [big + "。"]) }
        #expect(collected.count == 1)
    }

    @Test func aStoreOpenedForWritingHasNoCheckpointInItsCommits() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-checkpoint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        let store = try FuheStore.open(path: path, createIfMissing: true)
        // SQLite reports 0 when the connection's log hook is not its own automatic checkpoint.
        #expect(try store.queue.inDatabase { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } == 0)
    }
}
