import Foundation
import FuheCore
import PostgresNIO

extension ServerStore {
    /// One edit to one dossier as one transaction: the dossier's row is locked, the edit is
    /// compared with what it was based on (FuheCore's `ConflictCheck`), the account's role and
    /// the lifecycle rules are asked (`AccessRules`), each changed field is journalled (old → new,
    /// the authenticated account as actor) and the summary recomputed by the scoring engine.
    /// Returns the batch, or nil when nothing changed.
    public func apply(_ access: Access, dossierID: String, changes: [StoreChange], seen: SeenEntities, reason: String?,
                      session: String) async throws -> Int64? {
        try access.require(.edit)
        let written = try await db.scoped(access) { conn -> Written? in
            let loaded = try await load(dossierID, access: access, forUpdate: true, conn)
            let stale = try ConflictCheck.staleFields(of: changes, to: dossierID, seen: SeenView(seen), stored: StoredEntities(loaded.snapshot))
            if !stale.isEmpty {
                throw ServerError.stale(StaleWrite(action: .edit, dossierID: dossierID, fields: try await attributed(stale, conn)))
            }
            return try await write(changes, to: loaded, by: access, reason: reason, origin: "local", session: access.session(session), conn)
        }
        guard let written else { return nil }
        notifier.advance(to: written.head, teams: [written.teamID])
        return written.batch
    }

    /// Undo or redo of one of the session's batches, as a new batch (FuheCore's `RevertPlan`):
    /// refused for another session's batch, and when someone changed those fields since.
    public func revert(_ access: Access, batch: Int64, session: String) async throws -> Int64? {
        try access.require(.edit)
        let session = access.session(session)
        let written = try await db.scoped(access) { conn -> Written? in
            let entries = try await conn.rows(PostgresQuery(unsafeSQL: """
                SELECT \(Self.journalColumns) FROM journal WHERE batch = \(batch) AND team_id = ANY(\(intArray(access.teamIDs))) ORDER BY seq
                """), logger).map(Self.entry)
            guard let dossierID = entries.first?.record.dossierID else { return nil }
            let loaded = try await load(dossierID, access: access, forUpdate: true, conn)
            let plan: RevertPlan?
            do {
                plan = try RevertPlan.make(batch: batch, entries: entries, session: session, current: { loaded.snapshot[$0] })
            } catch let refusal as UndoRefusal {
                throw ServerError.undo(refusal)
            } catch {
                throw ServerError.rule(code: "J-001", message: "\(error)")
            }
            guard let plan else { return nil }
            if !plan.stale.isEmpty {
                throw ServerError.stale(StaleWrite(action: .revert(batch: batch), dossierID: dossierID, fields: try await attributed(plan.stale, conn)))
            }
            guard !plan.changes.isEmpty else { return nil }
            return try await write(plan.changes, to: loaded, by: access, reason: RevertPlan.reason(reverting: batch), origin: "local",
                                   session: session, isUndo: true, conn)
        }
        guard let written else { return nil }
        notifier.advance(to: written.head, teams: [written.teamID])
        return written.batch
    }

    struct Written: Sendable {
        var batch: Int64
        var head: Int64
        var teamID: Int
    }

    /// Writes changes to a locked dossier as the store would (`FuheStore.apply`): the account's
    /// role and the review's lifecycle decide first (`AccessRules`), every stored row and item
    /// must meet its rules (`StoredRules`, `StoredChangeRules`), the self-evaluation status the
    /// changes imply is written in the same batch (`EvaluationLifecycle.settling`), each changed
    /// field is journalled, and the summary refreshed.
    func write(_ changes: [StoreChange], to loaded: LoadedDossier, by access: Access, reason: String?, origin: String,
               session: String, isUndo: Bool = false, _ conn: PostgresConnection) async throws -> Written? {
        let now = clock.now()
        let id = loaded.dossier.id
        do {
            try AccessRules.checkWrite(changes, to: loaded.dossier, role: access.role, actor: access.actor, reason: reason, isUndo: isUndo)
        } catch { throw ServerError.violation(error) }
        let all = changes + EvaluationLifecycle.settling(changes, on: loaded.dossier)
        var working = loaded.dossier
        var snapshot = loaded.snapshot
        var positions = loaded.evidencePositions
        var records: [JournalRecord] = []
        for change in all {
            let items = working.items
            if let violation = try StoredChangeRules.check(change, findingItems: { f in let hung = items.filter { $0.findingID == f }; return (hung.count, hung.filter { $0.status.isOpen }.count) }) {
                throw ServerError.violation(violation)
            }
            let key = change.key(dossierID: id)
            let old = snapshot[key], new = change.storedJSON
            working = working.applying([change])
            guard old != new else { continue }
            if case .result(let row) = change,
               let problem = StoredRules.rowProblems(row, template: working.template, evaluation: working.evaluation).first {
                throw ServerError.violation(RuleViolation([problem]))
            }
            for f in FieldDiff.changes(old: old, new: new) {
                records.append(JournalRecord(actor: access.displayName, origin: origin, dossierID: id, entity: key.entity, entityID: key.id,
                                             field: f.field, old: f.old, new: f.new, reason: reason, session: session))
            }
            try await writeRow(change, json: new, dossierID: id, teamID: loaded.teamID, positions: &positions, conn)
            snapshot[key] = new
        }
        guard !records.isEmpty else { return nil }
        try await updateSummary(working, conn)
        let appended = try await appendJournal(records.map { ($0, loaded.teamID, JournalTime.format(now)) }, conn)
        return Written(batch: appended.batch, head: appended.head, teamID: loaded.teamID)
    }

