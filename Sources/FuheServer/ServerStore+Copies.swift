import Foundation
import FuheCore
import FuheWire
import PostgresNIO

/// Offline copies with the server as the main store: the lease is recorded here, the copy file is
/// written by the client (`FuheStore.writeCopy`, the same format), and a merge is checked and
/// committed here with FuheCore's copy checks, three-way plan and merge writes.
extension ServerStore {
    /// Reserves a lease id and hands over the dossiers to copy.
    func checkoutStart(_ access: Access, dossierIDs: [String]) async throws -> CheckoutTicket {
        try access.require(.checkout)
        let ids = Array(Set(dossierIDs)).sorted()
        guard !ids.isEmpty else { throw ServerError.rule(code: "C-003", message: "no units to check out") }
        let page = try await bundle(access, dossierIDs: ids, total: ids.count)
        return try await db.scoped(access) { conn in
            let n = try await conn.rows("SELECT nextval('lease_seq')", logger).first!.decode(Int64.self)
            var warnings: [String] = []
            for row in try await conn.rows("""
                SELECT u.dossier_id, l.id, l.holder, l.since, l.out_path FROM lease l JOIN lease_unit u ON u.lease_id = l.id
                WHERE l.status = 'out' AND u.dossier_id = ANY(\(ids)) ORDER BY l.id
                """, logger) {
                let (d, id, holder, since, path) = try row.decode((String, String, String, String, String).self)
                warnings.append("注意：\(d) 已借出给 \(holder)（\(id)，\(since.prefix(10)) 起，\(path)）；两份副本改了同一字段时，后合并的一份要逐个决定冲突")
            }
            return CheckoutTicket(leaseID: "L-\(n)", storeID: try await storeID(conn), since: JournalTime.format(clock.now()),
                                  bundle: page.bundle, warnings: warnings)
        }
    }

    /// Records the lease once the client wrote the copy, if the units are still as copied.
    func checkoutCommit(_ access: Access, _ c: CheckoutCommit) async throws -> WireLease {
        try access.require(.checkout)
        guard c.leaseID.range(of: "^L-[0-9]{1,12}$", options: .regularExpression) != nil else { throw ServerError.badRequest("借出编号无效") }
        let ids = Array(Set(c.dossierIDs)).sorted()
        let (lease, head, team) = try await db.scoped(access) { conn -> (WireLease, Int64, Int) in
            var snapshot: EntitySnapshot = [:]
            var teams = Set<Int>(), teamName = ""
            for id in ids {
                let loaded = try await load(id, access: access, forUpdate: true, conn)
                snapshot.merge(loaded.snapshot) { a, _ in a }
                teams.insert(loaded.teamID)
                teamName = loaded.teamName
            }
            guard teams.count == 1, let teamID = teams.first else { throw ServerError.badRequest("一份副本只能含同一小组的单位") }
            guard CopyChecks.digest(snapshot) == c.baseDigest else {
                throw ServerError.conflict("借出期间这些单位在服务器上被修改了；没有登记借出，请重新运行 fuhe checkout")
            }
            if try await conn.rows("SELECT 1 FROM lease WHERE id = \(c.leaseID)", logger).first != nil {
                throw ServerError.rule(code: "C-004", message: "lease \(c.leaseID) is already recorded; run fuhe checkout again")
            }
            let seq = try await conn.rows("SELECT seq FROM journal_head", logger).first!.decode(Int64.self)
            try await conn.run("""
                INSERT INTO lease(id, team_id, copy_store_id, holder, actor, since, out_path, status, base_digest, checkout_seq)
                VALUES (\(c.leaseID), \(teamID), \(c.copyStoreID), \(c.holder), \(access.displayName), \(c.since), \(c.outPath), 'out', \(c.baseDigest), \(seq))
                """, logger)
            for id in ids { try await conn.run("INSERT INTO lease_unit(lease_id, dossier_id, team_id) VALUES (\(c.leaseID), \(id), \(teamID))", logger) }
            let now = JournalTime.format(clock.now())
            let records = ids.map { id in
                (JournalRecord(actor: access.displayName, origin: "lease:\(c.leaseID)", dossierID: id, entity: "lease", entityID: c.leaseID,
                               field: "status", old: nil, new: "\"out\"", reason: "借出给 \(c.holder)：\((c.outPath as NSString).lastPathComponent)",
                               session: access.session("checkout")), Optional(teamID), now)
            }
            let appended = try await appendJournal(records, conn)
            let lease = WireLease(id: c.leaseID, holder: c.holder, actor: access.displayName, since: c.since, outPath: c.outPath, status: "out",
                                  dossierIDs: ids, mergedAt: nil, mergedBy: nil, unmergeable: nil, team: teamName)
            return (lease, appended.head, teamID)
        }
        notifier.advance(to: head, teams: [team])
        return lease
    }

