import Foundation
import FuheCore
import GRDB

extension FuheStore {
    /// Makes a dossier of a ready draft in ONE journalled transaction: the dossier (unit, cycle,
    /// evaluation, stated scores), its report text with the places that fed each row, and the
    /// arithmetic the text got wrong as finding suggestions. An existing unit of the same name is
    /// reused as stored. Returns the new dossier's id.
    @discardableResult
    public func convertIntakeDraft(draftID: String, actor: String) throws -> String {
        let templates = Dictionary(try self.templates().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return try queue.write { db in
            let (draft, status) = try Self.intakeDraft(id: draftID, db)
            guard status == "open" else { throw StoreError.rule(code: "I-005", message: "草稿 \(draftID) 已生成卷宗或已搁置") }
            let readiness = draft.readiness { templates[$0] }
            if !readiness.isReady {
                let list = readiness.blockers.prefix(3).map(\.message).joined(separator: "；")
                throw StoreError.rule(code: "I-006", message: "草稿尚未确认完毕（\(readiness.blockers.count) 项）：\(list)")
            }
            guard let templateID = draft.template.effective, let template = templates[templateID] else {
                throw StoreError.unknownTemplate(draft.template.effective ?? "")
            }
            let key = String(draft.id.dropFirst(2))
            let unitName = draft.unit.effective ?? ""
            var existing: EvaluatedUnit?
            if let json = try String.fetchOne(db, sql: "SELECT json FROM unit WHERE name = ? ORDER BY id LIMIT 1", arguments: [unitName]) {
                existing = try JSONColumn.decode(EvaluatedUnit.self, json)
            }
            var dossierID = "SE-\(key)"
            var n = 2
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM dossier WHERE id = ?", arguments: [dossierID]) == true {
                dossierID = "SE-\(key)-\(n)"
                n += 1
            }
            let context = IntakeConversion.Context(dossierID: dossierID, unit: existing, unitID: existing?.id ?? "U-\(key)",
                                                   cycleID: "C-\(key)", textSHA256: ReportSources.sha256(draft.source.text))
            let (dossier, source): (Dossier, ReportSource)
            do {
                (dossier, source) = try IntakeConversion.dossier(from: draft, template: template, context: context)
            } catch let e as IntakeDraftError {
                throw StoreError.rule(code: "I-006", message: e.message)
            }
            let batch = try importDossiers([dossier], templates: [], mode: .refuseExisting, actor: actor, origin: "intake",
                                           reason: "由原文生成：\(draft.source.file) 第\(draft.source.reportIndex)篇（草稿 \(draft.id)）",
                                           sources: [dossier.id: source], db)
            try db.execute(sql: "UPDATE intake_draft SET status = 'converted', dossier_id = ? WHERE id = ?", arguments: [dossier.id, draftID])
            // Recorded without the dossier id: the batch is an import, which undo does not revert.
            try Journal.append(db, JournalRecord(actor: actor, origin: "intake", dossierID: nil, entity: "intake", entityID: draftID,
                                                 field: "status", old: "\"open\"", new: "\"converted:\(dossier.id)\"", reason: nil),
                               batch: batch, at: clock.now())
            return dossier.id
        }
    }
}
