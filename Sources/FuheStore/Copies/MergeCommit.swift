import Foundation
import FuheCore
import GRDB

/// What a committed merge did.
public struct MergeOutcome: Sendable, Equatable {
    /// The journal batch of the merge (nil when nothing changed).
    public var batch: Int64?
    /// Fields written into the main store.
    public var fieldsChanged: Int
    /// Conflicts decided.
    public var conflictsDecided: Int
    /// The copy had been merged before: nothing was written.
    public var alreadyMerged: Bool
    /// The copy changed nothing, and its lease stays out (`closingEmpty` was not asked for).
    public var leftOpen: Bool = false
}

extension FuheStore {
    /// Merges a prepared copy with the given decisions (one per conflict), as one transaction:
    /// every change, the summaries and the lease's new status, or nothing. Each merged field is
    /// journalled with who set it in the copy, when and why (origin `copy:<lease>`); a decided
    /// conflict is journalled as the merging actor's decision (origin `merge:<lease>`). Refused
    /// when this store changed since the plan was made: any journal entry for the lease's units,
    /// and (compare-and-set) any entity the merge writes no longer as the plan saw it.
    ///
    /// A copy that changed nothing leaves its lease out (it may be an old file, or the site may
    /// still work on it) unless `closingEmpty`.
    @discardableResult
    public func commitMerge(_ prepared: MergePreparation, decisions: [String: MergeDecision], actor: String,
                            closingEmpty: Bool = false, session: String? = nil) throws -> MergeOutcome {
        // The copy may be opened again once this commit is over, whatever its outcome.
        defer { prepared.copyLock?.release() }
        if prepared.alreadyMerged { return MergeOutcome(batch: nil, fieldsChanged: 0, conflictsDecided: 0, alreadyMerged: true) }
        if prepared.plan.isEmpty && !closingEmpty {
            return MergeOutcome(batch: nil, fieldsChanged: 0, conflictsDecided: 0, alreadyMerged: false, leftOpen: true)
        }
        let finals: [EntityKey: String?]
        do { finals = try prepared.plan.resolve(decisions) } catch let failure as MergeFailure {
            throw refusal("M-005", tr("无法合并：\(failure.description)", "cannot merge: \(failure.description)"))
        }
        let conflicts = prepared.plan.conflicts
        let decided = MergeWrites.decidedFields(prepared.plan, decisions)
        let lease = prepared.lease
        let now = clock.now()
        let nowText = ISO.format(now)
        // Every entity the merge writes or the summaries read, decoded on all cores before the
        // write transaction starts; the lease's dossiers as they stand, to lay the writes over.
        let placeholders = Array(repeating: "?", count: lease.dossierIDs.count).joined(separator: ",")
        var texts: [String: [String]] = [:]
        for (key, json) in finals { if let json { texts[key.entity, default: []].append(json) } }
        var decoded: DecodedTexts
        let held: MergeHeldDossiers
        do {
            decoded = try DecodedTexts.decode(texts)
            // Read and decoded by `prepareMerge`, with the journal's last entry then: the
            // transaction below refuses the merge if any of these dossiers was journalled since.
            held = try prepared.held?.get() ?? MergeHeldDossiers(decoding: MergeHeldDossiers.texts(lease.dossierIDs, from: queue))
        } catch { throw refusal("M-005", tr("无法合并：合并后的值无法解读：\(error)", "cannot merge: a merged value does not decode: \(error)")) }
        // The row rules look each dossier's self-evaluation up by its stored text.
        for (text, value) in held.evaluations where decoded.evaluations[text] == nil { decoded.evaluations[text] = value }
        var finalsByDossier: [String: [EntityKey: String?]] = [:]
        for (key, json) in finals { finalsByDossier[key.dossierID, default: [:]][key] = json }
        return try queue.write { db in try db.withPageCache(mebibytes: 64) {
            let changedSince = try Bool.fetchOne(db, sql: "SELECT 1 FROM journal WHERE seq > ? AND dossier_id IN (\(placeholders)) LIMIT 1",
                                                 arguments: StatementArguments([prepared.mainJournalSeq] + lease.dossierIDs)) ?? false
            guard try String.fetchOne(db, sql: "SELECT status FROM lease WHERE id = ?", arguments: [lease.id]) == Lease.Status.out.rawValue,
                  !changedSince else {
                throw refusal("M-006", tr("决定冲突期间 \(name) 被改动了；什么都没有合并，请重新运行 fuhe merge", "\(name) changed while the merge was being decided; nothing was merged, run fuhe merge again"))
            }
            // What the compare-and-set read of each written entity, by dossier: the writes take
            // their old values from it instead of reading each entity again.
            let current = try Self.checkPlannedMain(finals, plan: prepared.plan, leaseID: lease.id, db)
            // The lease's templates, read once inside the transaction (as the rows are).
            var decoded = decoded
            for id in try String.fetchAll(db, sql: "SELECT DISTINCT template_id FROM dossier WHERE id IN (\(placeholders))",
                                          arguments: StatementArguments(lease.dossierIDs)) {
                decoded.templates[id] = try Self.template(id: id, db)
            }
            let batch = try Journal.nextBatch(db)
            var fields = 0
            let schemes = try Self.gradeSchemes(db)
            for dossierID in lease.dossierIDs {
                guard let entries = finalsByDossier[dossierID], !entries.isEmpty else { continue }
                let known = current[dossierID] ?? [:]
                let writes = try Self.mergeWrites(entries, plan: prepared.plan, decoded: decoded, known: known, dossierID: dossierID, db)
                let wrote = try Self.applyWrites(writes, to: dossierID, batch: batch, db, decoded: decoded, known: known) { target, field in
                    fields += 1
                    let key = EntityKey(dossierID: dossierID, entity: target.entity, id: target.entityID)
                    let who = MergeWrites.attribution(key: key, field: field, decided: decided, journal: prepared.copyJournal, actor: actor, leaseID: lease.id)
                    return Attribution(actor: who.actor, origin: who.origin, reason: who.reason, at: now, atText: who.at ?? nowText, session: session)
                }
                guard wrote else { continue }
                // The dossier as the writes left it, in memory (FuheCore's `applying`, as the
                // workstation lays its edits over what it shows).
                var merged = try held.dossier(dossierID, templates: decoded.templates).applying(writes.map { try MergeHeldDossiers.change($0, decoded: decoded) })
                if entries.keys.contains(where: { ["review", "item", "evaluation"].contains($0.entity) }) {
                    let settled = EvaluationLifecycle.completing([], for: merged)
                    if !settled.isEmpty {
                        _ = try Self.applyChanges(settled, to: dossierID, batch: batch, db) { _, _ in
                            Attribution(actor: actor, origin: "merge:\(lease.id)", reason: "合并后的自评状态", at: now, atText: nowText)
                        }
                        merged = merged.applying(settled)
                    }
                }
                let scheme = schemes[merged.template.gradeSchemeID] ?? GradeScheme.mof4
                try Self.writeSummary(merged, DossierScorer.score(merged, scheme: scheme), scheme: scheme, db)
            }
            try Self.journalDecisions(conflicts, decisions: decisions, finals: finals, plan: prepared.plan, origin: "merge:\(lease.id)",
                                      actor: actor, session: session, batch: batch, at: now, db)
            try db.execute(sql: "UPDATE lease SET status = 'merged', merged_at = ?, merged_by = ?, merged_digest = ? WHERE id = ?",
                           arguments: [ISO.format(now), actor, prepared.copyDigest, lease.id])
            try Self.journalLease(lease, from: .out, to: .merged, actor: actor,
                                  reason: "合并副本 \((prepared.copyPath as NSString).lastPathComponent)：\(fields) 个字段，\(conflicts.count) 个冲突已决定",
                                  batch: batch, at: now, db)
            return MergeOutcome(batch: batch, fieldsChanged: fields, conflictsDecided: conflicts.count, alreadyMerged: false)
        } }
    }

