import Foundation
import FuheCore
import FuheWire
import PostgresNIO

/// Merging a copy back into the server, checked as `FuheStore.prepareMerge` checks a copy (the
/// same codes M-001…M-006), planned by FuheCore's `ThreeWayMerge` with `CopyChecks.validator`, and
/// committed in one transaction with `MergeWrites` (order, numbers, attribution).
extension ServerStore {
    /// A copy checked against its lease and what the server holds now.
    struct CheckedCopy {
        var lease: WireLease
        var teamID: Int
        var base: EntitySnapshot
        var copy: EntitySnapshot
        var journal: CopyJournal
        var copyDigest: String
        var main: EntitySnapshot
        var loaded: [String: LoadedDossier]
        var plan: MergePlan
        var alreadyMerged: Bool
        var mainSeq: Int64
    }

    func checkCopy(_ access: Access, leaseID: String, _ upload: CopyUpload, forUpdate: Bool, _ conn: PostgresConnection) async throws -> CheckedCopy {
        let file = upload.file
        guard let lease = try await leases(access, id: leaseID, conn).first,
              let row = try await conn.rows("SELECT team_id, copy_store_id, base_digest, checkout_seq, merged_digest FROM lease WHERE id = \(leaseID)",
                                            logger).first else {
            throw ServerError.rule(code: "M-004", message: "\(file) names lease \(leaseID), which this server never issued (or not to your team): the copy was tampered with")
        }
        let (teamID, copyStoreID, baseDigest, checkoutSeq, mergedDigest) = try row.decode((Int, String, String, Int64, String?).self)
        let storeID = try await storeID(conn)
        guard upload.sourceStoreID == storeID else {
            throw ServerError.rule(code: "M-002", message: "\(file) is a copy of another store (store id \(upload.sourceStoreID.prefix(8))), not of this server (store id \(storeID.prefix(8)))")
        }
        guard upload.copyStoreID == copyStoreID else {
            throw ServerError.rule(code: "M-004", message: "\(file) is not the copy written for lease \(leaseID) (its store id differs): the copy was tampered with")
        }
        let chained = upload.journal.map(\.chained)
        if let problem = JournalHash.verify(chained).problem { throw ServerError.rule(code: "M-004", message: "\(file) was tampered with: \(problem)") }
        let base = CopyUpload.snapshot(upload.base), copy = CopyUpload.snapshot(upload.copy)
        guard CopyChecks.digest(base) == baseDigest else {
            throw ServerError.rule(code: "M-004", message: "\(file) was tampered with: its base values differ from what the server recorded at checkout \(leaseID)")
        }
        let outside = Set(base.keys.map(\.dossierID)).union(copy.keys.map(\.dossierID)).subtracting(lease.dossierIDs)
        if let stray = outside.sorted().first { throw ServerError.rule(code: "M-004", message: "\(file) holds \(stray), which lease \(leaseID) did not take out") }
        let copyDigest = CopyChecks.digest(copy)
        let journal = CopyJournal(chained.map(\.entry))
        var alreadyMerged = false
        switch lease.status {
        case "out":
            if let why = lease.unmergeable {
                throw ServerError.rule(code: "M-003", message: "\(file) can no longer be merged: \(why); release the lease and check the units out again")
            }
        case "released":
            throw ServerError.rule(code: "M-003", message: "\(file) is stale: lease \(leaseID) was released, so this copy can no longer be merged; check the units out again")
        default:
            guard mergedDigest == copyDigest else {
                throw ServerError.rule(code: "M-003", message: "\(file) is stale: lease \(leaseID) was merged on \(lease.mergedAt?.prefix(16) ?? "?") and the copy was edited after that; check the units out again for further edits")
            }
            alreadyMerged = true
        }
        if let problem = CopyChecks.unjournalled(base: base, copy: copy, journal: journal, file: file) {
            throw ServerError.rule(code: "M-004", message: problem)
        }
        var main: EntitySnapshot = [:]
        var loaded: [String: LoadedDossier] = [:]
        var rules: [String: CopyChecks.RowRules] = [:]
        for d in lease.dossierIDs {
            if try await conn.rows("SELECT 1 FROM journal WHERE dossier_id = \(d) AND entity = 'dossier' AND seq > \(checkoutSeq) LIMIT 1", logger).first != nil {
                throw ServerError.rule(code: "M-003", message: "\(file) is stale: dossier \(d) was pushed again to the server after checkout \(leaseID), so its base no longer matches")
            }
            let l: LoadedDossier
            do { l = try await load(d, access: access, forUpdate: forUpdate, conn) } catch ServerError.notFound {
                throw ServerError.rule(code: "M-003", message: "\(file) is stale: dossier \(d) is no longer on the server for your team")
            }
            main.merge(l.snapshot) { a, _ in a }
            loaded[d] = l
            rules[d] = CopyChecks.RowRules(template: l.dossier.template, evaluation: l.dossier.evaluation)
        }
        let locked = CopyChecks.finalizedSince(base: base, main: main, dossierIDs: lease.dossierIDs)
        let plan = alreadyMerged
            ? ThreeWayMerge.plan(base: [:], main: [:], copy: [:], validate: CopyChecks.validator(rowRules: [:]))
            : ThreeWayMerge.plan(base: base, main: main, copy: copy, locked: locked, validate: CopyChecks.validator(rowRules: rules))
        let mainSeq = try await conn.rows("SELECT seq FROM journal_head", logger).first!.decode(Int64.self)
        return CheckedCopy(lease: lease, teamID: teamID, base: base, copy: copy, journal: journal, copyDigest: copyDigest, main: main,
                           loaded: loaded, plan: plan, alreadyMerged: alreadyMerged, mainSeq: mainSeq)
    }

