import Foundation
import FuheCore
import FuheStore
import FuheUI

/// The training demo's throwaway store: a `.sandbox` store (never merged anywhere) in a fresh
/// private folder (mode 0700) under the temporary directory, with the bundled catalog and sample
/// dossiers. `resetSandbox()` replaces it with a fresh one; `remove()` deletes the folder. It
/// never opens, creates or reads the default store.
///
/// ```swift
/// let sandbox = try Sandbox()
/// defer { sandbox.remove() }
/// let workstation = Workstation(repository: sandbox, …)
/// ```
public final class Sandbox: ReviewRepository, SandboxControl {
    public let directory: URL
    public private(set) var store: FuheStore
    let clock: any Clock
    private var generation = 1
    /// Nothing was written since the sandbox was made or last reset (a reset then has nothing to do).
    public private(set) var isPristine = true
    /// The trainee's role on the review team (the demo acts as 组长); writes obey it as in a real store.
    public var role: TeamRole? = .leader
    /// The training session's id (the sandbox has one session at a time).
    public let session = UUID().uuidString.lowercased()

    public init(clock: any Clock = SystemClock(), parent: URL = FileManager.default.temporaryDirectory) throws {
        self.clock = clock
        directory = try Self.makeDirectory(in: parent)
        do {
            store = try Self.makeStore(in: directory, generation: 1, clock: clock)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// Where `D` writes documents in the demo: a folder in the sandbox, deleted with it, so a
    /// trainee never leaves files in real folders.
    public var documentsFolder: URL { directory.appendingPathComponent("文书", isDirectory: true) }

    /// The demo's document writer (the store in use, the sandbox's folder, and a note saying so).
    public func documentWriter() -> UnitDocumentWriter {
        UnitDocumentWriter(store: { self.store }, place: DocumentsPlace(
            folder: documentsFolder.path, origin: "培训沙盒",
            note: "培训演示：文书只写在沙盒的临时文件夹里，退出演示时一并删除；正式的文书请在工作台（fuhe）中写出。"))
    }

    /// The store file now in use.
    public var path: String { store.path }

    public func resetSandbox() throws {
        guard !isPristine else { return }
        let old = store.path
        generation += 1
        store = try Self.makeStore(in: directory, generation: generation, clock: clock)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: old + suffix) }
        isPristine = true
    }

    /// Deletes the sandbox folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    static func makeDirectory(in parent: URL) throws -> URL {
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        var template = Array(parent.appendingPathComponent("fuhe-demo-XXXXXX").path.utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw AppFailure(tr("无法在 \(parent.path) 中建立沙盒文件夹（errno \(errno)）", "cannot create the sandbox folder in \(parent.path) (errno \(errno))"))
        }
        return URL(fileURLWithPath: String(cString: made))
    }

    static func makeStore(in directory: URL, generation: Int, clock: any Clock) throws -> FuheStore {
        let path = directory.appendingPathComponent("sandbox-\(generation).sqlite").path
        do {
            let store = try FuheStore.open(path: path, createIfMissing: true, clock: clock, kind: .sandbox)
            try BundledData.installCatalog(into: store)
            try BundledData.installSamples(into: store, actor: "fuhe demo")
            return store
        } catch let error as StoreError {
            throw AppFailure(tr("沙盒：", "sandbox: ") + error.description)
        }
    }

    // MARK: ReviewRepository (the store in use)

    public func unitList(today: CalendarDay?, filter: UnitFilter) throws -> [UnitSummary] { try store.unitList(today: today, filter: filter) }
    public func unitPage(_ request: UnitPageRequest) throws -> UnitPage { try store.unitPage(request) }
    public func unitKeys(filter: UnitFilter, order: UnitOrder?, today: CalendarDay?) throws -> [UnitKey] {
        try store.unitKeys(filter: filter, order: order, today: today)
    }

    public func unitSummary(dossierID: String, today: CalendarDay?) throws -> UnitSummary? {
        try store.unitSummary(dossierID: dossierID, today: today)
    }

    public func dossier(id: String) throws -> Dossier { try store.dossier(id: id) }

    public func gradeSchemes() throws -> [String: GradeScheme] { try store.gradeSchemes() }

    public func apply(_ changes: [StoreChange], to dossierID: String, base: ChangeBase, actor: String, reason: String?, origin: String) throws -> Int64? {
        isPristine = false
        return try store.apply(changes, to: dossierID, base: base, actor: actor, reason: reason, origin: origin, session: session,
                               person: Actor(name: actor, role: role))
    }

    public func revert(batch: Int64, actor: String) throws -> Int64? {
        isPristine = false
        return try store.revert(batch: batch, actor: actor, session: session, person: Actor(name: actor, role: role))
    }

    public func storeVersion() throws -> StoreVersion { try store.storeVersion() }

    public func journalHead() throws -> JournalPosition { try store.journalHead() }

    public func changes(since position: JournalPosition, limit: Int) throws -> ChangeFeed { try store.changes(since: position, limit: limit) }
}
