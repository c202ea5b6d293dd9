import Foundation
import Testing
import FuheCore
import FuheStore

/// A store's kind is written once, when it is created, and read back on every open — so a
/// training sandbox stays a sandbox (and `fuhe merge`, which takes only copies, refuses it).
@Suite struct StoreKindTests {
    @Test(arguments: [StoreKind.main, .copy, .sandbox])
    func kindSurvivesReopening(kind: StoreKind) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-kind-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        #expect(try FuheStore.open(path: path, createIfMissing: true, kind: kind).kind() == kind)
        // Reopening, even asking for another kind, keeps what was recorded at creation.
        #expect(try FuheStore.open(path: path, createIfMissing: false).kind() == kind)
        #expect(try FuheStore.open(path: path, createIfMissing: true, kind: .main).kind() == kind)
    }
}