    /// What the client needs to plan and decide the merge itself.
    func mergeBasis(_ access: Access, leaseID: String, _ upload: CopyUpload) async throws -> MergeBasis {
        try access.require(.merge)
        return try await db.scoped(access) { conn in
            let c = try await checkCopy(access, leaseID: leaseID, upload, forUpdate: false, conn)
            let locked = CopyChecks.finalizedSince(base: c.base, main: c.main, dossierIDs: c.lease.dossierIDs)
            let dossiers = c.lease.dossierIDs.compactMap { c.loaded[$0] }
            let templates = Dictionary(dossiers.map { ($0.dossier.template.id, $0.dossier.template) }, uniquingKeysWith: { a, _ in a })
            let bundle = DossierBundle(dossiers: dossiers.map { WireDossier($0.dossier, team: $0.teamName) },
                                       templates: templates.values.sorted { $0.id < $1.id }, schemes: [])
            return MergeBasis(lease: c.lease, main: c.main, locked: locked.sorted(), mainJournalSeq: c.mainSeq, alreadyMerged: c.alreadyMerged,
                              bundle: bundle)
        }
    }

    /// Commits a merge with the client's decisions: every change, the summaries and the lease's
    /// new status in one transaction, or nothing.
    func merge(_ access: Access, leaseID: String, _ request: MergeRequest) async throws -> MergeAnswer {
        try access.require(.merge)
        let outcome = try await db.scoped(access) { conn -> (MergeAnswer, Int64?, Int) in
            let c = try await checkCopy(access, leaseID: leaseID, request.copy, forUpdate: true, conn)
            if c.alreadyMerged { return (MergeAnswer(batch: nil, fieldsChanged: 0, conflictsDecided: 0, alreadyMerged: true, leftOpen: false), nil, c.teamID) }
            if c.plan.isEmpty && !request.closeEmpty {
                return (MergeAnswer(batch: nil, fieldsChanged: 0, conflictsDecided: 0, alreadyMerged: false, leftOpen: true), nil, c.teamID)
            }
            if try await conn.rows("""
                SELECT 1 FROM journal WHERE seq > \(request.mainJournalSeq) AND dossier_id = ANY(\(c.lease.dossierIDs)) LIMIT 1
                """, logger).first != nil {
                throw ServerError.rule(code: "M-006", message: "the server changed while the merge was being decided; nothing was merged, run fuhe merge again")
            }
            let decisions = request.modelDecisions
            let finals: [EntityKey: String?]
            do { finals = try c.plan.resolve(decisions) } catch let failure as MergeFailure {
                throw ServerError.rule(code: "M-005", message: "cannot merge: \(failure.description)")
            }
            let stale = try CopyChecks.stale(finals, plan: c.plan, current: { c.main[$0] })
            if let first = stale.first {
                throw ServerError.stale(StaleWrite(action: .merge(leaseID: leaseID), dossierID: first.key.dossierID, fields: try await attributed(stale, conn)))
            }
            let decided = MergeWrites.decidedFields(c.plan, decisions)
            let session = access.session(request.session)
            let now = JournalTime.format(clock.now())
            var records: [(JournalRecord, Int?, String)] = []
            for d in c.lease.dossierIDs {
                guard let loaded = c.loaded[d] else { continue }
                let entries = finals.filter { $0.key.dossierID == d }
                guard !entries.isEmpty else { continue }
                let writes: [MergeWrites.Write]
                do {
                    writes = try MergeWrites.ordered(entries, plan: c.plan, exists: { loaded.snapshot[$0] != nil },
                                                     itemSeqs: Set(loaded.dossier.items.map(\.seq)), findingSeqs: Set(loaded.dossier.findings.map(\.seq)),
                                                     decoded: { _, _ in nil })
                } catch let error as MergeWriteError { throw ServerError.rule(code: error.code, message: error.description) }
                var changes: [(StoreChange, String?)] = []
                for w in writes {
                    switch w {
                    case .change(let change): changes.append((change, change.storedJSON))
                    case .raw(let key, let json):
                        changes.append((try StoreChange.making(entity: key.entity, entityID: key.id, json: json), json))
                    }
                }
                records += try await writeMerged(changes, to: loaded, leaseID: leaseID, decided: decided, journal: c.journal, by: access,
                                                 session: session, now: now, conn)
            }
            let fields = records.count
            let reason = "合并副本 \(request.copy.file)：\(fields) 个字段，\(c.plan.conflicts.count) 个冲突已决定"
            for d in c.lease.dossierIDs {
                records.append((JournalRecord(actor: access.displayName, origin: "lease:\(leaseID)", dossierID: d, entity: "lease", entityID: leaseID,
                                              field: "status", old: "\"out\"", new: "\"merged\"", reason: reason, session: session), c.teamID, now))
            }
            try await conn.run("""
                UPDATE lease SET status = 'merged', merged_at = \(now), merged_by = \(access.displayName), merged_digest = \(c.copyDigest) WHERE id = \(leaseID)
                """, logger)
            let appended = try await appendJournal(records, conn)
            return (MergeAnswer(batch: appended.batch, fieldsChanged: fields, conflictsDecided: c.plan.conflicts.count, alreadyMerged: false,
                                leftOpen: false), appended.head, c.teamID)
        }
        if let head = outcome.1 { notifier.advance(to: head, teams: [outcome.2]) }
        return outcome.0
    }

