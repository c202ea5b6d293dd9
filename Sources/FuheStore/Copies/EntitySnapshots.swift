import Foundation
import FuheCore
import GRDB
import Synchronization

/// Reading the mergeable entities of dossiers as stored JSON, checking a merged entity against the
/// model and its rules, and digesting a snapshot.
enum EntitySnapshots {
    /// Every scoresheet row, evidence entry, finding, item and the two headers of the dossiers.
    /// `capacity`: about how many entities there are (the dictionary is sized once).
    static func read(_ dossierIDs: [String], _ db: Database, capacity: Int = 0) throws -> EntitySnapshot {
        var out: EntitySnapshot = [:]
        out.reserveCapacity(capacity)
        for d in dossierIDs {
            for (table, entity, key) in [("result", "result", "node_id"), ("evidence", "evidence", "id"),
                                         ("finding", "finding", "id"), ("rect_item", "item", "id")] {
                // A cursor over a prepared statement: no row copied, no column looked up by name.
                let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT \(key), json FROM \(table) WHERE dossier_id = ?"), arguments: [d])
                while let row = try rows.next() { out[EntityKey(dossierID: d, entity: entity, id: row[0])] = row[1] }
            }
            if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT evaluation_json, review_json FROM dossier WHERE id = ?"), arguments: [d]) {
                out[EntityKey(dossierID: d, entity: "evaluation", id: d)] = row[0]
                if let review: String = row[1] { out[EntityKey(dossierID: d, entity: "review", id: d)] = review }
            }
        }
        return out
    }

    /// SHA-256 over the snapshot in key order: equal snapshots, equal digests (FuheCore's rule,
    /// hashed with the store's SHA-256).
    static func digest(_ snapshot: EntitySnapshot) -> String { CopyChecks.digest(snapshot, using: StoreSHA256.self) }

    /// The digests of two snapshots, computed side by side on two cores.
    static func digests(_ a: EntitySnapshot, _ b: EntitySnapshot) -> (String, String) {
        let out = Mutex<[Int: String]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let d = digest(i == 0 ? a : b)
            out.withLock { $0[i] = d }
        }
        let both = out.withLock { $0 }
        return (both[0] ?? "", both[1] ?? "")
    }

    /// Decodes a merged entity and applies the rules the store applies to an edit.
    static let validator: ThreeWayMerge.Validator = CopyChecks.validator(rowRules: [:])

    /// The validator with each dossier's template and self-evaluation header (FuheCore's).
    static func validator(rowRules: [String: CopyChecks.RowRules]) -> ThreeWayMerge.Validator { CopyChecks.validator(rowRules: rowRules) }
}
