import Foundation
import Testing
import FuheApp
import FuheCore
import FuheStore
import FuheTestSupport

/// The demo's sandbox: a `.sandbox` store in a private folder, reset to fresh samples, removed
/// without a trace.
struct SandboxTests {
    @Test func aDemoSandboxIsASandboxStoreInAPrivateFolder() throws {
        let demo = try DemoSandbox()
        defer { demo.remove() }
        let sandbox = demo.sandbox
        #expect(try sandbox.store.kind() == .sandbox)
        #expect(try FuheStore.open(path: sandbox.path, createIfMissing: false).kind() == .sandbox)
        let mode = try FileManager.default.attributesOfItem(atPath: sandbox.directory.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o700)
        #expect(sandbox.directory.lastPathComponent.hasPrefix("fuhe-demo-"))
        #expect(sandbox.directory.deletingLastPathComponent().lastPathComponent == demo.parent.lastPathComponent)
        #expect(try sandbox.unitList(today: SampleStore.today, filter: .init()).count == 11)
    }

    @Test func resetGivesFreshSamplesInANewFileAndRemoveLeavesNothing() throws {
        let demo = try DemoSandbox()
        defer { demo.remove() }
        let sandbox = demo.sandbox
        let first = sandbox.path
        // An untouched sandbox has nothing to reset.
        try sandbox.resetSandbox()
        #expect(sandbox.path == first && sandbox.isPristine)
        _ = try sandbox.apply([.removeItem(id: "RI-YYX-01")], to: "SE-YYX-TZGZ-2021", base: .unconditional, actor: "t", reason: nil, origin: "test")
        #expect(!sandbox.isPristine)
        #expect(try sandbox.dossier(id: "SE-YYX-TZGZ-2021").items.count == 2)
        try sandbox.resetSandbox()
        #expect(sandbox.path != first && !FileManager.default.fileExists(atPath: first))
        #expect(try sandbox.dossier(id: "SE-YYX-TZGZ-2021").items.count == 3)
        #expect(try sandbox.store.kind() == .sandbox)
        sandbox.remove()
        #expect(!FileManager.default.fileExists(atPath: sandbox.directory.path))
    }

    @Test func aSandboxCannotBeMadeInAFolderThatCannotBeWritten() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-not-a-dir-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: AppFailure.self) { _ = try Sandbox(parent: file) }
    }
}