    /// Writes one dossier's merged entities (rules checked, status settled, summary refreshed) and
    /// returns their journal records, attributed as `MergeWrites.attribution` says.
    private func writeMerged(_ changes: [(StoreChange, String?)], to loaded: LoadedDossier, leaseID: String,
                             decided: [EntityKey: [String: MergeDecision]], journal: CopyJournal, by access: Access, session: String,
                             now: String, _ conn: PostgresConnection) async throws -> [(JournalRecord, Int?, String)] {
        let id = loaded.dossier.id
        let settled = EvaluationLifecycle.settling(changes.map(\.0), on: loaded.dossier).map { ($0, $0.storedJSON) }
        var working = loaded.dossier, snapshot = loaded.snapshot, positions = loaded.evidencePositions
        var records: [(JournalRecord, Int?, String)] = []
        for (change, json) in changes + settled {
            let items = working.items
            if let violation = try StoredChangeRules.check(change, findingItems: { f in let hung = items.filter { $0.findingID == f }; return (hung.count, hung.filter { $0.status.isOpen }.count) }) {
                throw ServerError.violation(violation)
            }
            let key = change.key(dossierID: id)
            let old = snapshot[key]
            working = working.applying([change])
            guard old != json else { continue }
            if case .result(let row) = change,
               let problem = StoredRules.rowProblems(row, template: working.template, evaluation: working.evaluation).first {
                throw ServerError.violation(RuleViolation([problem]))
            }
            for f in FieldDiff.changes(old: old, new: json) {
                let who = MergeWrites.attribution(key: key, field: f.field, decided: decided, journal: journal, actor: access.displayName, leaseID: leaseID)
                records.append((JournalRecord(actor: who.actor, origin: who.origin, dossierID: id, entity: key.entity, entityID: key.id, field: f.field,
                                              old: f.old, new: f.new, reason: who.reason, session: session), loaded.teamID, who.at ?? now))
            }
            try await writeRow(change, json: json, dossierID: id, teamID: loaded.teamID, positions: &positions, conn)
            snapshot[key] = json
        }
        if !records.isEmpty { try await updateSummary(working, conn) }
        return records
    }
}
