import Foundation
import FuheCore
import Logging
import PostgresNIO
import Synchronization

/// The main store in PostgreSQL: what `fuhe serve` reads and writes for an authenticated account,
/// always inside a transaction scoped to the account's teams (`ServerDatabase.scoped`). Writes run
/// FuheCore's compare-and-set, rules and scoring (`ServerStore+Write`).
public final class ServerStore: Sendable {
    public let db: ServerDatabase
    public let notifier: ChangeNotifier
    let clock: any Clock
    /// Decoded templates by id (a stored template never changes).
    private let templates = Mutex<[String: IndicatorTemplate]>([:])
    /// The grade schemes, read once (`fuhe serve --init` writes them; the application role cannot).
    private let schemes = Mutex<[String: GradeScheme]?>(nil)

    public init(db: ServerDatabase, clock: any Clock = SystemClock()) {
        self.db = db
        self.notifier = ChangeNotifier()
        self.clock = clock
    }

    var logger: Logger { db.logger }

    /// Sets the notifier to the journal's head (at start).
    public func start() async throws {
        let head = try await db.asOwner { conn in try await conn.rows("SELECT seq FROM journal_head", logger).first!.decode(Int64.self) }
        notifier.advance(to: head, teams: [])
    }

    // MARK: reading

    /// The unit list of the account's teams, in pinyin order, with overdue counts for `today`.
    public func unitList(_ access: Access, filter: UnitFilter, today: CalendarDay?, onlyDossier: String? = nil) async throws -> [(UnitSummary, String)] {
        let day = (today ?? clock.today()).description
        var clauses = ["d.team_id = ANY(\(intArray(access.teamIDs)))"]
        if let t = filter.evalType { clauses.append("d.eval_type = \(ServerSchema.quoteLiteral(t.rawValue))") }
        if let s = filter.reviewStatus { clauses.append("d.review_status = \(ServerSchema.quoteLiteral(s.rawValue))") }
        if filter.flaggedOnly { clauses.append("d.warning_count > 0") }
        if filter.overdueOnly { clauses.append("COALESCE(o.n, 0) > 0") }
        if let id = onlyDossier { clauses.append("d.id = \(ServerSchema.quoteLiteral(id))") }
        let sql = """
            SELECT d.id, d.unit_name, d.fiscal_year, d.year_is_demo, d.eval_type, d.status, d.review_status,
                   d.self_total, d.self_grade, d.review_total, d.review_complete, d.review_grade, d.reviewed_rows,
                   d.scorable_rows, d.warning_count, d.open_items, d.total_items, COALESCE(o.n, 0)::integer, t.name
            FROM dossier d JOIN team t ON t.id = d.team_id
            LEFT JOIN (SELECT dossier_id, count(*) AS n FROM rect_item WHERE overdue_from IS NOT NULL AND overdue_from <= \(ServerSchema.quoteLiteral(day))
                       GROUP BY dossier_id) o ON o.dossier_id = d.id
            WHERE \(clauses.joined(separator: " AND ")) ORDER BY d.sort_key, d.fiscal_year, d.id
            """
        return try await db.scoped(access) { conn in
            try await conn.rows(PostgresQuery(unsafeSQL: sql), logger).map { row in
                let r = row.makeRandomAccess()
                let score: (Int) throws -> Score? = { i in try r[i].decode(Int?.self).map(Score.init(hundredths:)) }
                let summary = UnitSummary(
                    dossierID: try r[0].decode(String.self), unitName: try r[1].decode(String.self), fiscalYear: try r[2].decode(Int.self),
                    yearIsDemo: try r[3].decode(Bool.self), evalType: EvalType(rawValue: try r[4].decode(String.self)) ?? .project,
                    status: EvaluationStatus(rawValue: try r[5].decode(String.self)) ?? .selected,
                    reviewStatus: try r[6].decode(String?.self).flatMap(ReviewStatus.init(rawValue:)), selfTotal: try score(7),
                    selfGrade: try r[8].decode(String?.self), reviewTotal: try score(9), reviewComplete: try r[10].decode(Bool.self),
                    reviewGrade: try r[11].decode(String?.self), reviewedRows: try r[12].decode(Int.self), scorableRows: try r[13].decode(Int.self),
                    warningCount: try r[14].decode(Int.self), openItems: try r[15].decode(Int.self), totalItems: try r[16].decode(Int.self),
                    overdueItems: try r[17].decode(Int.self))
                return (summary, try r[18].decode(String.self))
            }
        }
    }

    /// Units of the account's teams that are out as offline copies: dossier id → "L-1 张三 2026-11-23 起".
    public func leasedUnits(_ access: Access) async throws -> [String: String] {
        try await db.scoped(access) { conn in
            var out: [String: [String]] = [:]
            for row in try await conn.rows("""
                SELECT u.dossier_id, l.id, l.holder, l.since FROM lease l JOIN lease_unit u ON u.lease_id = l.id
                WHERE l.status = 'out' AND l.team_id = ANY(\(access.teamIDs)) ORDER BY l.since
                """, logger) {
                let (d, id, holder, since) = try row.decode((String, String, String, String).self)
                out[d, default: []].append("\(id) \(holder) \(since.prefix(10)) 起")
            }
            return out.mapValues { $0.joined(separator: "；") }
        }
    }

