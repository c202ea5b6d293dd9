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
        let copy = try FuheStore.inMemory(kind: .copy, clock: clock, path: outPath)
        try copy.saveGradeSchemes(Array(try gradeSchemes().values))
        let bundled = try bundledTemplateIDs()
        try copy.saveTemplates(try templates().filter { bundled.contains($0.id) }, bundled: true)
        try copy.importDossiers(dossiers, actor: actor, origin: "checkout:\(leaseID)", reason: "借出 \(leaseID) 给 \(holder)",
                                sources: try reportSources(ids), samples: Set(try sampleDossierIDs()).intersection(ids))
        let (baseDigest, copyStoreID) = try copy.queue.write { db in
            let snapshot = try EntitySnapshots.read(ids, db)
            for (key, json) in snapshot {
                try db.execute(sql: "INSERT INTO copy_base(dossier_id, entity, entity_id, json) VALUES (?, ?, ?, ?)",
                               arguments: [key.dossierID, key.entity, key.id, json])
            }
            for (k, v) in [("source_store_id", storeID), ("source_name", name), ("lease_id", leaseID), ("holder", holder),
                           ("checked_out_at", since), ("source_journal_count", String(anchor.count)), ("source_journal_head", anchor.head)] {
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [k, v])
            }
            return (EntitySnapshots.digest(snapshot), try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'store_id'") ?? "")
        }
        do { try pending.append(try copy.serialized()) } catch let error as OutputError {
            throw StoreError.output(error)
        }
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
