import Foundation
import FuheCore
import GRDB

extension FuheStore {
    /// Loads many new dossiers at once, for building large stores (the benchmark's 20,000): what
    /// `importDossiers` stores for a new dossier — rows, summary, baseline digests and the journal
    /// entry that brings it in — with the encoding, scoring, rule checks and digests done on every
    /// core before the write, and one transaction per `transactionSize` dossiers. Every dossier
    /// must be new; their units, cycles and templates must be new or equal to the stored ones
    /// (nothing shared is replaced). The store it makes passes `fuhe check` and `fuhe verify`.
    package func bulkLoad(_ dossiers: [Dossier], actor: String, origin: String = "import", transactionSize: Int = 2_000) throws {
        let size = max(1, transactionSize)
        try bulkLoad(blocks: (dossiers.count + size - 1) / size, actor: actor, origin: origin) { k in
            Array(dossiers[(k * size)..<min(dossiers.count, (k + 1) * size)])
        }
    }

    /// The same for `blocks` blocks of dossiers made by `make` (block number → its dossiers), one
    /// transaction each, in order: while block k is written, block k + 1 is made and prepared on
    /// the other cores (the writing is serial, a fifth of the work). `written` is told each block
    /// number once it is committed. On a failure, the blocks before it stay written.
    package func bulkLoad(blocks: Int, actor: String, origin: String = "import", written: (Int) -> Void = { _ in },
                          make: @escaping @Sendable (Int) throws -> [Dossier]) throws {
        guard blocks > 0 else { return }
        let schemes = try queue.read { db in try Self.gradeSchemes(db) }
        func prepare(_ k: Int) -> BackgroundWork<[BulkDossier]> { BackgroundWork { try Self.prepareBulk(make(k), schemes: schemes) } }
        var next = prepare(0)
        // Each block's commit checkpoints in place: the next block's transaction follows at once.
        try inlineCheckpoints {
            for k in 0..<blocks {
                let prepared = try next.result()
                if k + 1 < blocks { next = prepare(k + 1) }
                do {
                    try queue.write { db in try db.withPageCache(mebibytes: 64) { try self.writeBulk(prepared, actor: actor, origin: origin, db) } }
                } catch {
                    if k + 1 < blocks { _ = try? next.result() }   // let the block being prepared finish first
                    throw error
                }
                written(k)
            }
        }
    }

    /// Runs `body` with the commits checkpointing in place (``BackgroundCheckpoint/inline(_:)``).
    func inlineCheckpoints<T>(_ body: () throws -> T) rethrows -> T {
        guard let checkpoint else { return try body() }
        return try checkpoint.inline(body)
    }

    /// A dossier ready to be written: its texts, scoring and the digests of its own rows.
    struct BulkDossier: Sendable {
        var encoded: EncodedDossier
        var scored: ScoredDossier
        var scheme: GradeScheme
        var digests: [EntityKey: [UInt8]]
    }

    /// Derives each status, encodes, scores, checks the stored rules and digests, on every core.
    static func prepareBulk(_ dossiers: [Dossier], schemes: [String: GradeScheme]) throws -> [BulkDossier] {
        let derived = dossiers.map { d -> Dossier in
            var d = d
            d.evaluation.status = EvaluationLifecycle.derivedStatus(current: d.evaluation.status, review: d.review, items: d.items)
            return d
        }
        return try ParallelWork.map(derived) { d in
            let encoded = EncodedDossier(d)
            let scheme = schemes[d.template.gradeSchemeID] ?? GradeScheme.mof4
            let scored = DossierScorer.score(d, scheme: scheme)
            if let problem = StoredRules.violations(d, scored: scored).first {
                throw StoreError.rule(code: problem.code, message: tr("档案 \(d.id)：\(problem.message)", "dossier \(d.id): \(problem.message)"))
            }
            var digests: [EntityKey: [UInt8]] = [:]
            for (key, json) in encoded.entityTexts { digests[key] = Baseline.digest(json: json) }
            return BulkDossier(encoded: encoded, scored: scored, scheme: scheme, digests: digests)
        }
    }

    /// Writes prepared dossiers in the open transaction (shared entities through `SharedWriter`,
    /// once per distinct unit, cycle and template of the batch).
    func writeBulk(_ prepared: [BulkDossier], actor: String, origin: String, _ db: Database) throws {
        let ids = prepared.map(\.encoded.dossier.id)
        try Self.checkLeases(importing: ids, replacing: false, overriding: false, actor: actor, batch: 0, at: clock.now(), file: name, db)
        let batch = try Journal.nextBatch(db)
        let now = clock.now()
        let nowText = ISO.format(now)
        var previous = try String.fetchOne(db, sql: "SELECT hash FROM journal ORDER BY seq DESC LIMIT 1") ?? ""
        var shared = SharedWriter(db: db, mode: .refuseExisting, batch: batch, at: now, actor: actor, origin: origin, importing: Set(ids))
        var digester = Baseline.Digester()
        var seenUnits: [String: EvaluatedUnit] = [:], seenCycles: [String: EvaluationCycle] = [:]
        var seenTemplates: [String: IndicatorTemplate] = [:]
        let exists = try db.cachedStatement(sql: "SELECT 1 FROM dossier WHERE id = ?")
        let base = try db.cachedStatement(sql: "INSERT INTO entity_base(dossier_id, entity, entity_id, digest) VALUES (?, ?, ?, ?)")
        for p in prepared {
            let d = p.encoded.dossier
            if try Bool.fetchOne(exists, arguments: [d.id]) == true { throw StoreError.duplicateDossier(d.id) }
            // A shared entity met again in this load must equal the first (then it is not written
            // again); a different one is refused by the writer as in any import.
            if seenTemplates[d.template.id] != d.template { try shared.template(d.template, for: d.id); seenTemplates[d.template.id] = d.template }
            if seenUnits[d.unit.id] != d.unit { try shared.unit(d.unit, for: d.id); seenUnits[d.unit.id] = d.unit }
            if seenCycles[d.cycle.id] != d.cycle { try shared.cycle(d.cycle, for: d.id); seenCycles[d.cycle.id] = d.cycle }
            try Self.insert(p.encoded, db)
            try Self.writeSummary(d, p.scored, scheme: p.scheme, updatedAt: nowText, db)
            var digests = p.digests
            let sharedTexts = try Baseline.sharedTexts(of: d.id, db)
            for (key, json) in sharedTexts { digests[key] = digester.digest(key, json) }
            for (key, digest) in digests { try base.execute(arguments: [key.dossierID, key.entity, key.id, Data(digest)]) }
            previous = try Journal.append(db, JournalRecord(actor: actor, origin: origin, dossierID: d.id, entity: "dossier", entityID: d.id,
                                                            field: "*", old: nil, new: Baseline.mark(Baseline.combined(digests), imported: true),
                                                            reason: nil),
                                          batch: batch, at: now, atText: nowText, previous: previous)
        }
    }
}
