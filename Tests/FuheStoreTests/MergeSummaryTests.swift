import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport
import GRDB

/// The merge computes each dossier's summary and status from the dossier in memory with the
/// merged writes laid over it (not by reading it back): they must be what a fresh read and score
/// of the merged store gives.
@Suite struct MergeSummaryTests {
    static let yizhang = "SE-YZ-2019"          // review finalized, items open: 整改中
    static let heshan = "SE-HS-ZWZX-2021"
    static let staffRow = "T4-1.1.1"
    static let columns = """
        review_status, self_total, self_grade, review_total, review_complete, review_grade, reviewed_rows, scorable_rows,
        warning_count, open_items, total_items, status, l1_scores, application, evaluation_json
        """

    let main: SampleStore
    init() throws { main = try SampleStore() }

    /// The summary columns (and the header, which holds the status) as stored.
    func stored(_ id: String) throws -> [String] {
        try main.store.queue.read { db in
            try #require(try Row.fetchOne(db, sql: "SELECT \(Self.columns) FROM dossier WHERE id = ?", arguments: [id]))
                .databaseValues.map(\.description)
        }
    }

    /// The summary columns after reading the dossier back and scoring it afresh.
    func fresh(_ id: String) throws -> [String] {
        FuheStore.forgetDecodedRows()
        try main.store.queue.write { db in
            _ = try FuheStore.refreshSummary(dossierID: id, schemes: try FuheStore.gradeSchemes(db), today: main.store.today, db)
        }
        return try stored(id)
    }

    @Test func summariesAndStatusAfterAMergeAreThoseOfAFreshReadAndScore() throws {
        defer { main.remove() }
        let path = main.directory.appendingPathComponent("site.sqlite").path
        try main.store.checkout(dossierIDs: [Self.yizhang, Self.heshan], to: path, holder: "张三", actor: "王某")
        let today = main.clock.today()
        let reviewer = Actor(name: "王某", role: .leader)
        do {
            let site = try FuheStore.open(path: path, createIfMissing: false, clock: main.clock)
            // At the site: a row re-scored with its reason, notes on others, and a new open item
            // in the dossier whose review is finalized.
            let hs = try site.dossier(id: Self.heshan)
            var row = hs.result(for: Self.staffRow)
            row.reviewScore = Score("0")
            row.reviewedBy = "张三"
            row.deductionReason = "实有11人，编制10名"
            var changes: [StoreChange] = [.result(row)]
            for node in hs.results.keys.sorted().prefix(6) where node != Self.staffRow {
                var other = hs.result(for: node)
                other.reviewNote = "现场核查：\(node)"
                changes.append(.result(other))
            }
            try site.apply(changes, to: Self.heshan, base: .seen(hs), actor: "张三", reason: "现场核查")
            let yz = try site.dossier(id: Self.yizhang)
            var created = try #require(yz.items.first { $0.status.isOpen })
            created.id = "RI-C-1"
            created.seq = 9
            created.status = .pending
            created.progress = []
            created.measure = "现场新增：补齐资产台账"
            try site.apply([.item(created)], to: Self.yizhang, base: .seen(yz), actor: "张三")
        }
        // In main meanwhile: every open item of that dossier withdrawn, so main holds it 已完成
        // (CLOSED); the copy's new item makes the merged dossier open again, a status neither side
        // wrote, which the merge settles.
        let yzMain = try main.store.dossier(id: Self.yizhang)
        let withdrawn = try yzMain.items.filter(\.status.isOpen).map {
            StoreChange.item(try RectLifecycle.apply(.withdraw(reason: "与其他事项合并"), to: $0, by: reviewer, on: today))
        }
        try main.store.apply(withdrawn, to: Self.yizhang, base: .seen(yzMain), actor: "王某")
        #expect(try main.store.dossier(id: Self.yizhang).evaluation.status == .closed)
        let before = [try stored(Self.heshan), try stored(Self.yizhang)]

        let prepared = try main.store.prepareMerge(copyPath: path)
        let decisions = Dictionary(uniqueKeysWithValues: prepared.plan.conflicts.map { ($0.id, MergeDecision.copy) })
        let outcome = try main.store.commitMerge(prepared, decisions: decisions, actor: "王某")
        #expect(outcome.fieldsChanged > 6)

        let merged = try main.store.dossier(id: Self.yizhang)
        #expect(merged.items.contains { $0.id == "RI-C-1" })
        #expect(merged.evaluation.status == .rectifying)
        #expect(try main.store.journal(dossierID: Self.yizhang, entity: "evaluation").contains { $0.record.reason == "合并后的自评状态" })
        let after = [try stored(Self.heshan), try stored(Self.yizhang)]
        // The merge changed both summaries (the review total, the open items and the status) …
        #expect(after[0] != before[0] && after[1] != before[1])
        // … to exactly what a fresh read and score writes.
        #expect(after[0] == (try fresh(Self.heshan)))
        #expect(after[1] == (try fresh(Self.yizhang)))
        #expect(try main.store.check().integrityProblems.isEmpty)
        #expect(try main.store.verifyJournal().isIntact)
    }

    /// A copy's digest is SHA-256 of "dossier␟entity␟id␟value␞" per entity in key order — the
    /// bytes every copy checked out before was digested over (fed piece by piece now).
    @Test func snapshotDigestIsTheFramedTextInKeyOrder() {
        let snapshot: EntitySnapshot = [
            EntityKey(dossierID: "SE-2", entity: "result", id: "T1"): "{\"reviewNote\":\"复核\"}",
            EntityKey(dossierID: "SE-1", entity: "review", id: "SE-1"): "",
            EntityKey(dossierID: "SE-1", entity: "item", id: "RI-10"): "{\"measure\":\"整改\u{3000}台账\"}",
            EntityKey(dossierID: "SE-1", entity: "item", id: "RI-9"): String(repeating: "長", count: 40),
        ]
        let text = snapshot.keys.sorted().map { "\($0.dossierID)\u{1F}\($0.entity)\u{1F}\($0.id)\u{1F}\(snapshot[$0]!)\u{1E}" }.joined()
        #expect(CopyChecks.digest(snapshot) == SHA256.hex(Array(text.utf8)))
        #expect(CopyChecks.digest([:]) == SHA256.hex([]))
    }

    /// A journal entry's hash (encoding 2) is SHA-256 of "fuhe.journal/2" and each field framed
    /// by a presence byte and its 8-byte length: pinned to what Python's `hashlib` gives for the
    /// same framing, so feeding the fields differently cannot change any chain.
    @Test func journalHashIsPinned() {
        let record = JournalRecord(actor: "王某", origin: "copy:L-1", dossierID: "SE-1", entity: "result", entityID: "T1-1.1", field: "reviewNote",
                                   old: nil, new: "现场核查：编制文件\u{3000}已补", reason: "合并")
        #expect(JournalHash.hash(previous: String(repeating: "ab", count: 32), at: "2026-12-06T13:00:00.000+08:00", record: record, batch: 42)
                == "8dca70748a50d31f7979b754f4914edc90dea14376198f565a204ff11a16e828")
    }
}