    /// Writes one change's row (`json` is its stored form).
    func writeRow(_ change: StoreChange, json: String?, dossierID id: String, teamID: Int, positions: inout [String: Int],
                  _ conn: PostgresConnection) async throws {
        switch change {
        case .result(let r):
            try await conn.run("""
                INSERT INTO result(dossier_id, node_id, team_id, json) VALUES (\(id), \(r.nodeID), \(teamID), \(json))
                ON CONFLICT (dossier_id, node_id) DO UPDATE SET json = excluded.json
                """, logger)
        case .evidence(let e):
            let position = positions[e.id] ?? ((positions.values.max() ?? -1) + 1)
            positions[e.id] = position
            try await conn.run("""
                INSERT INTO evidence(dossier_id, id, team_id, position, json) VALUES (\(id), \(e.id), \(teamID), \(position), \(json))
                ON CONFLICT (dossier_id, id) DO UPDATE SET json = excluded.json
                """, logger)
        case .removeEvidence(let eid):
            positions[eid] = nil
            try await conn.run("DELETE FROM evidence WHERE dossier_id = \(id) AND id = \(eid)", logger)
        case .finding(let f):
            try await conn.run("""
                INSERT INTO finding(dossier_id, id, team_id, seq, json) VALUES (\(id), \(f.id), \(teamID), \(f.seq), \(json))
                ON CONFLICT (dossier_id, id) DO UPDATE SET seq = excluded.seq, json = excluded.json
                """, logger)
        case .removeFinding(let fid):
            try await conn.run("DELETE FROM finding WHERE dossier_id = \(id) AND id = \(fid)", logger)
        case .item(let i):
            try await upsertItem(i, json: json ?? StoredJSON.encode(i), dossierID: id, teamID: teamID, conn)
        case .removeItem(let iid):
            try await conn.run("DELETE FROM rect_item WHERE dossier_id = \(id) AND id = \(iid)", logger)
        case .review:
            try await conn.run("UPDATE dossier SET review_json = \(json) WHERE id = \(id)", logger)
        case .evaluation(let e):
            try await conn.run("UPDATE dossier SET evaluation_json = \(json), status = \(e.status.rawValue) WHERE id = \(id)", logger)
        }
    }

    func upsertItem(_ i: RectificationItem, json: String, dossierID id: String, teamID: Int, _ conn: PostgresConnection) async throws {
        try await conn.run("""
            INSERT INTO rect_item(dossier_id, id, team_id, finding_id, seq, status, deadline, overdue_from, json)
            VALUES (\(id), \(i.id), \(teamID), \(i.findingID), \(i.seq), \(i.status.rawValue), \(i.deadline.description),
                    \(OverdueFrom.day(for: i)?.description), \(json))
            ON CONFLICT (dossier_id, id) DO UPDATE SET finding_id = excluded.finding_id, seq = excluded.seq, status = excluded.status,
                deadline = excluded.deadline, overdue_from = excluded.overdue_from, json = excluded.json
            """, logger)
    }

