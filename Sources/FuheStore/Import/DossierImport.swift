import Foundation
import FuheCore
import GRDB

extension FuheStore {
    /// How an import treats a dossier id — or a unit, cycle or template id — already in the store.
    public enum ImportMode: Sendable {
        /// Refuse the whole import when a dossier is already there, or when a shared unit,
        /// cycle or template would change for another dossier.
        case refuseExisting
        /// Replace the stored dossier, and shared units, cycles and templates that differ
        /// (journalled for every other dossier they change; the outcome names them).
        case replaceExisting
    }

    /// What an import changed besides the dossiers it brought in.
    public struct ImportOutcome: Sendable, Equatable {
        /// Shared units, cycles and templates replaced (only with `.replaceExisting`).
        public var sharedChanges: [SharedChange] = []
    }

    /// A unit, cycle or template an import replaced, and the other dossiers that changed with it.
    public struct SharedChange: Sendable, Hashable {
        /// `unit`, `cycle` or `template`.
        public var entity: String
        public var id: String
        /// Top-level fields that changed.
        public var fields: [String]
        /// Other dossiers that use it (their data changed, journalled).
        public var otherDossiers: [String]
    }

    /// Imports dossiers (and standalone `templates`) in one transaction: either all are stored,
    /// with their units, cycles and embedded templates, or none. A unit, cycle or template
    /// already in the store changes only when it is equal, when no other dossier uses it, or
    /// with `.replaceExisting` — then through the journal of every dossier it changes. Each
    /// imported dossier's data is recorded as its baseline (see `Baseline`).
    ///
    /// Leases are respected: into a checked-out copy nothing is imported (its merge only takes
    /// field edits of its own units); in a main store, replacing a unit that is out as a copy is
    /// refused unless `overridingLeases`, and then that lease is marked unmergeable.
    @discardableResult
    public func importDossiers(_ dossiers: [Dossier], templates: [IndicatorTemplate] = [], mode: ImportMode = .refuseExisting,
                               overridingLeases: Bool = false, actor: String, origin: String = "import", reason: String? = nil,
                               sources: [String: ReportSource] = [:], samples: Set<String> = []) throws -> ImportOutcome {
        try queue.write { db in
            try importDossiersReporting(dossiers, templates: templates, mode: mode, overridingLeases: overridingLeases, actor: actor,
                                        origin: origin, reason: reason, sources: sources, samples: samples, db).outcome
        }
    }

    /// The import inside an open transaction (see above); the report texts in `sources` (by dossier
    /// id) are stored beside their dossiers. Returns the journal batch.
    func importDossiers(_ dossiers: [Dossier], templates: [IndicatorTemplate], mode: ImportMode, overridingLeases: Bool = false,
                        actor: String, origin: String, reason: String?, sources: [String: ReportSource], samples: Set<String> = [],
                        _ db: Database) throws -> Int64 {
        try importDossiersReporting(dossiers, templates: templates, mode: mode, overridingLeases: overridingLeases, actor: actor,
                                    origin: origin, reason: reason, sources: sources, samples: samples, db).batch
    }

