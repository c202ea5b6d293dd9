import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport

/// Checkout, edits at two sites and in the main store, and the three-way merge back.
@Suite struct CopyMergeTests {
    static let heshan = "SE-HS-ZWZX-2021"
    static let yueyang = "SE-YYX-TZGZ-2021"
    static let staffRow = "T4-1.1.1"

    let main: SampleStore
    init() throws { main = try SampleStore() }

    func copyPath(_ name: String) -> String { main.directory.appendingPathComponent(name).path }

    /// Checks units out to a copy and opens it, as the site's workstation would; the copy stays
    /// locked (and `fuhe merge` refuses it) while the returned store is alive.
    @discardableResult
    func checkout(_ name: String, holder: String, units: [String] = [heshan, yueyang]) throws -> FuheStore {
        try main.store.checkout(dossierIDs: units, to: copyPath(name), holder: holder, actor: "王某")
        return try site(name)
    }

    /// Opens a copy for one piece of work (released when the value goes).
    func site(_ name: String) throws -> FuheStore {
        try FuheStore.open(path: copyPath(name), createIfMissing: false, clock: main.clock)
    }

    func setRow(_ store: FuheStore, _ dossier: String, _ node: String, actor: String, _ edit: (inout IndicatorResult) -> Void) throws {
        let seen = try store.dossier(id: dossier)
        var row = seen.result(for: node)
        edit(&row)
        try store.apply([.result(row)], to: dossier, base: .seen(seen), actor: actor, reason: "现场核查")
    }

    func merge(_ name: String, decide: (MergeConflict) -> MergeDecision = { _ in .copy }) throws -> (MergePreparation, MergeOutcome) {
        let prepared = try main.store.prepareMerge(copyPath: copyPath(name))
        let decisions = Dictionary(uniqueKeysWithValues: prepared.plan.conflicts.map { ($0.id, decide($0)) })
        return (prepared, try main.store.commitMerge(prepared, decisions: decisions, actor: "王某"))
    }

    func refusal(_ body: () throws -> Void) -> String {
        do { try body(); return "" } catch { return "\(error)" }
    }

