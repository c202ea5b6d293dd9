import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport

/// Handing a copy over while its workstation is still open: the file alone holds every saved
/// edit, and `fuhe merge` refuses a copy that is still open or whose edits are not all in it.
@Suite struct CopyHandoverTests {
    static let heshan = "SE-HS-ZWZX-2021"
    static let staffRow = "T4-1.1.1"

    let s: SampleStore
    let copyPath: String
    init() throws {
        s = try SampleStore()
        copyPath = s.directory.appendingPathComponent("site.fuhe").path
        try s.store.checkout(dossierIDs: [Self.heshan], to: copyPath, holder: "张三", actor: "王某")
    }

    func edit(_ store: FuheStore, _ node: String, note: String) throws {
        let view = try store.dossier(id: Self.heshan)
        var row = view.result(for: node)
        row.reviewNote = note
        try store.apply([.result(row)], to: Self.heshan, base: .seen(view), actor: "张三")
    }

    func refusal(_ body: () throws -> Void) -> String {
        do { try body(); return "" } catch { return "\(error)" }
    }

    func leaves() throws -> [String] { try s.store.dossier(id: Self.heshan).template.scorableLeaves.prefix(5).map(\.id) }

    @Test func aCopyOpenInAWorkstationIsWholeOnDiskAfterEverySave() throws {
        defer { s.remove() }
        let site = try FuheStore.open(path: copyPath, createIfMissing: false, clock: s.clock)
        let nodes = try leaves()
        for (i, node) in nodes.enumerated() { try edit(site, node, note: "现场第\(i + 1)条") }
        let mode = try site.queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "delete")
        #expect(!FileManager.default.fileExists(atPath: copyPath + "-wal"))
        // Still open: the merge of the file itself is refused, naming the fix.
        #expect(refusal { _ = try s.store.prepareMerge(copyPath: copyPath) }.contains("正在工作台或另一个 fuhe 命令中打开"))
        // The file copied to a stick as it is, the workstation still open: every saved edit comes back.
        let stick = s.directory.appendingPathComponent("usb-site.fuhe").path
        try FileManager.default.copyItem(atPath: copyPath, toPath: stick)
        let prepared = try s.store.prepareMerge(copyPath: stick)
        #expect(Set(prepared.plan.changes.map(\.key.id)) == Set(nodes))
        let outcome = try s.store.commitMerge(prepared, decisions: [:], actor: "王某")
        #expect(!outcome.leftOpen && outcome.batch != nil)
        let d = try s.store.dossier(id: Self.heshan)
        #expect(nodes.enumerated().allSatisfy { d.result(for: $0.element).reviewNote == "现场第\($0.offset + 1)条" })
        #expect(try s.store.lease(id: "L-1")?.status == .merged)
        _ = site
    }

    /// A copy kept in WAL mode (as an older Fuhe did) with edits still in its `-wal`: the file
    /// alone lacks them, so its merge finds nothing and the lease stays out; the copy itself is
    /// refused while open, and while its `-wal` holds frames; once folded in, every edit merges.
    @Test func editsStillInTheWALAreNeverLostNorMergedHalf() throws {
        defer { s.remove() }
        let nodes = try leaves()
        let stick = s.directory.appendingPathComponent("usb-site.fuhe").path
        do {
            let site = try FuheStore.open(path: copyPath, createIfMissing: false, clock: s.clock)
            _ = try site.queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            for (i, node) in nodes.enumerated() { try edit(site, node, note: "WAL 第\(i + 1)条") }
            #expect(((try FileManager.default.attributesOfItem(atPath: copyPath + "-wal")[.size] as? Int) ?? 0) > 0)
            try FileManager.default.copyItem(atPath: copyPath, toPath: stick)
            #expect(refusal { _ = try s.store.prepareMerge(copyPath: copyPath) }.contains("正在工作台或另一个 fuhe 命令中打开"))
            // An older Fuhe held no lock: the -wal alone refuses it, naming the fix.
            site.copyLock?.release()
            let message = refusal { _ = try s.store.prepareMerge(copyPath: copyPath) }
            #expect(message.contains("-wal 中有") && message.contains("fuhe --store") && message.contains("(M-008)"))

            // The stick's file, without its -wal: nothing to merge, and the lease stays out.
            let empty = try s.store.prepareMerge(copyPath: stick)
            #expect(empty.plan.isEmpty)
            let outcome = try s.store.commitMerge(empty, decisions: [:], actor: "王某")
            #expect(outcome.leftOpen && outcome.batch == nil)
            #expect(try s.store.lease(id: "L-1")?.status == .out)
            _ = site
        }
        // The workstation quit (its -wal folded into the file): every edit merges.
        #expect(!FileManager.default.fileExists(atPath: copyPath + "-wal"))
        let prepared = try s.store.prepareMerge(copyPath: copyPath)
        try s.store.commitMerge(prepared, decisions: [:], actor: "王某")
        let d = try s.store.dossier(id: Self.heshan)
        #expect(nodes.enumerated().allSatisfy { d.result(for: $0.element).reviewNote == "WAL 第\($0.offset + 1)条" })
    }

    @Test func anEmptyCopyIsClosedOnlyWhenAsked() throws {
        defer { s.remove() }
        let first = try s.store.prepareMerge(copyPath: copyPath)
        #expect(first.plan.isEmpty)
        #expect(try s.store.commitMerge(first, decisions: [:], actor: "王某").leftOpen)
        #expect(try s.store.lease(id: "L-1")?.status == .out)
        let again = try s.store.prepareMerge(copyPath: copyPath)
        let closed = try s.store.commitMerge(again, decisions: [:], actor: "王某", closingEmpty: true)
        #expect(!closed.leftOpen && closed.batch != nil)
        #expect(try s.store.lease(id: "L-1")?.status == .merged)
    }

    @Test func aCopyBeingMergedCannotBeOpened() throws {
        defer { s.remove() }
        let prepared = try s.store.prepareMerge(copyPath: copyPath)
        #expect(refusal { _ = try FuheStore.open(path: copyPath, createIfMissing: false, clock: s.clock) }.contains("正在被合并"))
        _ = try s.store.commitMerge(prepared, decisions: [:], actor: "王某")
        #expect(throws: Never.self) { _ = try FuheStore.open(path: copyPath, createIfMissing: false, clock: s.clock) }
    }

    @Test func importIntoACopyIsRefused() throws {
        defer { s.remove() }
        let site = try FuheStore.open(path: copyPath, createIfMissing: false, clock: s.clock)
        let outside = try s.store.dossier(id: "SE-YYX-TZGZ-2021")
        #expect(refusal { try site.importDossiers([outside], actor: "张三") }.contains("不属于它"))
        let own = try s.store.dossier(id: Self.heshan)
        #expect(refusal { try site.importDossiers([own], mode: .replaceExisting, actor: "张三") }.contains("会使副本无法合并"))
        #expect(try site.dossierIDs() == [Self.heshan])
    }
}
