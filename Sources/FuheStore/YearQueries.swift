import Foundation
import FuheCore
import GRDB

/// The same unit across years: dossiers are linked by their unit (`dossier.unit_id`, indexed with
/// the fiscal year).
extension FuheStore {
    /// Every dossier of a unit, oldest year first.
    public func dossiers(ofUnit unitID: String) throws -> [Dossier] {
        let ids = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM dossier WHERE unit_id = ? ORDER BY fiscal_year, id", arguments: [unitID])
        }
        return try ids.map { try dossier(id: $0) }
    }

    /// The unit of a dossier.
    public func unitID(ofDossier id: String) throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: "SELECT unit_id FROM dossier WHERE id = ?", arguments: [id]) }
    }

    /// What the unit's earlier years bring to a dossier: their open items and their findings.
    public func earlierYears(of dossierID: String) throws -> EarlierYears {
        let row = try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT unit_id, fiscal_year FROM dossier WHERE id = ?", arguments: [dossierID])
        }
        guard let row else { throw StoreError.unknownDossier(dossierID) }
        let unitID: String = row[0], year: Int = row[1]
        let earlier = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, fiscal_year FROM dossier WHERE unit_id = ? AND fiscal_year < ? ORDER BY fiscal_year DESC, id",
                             arguments: [unitID, year]).map { (id: $0[0] as String, year: $0[1] as Int) }
        }
        guard !earlier.isEmpty else {
            return EarlierYears(dossierID: dossierID, previousDossierID: nil, previousYear: nil, openItems: [], findings: [])
        }
        let ids = Set(earlier.map(\.id))
        let items = try itemDigests(unitID: unitID).filter { ids.contains($0.dossierID) && $0.status.isOpen }
        let findings = try earlier.flatMap { try findingDigests(dossierID: $0.id) }
        return EarlierYears(dossierID: dossierID, previousDossierID: earlier.first?.id, previousYear: earlier.first?.year,
                            openItems: items, findings: findings)
    }
}
