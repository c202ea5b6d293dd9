import Foundation
import FuheCore
import FuheFiles
import GRDB

extension FuheStore {
    /// Writes an offline copy of some dossiers to `outPath`: a standalone store (kind `copy`) with
    /// those dossiers, the templates and grade schemes, and every entity as it is now (the base the
    /// merge compares against). The main store records the lease in the same step. The copy is
    /// built in memory and written through ``OutputFile`` (unnamed until complete, mode 0600), so
    /// nothing is left behind when it fails or is killed, not even a hidden temporary file.
    @discardableResult
    public func checkout(dossierIDs: [String], to outPath: String, holder: String, actor: String, force: Bool = false) throws -> Lease {
        let kind = try kind()
        guard kind == .main else {
            throw StoreError.rule(code: "C-002", message: tr("\(name) 是\(kind == .copy ? "副本" : "培训沙盒")；请从主库借出单位",
                                                          "\(name) is a \(kind == .copy ? "copy" : "training sandbox"); check units out from the main store"))
        }
        let ids = Array(Set(dossierIDs)).sorted()
        guard !ids.isEmpty else { throw StoreError.rule(code: "C-003", message: tr("没有要借出的单位", "no units to check out")) }
        let pending: OutputFile.Pending
        do { pending = try OutputFile.begin(outPath, force: force) } catch { throw StoreError.output(error) }
        let dossiers = try ids.map { try dossier(id: $0) }
        let storeID = try meta("store_id") ?? ""
        let leaseID = try queue.read { db in "L-\((try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lease") ?? 0) + 1)" }
        let since = ISO.format(clock.now())
        let anchor = try journalAnchor()
        let bundled = try bundledTemplateIDs()
        let copy = try Self.buildCopy(
            dossiers, path: outPath, templates: try templates().filter { bundled.contains($0.id) }, schemes: Array(try gradeSchemes().values),
            source: CopySource(storeID: storeID, name: name, leaseID: leaseID, holder: holder, since: since,
                               journalCount: anchor.count, journalHead: anchor.head),
            actor: actor, reportSources: try reportSources(ids), samples: Set(try sampleDossierIDs()).intersection(ids), clock: clock)
        let (baseDigest, copyStoreID) = (copy.digest, copy.copyStoreID)
        do { try pending.append(copy.bytes) } catch { throw StoreError.output(error) }
        let lease = Lease(id: leaseID, copyStoreID: copyStoreID, holder: holder, actor: actor, since: since, outPath: outPath,
                          status: .out, dossierIDs: ids, mergedAt: nil, mergedBy: nil)
        try queue.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM lease WHERE id = ?", arguments: [leaseID]) == true {
                throw StoreError.rule(code: "C-004", message: tr("另一次借出同时占用了 \(leaseID)；请重新运行", "another checkout took lease \(leaseID) at the same time; run it again"))
            }
            let seq = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM journal") ?? 0
            let head = try String.fetchOne(db, sql: "SELECT hash FROM journal ORDER BY seq DESC LIMIT 1") ?? ""
            try db.execute(sql: """
                INSERT INTO lease(id, copy_store_id, holder, actor, since, out_path, status, base_digest, checkout_seq, checkout_head)
                VALUES (?, ?, ?, ?, ?, ?, 'out', ?, ?, ?)
                """, arguments: [leaseID, copyStoreID, holder, actor, since, outPath, baseDigest, seq, head])
            for d in ids { try db.execute(sql: "INSERT INTO lease_unit(lease_id, dossier_id) VALUES (?, ?)", arguments: [leaseID, d]) }
            try Self.journalLease(lease, from: nil, to: .out, actor: actor, reason: "借出给 \(holder)：\((outPath as NSString).lastPathComponent)",
                                  batch: try Journal.nextBatch(db), at: clock.now(), db)
        }
        do { try pending.commit() } catch {
            // The lease is journalled already: give it up (with the reason) rather than erase it.
            try? release(leaseID: leaseID, actor: actor, reason: tr("副本文件没有写成：\(error)", "the copy file was not written: \(error)"))
            throw StoreError.output(error)
        }
        return lease
    }

    /// The store file's name.
    public var name: String { (path as NSString).lastPathComponent }

    /// Folds the write-ahead log into the file and closes it, so the file alone is the store (to
    /// copy or send it). The store must not be used afterwards.
    public func closeForTransfer() throws {
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        copyLock?.release()
    }
}

/// Where an offline copy comes from: the main store (a file, or a server) and its lease.
public struct CopySource: Sendable {
    public var storeID: String
    /// The main store's file name, or the server's address.
    public var name: String
    public var leaseID: String
    public var holder: String
    /// ISO 8601 time of the checkout.
    public var since: String
    /// The main store's journal anchor at checkout (nil for a server, whose journal the copy
    /// cannot see).
    public var journalCount: Int?
    public var journalHead: String?

    public init(storeID: String, name: String, leaseID: String, holder: String, since: String, journalCount: Int? = nil, journalHead: String? = nil) {
        self.storeID = storeID; self.name = name; self.leaseID = leaseID; self.holder = holder; self.since = since
        self.journalCount = journalCount; self.journalHead = journalHead
    }
}

/// An offline copy built in memory: the file's bytes, the digest of its base and its store id
/// (which the main store records with the lease).
public struct BuiltCopy: Sendable {
    public var bytes: [UInt8]
    public var digest: String
    public var copyStoreID: String
}

extension FuheStore {
    /// Builds an offline copy in memory (kind `copy`): the grade schemes and bundled `templates`,
    /// the dossiers, every entity as it is now in `copy_base` (the merge's base) and where it
    /// comes from. Used by `checkout` here and by `fuhe checkout --server`; the caller writes the
    /// bytes through `OutputFile`.
    public static func buildCopy(_ dossiers: [Dossier], path: String, templates: [IndicatorTemplate], schemes: [GradeScheme],
                                 source: CopySource, actor: String, reportSources: [String: ReportSource] = [:], samples: Set<String> = [],
                                 clock: any Clock = SystemClock()) throws -> BuiltCopy {
        let ids = dossiers.map(\.id)
        let copy = try FuheStore.inMemory(kind: .copy, clock: clock, path: path)
        try copy.saveGradeSchemes(schemes)
        try copy.saveTemplates(templates, bundled: true)
        try copy.importDossiers(dossiers, actor: actor, origin: "checkout:\(source.leaseID)", reason: "借出 \(source.leaseID) 给 \(source.holder)",
                                sources: reportSources, samples: samples)
        let (digest, copyStoreID) = try copy.queue.write { db in
            let snapshot = try EntitySnapshots.read(ids, db)
            for (key, json) in snapshot {
                try db.execute(sql: "INSERT INTO copy_base(dossier_id, entity, entity_id, json) VALUES (?, ?, ?, ?)",
                               arguments: [key.dossierID, key.entity, key.id, json])
            }
            var meta = [("source_store_id", source.storeID), ("source_name", source.name), ("lease_id", source.leaseID), ("holder", source.holder),
                        ("checked_out_at", source.since)]
            if let count = source.journalCount, let head = source.journalHead {
                meta += [("source_journal_count", String(count)), ("source_journal_head", head)]
            }
            for (k, v) in meta {
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [k, v])
            }
            return (EntitySnapshots.digest(snapshot), try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'store_id'") ?? "")
        }
        return BuiltCopy(bytes: try copy.serialized(), digest: digest, copyStoreID: copyStoreID)
    }
}
