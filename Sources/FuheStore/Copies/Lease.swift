import Foundation
import FuheCore
import GRDB

/// A checkout recorded in the main store: which units went out as an offline copy, to whom,
/// since when, and whether the copy came back.
public struct Lease: Sendable, Hashable, Identifiable {
    public enum Status: String, Sendable {
        /// The copy is out.
        case out
        /// The copy was merged back (`mergedAt`, `mergedBy`).
        case merged
        /// Given up (the copy was lost or is no longer wanted); its copy can no longer be merged.
        case released

        /// 借出中 / 已合并 / 已放弃.
        public var label: String {
            switch self {
            case .out: "借出中"
            case .merged: "已合并"
            case .released: "已放弃"
            }
        }
    }

    public var id: String
    public var copyStoreID: String
    public var holder: String
    public var actor: String
    /// ISO 8601 time of the checkout (UTC+8).
    public var since: String
    public var outPath: String
    public var status: Status
    public var dossierIDs: [String]
    public var mergedAt: String?
    public var mergedBy: String?
    /// Why the copy can no longer be merged (a unit of it was replaced in the main store with
    /// `import --replace --force`); nil while it can.
    public var unmergeable: String? = nil

    /// The checkout day, e.g. "2026-11-23".
    public var sinceDay: String { String(BeijingTime.display(since).prefix(10)) }
}

/// In a copy: where it was taken from and under which lease.
public struct CopyOrigin: Sendable, Hashable {
    public var sourceStoreID: String
    /// The main store's file name when the copy was taken.
    public var sourceName: String
    public var leaseID: String
    public var holder: String
    /// ISO 8601 time of the checkout.
    public var since: String

    public var sinceDay: String { String(BeijingTime.display(since).prefix(10)) }
}

extension FuheStore {
    /// Every lease, newest first.
    public func leases() throws -> [Lease] {
        try queue.read { db in try Self.leases(db, whereSQL: "", arguments: []) }
    }

    /// A lease by id.
    public func lease(id: String) throws -> Lease? {
        try queue.read { db in try Self.leases(db, whereSQL: "WHERE id = ?", arguments: [id]).first }
    }

    /// Dossiers that are out, with the lease(s) they are out under (for marking the unit list).
    public func leasedDossiers() throws -> [String: [Lease]] {
        var out: [String: [Lease]] = [:]
        for lease in try queue.read({ db in try Self.leases(db, whereSQL: "WHERE status = 'out'", arguments: []) }) {
            for d in lease.dossierIDs { out[d, default: []].append(lease) }
        }
        return out
    }

    /// Gives up a lease whose copy will not come back; its copy is refused from then on.
    public func release(leaseID: String, actor: String, reason: String) throws {
        try queue.write { db in
            guard let lease = try Self.leases(db, whereSQL: "WHERE id = ?", arguments: [leaseID]).first else {
                throw StoreError.rule(code: "C-001", message: tr("库中没有借出 \(leaseID)", "no lease \(leaseID) in this store"))
            }
            guard lease.status == .out else {
                throw StoreError.rule(code: "C-001", message: tr("借出 \(leaseID) 已经是“\(lease.status.label)”状态", "lease \(leaseID) is already \(lease.status.rawValue)"))
            }
            try db.execute(sql: "UPDATE lease SET status = 'released' WHERE id = ?", arguments: [leaseID])
            try Self.journalLease(lease, from: .out, to: .released, actor: actor, reason: reason, batch: try Journal.nextBatch(db), at: clock.now(), db)
        }
    }

    /// In a copy, where it came from; nil in a main store or sandbox.
    public func copyOrigin() throws -> CopyOrigin? {
        guard try kind() == .copy, let source = try meta("source_store_id"), let lease = try meta("lease_id") else { return nil }
        return CopyOrigin(sourceStoreID: source, sourceName: try meta("source_name") ?? "?", leaseID: lease,
                          holder: try meta("holder") ?? "?", since: try meta("checked_out_at") ?? "")
    }

    static func leases(_ db: Database, whereSQL: String, arguments: StatementArguments) throws -> [Lease] {
        try Row.fetchAll(db, sql: "SELECT * FROM lease \(whereSQL) ORDER BY since DESC, id DESC", arguments: arguments).map { row in
            let id: String = row["id"]
            let dossiers = try String.fetchAll(db, sql: "SELECT dossier_id FROM lease_unit WHERE lease_id = ? ORDER BY dossier_id", arguments: [id])
            return Lease(id: id, copyStoreID: row["copy_store_id"], holder: row["holder"], actor: row["actor"], since: row["since"],
                         outPath: row["out_path"], status: Lease.Status(rawValue: row["status"]) ?? .released, dossierIDs: dossiers,
                         mergedAt: row["merged_at"], mergedBy: row["merged_by"], unmergeable: row["unmergeable"])
        }
    }

    /// One journal entry per dossier of the lease: its status change, so the chain records
    /// checkouts, merges and releases.
    static func journalLease(_ lease: Lease, from old: Lease.Status?, to new: Lease.Status, actor: String, reason: String?,
                             batch: Int64, at: Date, _ db: Database) throws {
        for d in lease.dossierIDs {
            try Journal.append(db, JournalRecord(actor: actor, origin: "lease:\(lease.id)", dossierID: d, entity: "lease", entityID: lease.id,
                                                 field: "status", old: old.map { "\"\($0.rawValue)\"" }, new: "\"\(new.rawValue)\"",
                                                 reason: reason), batch: batch, at: at)
        }
    }
}
