import Foundation
import FuheCore
import FuheWire
import PostgresNIO

/// An administrator's view: moving units between teams, the audit log.
extension ServerStore {
    /// Hands units to a team (their rows, journal and leases move with them). Returns how many.
    func assign(_ dossierIDs: [String], to team: String, by admin: Access) async throws -> Int {
        try admin.require(.manageAccounts)
        return try await db.asOwner { conn in
            guard let teamID = try await conn.rows("SELECT id FROM team WHERE name = \(team)", logger).first?.decode(Int.self) else {
                throw ServerError.notFound("没有小组 \(team)")
            }
            let found = try await conn.rows("SELECT id FROM dossier WHERE id = ANY(\(dossierIDs))", logger).map { try $0.decode(String.self) }
            if let missing = Set(dossierIDs).subtracting(found).sorted().first { throw ServerError.notFound("没有单位 \(missing)") }
            for table in ServerSchema.teamTables where table != "lease" && table != "lease_unit" {
                let column = table == "dossier" ? "id" : "dossier_id"
                try await conn.run(PostgresQuery(unsafeSQL: "UPDATE \(table) SET team_id = $1 WHERE \(column) = ANY($2)",
                                                 binds: Self.binds(teamID, dossierIDs)), logger)
            }
            try await conn.run("INSERT INTO audit(actor, action, detail) VALUES (\(admin.name), 'assign', \("\(team): \(dossierIDs.joined(separator: ","))"))", logger)
            return found.count
        }
    }

    static func binds(_ a: Int, _ b: [String]) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(a)
        binds.append(b)
        return binds
    }

    /// The audit log (logins, account and team changes, assignments), newest first.
    func audit(limit: Int) async throws -> [AuditLine] {
        try await db.asOwner { conn in
            try await conn.rows("SELECT at, actor, action, detail FROM audit ORDER BY id DESC LIMIT \(max(1, min(limit, 10_000)))", logger).map { row in
                let (at, actor, action, detail) = try row.decode((Date, String, String, String).self)
                return AuditLine(at: JournalTime.format(at), actor: actor, action: action, detail: detail)
            }
        }
    }
}
