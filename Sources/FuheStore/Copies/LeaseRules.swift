import Foundation
import FuheCore
import GRDB

/// What an import may do to units that are out as offline copies.
extension FuheStore {
    /// In a checked-out copy, refuses any import (units outside the lease would never be merged
    /// back; a unit of the lease re-imported would read as edits made outside Fuhe). In a main
    /// store, refuses replacing a unit that is out unless `overriding`; then each lease concerned
    /// is marked unmergeable (journalled) so that `fuhe leases` shows it and its merge refuses.
    static func checkLeases(importing ids: [String], replacing: Bool, overriding: Bool, actor: String, batch: Int64,
                            at: Date, file: String, _ db: Database) throws {
        let kind = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'kind'")
        if kind == StoreKind.copy.rawValue, let leaseID = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'lease_id'") {
            let own = Set(try String.fetchAll(db, sql: "SELECT DISTINCT dossier_id FROM copy_base"))
            let outside = ids.filter { !own.contains($0) }
            if !outside.isEmpty {
                throw StoreError.rule(code: "C-006", message: tr("\(file) 是离线副本（借出 \(leaseID)）；\(outside.joined(separator: "、")) 不属于它，导入后永远不会被合并回去：请导入主库",
                                                              "\(file) is an offline copy (lease \(leaseID)); \(outside.joined(separator: ", ")) \(outside.count == 1 ? "is" : "are") not part of it and would never be merged back: import into the main store instead"))
            }
            if !ids.isEmpty {
                throw StoreError.rule(code: "C-006", message: tr("\(file) 是离线副本（借出 \(leaseID)）；再把 \(ids.joined(separator: "、")) 导入它会使副本无法合并：请导入主库，再重新借出",
                                                              "\(file) is an offline copy (lease \(leaseID)); importing \(ids.joined(separator: ", ")) again into it would make the copy unmergeable: import into the main store, then check the unit out again"))
            }
            return
        }
        guard replacing else { return }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        guard !ids.isEmpty else { return }
        let out = try leases(db, whereSQL: "WHERE status = 'out' AND id IN (SELECT lease_id FROM lease_unit WHERE dossier_id IN (\(placeholders)))",
                             arguments: StatementArguments(ids))
        guard !out.isEmpty else { return }
        let replaced = Set(ids)
        func units(_ lease: Lease) -> String { lease.dossierIDs.filter(replaced.contains).joined(separator: ", ") }
        guard overriding else {
            let list = out.map { tr("\(units($0)) 已借出（\($0.id)，借给 \($0.holder)，\($0.sinceDay) 起）", "\(units($0)) is out as \($0.id) to \($0.holder) since \($0.sinceDay)") }.joined(separator: tr("；", "; "))
            throw StoreError.rule(code: "C-005", message: tr("\(list)：替换它会使那个副本无法合并；确要替换请加 --force（该借出随即标为不能合并）",
                                                             "\(list): replacing it would make that copy unmergeable; add --force to replace it anyway (the lease is then marked unmergeable)"))
        }
        for lease in out where lease.unmergeable == nil {
            let why = "\(units(lease)) 已于 \(ISO.format(at).prefix(16).replacingOccurrences(of: "T", with: " ")) 由 \(actor) 重新导入（import --replace --force）"
            try db.execute(sql: "UPDATE lease SET unmergeable = ? WHERE id = ?", arguments: [why, lease.id])
            for d in lease.dossierIDs {
                try Journal.append(db, JournalRecord(actor: actor, origin: "lease:\(lease.id)", dossierID: d, entity: "lease", entityID: lease.id,
                                                     field: "unmergeable", old: nil, new: JSONFields.quote(why), reason: "导入替换借出的单位"),
                                   batch: batch, at: at)
            }
        }
    }
}