    /// Journals every decided conflict (track changes): one `decision` entry per decided field,
    /// `old` = the value that was not taken (the copy's for 取主库 and 人工改值, main's for 取副本),
    /// `new` = the value kept. 取主库 writes nothing else, so without these entries the copy's
    /// value would leave no trace. History shows them beside the entity's own entries.
    static func journalDecisions(_ conflicts: [MergeConflict], decisions: [String: MergeDecision], finals: [EntityKey: String?],
                                 plan: MergePlan, origin: String, actor: String, session: String?, batch: Int64, at: Date,
                                 _ db: Database) throws {
        var last: String?
        var appended = 0
        for c in conflicts {
            guard let decision = decisions[c.id] else { continue }
            let main = plan.mainValue(of: c.key), copy = plan.copyValue(of: c.key)
            let final = finals[c.key] ?? main
            let (what, loser): (String, String?) = switch decision {
            case .main: ("取主库（未采用副本的值）", copy)
            case .copy: ("取副本（未采用主库的值）", main)
            case .value: ("人工改值（未采用副本的值；主库原值见同批改动）", copy)
            }
            let fields: [(String, String?, String?)] = c.isWholeEntity
                ? [("*", loser, final)]
                : c.fields.map { f in (f, JSONFields.split(loser)[f], JSONFields.split(final)[f]) }
            for (field, old, new) in fields {
                last = try Journal.append(db, JournalRecord(actor: actor, origin: origin, dossierID: c.key.dossierID, entity: "decision",
                                                            entityID: "\(c.key.entity)/\(c.key.id)", field: field, old: old, new: new,
                                                            reason: "合并冲突：\(what)", session: session), batch: batch, at: at,
                                          previous: last, anchoring: false)
                appended += 1
            }
        }
        // Each entry chained to the one before it; the anchor moved once, after the last.
        if let last { try Journal.moveAnchor(db, added: appended, head: last) }
    }

