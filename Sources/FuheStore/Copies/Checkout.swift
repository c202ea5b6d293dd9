import Foundation
import FuheCore
import GRDB

extension FuheStore {
    /// Writes an offline copy of some dossiers to `outPath`: a standalone store (kind `copy`) with
    /// those dossiers, the templates and grade schemes, and every entity as it is now (the base the
    /// merge compares against). The main store records the lease in the same step. Nothing is
    /// left behind when it fails: the copy is built under a temporary name and renamed last.
    @discardableResult
    public func checkout(dossierIDs: [String], to outPath: String, holder: String, actor: String) throws -> Lease {
        guard try kind() == .main else {
            throw StoreError.rule(code: "C-002", message: "\(name) is a \(try kind() == .copy ? "copy" : "training sandbox"); check units out from the main store")
        }
        let ids = Array(Set(dossierIDs)).sorted()
        guard !ids.isEmpty else { throw StoreError.rule(code: "C-003", message: "no units to check out") }
        let fm = FileManager.default
        guard !fm.fileExists(atPath: outPath) else { throw StoreError.io(path: outPath, detail: "already exists; choose a new file for the copy") }
        let dossiers = try ids.map { try dossier(id: $0) }
        let storeID = try meta("store_id") ?? ""
        let leaseID = try queue.read { db in "L-\((try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lease") ?? 0) + 1)" }
        let since = ISO.format(clock.now())
        let directory = (outPath as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((outPath as NSString).lastPathComponent).\(UUID().uuidString).partial"
        defer { Self.removeStoreFiles(temporary) }
        let bundled = try bundledTemplateIDs()
        let (baseDigest, copyStoreID) = try Self.writeCopy(
            dossiers, to: temporary, templates: try templates().filter { bundled.contains($0.id) }, schemes: Array(try gradeSchemes().values),
            source: CopySource(storeID: storeID, name: name, leaseID: leaseID, holder: holder, since: since), actor: actor,
            reportSources: try reportSources(ids), samples: Set(try sampleDossierIDs()).intersection(ids), clock: clock)
        let lease = Lease(id: leaseID, copyStoreID: copyStoreID, holder: holder, actor: actor, since: since, outPath: outPath,
                          status: .out, dossierIDs: ids, mergedAt: nil, mergedBy: nil)
        try queue.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM lease WHERE id = ?", arguments: [leaseID]) == true {
                throw StoreError.rule(code: "C-004", message: "another checkout took lease \(leaseID) at the same time; run it again")
            }
            let seq = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM journal") ?? 0
            try db.execute(sql: """
                INSERT INTO lease(id, copy_store_id, holder, actor, since, out_path, status, base_digest, checkout_seq)
                VALUES (?, ?, ?, ?, ?, ?, 'out', ?, ?)
                """, arguments: [leaseID, copyStoreID, holder, actor, since, outPath, baseDigest, seq])
            for d in ids { try db.execute(sql: "INSERT INTO lease_unit(lease_id, dossier_id) VALUES (?, ?)", arguments: [leaseID, d]) }
            try Self.journalLease(lease, from: nil, to: .out, actor: actor, reason: "借出给 \(holder)：\((outPath as NSString).lastPathComponent)",
                                  batch: try Journal.nextBatch(db), at: clock.now(), db)
        }
        guard rename(temporary, outPath) == 0 else {
            let code = errno
            try? queue.write { db in
                try db.execute(sql: "DELETE FROM lease_unit WHERE lease_id = ?", arguments: [leaseID])
                try db.execute(sql: "DELETE FROM lease WHERE id = ?", arguments: [leaseID])
            }
            throw StoreError.io(path: outPath, detail: "cannot write the copy (errno \(code))")
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

    static func removeStoreFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
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

    public init(storeID: String, name: String, leaseID: String, holder: String, since: String) {
        self.storeID = storeID; self.name = name; self.leaseID = leaseID; self.holder = holder; self.since = since
    }
}

extension FuheStore {
    /// Writes an offline copy at `path` (a new file, kind `copy`, rollback journal): the grade
    /// schemes and bundled `templates`, the dossiers, every entity as it is now in `copy_base`
    /// (the merge's base) and where it comes from. Returns the digest of the base and the copy's
    /// store id, which the main store records with the lease. Used by `checkout` here and by
    /// `fuhe checkout --server`.
    public static func writeCopy(_ dossiers: [Dossier], to path: String, templates: [IndicatorTemplate], schemes: [GradeScheme],
                                 source: CopySource, actor: String, reportSources: [String: ReportSource] = [:], samples: Set<String> = [],
                                 clock: any Clock = SystemClock()) throws -> (digest: String, copyStoreID: String) {
        let ids = dossiers.map(\.id)
        let copy = try FuheStore.open(path: path, createIfMissing: true, clock: clock, kind: .copy)
        try copy.saveGradeSchemes(schemes)
        try copy.saveTemplates(templates, bundled: true)
        try copy.importDossiers(dossiers, actor: actor, origin: "checkout:\(source.leaseID)", reason: "借出 \(source.leaseID) 给 \(source.holder)",
                                sources: reportSources, samples: samples)
        let result = try copy.queue.write { db in
            let snapshot = try EntitySnapshots.read(ids, db)
            for (key, json) in snapshot {
                try db.execute(sql: "INSERT INTO copy_base(dossier_id, entity, entity_id, json) VALUES (?, ?, ?, ?)",
                               arguments: [key.dossierID, key.entity, key.id, json])
            }
            for (k, v) in [("source_store_id", source.storeID), ("source_name", source.name), ("lease_id", source.leaseID), ("holder", source.holder),
                           ("checked_out_at", source.since)] {
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [k, v])
            }
            return (EntitySnapshots.digest(snapshot), try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'store_id'") ?? "")
        }
        try copy.closeForTransfer()
        return result
    }
}