    /// One whole dossier of the account's teams, with its team's name.
    public func dossier(_ access: Access, id: String) async throws -> (Dossier, String) {
        try await db.scoped(access) { conn in
            let loaded = try await load(id, access: access, forUpdate: false, conn)
            return (loaded.dossier, loaded.teamName)
        }
    }

    /// Grade schemes by id.
    public func gradeSchemes(_ conn: PostgresConnection) async throws -> [String: GradeScheme] {
        if let cached = schemes.withLock({ $0 }) { return cached }
        var out: [String: GradeScheme] = [:]
        for row in try await conn.rows("SELECT json FROM grade_scheme", logger) {
            let s = try StoredJSON.decode(GradeScheme.self, try row.decode(String.self))
            out[s.id] = s
        }
        let read = out
        schemes.withLock { $0 = read }
        return out
    }

    public func gradeSchemes(_ access: Access) async throws -> [String: GradeScheme] {
        try await db.scoped(access) { conn in try await gradeSchemes(conn) }
    }

    /// A template by id, decoded once: a template's id names one content for good (a push of a
    /// different template under a stored id is refused, T-000), so a cached one is not read again.
    func template(_ id: String, _ conn: PostgresConnection) async throws -> IndicatorTemplate {
        if let hit = templates.withLock({ $0[id] }) { return hit }
        guard let json = try await conn.rows("SELECT json FROM template WHERE id = \(id)", logger).first?.decode(String.self) else {
            throw ServerError.notFound("没有模板 \(id)")
        }
        let t = try StoredJSON.decode(IndicatorTemplate.self, json)
        templates.withLock { $0[id] = t }
        return t
    }

    public func template(_ access: Access, id: String) async throws -> IndicatorTemplate {
        try await db.scoped(access) { conn in try await template(id, conn) }
    }

    /// Journal entries of a dossier (or one entity of it), newest first.
    public func history(_ access: Access, dossierID: String, entity: String?, entityID: String?, limit: Int = 500) async throws -> [JournalEntry] {
        try await db.scoped(access) { conn in
            var sql = "SELECT \(Self.journalColumns) FROM journal WHERE dossier_id = \(ServerSchema.quoteLiteral(dossierID)) AND team_id = ANY(\(intArray(access.teamIDs)))"
            if let entity { sql += " AND entity = \(ServerSchema.quoteLiteral(entity))" }
            if let entityID { sql += " AND entity_id = \(ServerSchema.quoteLiteral(entityID))" }
            sql += " ORDER BY seq DESC LIMIT \(max(1, min(limit, 5_000)))"
            return try await conn.rows(PostgresQuery(unsafeSQL: sql), logger).map(Self.entry)
        }
    }

    /// The journal entries of the account's teams after `since`, oldest first, whole batches when
    /// they fit in `limit`; `head` is the journal's head when read (entries of other teams are
    /// skipped, not waited for).
    public func changes(_ access: Access, since: JournalPosition, limit: Int) async throws -> ChangeFeed {
        let limit = max(1, min(limit, 5_000))
        return try await db.scoped(access) { conn in
            let head = try await conn.rows("SELECT seq FROM journal_head", logger).first!.decode(Int64.self)
            let rows = try await conn.rows(PostgresQuery(unsafeSQL: """
                SELECT \(Self.journalColumns) FROM journal WHERE seq > \(since.seq) AND seq <= \(head)
                AND team_id = ANY(\(intArray(access.teamIDs))) ORDER BY seq LIMIT \(limit + 1)
                """), logger).map(Self.entry)
            guard rows.count > limit else {
                var feed = ChangeFeed(since: since, entries: rows, isComplete: true)
                feed.head = JournalPosition(max(head, since.seq))
                return feed
            }
            var kept = Array(rows.prefix(limit))
            let cut = rows[limit].batch
            if let lastWhole = kept.lastIndex(where: { $0.batch != cut }) { kept = Array(kept.prefix(through: lastWhole)) }
            return ChangeFeed(since: since, entries: kept, isComplete: false)
        }
    }

    /// The journal's head.
    public func journalHead() async throws -> JournalPosition {
        JournalPosition(notifier.head)
    }

    static let journalColumns = "seq, at, batch, actor, origin, dossier_id, entity, entity_id, field, old, new, reason, session"

    static func entry(_ row: PostgresRow) throws -> JournalEntry {
        let r = row.makeRandomAccess()
        return JournalEntry(seq: try r[0].decode(Int64.self), at: try r[1].decode(String.self), batch: try r[2].decode(Int64.self),
                            record: JournalRecord(actor: try r[3].decode(String.self), origin: try r[4].decode(String.self),
                                                  dossierID: try r[5].decode(String?.self), entity: try r[6].decode(String.self),
                                                  entityID: try r[7].decode(String.self), field: try r[8].decode(String.self),
                                                  old: try r[9].decode(String?.self), new: try r[10].decode(String?.self),
                                                  reason: try r[11].decode(String?.self), session: try r[12].decode(String?.self)))
    }
}

/// An integer array literal for SQL (ids the server itself holds, never user text).
func intArray(_ ids: [Int]) -> String { "'{" + ids.map(String.init).joined(separator: ",") + "}'::integer[]" }
