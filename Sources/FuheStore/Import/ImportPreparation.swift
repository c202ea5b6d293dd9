import Foundation
import FuheCore

extension FuheStore {
    /// A dossier of an import, prepared before the write transaction: its stored texts, the
    /// dossier exactly as it will read back from the store, that dossier's scoring, and the
    /// baseline digests of its own rows.
    struct PreparedImport: Sendable {
        let encoded: EncodedDossier
        let stored: Dossier
        let scored: ScoredDossier
        let scheme: GradeScheme
        let digests: [EntityKey: [UInt8]]
    }

    /// Derives each status, encodes, reads the texts back (what `dossier(id:)` would read once
    /// they are written: the import's `SharedWriter` leaves every unit, cycle and template stored
    /// as the dossier's own encoding, or refuses), scores and digests, on every core. The write
    /// transaction then only writes (before, each dossier was read back from the store, decoded
    /// and scored one at a time, and its rows read a third time for the baseline).
    static func prepareImport(_ dossiers: [Dossier], schemes: [String: GradeScheme]) throws -> [PreparedImport] {
        var derived: [(Dossier, IndicatorTemplate)] = []
        var templates: [String: (given: IndicatorTemplate, stored: IndicatorTemplate)] = [:]
        for var d in dossiers {
            d.evaluation.status = EvaluationLifecycle.derivedStatus(current: d.evaluation.status, review: d.review, items: d.items)
            if let known = templates[d.template.id], known.given == d.template {
                derived.append((d, known.stored))
            } else {
                let stored = try TemplateDecodeCache.decode(JSONColumn.encode(d.template))
                templates[d.template.id] = (d.template, stored)
                derived.append((d, stored))
            }
        }
        return try ParallelWork.map(derived) { d, template in
            let e = EncodedDossier(d)
            var texts = StoredDossierTexts(id: d.id, evaluation: e.evaluation, selfTeam: e.selfTeam, review: e.review,
                                           unit: JSONColumn.encode(d.unit), cycle: JSONColumn.encode(d.cycle), template: template)
            for row in e.results {
                texts.resultIDs.append(row.nodeID)
                texts.results.append(row.json)
            }
            for json in e.evidence { texts.evidence.append(json) }
            // The store reads findings and items ordered by seq, then id (SQLite compares bytes).
            for (_, json) in zip(d.findings, e.findings).sorted(by: { Self.storedOrder(($0.0.seq, $0.0.id), ($1.0.seq, $1.0.id)) }) {
                texts.findings.append(json)
            }
            for (_, json) in zip(d.items, e.items).sorted(by: { Self.storedOrder(($0.0.seq, $0.0.id), ($1.0.seq, $1.0.id)) }) {
                texts.items.append(json)
            }
            let stored = try texts.dossier()
            let scheme = schemes[stored.template.gradeSchemeID] ?? GradeScheme.mof4
            var digests: [EntityKey: [UInt8]] = [:]
            for (key, json) in e.entityTexts { digests[key] = Baseline.digest(json: json) }
            return PreparedImport(encoded: e, stored: stored, scored: DossierScorer.score(stored, scheme: scheme), scheme: scheme, digests: digests)
        }
    }

    /// `ORDER BY seq, id` as SQLite sorts: by number, then by the id's UTF-8 bytes.
    static func storedOrder(_ a: (seq: Int, id: String), _ b: (seq: Int, id: String)) -> Bool {
        a.seq != b.seq ? a.seq < b.seq : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }
}
