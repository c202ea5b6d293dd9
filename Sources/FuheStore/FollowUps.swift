import Foundation
import FuheCore
import GRDB

extension FuheStore {
    /// The follow-up part (unit, cycle, template, findings, items) of the given dossiers, in the
    /// order given, without reading their scoresheet rows; JSON is decoded on all cores and each
    /// template once. For the ledger and the cycle report over thousands of dossiers.
    public func followUps(dossierIDs: [String]) throws -> [DossierFollowUp] {
        struct Raw {
            var id: String, unit: String, cycle: String, template: String
            var findings: [String] = [], items: [String] = []
        }
        let (raws, templates) = try queue.read { db -> ([Raw], [String: IndicatorTemplate]) in
            var byID: [String: Raw] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT d.id, u.json, c.json, d.template_id FROM dossier d
                JOIN unit u ON u.id = d.unit_id JOIN cycle c ON c.id = d.cycle_id
                """) {
                let id: String = row[0]
                byID[id] = Raw(id: id, unit: row[1], cycle: row[2], template: row[3])
            }
            // A few dossiers: their own rows by index; many: one pass over each table.
            let few = dossierIDs.count <= 64
            let wanted = Set(dossierIDs)
            for (table, isItem) in [("finding", false), ("rect_item", true)] {
                let rows = few
                    ? try dossierIDs.flatMap { try Row.fetchAll(db, sql: "SELECT dossier_id, json FROM \(table) WHERE dossier_id = ? ORDER BY seq, id",
                                                                arguments: [$0]) }
                    : try Row.fetchAll(db, sql: "SELECT dossier_id, json FROM \(table) ORDER BY dossier_id, seq, id")
                for row in rows {
                    let id: String = row[0]
                    guard wanted.contains(id) else { continue }
                    if isItem { byID[id]?.items.append(row[1]) } else { byID[id]?.findings.append(row[1]) }
                }
            }
            var templates: [String: IndicatorTemplate] = [:]
            var raws: [Raw] = []
            for id in dossierIDs {
                guard let raw = byID[id] else { throw StoreError.unknownDossier(id) }
                if templates[raw.template] == nil {
                    guard let t = try Self.template(id: raw.template, db) else { throw StoreError.unknownTemplate(raw.template) }
                    templates[raw.template] = t
                }
                raws.append(raw)
            }
            return (raws, templates)
        }
        let units = try ParallelDecoder.decode(raws.map(\.unit), as: EvaluatedUnit.self)
        let cycles = try ParallelDecoder.decode(raws.map(\.cycle), as: EvaluationCycle.self)
        // Findings and items are many and rarely repeated: decoded in order, not by text.
        var findings = try ParallelDecoder.decodeInOrder(raws.flatMap(\.findings), as: Finding.self)[...]
        var items = try ParallelDecoder.decodeInOrder(raws.flatMap(\.items), as: RectificationItem.self)[...]
        return try raws.map { raw in
            guard let unit = units[raw.unit], let cycle = cycles[raw.cycle], let template = templates[raw.template] else {
                throw StoreError.unknownDossier(raw.id)
            }
            let mine = (findings.prefix(raw.findings.count), items.prefix(raw.items.count))
            findings = findings.dropFirst(raw.findings.count)
            items = items.dropFirst(raw.items.count)
            return DossierFollowUp(dossierID: raw.id, unit: unit, cycle: cycle, template: template,
                                   findings: Array(mine.0), items: Array(mine.1))
        }
    }
}
