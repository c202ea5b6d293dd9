import Foundation
import FuheCore
import GRDB

/// A merge ready to be decided and committed: the copy checked (identity, lease, journal chain,
/// base values, no edits outside Fuhe), and the three-way plan.
public struct MergePreparation: Sendable {
    public let copyPath: String
    public let lease: Lease
    public let origin: CopyOrigin
    public let plan: MergePlan
    /// The copy was merged before and has not changed since: merging it again changes nothing.
    public let alreadyMerged: Bool
    /// The main store's last journal entry when the plan was made: any later entry for the
    /// lease's dossiers means main changed under the plan.
    let mainJournalSeq: Int64
    let copyDigest: String
    let copyJournal: CopyJournal
    /// The lease's dossiers in this store, read in the same read transaction as
    /// `mainJournalSeq` and decoded on main's side of the preparation (on another core than the
    /// copy's checks); the commit lays its writes over them. The commit refuses the merge when
    /// any of them was journalled since. Nil when the copy was merged before.
    let held: Result<MergeHeldDossiers, any Error>?
    /// The copy stays locked exclusively while the merge is decided and committed, so no
    /// workstation opens and edits it in between.
    let copyLock: CopyLock?
}

extension FuheStore {
    /// Checks a copy and plans merging it into this (main) store. Refuses, with a message saying
    /// why, a file that is not a copy (a main store or a training sandbox), a copy of another
    /// store, a tampered copy (broken journal chain, changed base values, edits made outside
    /// Fuhe) and a stale copy (its lease released, merged before and edited since, or a unit
    /// replaced or removed in this store since the checkout).
    ///
    /// A copy still open in a workstation (its lock is held) or with a `-wal` file beside it
    /// (edits not yet in the file: it is open in an older Fuhe, or was not closed properly) is
    /// refused before it is read, naming the fix. A lease marked unmergeable is refused.
    public func prepareMerge(copyPath: String) throws -> MergePreparation {
        let file = (copyPath as NSString).lastPathComponent
        let opened = try Self.openCopyForMerge(copyPath, clock: clock)
        let copy = opened.store, origin = opened.origin
        let mainID = try meta("store_id") ?? ""
        guard origin.sourceStoreID == mainID else {
            throw refusal("M-002", tr("\(file) 是另一个库（\(origin.sourceName)，库编号 \(origin.sourceStoreID.prefix(8))）的副本，不是 \(name)（库编号 \(mainID.prefix(8))）的", "\(file) is a copy of another store (\(origin.sourceName), store id \(origin.sourceStoreID.prefix(8))), not of \(name) (store id \(mainID.prefix(8)))"))
        }
        guard let lease = try lease(id: origin.leaseID) else {
            throw refusal("M-004", tr("\(file) 自称属于借出 \(origin.leaseID)，但 \(name) 从未发出过它：副本被篡改过", "\(file) names lease \(origin.leaseID), which \(name) never issued: the copy was tampered with"))
        }
        let copyStoreID = try copy.meta("store_id") ?? ""
        guard copyStoreID == lease.copyStoreID else {
            throw refusal("M-004", tr("\(file) 不是为借出 \(lease.id) 写出的那个副本（库编号不同）：副本被篡改过", "\(file) is not the copy written for lease \(lease.id) (its store id differs): the copy was tampered with"))
        }
        // The copy carries main's journal head at checkout: main's entry there must still have it.
        if let count = try copy.meta("source_journal_count").flatMap({ Int64($0) }), count > 0,
           let head = try copy.meta("source_journal_head") {
            let now = try queue.read { db in
                try String.fetchOne(db, sql: "SELECT hash FROM journal ORDER BY seq LIMIT 1 OFFSET ?", arguments: [count - 1])
            }
            guard now == head else {
                throw refusal("M-009", tr("\(name) 的日志在借出 \(lease.id) 之后被改写过：副本记下的主库第 \(count) 条日志的哈希已对不上；请先运行 fuhe verify",
                                          "the journal of \(name) was rewritten after checkout \(lease.id): entry \(count), as the copy recorded it, no longer matches; run fuhe verify"))
            }
        }
        // Main's side is read on another core meanwhile (its refusals still come after the copy's).
        let mainSide = BackgroundWork { [self] in try self.readMainSide(lease, file: file) }
        defer { _ = try? mainSide.result() }
        // The chain and its anchors; the copy's data against its journal is checked below,
        // against the base (`checkJournalled`), with a refusal that names the field. The entries
        // read for the chain are the journal indexed for attribution (the copy is locked).
        let (chain, copyEntries) = try copy.verifyJournalChain()
        if let problem = chain.problem { throw refusal("M-004", tr("\(file) 被篡改过：\(problem)", "\(file) was tampered with: \(problem)")) }
        // The journal is indexed for attribution on another core while the copy is read.
        let indexing = BackgroundWork { CopyJournal(copyEntries) }
        let (base, copySnapshot) = try copy.queue.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT dossier_id, entity, entity_id, json FROM copy_base")
            var base: EntitySnapshot = [:]
            base.reserveCapacity(rows.count)
            for row in rows { base[EntityKey(dossierID: row[0], entity: row[1], id: row[2])] = row[3] }
            return (base, try EntitySnapshots.read(lease.dossierIDs, db, capacity: base.count))
        }
        let journal = try indexing.result()
        // The report texts travel as they are: a copy whose text differs from the main store's was edited outside Fuhe.
        let copyTexts = try copy.queue.read { db in try ReportSources.digests(lease.dossierIDs, db) }
        try? copy.queue.close()
        let (mainTexts, present) = try queue.read { db in
            (try ReportSources.digests(lease.dossierIDs, db), Set(try String.fetchAll(db, sql: "SELECT id FROM dossier")))
        }
        if lease.dossierIDs.contains(where: { present.contains($0) && copyTexts[$0] != mainTexts[$0] }) {
            throw refusal("M-004", "\(file) was tampered with: the report text (原文) of a dossier differs from the one checked out")
        }
        let baseDigest = try queue.read { db in try String.fetchOne(db, sql: "SELECT base_digest FROM lease WHERE id = ?", arguments: [lease.id]) }
        let (digestOfBase, copyDigest) = EntitySnapshots.digests(base, copySnapshot)
        guard digestOfBase == baseDigest else {
            throw refusal("M-004", tr("\(file) 被篡改过：它的基准值与 \(name) 在借出 \(lease.id) 时记录的不同", "\(file) was tampered with: its base values differ from what \(name) recorded at checkout \(lease.id)"))
        }
        switch lease.status {
        case .out:
            if let why = lease.unmergeable {
                throw refusal("M-003", tr("\(file) 不能再合并：\(why)，基准已不一致；请放弃这次借出（fuhe leases --release \(lease.id) --reason …）再重新借出",
                                          "\(file) can no longer be merged: \(why), so its base no longer matches; release the lease (fuhe leases --release \(lease.id) --reason …) and check the units out again"))
            }
        case .released:
            throw refusal("M-003", tr("\(file) 已过期：借出 \(lease.id) 已被放弃，这个副本不能再合并；请重新借出", "\(file) is stale: lease \(lease.id) was released, so this copy can no longer be merged; check the units out again"))
        case .merged:
            let mergedDigest = try queue.read { db in try String.fetchOne(db, sql: "SELECT merged_digest FROM lease WHERE id = ?", arguments: [lease.id]) }
            guard mergedDigest == copyDigest else {
                throw refusal("M-003", tr("\(file) 已过期：借出 \(lease.id) 已于 \(lease.mergedAt.map(BeijingTime.display) ?? "?") 合并，之后副本又被改动；要继续修改请重新借出", "\(file) is stale: lease \(lease.id) was merged on \(lease.mergedAt.map(BeijingTime.display) ?? "?") and the copy was edited after that; check the units out again for further edits"))
            }
            let empty = ThreeWayMerge.plan(base: [:], main: [:], copy: [:], validate: EntitySnapshots.validator)
            return MergePreparation(copyPath: copyPath, lease: lease, origin: origin, plan: empty, alreadyMerged: true,
                                    mainJournalSeq: 0, copyDigest: copyDigest, copyJournal: journal, held: nil, copyLock: copy.copyLock)
        }
        // Whether every change is journalled is checked on another core while the plan is made
        // (the plan is thrown away if the check refuses, whose refusal still comes first).
        let journalled = BackgroundWork { try FuheStore.checkJournalled(base: base, copy: copySnapshot, journal: journal, file: file) }
        let planned = Result { try mainSide.result() }.map { side in
            (Self.plan(base: base, main: side.snapshot, copy: copySnapshot, rowRules: side.rowRules, dossierIDs: lease.dossierIDs), side)
        }
        try journalled.result()
        let (plan, side) = try planned.get()
        return MergePreparation(copyPath: copyPath, lease: lease, origin: origin, plan: plan, alreadyMerged: false,
                                mainJournalSeq: side.journalSeq, copyDigest: copyDigest, copyJournal: journal, held: side.held, copyLock: copy.copyLock)
    }

    /// The three-way plan (FuheCore's), finalized dossiers locked, each merged entity checked
    /// against its dossier's row rules.
    static func plan(base: EntitySnapshot, main: EntitySnapshot, copy: EntitySnapshot, rowRules: [String: CopyChecks.RowRules],
                     dossierIDs: [String]) -> MergePlan {
        let locked = CopyChecks.finalizedSince(base: base, main: main, dossierIDs: dossierIDs)
        return ThreeWayMerge.plan(base: base, main: main, copy: copy, locked: locked, validate: EntitySnapshots.validator(rowRules: rowRules))
    }

    /// Main's side of a merge's preparation.
    struct MainSide: Sendable {
        var snapshot: EntitySnapshot
        var journalSeq: Int64
        var rowRules: [String: CopyChecks.RowRules]
        /// The lease's dossiers as stored, decoded (or why they do not decode), for the commit.
        var held: Result<MergeHeldDossiers, any Error>
    }

    /// Main's entities of the lease's dossiers, its last journal entry, each dossier's row
    /// rules and the dossiers themselves (`MergeHeldDossiers`), in one read transaction;
    /// refuses a dossier removed or imported again since the checkout. Each template is read
    /// once, and each self-evaluation decoded once: the row rules take it from the held dossiers.
    private func readMainSide(_ lease: Lease, file: String) throws -> MainSide {
        let (snapshot, seq, texts) = try queue.read { db -> (EntitySnapshot, Int64, [StoredDossierTexts]) in
            let checkoutSeq = try Int64.fetchOne(db, sql: "SELECT checkout_seq FROM lease WHERE id = ?", arguments: [lease.id]) ?? 0
            for d in lease.dossierIDs {
                guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM dossier WHERE id = ?"), arguments: [d]) == true else {
                    throw refusal("M-003", tr("\(file) 已过期：借出 \(lease.id) 之后档案 \(d) 已从 \(name) 删除", "\(file) is stale: dossier \(d) was removed from \(name) after checkout \(lease.id)"))
                }
                if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM journal WHERE dossier_id = ? AND entity = 'dossier' AND seq > ?"),
                                     arguments: [d, checkoutSeq]) == true {
                    throw refusal("M-003", tr("\(file) 已过期：借出 \(lease.id) 之后档案 \(d) 又被导入 \(name)，基准已不一致", "\(file) is stale: dossier \(d) was imported again into \(name) after checkout \(lease.id), so its base no longer matches"))
                }
            }
            let snapshot = try EntitySnapshots.read(lease.dossierIDs, db)
            return (snapshot, try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM journal") ?? 0,
                    try MergeHeldDossiers.texts(lease.dossierIDs, db))
        }
        let held = Result { try MergeHeldDossiers(decoding: texts) }
        // A dossier that does not decode: each self-evaluation alone, as the row rules need it
        // (whose error, if that is what does not decode, is the merge's answer).
        let rules = try (try? held.get()).map { $0.rowRules(lease.dossierIDs) } ?? Self.rowRules(lease.dossierIDs, texts)
        return MainSide(snapshot: snapshot, journalSeq: seq, rowRules: rules, held: held)
    }

    /// Each dossier's row rules from its stored texts (its template and its self-evaluation decoded).
    private static func rowRules(_ ids: [String], _ texts: [StoredDossierTexts]) throws -> [String: CopyChecks.RowRules] {
        let byID = Dictionary(texts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rules: [String: CopyChecks.RowRules] = [:]
        for d in ids {
            guard let t = byID[d] else { continue }
            rules[d] = .init(template: t.template, evaluation: try JSONColumn.decode(SelfEvaluation.self, String(decoding: t.evaluation, as: UTF8.self)))
        }
        return rules
    }

    /// The kind a store file says it is, read without writing to it (a read-only connection
    /// neither checkpoints nor removes a `-wal`); nil when it cannot be read.
    static func peekKind(_ path: String) -> StoreKind? {
        var config = Configuration()
        config.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        defer { try? queue.close() }
        return (try? queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'kind'") }).flatMap { $0.flatMap(StoreKind.init) }
    }

    /// Every value the copy changed since checkout must be the one its journal last recorded;
    /// anything else was edited outside Fuhe.
    static func checkJournalled(base: EntitySnapshot, copy: EntitySnapshot, journal: CopyJournal, file: String) throws {
        if let problem = CopyChecks.unjournalled(base: base, copy: copy, journal: journal, file: file) { throw refusal("M-004", problem) }
    }
}

func refusal(_ code: String, _ message: String) -> StoreError { .rule(code: code, message: message) }

/// An offline copy opened for a merge: locked exclusively (no workstation opens it meanwhile)
/// until `release()`, its kind and origin checked.
public struct CopyForMerge: Sendable {
    let store: FuheStore
    public let origin: CopyOrigin
    public let path: String

    /// The copy's store id (the server checks it against the lease's).
    public func storeID() throws -> String { try store.meta("store_id") ?? "" }

    /// Its base (`copy_base`), its entities now, and its journal with the chain links.
    public func contents() throws -> (base: EntitySnapshot, copy: EntitySnapshot, journal: [ChainedEntry]) {
        try store.queue.read { db in
            var base: EntitySnapshot = [:]
            for row in try Row.fetchAll(db, sql: "SELECT dossier_id, entity, entity_id, json FROM copy_base") {
                base[EntityKey(dossierID: row[0], entity: row[1], id: row[2])] = row[3]
            }
            let ids = Set(base.keys.map(\.dossierID)).sorted()
            let journal = try Row.fetchAll(db, sql: "SELECT * FROM journal ORDER BY seq").map { row in
                ChainedEntry(entry: Journal.entry(row), previousHash: row["prev_hash"], hash: row["hash"])
            }
            return (base, try EntitySnapshots.read(ids, db), journal)
        }
    }

    /// Gives the copy back (the merge is over, whatever its outcome).
    public func release() {
        try? store.queue.close()
        store.copyLock?.release()
    }
}

extension FuheStore {
    /// Opens a copy for merging: refuses a missing file, a copy still open or with unsaved
    /// `-wal` edits (M-007, M-008), a main store or sandbox (M-001), a copy that does not say
    /// where it came from (M-004).
    public static func openCopyForMerge(_ copyPath: String, clock: any Clock = SystemClock()) throws -> CopyForMerge {
        let file = (copyPath as NSString).lastPathComponent
        guard FileManager.default.fileExists(atPath: copyPath) else { throw StoreError.missingStore(path: copyPath) }
        let walSize = (try? FileManager.default.attributesOfItem(atPath: copyPath + "-wal")[.size] as? Int) ?? 0
        if walSize > 0, Self.peekKind(copyPath) == .copy {
            if (try? CopyLock.acquire(copyPath, .exclusive)) == nil {
                throw refusal("M-007", tr("\(file) 正在工作台或另一个 fuhe 命令中打开；请先在那里退出（q）再合并", "\(file) is open in a workstation or another fuhe command; quit it there (q) and merge again"))
            }
            throw refusal("M-008", tr("副本旁的 \(file)-wal 中有 \(walSize) 字节尚未写入 \(file) 的修改（副本在旧版 Fuhe 中打开着，或没有正常关闭）：请用 fuhe --store \(copyPath) 打开一次再按 q 退出，修改即写入文件，然后再合并",
                                      "\(file)-wal beside the copy holds \(walSize) bytes of edits that are not in \(file) yet (the copy is open in an older Fuhe, or was not closed properly): open it once with fuhe --store \(copyPath) and quit with q, which writes them into the file, then merge again"))
        }
        let copy = try FuheStore.open(path: copyPath, createIfMissing: false, clock: clock, kind: .main, copyLock: .exclusive)
        switch try copy.kind() {
        case .copy: break
        case .sandbox: throw refusal("M-001", tr("\(file) 是培训沙盒（fuhe demo）；沙盒永远不会合并进真正的库", "\(file) is a training sandbox (fuhe demo); a sandbox is never merged into a real store"))
        case .main: throw refusal("M-001", tr("\(file) 是主库，不是 fuhe checkout 借出的副本", "\(file) is a main store, not a copy made by fuhe checkout"))
        }
        guard let origin = try copy.copyOrigin() else { throw refusal("M-004", tr("\(file) 已损坏：它没有记录自己是从哪个库借出的", "\(file) is damaged: it does not say which store it was copied from")) }
        return CopyForMerge(store: copy, origin: origin, path: copyPath)
    }
}
