import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport

/// The look at whether another session committed gives its last answer back without asking
/// SQLite only while the store's files are unchanged and settled, and never for long.
@Suite struct StoreLookTests {
    @Test func theLastVersionIsKeptOnlyWhileTheFilesAreUnchangedAndSettled() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-look-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("一".utf8).write(to: URL(fileURLWithPath: path))
        let stamp = try #require(StoreFileStamp(path: path))
        #expect(stamp.log == nil && StoreFileStamp(path: path + ".absent") == nil)
        let look = StoreLook()
        let settledAt = stamp.latestChange + StoreLook.settled + 1
        #expect(look.unchanged(stamp, at: settledAt) == nil)                   // nothing remembered yet
        look.remember(stamp, StoreVersion(7), at: settledAt)
        #expect(look.unchanged(stamp, at: settledAt) == StoreVersion(7))
        #expect(look.unchanged(stamp, at: settledAt + StoreLook.longest - 1) == StoreVersion(7))
        #expect(look.unchanged(stamp, at: settledAt + StoreLook.longest) == nil)   // asked again at least this often
        #expect(look.unchanged(stamp, at: stamp.latestChange + StoreLook.settled) == nil)  // changed too recently
        #expect(look.unchanged(nil, at: settledAt) == nil)                     // the file could not be read
        // A write changes the stamp: SQLite is asked again.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("二".utf8))
        try handle.close()
        let written = try #require(StoreFileStamp(path: path))
        #expect(written != stamp)
        #expect(look.unchanged(written, at: settledAt) == nil)
    }

    @Test func anotherConnectionsCommitIsSeenAtTheNextLook() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let other = try FuheStore.open(path: s.path, createIfMissing: false, clock: s.clock)
        let v0 = try s.store.storeVersion()
        #expect(try #require(StoreFileStamp(path: s.path)).log != nil)   // a main store's log is part of the stamp
        for note in ["一", "二"] {
            let before = try s.store.storeVersion()
            let view = try other.dossier(id: FollowingTests.heshan)
            var row = view.result(for: FollowingTests.staffRow)
            row.reviewNote = note
            try other.apply([.result(row)], to: FollowingTests.heshan, base: .seen(view), actor: "李某", session: "theirs")
            #expect(try s.store.storeVersion() != before)
        }
        #expect(try s.store.storeVersion() != v0)
    }
}
