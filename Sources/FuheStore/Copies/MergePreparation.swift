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
            throw refusal("M-002", "\(file) is a copy of another store (\(origin.sourceName), store id \(origin.sourceStoreID.prefix(8))), not of \(name) (store id \(mainID.prefix(8)))")
        }
        guard let lease = try lease(id: origin.leaseID) else {
            throw refusal("M-004", "\(file) names lease \(origin.leaseID), which \(name) never issued: the copy was tampered with")
        }
        let copyStoreID = try copy.meta("store_id") ?? ""
        guard copyStoreID == lease.copyStoreID else {
            throw refusal("M-004", "\(file) is not the copy written for lease \(lease.id) (its store id differs): the copy was tampered with")
        }
        let chain = try copy.verifyJournal()
        if let problem = chain.problem { throw refusal("M-004", "\(file) was tampered with: \(problem)") }
        let (base, copySnapshot, journal) = try copy.queue.read { db in
            var base: EntitySnapshot = [:]
            for row in try Row.fetchAll(db, sql: "SELECT dossier_id, entity, entity_id, json FROM copy_base") {
                base[EntityKey(dossierID: row[0], entity: row[1], id: row[2])] = row[3]
            }
            return (base, try EntitySnapshots.read(lease.dossierIDs, db),
                    CopyJournal(try Journal.entries(db, sql: "ORDER BY seq", arguments: [])))
        }
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
            throw refusal("M-004", "\(file) was tampered with: its base values differ from what \(name) recorded at checkout \(lease.id)")
        }
        switch lease.status {
        case .out:
            if let why = lease.unmergeable {
                throw refusal("M-003", "\(file) can no longer be merged: \(why), so its base no longer matches; release the lease (fuhe leases --release \(lease.id) --reason …) and check the units out again")
            }
        case .released:
            throw refusal("M-003", "\(file) is stale: lease \(lease.id) was released, so this copy can no longer be merged; check the units out again")
        case .merged:
            let mergedDigest = try queue.read { db in try String.fetchOne(db, sql: "SELECT merged_digest FROM lease WHERE id = ?", arguments: [lease.id]) }
            guard mergedDigest == copyDigest else {
                throw refusal("M-003", "\(file) is stale: lease \(lease.id) was merged on \(lease.mergedAt.map(BeijingTime.display) ?? "?") and the copy was edited after that; check the units out again for further edits")
            }
            let empty = ThreeWayMerge.plan(base: [:], main: [:], copy: [:], validate: EntitySnapshots.validator)
            return MergePreparation(copyPath: copyPath, lease: lease, origin: origin, plan: empty, alreadyMerged: true,
                                    mainJournalSeq: 0, copyDigest: copyDigest, copyJournal: journal, copyLock: copy.copyLock)
        }
        try Self.checkJournalled(base: base, copy: copySnapshot, journal: journal, file: file)
        let (mainSnapshot, locked, mainSeq, rowRules) = try queue.read { db -> (EntitySnapshot, Set<String>, Int64, [String: CopyChecks.RowRules]) in
            let checkoutSeq = try Int64.fetchOne(db, sql: "SELECT checkout_seq FROM lease WHERE id = ?", arguments: [lease.id]) ?? 0
            for d in lease.dossierIDs {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM dossier WHERE id = ?", arguments: [d]) == true else {
                    throw refusal("M-003", "\(file) is stale: dossier \(d) was removed from \(name) after checkout \(lease.id)")
                }
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM journal WHERE dossier_id = ? AND entity = 'dossier' AND seq > ?",
                                     arguments: [d, checkoutSeq]) == true {
                    throw refusal("M-003", "\(file) is stale: dossier \(d) was imported again into \(name) after checkout \(lease.id), so its base no longer matches")
                }
            }
            let snapshot = try EntitySnapshots.read(lease.dossierIDs, db)
            let locked = CopyChecks.finalizedSince(base: base, main: snapshot, dossierIDs: lease.dossierIDs)
            var rules: [String: CopyChecks.RowRules] = [:]
            for d in lease.dossierIDs {
                if let context = try Self.rowRuleContext(d, db) { rules[d] = .init(template: context.template, evaluation: context.evaluation) }
            }
            return (snapshot, locked, try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM journal") ?? 0, rules)
        }
        let plan = ThreeWayMerge.plan(base: base, main: mainSnapshot, copy: copySnapshot, locked: locked,
                                      validate: EntitySnapshots.validator(rowRules: rowRules))
        return MergePreparation(copyPath: copyPath, lease: lease, origin: origin, plan: plan, alreadyMerged: false,
                                mainJournalSeq: mainSeq, copyDigest: copyDigest, copyJournal: journal, copyLock: copy.copyLock)
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
                throw refusal("M-007", "\(file) is open in a workstation or another fuhe command; quit it there (q) and merge again")
            }
            throw refusal("M-008", "\(file)-wal beside the copy holds \(walSize) bytes of edits that are not in \(file) yet (the copy is open in an older Fuhe, or was not closed properly): open it once with fuhe --store \(copyPath) and quit with q, which writes them into the file, then merge again")
        }
        let copy = try FuheStore.open(path: copyPath, createIfMissing: false, clock: clock, kind: .main, copyLock: .exclusive)
        switch try copy.kind() {
        case .copy: break
        case .sandbox: throw refusal("M-001", "\(file) is a training sandbox (fuhe demo); a sandbox is never merged into a real store")
        case .main: throw refusal("M-001", "\(file) is a main store, not a copy made by fuhe checkout")
        }
        guard let origin = try copy.copyOrigin() else { throw refusal("M-004", "\(file) is damaged: it does not say which store it was copied from") }
        return CopyForMerge(store: copy, origin: origin, path: copyPath)
    }
}
