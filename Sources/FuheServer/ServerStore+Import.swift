import Foundation
import FuheCore
import FuheWire
import PostgresNIO

extension ServerStore {
    /// Moves dossiers in (`fuhe push`): in one transaction, into `team` (a 组长 only into a team of
    /// theirs), with their units, cycles and templates, their summaries from the scoring engine,
    /// and their local journal history appended to the server's chain (batches kept together,
    /// actors, times and reasons as they were), then one `import` entry per dossier. A dossier
    /// already on the server with the same content is left alone, so a push can be run again
    /// after an interruption; one that differs is refused.
    public func push(_ access: Access, team: String, dossiers: [Dossier], templates: [IndicatorTemplate], history: [JournalEntry],
                     source: String) async throws -> (imported: [String], unchanged: [String]) {
        try access.require(.push)
        guard let teamIndex = access.teamNames.firstIndex(of: team) else {
            throw ServerError.forbidden("\(access.displayName) 不在小组 \(team)，不能上传到该组\(access.role == .admin ? "（没有这个小组）" : "")")
        }
        let teamID = access.teamIDs[teamIndex]
        let result = try await db.scoped(access) { conn -> (imported: [String], unchanged: [String], head: Int64?) in
            for t in templates {
                if let stored = try await conn.rows("SELECT json, bundled FROM template WHERE id = \(t.id)", logger).first {
                    let (json, bundled) = try stored.decode((String, Bool).self)
                    if try StoredJSON.decode(IndicatorTemplate.self, json) != t {
                        throw ServerError.rule(code: "T-000", message: "模板 \(t.id) 与服务器上\(bundled ? "内置" : "已有")的同名模板不同；同一编号的模板只能有一个")
                    }
                } else {
                    try await conn.run("""
                        INSERT INTO template(id, name, eval_type, bundled, json) VALUES (\(t.id), \(t.name), \(t.evalType.rawValue), false, \(StoredJSON.encode(t)))
                        """, logger)
                }
            }
            var imported: [String] = [], unchanged: [String] = []
            var fresh: [Dossier] = []
            let present = Set(try await conn.rows("SELECT id FROM dossier WHERE id = ANY(\(dossiers.map(\.id)))", logger).map { try $0.decode(String.self) })
            var knownTemplates = Set(templates.map(\.id))
            for d in dossiers {
                if present.contains(d.id) {
                    let stored = try await load(d.id, access: access, forUpdate: false, conn)
                    guard stored.dossier.entitySnapshot == d.entitySnapshot, stored.teamID == teamID else {
                        throw ServerError.conflict("单位 \(d.id) 已在服务器上\(stored.teamID == teamID ? "，内容不同" : "，属于小组 \(stored.teamName)")；未上传任何单位")
                    }
                    unchanged.append(d.id)
                    continue
                }
                if !knownTemplates.contains(d.template.id), try await conn.rows("SELECT 1 FROM template WHERE id = \(d.template.id)", logger).first != nil {
                    knownTemplates.insert(d.template.id)
                }
                guard knownTemplates.contains(d.template.id) else {
                    throw ServerError.rule(code: "T-000", message: "单位 \(d.id) 的模板 \(d.template.id) 不在服务器上，也没有随之上传")
                }
                let schemes = try await gradeSchemes(conn)
                if let problem = StoredRules.violations(d, scored: SummaryFigures(d, schemes: schemes).scored).first {
                    throw ServerError.rule(code: problem.code, message: "单位 \(d.id)：\(problem.message)；未上传任何单位")
                }
                try await insert(d, teamID: teamID, conn)
                fresh.append(d)
                imported.append(d.id)
            }
            guard !fresh.isEmpty else { return (imported, unchanged, nil) }
            let ids = Set(fresh.map(\.id))
            let now = JournalTime.format(clock.now())
            var records: [(JournalRecord, Int?, String)] = []
            var groups: [Int64] = []
            for e in history where e.record.dossierID.map(ids.contains) == true && e.record.entity != "lease" {
                records.append((e.record, teamID, e.at))
                groups.append(e.batch)
            }
            let last = (groups.max() ?? 0) + 1
            for d in fresh {
                records.append((JournalRecord(actor: access.displayName, origin: "import", dossierID: d.id, entity: "dossier", entityID: d.id,
                                              field: "*", old: nil, new: "imported", reason: "上传 \(source)"), teamID, now))
                groups.append(last)
            }
            let appended = try await appendJournal(records, groups: groups, conn)
            return (imported, unchanged, appended.head)
        }
        if let head = result.head { notifier.advance(to: head, teams: [teamID]) }
        return (result.imported, result.unchanged)
    }