    @Test func checkoutWritesAStandaloneCopyAndRecordsTheLease() throws {
        defer { main.remove() }
        let copy = try checkout("site.sqlite", holder: "张三")
        #expect(try copy.kind() == .copy)
        let origin = try #require(try copy.copyOrigin())
        #expect(origin.leaseID == "L-1" && origin.holder == "张三" && origin.sourceName == "fuhe.sqlite")
        #expect(origin.sourceStoreID == (try main.store.meta("store_id")))
        #expect(try copy.dossierIDs().sorted() == [Self.heshan, Self.yueyang])
        #expect(try copy.dossier(id: Self.heshan) == (try main.store.dossier(id: Self.heshan)))
        #expect(try copy.bundledTemplateIDs() == (try main.store.bundledTemplateIDs()))
        #expect(try copy.template(id: try copy.dossier(id: Self.yueyang).template.id) != nil)
        let leases = try main.store.leasedDossiers()
        #expect(leases[Self.heshan]?.first?.holder == "张三")
        #expect(leases[Self.yueyang]?.first?.id == "L-1")
        #expect(leases["SE-HTK-2020"] == nil)
        #expect(try main.store.verifyJournal().isIntact)
        #expect(try main.store.journal(dossierID: Self.heshan, entity: "lease").first?.record.new == "\"out\"")
        // No temporary file is left next to the copy.
        let files = try FileManager.default.contentsOfDirectory(atPath: main.directory.path)
        #expect(!files.contains { $0.hasSuffix(".partial") })
        // Checking out to an existing file, or from a copy, is refused.
        #expect(refusal { try main.store.checkout(dossierIDs: [Self.heshan], to: copyPath("site.sqlite"), holder: "李四", actor: "王某") }
            .contains("这是一个数据库"))
        #expect(refusal { try copy.checkout(dossierIDs: [Self.heshan], to: copyPath("again.sqlite"), holder: "李四", actor: "王某") }
            .contains("是副本"))
    }

    @Test func editsOnDifferentFieldsMergeWithTheirAuthors() throws {
        defer { main.remove() }
        try checkout("site.sqlite", holder: "张三")
        try setRow(try site("site.sqlite"), Self.heshan, Self.staffRow, actor: "张三") { $0.reviewScore = Score("0"); $0.deductionReason = "实有11人，编制10名，控制率110%" }
        try setRow(main.store, Self.heshan, Self.staffRow, actor: "王某") { $0.reviewNote = "待现场核实编制文件" }
        let (prepared, outcome) = try merge("site.sqlite")
        #expect(prepared.plan.conflicts.isEmpty)
        #expect(outcome.fieldsChanged >= 2)
        let row = try main.store.dossier(id: Self.heshan).result(for: Self.staffRow)
        #expect(row.reviewScore == Score("0"))
        #expect(row.deductionReason == "实有11人，编制10名，控制率110%")
        #expect(row.reviewNote == "待现场核实编制文件")
        let history = try main.store.journal(dossierID: Self.heshan, entity: "result", entityID: Self.staffRow, field: "reviewScore")
        #expect(history.first?.record.actor == "张三")
        #expect(history.first?.record.origin == "copy:L-1")
        #expect(history.first?.record.reason == "现场核查")
        #expect(try main.store.lease(id: "L-1")?.status == .merged)
        #expect(try main.store.leasedDossiers().isEmpty)
        #expect(try main.store.verifyJournal().isIntact)
    }

    /// The scenario: two copies of the same units edited differently at two sites while
    /// the main store is edited too; every conflict is shown and decided, nothing is lost.
    @Test func twoCopiesAndTheMainStoreMergeWithEveryConflictDecided() throws {
        defer { main.remove() }
        var itemAID = "", mainItemID = ""
        do {
        let siteA = try checkout("a.sqlite", holder: "张三")
        let siteB = try checkout("b.sqlite", holder: "李四")
        // Site A re-scores the staffing row and adds progress to item 1; site B scores the same row
        // differently, adds its own progress and a new item; main writes a reason on that row.
        try setRow(siteA, Self.heshan, Self.staffRow, actor: "张三") { $0.reviewScore = Score("0"); $0.reviewedBy = "张三"; $0.deductionReason = "110%，不得分" }
        try setRow(siteB, Self.heshan, Self.staffRow, actor: "李四") { $0.reviewScore = Score("1"); $0.reviewedBy = "李四"; $0.reviewNote = "编制文件待补" }
        try setRow(main.store, Self.heshan, Self.staffRow, actor: "王某") { $0.deductionReason = "超编1人" }
        let seenA = try siteA.dossier(id: Self.yueyang)
        var itemA = seenA.items[0]
        itemAID = itemA.id
        itemA.progress.append(ProgressEntry(date: main.clock.today(), text: "A站：已补签合同", by: "张三"))
        try siteA.apply([.item(itemA)], to: Self.yueyang, base: .seen(seenA), actor: "张三")
        let seenB = try siteB.dossier(id: Self.yueyang)
        var itemB = seenB.items[0]
        itemB.progress.append(ProgressEntry(date: main.clock.today(), text: "B站：采购手续补办中", by: "李四"))
        var created = itemB
        created.id = "RI-B-1"
        created.seq = 4
        created.status = .pending
        created.progress = []
        created.measure = "B站新增：建立采购台账"
        try siteB.apply([.item(itemB), .item(created)], to: Self.yueyang, base: .seen(seenB), actor: "李四")
        let seenMain = try main.store.dossier(id: Self.yueyang)
        var mainItem = seenMain.items[1]
        mainItemID = mainItem.id
        mainItem.measure = "主库修改：完善采购内控制度"
        var mainCreated = mainItem
        mainCreated.id = "RI-M-1"
        mainCreated.seq = 4
        mainCreated.measure = "主库新增：专项检查"
        try main.store.apply([.item(mainItem), .item(mainCreated)], to: Self.yueyang, base: .seen(seenMain), actor: "王某")
        }  // the sites' workstations quit before their copies come back

        // A: its score and reason against main's reason — one decision for the row (the score,
        // its deduction reason and its verified actual go together); decided for the copy.
        let (planA, outA) = try merge("a.sqlite") { _ in .copy }
        #expect(planA.plan.conflicts.map(\.primary) == ["reviewScore"])
        #expect(planA.plan.conflicts.first?.fields.contains("deductionReason") == true)
        #expect(outA.conflictsDecided == 1)
        // B: its score conflicts with A's (now in main); decided for main. Its note and progress apply.
        let (planB, _) = try merge("b.sqlite") { _ in .main }
        let conflictB = try #require(planB.plan.conflicts.first)
        #expect(planB.plan.conflicts.count == 1)
        #expect(conflictB.fields.first == "reviewScore" && conflictB.fields.contains("reviewedBy"))
        #expect(conflictB.base == nil && conflictB.main == "\"0.00\"" && conflictB.copy == "\"1.00\"")

        let row = try main.store.dossier(id: Self.heshan).result(for: Self.staffRow)
        #expect(row.reviewScore == Score("0"))
        #expect(row.deductionReason == "110%，不得分")
        #expect(row.reviewNote == "编制文件待补")
        let yy = try main.store.dossier(id: Self.yueyang)
        #expect(yy.items.first { $0.id == itemAID }?.progress.map(\.text).suffix(2) == ["A站：已补签合同", "B站：采购手续补办中"])
        #expect(yy.items.first { $0.id == mainItemID }?.measure == "主库修改：完善采购内控制度")
        // Both new items are kept; the copy's takes the next free number.
        #expect(yy.items.first { $0.id == "RI-M-1" }?.seq == 4)
        #expect(yy.items.first { $0.id == "RI-B-1" }?.seq == 5)
        let decision = try main.store.journal(dossierID: Self.heshan, entity: "result", entityID: Self.staffRow, field: "deductionReason").first
        #expect(decision?.record.origin == "merge:L-1" && decision?.record.reason == "合并冲突：取副本")
        #expect(try main.store.verifyJournal().isIntact)
        #expect(try main.store.sqliteIntegrity().isEmpty)
    }

    @Test func mergingTheSameCopyTwiceChangesNothing() throws {
        defer { main.remove() }
        try checkout("site.sqlite", holder: "张三")
        try setRow(try site("site.sqlite"), Self.heshan, Self.staffRow, actor: "张三") { $0.reviewScore = Score("0"); $0.deductionReason = "110%" }
        _ = try merge("site.sqlite")
        let entries = try main.store.journalCount()
        let before = try main.store.dossier(id: Self.heshan)
        let (again, outcome) = try merge("site.sqlite")
        #expect(again.alreadyMerged && outcome.alreadyMerged && outcome.batch == nil)
        #expect(try main.store.journalCount() == entries)
        #expect(try main.store.dossier(id: Self.heshan) == before)
        // Edited after the merge: stale.
        try setRow(try site("site.sqlite"), Self.heshan, Self.staffRow, actor: "张三") { $0.reviewNote = "合并后又改" }
        #expect(refusal { _ = try merge("site.sqlite") }.contains("已过期"))
    }

    @Test func copiesOfOtherStoresSandboxesAndMainStoresAreRefused() throws {
        defer { main.remove() }
        let other = try SampleStore()
        defer { other.remove() }
        try other.store.checkout(dossierIDs: [Self.heshan], to: copyPath("other.sqlite"), holder: "赵六", actor: "赵六")
        #expect(refusal { _ = try main.store.prepareMerge(copyPath: copyPath("other.sqlite")) }.contains("是另一个库"))
        _ = try FuheStore.open(path: copyPath("demo.sqlite"), createIfMissing: true, kind: .sandbox)
        #expect(refusal { _ = try main.store.prepareMerge(copyPath: copyPath("demo.sqlite")) }.contains("是培训沙盒"))
        #expect(refusal { _ = try main.store.prepareMerge(copyPath: other.path) }.contains("是主库"))
    }

    @Test func tamperedCopiesAreRefused() throws {
        defer { main.remove() }
        for (name, sql, expected) in [
            ("journal.sqlite", "UPDATE journal SET actor = '某人' WHERE seq = (SELECT MAX(seq) FROM journal)", "写入后被改动过"),
            ("base.sqlite", "UPDATE copy_base SET json = replace(json, '\"UNREVIEWED\"', '\"REVIEWED\"') WHERE entity_id = '\(Self.staffRow)'", "基准值与"),
            ("data.sqlite", "UPDATE result SET json = replace(json, '\"UNREVIEWED\"', '\"REVIEWED\"') WHERE node_id = '\(Self.staffRow)'", "没有日志条目"),
            ("lease.sqlite", "UPDATE meta SET value = 'L-99' WHERE key = 'lease_id'", "从未发出过"),
        ] {
            try checkout(name, holder: "张三", units: [Self.heshan])
            try setRow(try site(name), Self.heshan, Self.staffRow, actor: "张三") { $0.reviewScore = Score("0"); $0.deductionReason = "110%" }
            try TempSQL.execute(copyPath(name), sql)
            let message = refusal { _ = try main.store.prepareMerge(copyPath: copyPath(name)) }
            #expect(message.contains("被篡改过") && message.contains(expected), "\(name): \(message)")
        }
    }

    @Test func staleCopiesAreRefused() throws {
        defer { main.remove() }
        _ = try checkout("released.sqlite", holder: "张三", units: [Self.heshan])
        try main.store.release(leaseID: "L-1", actor: "王某", reason: "副本遗失")
        #expect(refusal { _ = try main.store.prepareMerge(copyPath: copyPath("released.sqlite")) }.contains("已被放弃"))
        try main.store.checkout(dossierIDs: [Self.heshan], to: copyPath("reimported.sqlite"), holder: "张三", actor: "王某")
        let fresh = try main.store.dossier(id: Self.heshan)
        // Replacing a unit that is out is refused, and with the override the lease says why it is void.
        #expect(refusal { try main.store.importDossiers([fresh], mode: .replaceExisting, actor: "王某") }.contains("已借出（L-2"))
        try main.store.importDossiers([fresh], mode: .replaceExisting, overridingLeases: true, actor: "王某")
        #expect(try main.store.lease(id: "L-2")?.unmergeable?.contains("import --replace --force") == true)
        #expect(refusal { _ = try main.store.prepareMerge(copyPath: copyPath("reimported.sqlite")) }.contains("不能再合并"))
    }

    @Test func aMergeIsOneTransactionAndNeverGuesses() throws {
        defer { main.remove() }
        try checkout("site.sqlite", holder: "张三")
        try setRow(try site("site.sqlite"), Self.heshan, Self.staffRow, actor: "张三") { $0.deductionReason = "副本理由"; $0.reviewNote = "副本备注" }
        try setRow(main.store, Self.heshan, Self.staffRow, actor: "王某") { $0.deductionReason = "主库理由" }
        let prepared = try main.store.prepareMerge(copyPath: copyPath("site.sqlite"))
        let entries = try main.store.journalCount()
        // Undecided: refused, nothing written (not even the non-conflicting note).
        #expect(refusal { try main.store.commitMerge(prepared, decisions: [:], actor: "王某") }.contains("还没有决定"))
        // The main store changed after the plan: refused, nothing written.
        try setRow(main.store, "SE-HTK-2020", "T3-1", actor: "王某") { $0.reviewNote = "无关修改" }
        try setRow(main.store, Self.yueyang, "T1-YYX-2021-1", actor: "王某") { $0.reviewNote = "同时修改" }
        let decisions = prepared.plan.decisions(preferring: .copy)
        #expect(refusal { try main.store.commitMerge(prepared, decisions: decisions, actor: "王某") }.contains("决定冲突期间"))
        #expect(try main.store.journalCount() == entries + 2)
        #expect(try main.store.dossier(id: Self.heshan).result(for: Self.staffRow).reviewNote == nil)
        #expect(try main.store.lease(id: "L-1")?.status == .out)
        // A typed value decides the conflict.
        let again = try main.store.prepareMerge(copyPath: copyPath("site.sqlite"))
        let conflict = try #require(again.plan.conflicts.first)
        try main.store.commitMerge(again, decisions: [conflict.id: .value("\"两边合并的理由\"")], actor: "王某")
        let row = try main.store.dossier(id: Self.heshan).result(for: Self.staffRow)
        #expect(row.deductionReason == "两边合并的理由" && row.reviewNote == "副本备注")
    }
}

/// Raw SQL on a store file, as a tamperer would run it.
enum TempSQL {
    static func execute(_ path: String, _ sql: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path, sql]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw StoreError.io(path: path, detail: "sqlite3 failed: \(sql)") }
    }
}
