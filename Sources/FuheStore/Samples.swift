import Foundation
import FuheCore
import GRDB

/// The bundled sample dossiers in a store: marked as samples, listed, removed without touching
/// anything else (`fuhe samples --remove`). Installing them is `importDossiers(…, samples:)`.
extension FuheStore {
    /// Ids of the sample dossiers, in list order.
    public func sampleDossierIDs() throws -> [String] {
        try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT d.id FROM dossier d JOIN sample_dossier s ON s.dossier_id = d.id ORDER BY d.sort_key, d.fiscal_year, d.id
                """)
        }
    }

    /// Marks dossiers as samples (an offline copy keeps the marks of its main store).
    public func markSamples(_ dossierIDs: [String]) throws {
        try queue.write { db in
            for id in dossierIDs { try db.execute(sql: "INSERT OR IGNORE INTO sample_dossier(dossier_id) VALUES (?)", arguments: [id]) }
        }
    }

    /// Removes every sample dossier in one transaction, journalled (one entry per dossier, origin
    /// `samples`); units and cycles no other dossier uses go with them. Refused while a sample is
    /// out on an offline copy (its lease would then point at nothing). Returns the removed ids.
    @discardableResult
    public func removeSamples(actor: String) throws -> [String] {
        try queue.write { db in
            let ids = try String.fetchAll(db, sql: "SELECT dossier_id FROM sample_dossier ORDER BY dossier_id")
            guard !ids.isEmpty else { return [] }
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
            if let leased = try String.fetchOne(db, sql: """
                SELECT l.id || ' ' || lu.dossier_id FROM lease_unit lu JOIN lease l ON l.id = lu.lease_id
                WHERE l.status = 'out' AND lu.dossier_id IN (\(marks)) LIMIT 1
                """, arguments: StatementArguments(ids)) {
                throw StoreError.rule(code: "SP-001", message: "示例单位仍在借出（\(leased)）：先合并或释放该借出，再删除示例数据；未删除任何内容")
            }
            let batch = try Journal.nextBatch(db)
            let now = clock.now()
            var previous: String?
            for id in ids {
                let units = try Row.fetchOne(db, sql: "SELECT unit_id, cycle_id FROM dossier WHERE id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM dossier WHERE id = ?", arguments: [id])
                if let units {
                    let unit: String = units[0], cycle: String = units[1]
                    try db.execute(sql: "DELETE FROM unit WHERE id = ? AND NOT EXISTS (SELECT 1 FROM dossier WHERE unit_id = ?)", arguments: [unit, unit])
                    try db.execute(sql: "DELETE FROM cycle WHERE id = ? AND NOT EXISTS (SELECT 1 FROM dossier WHERE cycle_id = ?)", arguments: [cycle, cycle])
                }
                previous = try Journal.append(db, JournalRecord(actor: actor, origin: "samples", dossierID: id, entity: "dossier", entityID: id,
                                                                field: "*", old: "\"imported\"", new: nil, reason: "删除示例数据"),
                                              batch: batch, at: now, previous: previous)
            }
            return ids
        }
    }

    static func isSample(_ dossierID: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM sample_dossier WHERE dossier_id = ?", arguments: [dossierID]) ?? false
    }

    static func notASample(_ dossierID: String) -> StoreError {
        .rule(code: "SP-002", message: "编号 \(dossierID) 已被一个非示例单位使用：示例数据从不覆盖真实数据，未安装任何示例")
    }
}
