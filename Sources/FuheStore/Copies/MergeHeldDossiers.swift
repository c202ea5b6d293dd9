import Foundation
import FuheCore
import GRDB

/// The lease's dossiers as they stand before a merge writes, read once before its write
/// transaction: every stored text, decoded on all cores, so that the
/// status the writes imply and the summaries after them are computed from the dossier in memory
/// with the writes laid over it (`Dossier.applying`) instead of reading each dossier back inside
/// the transaction. The transaction refuses the merge when any of these dossiers was journalled
/// since the plan was made, and every change to their rows, evidence, findings, items and
/// headers is journalled: these texts are what it sees. Units and cycles, which no figure of a
/// summary depends on, are read here too.
struct MergeHeldDossiers: Sendable {
    /// Each dossier decoded, with the id of its template as its row names it.
    private var dossiers: [String: (dossier: Dossier, templateID: String)] = [:]
    /// Each dossier's self-evaluation header by its stored text, for `DecodedTexts`: the row
    /// rules look the self-evaluation up by its text.
    private(set) var evaluations: [(text: String, value: SelfEvaluation)] = []

    /// Reads the dossiers' texts in one statement per table (`DossierBatch`, the reader of
    /// `fuhe check`; a dossier no longer stored is left out).
    static func texts(_ ids: [String], from queue: DatabaseQueue) throws -> [StoredDossierTexts] {
        try queue.read { db in try texts(ids, db) }
    }

    /// The same, inside a read (or write) transaction.
    static func texts(_ ids: [String], _ db: Database) throws -> [StoredDossierTexts] {
        var templates: [String: IndicatorTemplate] = [:]
        return try DossierBatch.read(ids, db, templates: &templates, missing: .skipped)
    }

    /// Each held dossier's row rules (its template and self-evaluation), for the merge's plan.
    func rowRules(_ ids: [String]) -> [String: CopyChecks.RowRules] {
        var rules: [String: CopyChecks.RowRules] = [:]
        for d in ids {
            guard let held = dossiers[d] else { continue }
            rules[d] = .init(template: held.dossier.template, evaluation: held.dossier.evaluation)
        }
        return rules
    }

    /// Decodes the dossiers on all cores (no text is hashed to be found again).
    init(decoding texts: [StoredDossierTexts]) throws {
        let decoded = try ParallelWork.map(texts) { texts in try texts.dossier() }
        dossiers.reserveCapacity(decoded.count)
        for (dossier, texts) in zip(decoded, texts) {
            dossiers[texts.id] = (dossier, texts.templateID)
            evaluations.append((String(decoding: texts.evaluation, as: UTF8.self), dossier.evaluation))
        }
    }

    /// The dossier as stored now, from the values decoded ahead, with its template (read in the
    /// transaction); what `FuheStore.dossier(id:)` would read there.
    func dossier(_ id: String, templates: [String: IndicatorTemplate]) throws -> Dossier {
        guard let held = dossiers[id] else { throw StoreError.unknownDossier(id) }
        guard let template = templates[held.templateID] else { throw StoreError.unknownTemplate(held.templateID) }
        var dossier = held.dossier
        dossier.template = template
        return dossier
    }

    /// The model change a merge write makes (a row, evidence entry or review taken as stored,
    /// from its decoded text).
    static func change(_ write: FuheStore.PendingWrite, decoded: DecodedTexts) throws -> StoreChange {
        switch write {
        case .change(let change): return change
        case .raw("result", _, let json): return .result(try decoded.results[json] ?? DecodeCaches.results.decode(json))
        case .raw("evidence", _, let json): return .evidence(try decoded.evidence[json] ?? JSONColumn.decode(Evidence.self, json))
        case .raw("review", _, let json): return .review(try decoded.reviews[json] ?? JSONColumn.decode(Review.self, json))
        case .raw(let entity, let id, _):
            throw StoreError.rule(code: "J-002", message: tr("\(entity) \(id) 不能绕过规则写入", "\(entity) \(id) cannot be written without its rules"))
        }
    }
}
