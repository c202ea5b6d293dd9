import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport

/// Compare-and-set on one store written by two sessions (two `FuheStore`s = two SQLite
/// connections, as two workstations are): no write is made from a stale view.
@Suite struct CompareAndSetTests {
    static let heshan = "SE-HS-ZWZX-2021"
    static let staffRow = "T4-1.1.1"

    let s: SampleStore
    /// The second workstation's connection to the same file.
    let b: FuheStore
    init() throws {
        s = try SampleStore()
        b = try FuheStore.open(path: s.path, createIfMissing: false, clock: s.clock)
    }

    func staffRow(_ store: FuheStore) throws -> IndicatorResult { try store.dossier(id: Self.heshan).result(for: Self.staffRow) }

    /// Repro 10 at the store level: B's screen still shows the row before A's verified value; B
    /// accepts its stale suggestion. The store refuses B's write, names A's value, and keeps it.
    @Test func theLostUpdateOfRepro10IsRefused() throws {
        defer { s.remove() }
        let viewA = try s.store.dossier(id: Self.heshan)
        let viewB = try b.dossier(id: Self.heshan)
        var rowA = viewA.result(for: Self.staffRow)
        rowA.verifiedActual = ObservedValue(text: "120%", number: 120)
        try #require(try s.store.apply([.result(rowA)], to: Self.heshan, base: .seen(viewA), actor: "用户A", session: "A") != nil)
        let entries = try s.store.journalCount()

        var rowB = viewB.result(for: Self.staffRow)
        rowB.reviewScore = Score("5")
        rowB.status = .reviewed
        rowB.reviewedBy = "用户B"
        let refusal = try #require(throws: StaleWrite.self) {
            try b.apply([.result(rowB)], to: Self.heshan, base: .seen(viewB), actor: "用户B", session: "B")
        }
        #expect(refusal.action == .edit)
        #expect(refusal.fields.map(\.field) == ["verifiedActual"])
        let field = try #require(refusal.fields.first)
        #expect(field.current == #"{"number":120,"text":"120%"}"# && field.base == nil && field.proposed == nil)
        #expect(field.changedBy == "用户A")
        #expect(refusal.message(in: viewB).contains("1.1.1 在职人员控制率 · 核实值：现为 120%（用户A"))
        // A's value intact, nothing written for B.
        #expect(try staffRow(s.store).verifiedActual?.text == "120%")
        #expect(try staffRow(s.store).reviewScore == nil)
        #expect(try s.store.journalCount() == entries)
        // B, having seen it, re-applies on the current view: written, A's value kept.
        let fresh = try b.dossier(id: Self.heshan)
        var again = fresh.result(for: Self.staffRow)
        again.reviewScore = Score("0")
        again.status = .reviewed
        #expect(try b.apply([.result(again)], to: Self.heshan, base: .seen(fresh), actor: "用户B", session: "B") != nil)
        #expect(try staffRow(s.store).verifiedActual?.text == "120%" && (try staffRow(s.store).reviewScore) == Score("0"))
    }

    /// B's form opened empty where A then saved 4.50; B's 3.00 is refused with both values.
    @Test func twoScoresForOneRowAreNeverSilentlyReplaced() throws {
        defer { s.remove() }
        let viewA = try s.store.dossier(id: Self.heshan)
        let viewB = try b.dossier(id: Self.heshan)
        var rowA = viewA.result(for: Self.staffRow)
        rowA.reviewScore = Score("4.5")
        try s.store.apply([.result(rowA)], to: Self.heshan, base: .seen(viewA), actor: "李某")
        var rowB = viewB.result(for: Self.staffRow)
        rowB.reviewScore = Score("3")
        let refusal = try #require(throws: StaleWrite.self) { try b.apply([.result(rowB)], to: Self.heshan, base: .seen(viewB), actor: "王某") }
        #expect(refusal.fields.map { [$0.field, $0.current ?? "", $0.proposed ?? ""] } == [["reviewScore", "\"4.50\"", "\"3.00\""]])
        #expect(try staffRow(s.store).reviewScore == Score("4.5"))
    }

    @Test func editsElsewhereAndTheSameValueAreNoConflict() throws {
        defer { s.remove() }
        let viewA = try s.store.dossier(id: Self.heshan)
        let viewB = try b.dossier(id: Self.heshan)
        let other = try #require(viewA.template.scorableLeaves.first { $0.id != Self.staffRow })
        var rowA = viewA.result(for: other.id)
        rowA.reviewNote = "A 的备注"
        try s.store.apply([.result(rowA)], to: Self.heshan, base: .seen(viewA), actor: "A")
        // B writes another row on its (now older) view: nothing it touches changed.
        var rowB = viewB.result(for: Self.staffRow)
        rowB.reviewNote = "B 的备注"
        #expect(try b.apply([.result(rowB)], to: Self.heshan, base: .seen(viewB), actor: "B") != nil)
        // B writes exactly what A wrote: no conflict, nothing to write.
        #expect(try b.apply([.result(rowA)], to: Self.heshan, base: .seen(viewB), actor: "B") == nil)
        let d = try s.store.dossier(id: Self.heshan)
        #expect(d.result(for: other.id).reviewNote == "A 的备注" && d.result(for: Self.staffRow).reviewNote == "B 的备注")
    }

    /// Finalizing computes the frozen total from every row: with the dossier scope, a row changed
    /// since the sheet was seen refuses it.
    @Test func aWholeSheetActionIsRefusedWhenAnyRowChanged() throws {
        defer { s.remove() }
        let viewA = try s.store.dossier(id: Self.heshan)
        let viewB = try b.dossier(id: Self.heshan)
        var rowA = viewA.result(for: Self.staffRow)
        rowA.reviewScore = Score("0")
        try s.store.apply([.result(rowA)], to: Self.heshan, base: .seen(viewA), actor: "A")
        var review = viewB.review ?? Review(id: "RV-X")
        review.conclusion = "B 依据旧评分表写的结论"
        let refusal = try #require(throws: StaleWrite.self) {
            try b.apply([.review(review)], to: Self.heshan, base: .seen(viewB, scope: .dossier), actor: "B")
        }
        #expect(refusal.fields.contains { $0.key.id == Self.staffRow && $0.field == "reviewScore" })
        // The same change with the touched scope only checks the review header: written.
        #expect(try b.apply([.review(review)], to: Self.heshan, base: .seen(viewB), actor: "B") != nil)
    }

    @Test func twoSessionsCreatingTheSameIDDoNotOverwriteEachOther() throws {
        defer { s.remove() }
        let viewA = try s.store.dossier(id: Self.heshan)
        let viewB = try b.dossier(id: Self.heshan)
        let a = Evidence(id: "EV-NEW", title: "A 登记的合同", kind: .contract)
        let bEv = Evidence(id: "EV-NEW", title: "B 登记的照片", kind: .photo)
        try s.store.apply([.evidence(a)], to: Self.heshan, base: .seen(viewA), actor: "A")
        let refusal = try #require(throws: StaleWrite.self) { try b.apply([.evidence(bEv)], to: Self.heshan, base: .seen(viewB), actor: "B") }
        #expect(refusal.fields.map(\.field) == ["*"] && refusal.fields.first?.base == nil)
        #expect(try s.store.dossier(id: Self.heshan).evidence.first { $0.id == "EV-NEW" }?.title == "A 登记的合同")
    }

    @Test func aBaseFromAnotherDossierIsRefused() throws {
        defer { s.remove() }
        let other = try s.store.dossier(id: "SE-YYX-TZGZ-2021")
        let row = try s.store.dossier(id: Self.heshan).result(for: Self.staffRow)
        #expect(throws: StoreError.self) { try s.store.apply([.result(row)], to: Self.heshan, base: .seen(other), actor: "A") }
    }

    /// A merge whose main values were changed under it without a journal entry (a repair by
    /// hand, say) is still refused: its commit compares every entity it writes with the plan.
    @Test func theMergeCommitComparesWithWhatItPlannedOn() throws {
        defer { s.remove() }
        let copyPath = s.directory.appendingPathComponent("site.fuhe").path
        try s.store.checkout(dossierIDs: [Self.heshan], to: copyPath, holder: "张三", actor: "王某")
        do {
            let copy = try FuheStore.open(path: copyPath, createIfMissing: false, clock: s.clock)
            let view = try copy.dossier(id: Self.heshan)
            var row = view.result(for: Self.staffRow)
            row.reviewNote = "现场"
            try copy.apply([.result(row)], to: Self.heshan, base: .seen(view), actor: "张三")
        }
        let prepared = try s.store.prepareMerge(copyPath: copyPath)
        try s.store.queue.write { db in
            try db.execute(sql: "UPDATE result SET json = json_set(json, '$.reviewNote', '手改') WHERE dossier_id = ? AND node_id = ?",
                           arguments: [Self.heshan, Self.staffRow])
        }
        let refusal = try #require(throws: StaleWrite.self) { try s.store.commitMerge(prepared, decisions: [:], actor: "王某") }
        #expect(refusal.action == .merge(leaseID: "L-1") && refusal.fields.map(\.field) == ["reviewNote"])
        #expect(try s.store.lease(id: "L-1")?.status == .out)
        #expect(try staffRow(s.store).reviewNote == "手改")
    }
}
