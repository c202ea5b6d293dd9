import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport

/// Undo and redo take back only this session's own edits, and only while nobody changed them since.
@Suite struct SessionUndoTests {
    static let heshan = "SE-HS-ZWZX-2021"
    static let staffRow = "T4-1.1.1"

    func edit(_ store: FuheStore, node: String = staffRow, session: String, _ change: (inout IndicatorResult) -> Void) throws -> Int64 {
        let view = try store.dossier(id: Self.heshan)
        var row = view.result(for: node)
        change(&row)
        return try #require(try store.apply([.result(row)], to: Self.heshan, base: .seen(view), actor: session, session: session))
    }

    @Test func batchesCarryTheirSessionAndTheChainCoversIt() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let batch = try edit(s.store, session: "A") { $0.reviewNote = "A" }
        #expect(try s.store.journal(dossierID: Self.heshan, entity: "result").first { $0.batch == batch }?.record.session == "A")
        #expect(try s.store.verifyJournal().isIntact)
        try s.store.queue.write { db in try db.execute(sql: "UPDATE journal SET session = 'B' WHERE batch = ?", arguments: [batch]) }
        #expect(try s.store.verifyJournal().firstBroken != nil)
    }

    @Test func anotherSessionsBatchIsNotUndone() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let batch = try edit(s.store, session: "A") { $0.reviewNote = "A" }
        let refusal = try #require(throws: UndoRefusal.self) { try s.store.revert(batch: batch, actor: "B", session: "B") }
        #expect(refusal == .otherSession(batch: batch, actor: "A"))
        #expect(refusal.description.contains("撤销只撤回本会话自己的修改"))
        // Imports span dossiers and are never an undo.
        let importBatch = try #require(try s.store.journal(entity: "dossier").last?.batch)
        #expect(throws: UndoRefusal.notRevertible(batch: importBatch)) { try s.store.revert(batch: importBatch, actor: "A", session: "A") }
    }

    /// The merge case: a workstation's undo after someone else's write to the same field
    /// is refused with the reason; the other write stays.
    @Test func undoAndRedoAreRefusedWhenSomeoneChangedTheFieldSince() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let other = try FuheStore.open(path: s.path, createIfMissing: false, clock: s.clock)
        let mine = try edit(s.store, session: "A") { $0.reviewScore = Score("3") }
        _ = try edit(other, session: "B") { $0.reviewScore = Score("2") }
        let refusal = try #require(throws: StaleWrite.self) { try s.store.revert(batch: mine, actor: "A", session: "A") }
        #expect(refusal.action == .revert(batch: mine))
        let f = try #require(refusal.fields.first { $0.field == "reviewScore" })
        #expect(f.base == "\"3.00\"" && f.current == "\"2.00\"" && f.proposed == nil && f.changedBy == "B")
        #expect(try s.store.dossier(id: Self.heshan).result(for: Self.staffRow).reviewScore == Score("2"))

        // Redo: undone, then someone writes the field, then redo is refused.
        let note = try edit(s.store, node: "T4-1.1.2", session: "A") { $0.reviewNote = "A 的备注" }
        let undo = try #require(try s.store.revert(batch: note, actor: "A", session: "A"))
        _ = try edit(other, node: "T4-1.1.2", session: "B") { $0.reviewNote = "B 的备注" }
        #expect(throws: StaleWrite.self) { try s.store.revert(batch: undo, actor: "A", session: "A") }
        #expect(try s.store.dossier(id: Self.heshan).result(for: "T4-1.1.2").reviewNote == "B 的备注")
    }

    @Test func undoStillWorksWhenOthersChangedOtherFieldsOrRows() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let other = try FuheStore.open(path: s.path, createIfMissing: false, clock: s.clock)
        let mine = try edit(s.store, session: "A") { $0.reviewScore = Score("3") }
        _ = try edit(other, session: "B") { $0.reviewNote = "B 同一行的备注" }
        _ = try edit(other, node: "T4-1.1.2", session: "B") { $0.reviewNote = "B 另一行" }
        let undo = try #require(try s.store.revert(batch: mine, actor: "A", session: "A"))
        let d = try s.store.dossier(id: Self.heshan)
        #expect(d.result(for: Self.staffRow).reviewScore == nil && d.result(for: Self.staffRow).reviewNote == "B 同一行的备注")
        #expect(try s.store.journal(dossierID: Self.heshan).first?.record.session == "A")
        // And the redo is A's own too.
        #expect(try s.store.revert(batch: undo, actor: "A", session: "A") != nil)
        #expect(try s.store.dossier(id: Self.heshan).result(for: Self.staffRow).reviewScore == Score("3"))
    }

    /// The merge case: a workstation open during `fuhe merge` undoes its own earlier edit
    /// of a field the merge then decided for the copy: refused, the merged value stays.
    @Test func undoNeverOverwritesWhatAMergeWrote() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let path = s.directory.appendingPathComponent("site.fuhe").path
        try s.store.checkout(dossierIDs: [Self.heshan], to: path, holder: "张三", actor: "组长")
        do {
            let copy = try FuheStore.open(path: path, createIfMissing: false, clock: s.clock)
            _ = try edit(copy, session: "site") { $0.reviewScore = Score("2") }
        }
        let mine = try edit(s.store, session: "workstation") { $0.reviewScore = Score("3") }
        let merging = try FuheStore.open(path: s.path, createIfMissing: false, clock: s.clock)
        let prepared = try merging.prepareMerge(copyPath: path)
        try merging.commitMerge(prepared, decisions: prepared.plan.decisions(preferring: .copy), actor: "组长", session: "merge")
        let refusal = try #require(throws: StaleWrite.self) { try s.store.revert(batch: mine, actor: "workstation", session: "workstation") }
        #expect(refusal.fields.first { $0.field == "reviewScore" }?.current == "\"2.00\"")
        #expect(refusal.fields.first { $0.field == "reviewScore" }?.changedBy == "组长")
        #expect(try s.store.dossier(id: Self.heshan).result(for: Self.staffRow).reviewScore == Score("2"))
    }
}