    /// Every lease of the account's teams, newest first.
    func leases(_ access: Access, id: String? = nil, _ conn: PostgresConnection) async throws -> [WireLease] {
        let filter = id.map { " AND l.id = \(ServerSchema.quoteLiteral($0))" } ?? ""
        return try await conn.rows(PostgresQuery(unsafeSQL: """
            SELECT l.id, l.holder, l.actor, l.since, l.out_path, l.status, l.merged_at, l.merged_by, l.unmergeable, t.name,
                   ARRAY(SELECT u.dossier_id FROM lease_unit u WHERE u.lease_id = l.id ORDER BY u.dossier_id)
            FROM lease l JOIN team t ON t.id = l.team_id WHERE l.team_id = ANY(\(intArray(access.teamIDs)))\(filter)
            ORDER BY l.since DESC, l.id DESC
            """), logger).map { row in
            let r = row.makeRandomAccess()
            return WireLease(id: try r[0].decode(String.self), holder: try r[1].decode(String.self), actor: try r[2].decode(String.self),
                             since: try r[3].decode(String.self), outPath: try r[4].decode(String.self), status: try r[5].decode(String.self),
                             dossierIDs: try r[10].decode([String].self), mergedAt: try r[6].decode(String?.self),
                             mergedBy: try r[7].decode(String?.self), unmergeable: try r[8].decode(String?.self), team: try r[9].decode(String.self))
        }
    }

    func leases(_ access: Access) async throws -> [WireLease] {
        try await db.scoped(access) { conn in try await leases(access, conn) }
    }

    /// Gives up a lease whose copy will not come back.
    func release(_ access: Access, leaseID: String, reason: String) async throws {
        try access.require(.releaseLease)
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ServerError.badRequest("放弃借出须写明原因（--reason）") }
        let (head, team) = try await db.scoped(access) { conn -> (Int64, Int) in
            guard let lease = try await leases(access, id: leaseID, conn).first,
                  let teamID = try await conn.rows("SELECT team_id FROM lease WHERE id = \(leaseID) FOR UPDATE", logger).first?.decode(Int.self) else {
                throw ServerError.rule(code: "C-001", message: "no lease \(leaseID) on this server")
            }
            guard lease.status == "out" else { throw ServerError.rule(code: "C-001", message: "lease \(leaseID) is already \(lease.status)") }
            try await conn.run("UPDATE lease SET status = 'released' WHERE id = \(leaseID)", logger)
            let now = JournalTime.format(clock.now())
            let records = lease.dossierIDs.map { d in
                (JournalRecord(actor: access.displayName, origin: "lease:\(leaseID)", dossierID: d, entity: "lease", entityID: leaseID, field: "status",
                               old: "\"out\"", new: "\"released\"", reason: reason, session: access.session("release")), Optional(teamID), now)
            }
            return (try await appendJournal(records, conn).head, teamID)
        }
        notifier.advance(to: head, teams: [team])
    }

    func storeID(_ conn: PostgresConnection) async throws -> String {
        try await conn.rows("SELECT value FROM meta WHERE key = 'store_id'", logger).first?.decode(String.self) ?? ""
    }
}