    /// The dossier's summary columns from FuheCore's `SummaryFigures`.
    func updateSummary(_ d: Dossier, _ conn: PostgresConnection) async throws {
        let f = SummaryFigures(d, schemes: try await gradeSchemes(conn))
        try await conn.run("""
            UPDATE dossier SET review_status = \(f.reviewStatus?.rawValue), self_total = \(f.selfTotal?.hundredths), self_grade = \(f.selfGrade),
                review_total = \(f.reviewTotal?.hundredths), review_complete = \(f.reviewComplete), review_grade = \(f.reviewGrade),
                reviewed_rows = \(f.reviewedRows), scorable_rows = \(f.scorableRows), warning_count = \(f.warningCount),
                open_items = \(f.openItems), total_items = \(f.totalItems), status = \(f.status.rawValue),
                updated_at = \(JournalTime.format(Date())) WHERE id = \(d.id)
            """, logger)
    }

    /// Appends entries as one batch at the chain's head (locked until commit, so journal order is
    /// commit order). Returns the batch and the new head.
    /// `groups` (one per record, ascending) splits the records into several batches (a pushed
    /// store's history keeps its batches); by default they are one batch.
    /// This is the only global serialization point of a write: everything else (loading, rules,
    /// scoring, the rows) is done before, and the head is held for two statements — the lock with
    /// the head's read, then the entries with the head's update in one — and the commit.
    func appendJournal(_ records: [(JournalRecord, Int?, String)], groups: [Int64]? = nil, _ conn: PostgresConnection) async throws -> (batch: Int64, head: Int64) {
        let (seq0, batch0, hash0) = try await conn.rows("SELECT seq, batch, hash FROM journal_head WHERE id = 1 FOR UPDATE", logger).first!
            .decode((Int64, Int64, String).self)
        var seq = seq0, previous = hash0
        var batch = batch0 + 1
        var lastGroup = groups?.first
        let chunks = stride(from: 0, to: records.count, by: 1_000).map { Array(records[$0..<min($0 + 1_000, records.count)]) }
        for (index, chunk) in chunks.enumerated() {
            var binds = PostgresBindings(capacity: chunk.count * 16 + 3)
            var rows: [String] = []
            for (record, team, at) in chunk {
                if let group = groups?[Int(seq - seq0)], group != lastGroup {
                    batch += 1
                    lastGroup = group
                }
                seq += 1
                let hash = JournalHash.hash(previous: previous, at: at, record: record, batch: batch)
                let base = binds.count
                rows.append("(" + (1...16).map { "$\(base + $0)" }.joined(separator: ",") + ")")
                binds.append(seq); binds.append(at); binds.append(record.actor); binds.append(record.origin)
                binds.append(record.dossierID); binds.append(team); binds.append(record.entity); binds.append(record.entityID)
                binds.append(record.field); binds.append(record.old); binds.append(record.new); binds.append(record.reason)
                binds.append(batch); binds.append(record.session); binds.append(previous); binds.append(hash)
                previous = hash
            }
            let insert = """
                INSERT INTO journal(seq, at, actor, origin, dossier_id, team_id, entity, entity_id, field, old, new, reason, batch, session, prev_hash, hash)
                VALUES \(rows.joined(separator: ","))
                """
            if index < chunks.count - 1 {
                try await conn.run(PostgresQuery(unsafeSQL: insert, binds: binds), logger)
            } else {
                // The last chunk and the head's move in one statement (one round trip less under the lock).
                let n = binds.count
                binds.append(seq); binds.append(batch); binds.append(previous)
                try await conn.run(PostgresQuery(unsafeSQL: """
                    WITH appended AS (\(insert) RETURNING 1)
                    UPDATE journal_head SET seq = $\(n + 1), batch = $\(n + 2), hash = $\(n + 3) WHERE id = 1
                    """, binds: binds), logger)
            }
        }
        if chunks.isEmpty {
            try await conn.run("UPDATE journal_head SET seq = \(seq), batch = \(batch), hash = \(previous) WHERE id = 1", logger)
        }
        return (batch, seq)
    }

    /// Names who wrote each stale field's current value, and when, from the journal.
    func attributed(_ fields: [StaleField], _ conn: PostgresConnection) async throws -> [StaleField] {
        var out: [StaleField] = []
        for var f in fields {
            let fieldNames = f.field == "*" ? ["*"] : [f.field, "*"]
            if let row = try await conn.rows("""
                SELECT actor, at FROM journal WHERE dossier_id = \(f.key.dossierID) AND entity = \(f.key.entity) AND entity_id = \(f.key.id)
                AND field = ANY(\(fieldNames)) ORDER BY seq DESC LIMIT 1
                """, logger).first {
                (f.changedBy, f.changedAt) = try row.decode((String, String).self)
            }
            out.append(f)
        }
        return out
    }
}