    /// Compare-and-set for the merge: every entity it writes must still hold the main store's
    /// value the plan was made on; otherwise `StaleWrite` (action `.merge`) and nothing is written.
    /// Returns what it read of each entity, by dossier (nil: the entity is not there).
    @discardableResult
    static func checkPlannedMain(_ finals: [EntityKey: String?], plan: MergePlan, leaseID: String, _ db: Database) throws
        -> [String: [EntityKey: String?]] {
        let read = try currentTexts(of: finals.keys, db)
        let stale = try CopyChecks.stale(finals, plan: plan, current: { key in read[key.dossierID]?[key] ?? nil })
        if let first = stale.first {
            throw StaleWrite(action: .merge(leaseID: leaseID), dossierID: first.key.dossierID, fields: try attributed(stale, db))
        }
        return read
    }

    /// The stored text of each entity now (nil: it is not there), by dossier: what `currentJSON`
    /// reads of each, read with one statement per dossier and table (a merge checks thousands of
    /// entities of a hundred dossiers). Entity ids are matched by their bytes, as SQLite does.
    static func currentTexts<Keys: Sequence<EntityKey>>(of keys: Keys, _ db: Database) throws -> [String: [EntityKey: String?]] {
        // By dossier and table, the keys of each row (its entity id, or the dossier's column).
        var wanted: [String: [String: [StoredText: [EntityKey]]]] = [:]
        var columns: [String: String] = [:]
        for key in keys {
            let t = locate(key)
            if t.table != "dossier" { columns[t.table] = t.keyColumn }
            wanted[key.dossierID, default: [:]][t.table, default: [:]][StoredText(t.table == "dossier" ? t.keyColumn : key.id), default: []].append(key)
        }
        var out: [String: [EntityKey: String?]] = [:]
        for (dossierID, tables) in wanted {
            var found: [EntityKey: String?] = [:]
            for (table, rows) in tables {
                for keys in rows.values { for key in keys { found[key] = .some(nil) } }
                if table == "dossier" {
                    let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT evaluation_json, review_json FROM dossier WHERE id = ?"), arguments: [dossierID])
                    for (column, at) in [("evaluation_json", 0), ("review_json", 1)] {
                        for key in rows[StoredText(column)] ?? [] { found[key] = .some(row?[at]) }
                    }
                    continue
                }
                let cursor = try Row.fetchCursor(db.cachedStatement(sql: "SELECT \(columns[table]!), json FROM \(table) WHERE dossier_id = ?"),
                                                 arguments: [dossierID])
                while let row = try cursor.next() {
                    guard let keys = rows[StoredText(row[0])] else { continue }
                    let json: String? = row[1]
                    for key in keys { found[key] = .some(json) }
                }
            }
            out[dossierID] = found
        }
        return out
    }

    /// The store changes that make one dossier's entities equal to the merged ones
    /// (FuheCore's `MergeWrites.ordered`, against this store's numbers and entities).
    /// `known`: entities of the dossier as read in this transaction (nil: not there).
    static func mergeWrites(_ finals: [EntityKey: String?], plan: MergePlan, decoded: DecodedTexts, known: [EntityKey: String?] = [:],
                            dossierID: String, _ db: Database) throws -> [PendingWrite] {
        // Prepared once per connection (a merge asks for each of its dossiers).
        let itemSeqs = Set(try Int.fetchAll(db.cachedStatement(sql: "SELECT seq FROM rect_item WHERE dossier_id = ?"), arguments: [dossierID]))
        let findingSeqs = Set(try Int.fetchAll(db.cachedStatement(sql: "SELECT seq FROM finding WHERE dossier_id = ?"), arguments: [dossierID]))
        do {
            return try MergeWrites.ordered(finals, plan: plan, exists: { key in
                if let json = known[key] { return json != nil }
                return try currentJSON(locate(key), db) != nil
            }, itemSeqs: itemSeqs,
                                           findingSeqs: findingSeqs, decoded: { decodedChange($0, json: $1, decoded) },
                                           decodeResult: { try DecodeCaches.results.decode($0) }).map { write in
                switch write {
                case .change(let change): .change(change)
                case .raw(let key, let json): .raw(entity: key.entity, id: key.id, json: json)
                }
            }
        } catch let error as MergeWriteError {
            throw refusal(error.code, error.description)
        }
    }

    /// The change for a merged entity from values decoded ahead (nil when it was not).
    static func decodedChange(_ key: EntityKey, json: String?, _ decoded: DecodedTexts) -> StoreChange? {
        guard let json else { return nil }
        switch key.entity {
        case "result": return decoded.results[json].map { .result($0) }
        case "item": return decoded.items[json].map { .item($0) }
        case "finding": return decoded.findings[json].map { .finding($0) }
        case "evidence": return decoded.evidence[json].map { .evidence($0) }
        case "review": return decoded.reviews[json].map { .review($0) }
        case "evaluation": return decoded.evaluations[json].map { .evaluation($0) }
        default: return nil
        }
    }
}