    /// Inserts a new dossier with its rows and summary.
    func insert(_ d: Dossier, teamID: Int, _ conn: PostgresConnection) async throws {
        try await conn.run("""
            INSERT INTO unit(id, name, json) VALUES (\(d.unit.id), \(d.unit.name), \(StoredJSON.encode(d.unit)))
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, json = excluded.json
            """, logger)
        try await conn.run("""
            INSERT INTO cycle(id, fiscal_year, json) VALUES (\(d.cycle.id), \(d.cycle.fiscalYear), \(StoredJSON.encode(d.cycle)))
            ON CONFLICT (id) DO UPDATE SET fiscal_year = excluded.fiscal_year, json = excluded.json
            """, logger)
        try await conn.run("""
            INSERT INTO dossier(id, team_id, unit_id, cycle_id, template_id, evaluation_json, self_team_json, review_json,
                                unit_name, sort_key, fiscal_year, year_is_demo, eval_type, status, updated_at)
            VALUES (\(d.id), \(teamID), \(d.unit.id), \(d.cycle.id), \(d.template.id), \(StoredJSON.encode(d.evaluation)),
                    \(StoredJSON.encode(d.selfTeam)), \(d.review.map(StoredJSON.encode)), \(d.unit.displayName), \(SortKey.of(d.unit.displayName)),
                    \(d.cycle.fiscalYear), \(d.cycle.yearIsDemo), \(d.evaluation.evalType.rawValue), \(d.evaluation.status.rawValue), '')
            """, logger)
        try await insertRows(of: d, teamID: teamID, conn)
        try await updateSummary(d, conn)
    }

    /// A new dossier's results, evidence, findings and items: one multi-row INSERT per table
    /// (a pushed dossier has no rows yet), the same columns `writeRow` writes.
    private func insertRows(of d: Dossier, teamID: Int, _ conn: PostgresConnection) async throws {
        var tables: [String: (columns: String, rows: [String], binds: PostgresBindings)] = [:]
        var evidencePosition = 0
        func add(_ table: String, _ columns: String, _ values: (inout PostgresBindings) -> Void) {
            var entry = tables[table] ?? (columns, [], PostgresBindings())
            let before = entry.binds.count
            values(&entry.binds)
            entry.rows.append("(" + (before + 1...entry.binds.count).map { "$\($0)" }.joined(separator: ",") + ")")
            tables[table] = entry
        }
        for change in d.entityStates {
            let json = change.storedJSON
            switch change {
            case .review, .evaluation, .removeEvidence, .removeFinding, .removeItem: continue
            case .result(let r):
                add("result", "dossier_id, node_id, team_id, json") { $0.append(d.id); $0.append(r.nodeID); $0.append(teamID); $0.append(json) }
            case .evidence(let e):
                add("evidence", "dossier_id, id, team_id, position, json") {
                    $0.append(d.id); $0.append(e.id); $0.append(teamID); $0.append(evidencePosition); $0.append(json)
                }
                evidencePosition += 1
            case .finding(let f):
                add("finding", "dossier_id, id, team_id, seq, json") { $0.append(d.id); $0.append(f.id); $0.append(teamID); $0.append(f.seq); $0.append(json) }
            case .item(let i):
                add("rect_item", "dossier_id, id, team_id, finding_id, seq, status, deadline, overdue_from, json") {
                    $0.append(d.id); $0.append(i.id); $0.append(teamID); $0.append(i.findingID); $0.append(i.seq); $0.append(i.status.rawValue)
                    $0.append(i.deadline.description); $0.append(OverdueFrom.day(for: i)?.description); $0.append(json ?? StoredJSON.encode(i))
                }
            }
        }
        for table in ["result", "evidence", "finding", "rect_item"] {
            guard let t = tables[table] else { continue }
            try await conn.run(PostgresQuery(unsafeSQL: "INSERT INTO \(table)(\(t.columns)) VALUES \(t.rows.joined(separator: ","))", binds: t.binds), logger)
        }
    }
}

extension ServerStore {
    /// Dossiers with their templates and the grade schemes, for a pull or a checkout.
    func bundle(_ access: Access, dossierIDs: [String], total: Int) async throws -> ExportPage {
        try await db.scoped(access) { conn in
            var dossiers: [WireDossier] = []
            var templates: [String: IndicatorTemplate] = [:]
            for id in dossierIDs {
                let loaded = try await load(id, access: access, forUpdate: false, conn)
                dossiers.append(WireDossier(loaded.dossier, team: loaded.teamName))
                templates[loaded.dossier.template.id] = loaded.dossier.template
            }
            let schemes = try await gradeSchemes(conn).values.sorted { $0.id < $1.id }
            return ExportPage(bundle: DossierBundle(dossiers: dossiers, templates: templates.values.sorted { $0.id < $1.id }, schemes: schemes),
                              total: total)
        }
    }
}