    /// The import inside an open transaction, with what else it changed.
    func importDossiersReporting(_ dossiers: [Dossier], templates: [IndicatorTemplate], mode: ImportMode, overridingLeases: Bool,
                                 actor: String, origin: String, reason: String?, sources: [String: ReportSource],
                                 samples: Set<String> = [], _ db: Database) throws -> (batch: Int64, outcome: ImportOutcome) {
        let batch = try Journal.nextBatch(db)
        try Self.checkLeases(importing: dossiers.map(\.id), replacing: mode == .replaceExisting, overriding: overridingLeases,
                             actor: actor, batch: batch, at: clock.now(), file: name, db)
        let schemes = try Self.gradeSchemes(db)
        let now = clock.now()
        var digester = Baseline.Digester()
        var shared = SharedWriter(db: db, mode: mode, batch: batch, at: now, actor: actor, origin: origin, importing: Set(dossiers.map(\.id)))
        for t in templates { try shared.template(t, for: nil) }
        let prepared = try Self.prepareImport(dossiers, schemes: schemes)
        for p in prepared {
            // The self-evaluation status is derived from the review and the items; a file that
            // says otherwise is stored with the status the rules give (`prepareImport`).
            let d = p.encoded.dossier
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM dossier WHERE id = ?"), arguments: [d.id]) == true {
                guard mode == .replaceExisting else { throw StoreError.duplicateDossier(d.id) }
                if samples.contains(d.id), try !Self.isSample(d.id, db) { throw Self.notASample(d.id) }
                try db.execute(sql: "DELETE FROM dossier WHERE id = ?", arguments: [d.id])
                try db.execute(sql: "DELETE FROM entity_base WHERE dossier_id = ?", arguments: [d.id])
            }
            try shared.template(d.template, for: d.id)
            try shared.unit(d.unit, for: d.id)
            try shared.cycle(d.cycle, for: d.id)
            try Self.insert(p.encoded, db)
            if samples.contains(d.id) { try db.execute(sql: "INSERT OR IGNORE INTO sample_dossier(dossier_id) VALUES (?)", arguments: [d.id]) }
            // The summary of the dossier as stored (read back from its texts before the transaction).
            try Self.writeSummary(p.stored, p.scored, scheme: p.scheme, db)
            if let problem = StoredRules.violations(p.stored, scored: p.scored).first {
                throw StoreError.rule(code: problem.code, message: tr("档案 \(d.id)：\(problem.message)", "dossier \(d.id): \(problem.message)"))
            }
            let digest = try Baseline.record(d.id, db, digester: &digester, own: p.digests)
            try Journal.append(db, JournalRecord(actor: actor, origin: origin, dossierID: d.id, entity: "dossier", entityID: d.id,
                                                 field: "*", old: nil, new: Baseline.mark(digest, imported: true), reason: reason),
                               batch: batch, at: now)
            if let source = sources[d.id] { try ReportSources.save(source, dossierID: d.id, db) }
        }
        for other in shared.touched.sorted() where !shared.importing.contains(other) {
            try Self.refreshNames(dossierID: other, db)
            try Self.refreshSummary(dossierID: other, schemes: schemes, today: today, db)
        }
        return (batch, ImportOutcome(sharedChanges: shared.changes))
    }

    /// Writes a dossier's own rows (its unit, cycle and template are written by `SharedWriter`).
    static func insert(_ d: Dossier, _ db: Database) throws {
        try insert(EncodedDossier(d), db)
    }

    /// Writes a dossier's own rows from their stored texts, through statements prepared once per
    /// connection (an import writes about eighty rows per dossier).
    static func insert(_ e: EncodedDossier, _ db: Database) throws {
        let d = e.dossier
        try db.cachedStatement(sql: """
            INSERT INTO dossier(id, unit_id, cycle_id, template_id, evaluation_json, self_team_json, review_json,
                                unit_name, sort_key, fiscal_year, year_is_demo, eval_type, status, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')
            """).execute(arguments: [d.id, d.unit.id, d.cycle.id, d.template.id, e.evaluation, e.selfTeam, e.review, d.unit.displayName,
                                     e.sortKey, d.cycle.fiscalYear, d.cycle.yearIsDemo, d.evaluation.evalType.rawValue, d.evaluation.status.rawValue])
        let result = try db.cachedStatement(sql: "INSERT INTO result(dossier_id, node_id, json) VALUES (?, ?, ?)")
        for (nodeID, json) in e.results { try result.execute(arguments: [d.id, nodeID, json]) }
        let evidence = try db.cachedStatement(sql: "INSERT INTO evidence(dossier_id, id, position, json) VALUES (?, ?, ?, ?)")
        for (i, (ev, json)) in zip(d.evidence, e.evidence).enumerated() { try evidence.execute(arguments: [d.id, ev.id, i, json]) }
        for (f, json) in zip(d.findings, e.findings) { try CycleColumns.upsertFinding(f, json: json, dossierID: d.id, db) }
        for (item, json) in zip(d.items, e.items) { try upsertItem(item, json: json, dossierID: d.id, db) }
    }

    /// The unit name, sort key and year columns of a dossier, from its (shared) unit and cycle.
    static func refreshNames(dossierID: String, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT u.json, c.json FROM dossier d JOIN unit u ON u.id = d.unit_id JOIN cycle c ON c.id = d.cycle_id WHERE d.id = ?
            """, arguments: [dossierID]) else { return }
        let unit = try JSONColumn.decode(EvaluatedUnit.self, row[0] as String)
        let cycle = try JSONColumn.decode(EvaluationCycle.self, row[1] as String)
        try db.execute(sql: "UPDATE dossier SET unit_name = ?, sort_key = ?, fiscal_year = ?, year_is_demo = ? WHERE id = ?",
                       arguments: [unit.displayName, SortKey.of(unit.displayName), cycle.fiscalYear, cycle.yearIsDemo, dossierID])
    }
}
