import Foundation
import FuheClient
import FuheCore
import FuheWire
import Testing

/// Each user sees and edits only their teams' units: the server scopes every query, and
/// PostgreSQL's row-level security refuses what a mistake there would let through.
@Suite(.serialized) struct RowLevelAccessTests {
    @Test func aUserSeesAndEditsOnlyTheirTeamsUnits() throws {
        let h = try ServerHarness()
        defer { h.close() }
        let outsider = try h.repository("outsider")
        #expect(try outsider.unitList(today: nil, filter: .all).map(\.dossierID) == [ServerHarness.otherTeamUnit])
        let member = try h.repository("member")
        let mine = try member.unitList(today: nil, filter: .all).map(\.dossierID)
        #expect(mine.count == 10 && !mine.contains(ServerHarness.otherTeamUnit))
        // Another team's unit is not found, its history and feed are empty to them.
        let before = try h.fingerprint()
        #expect(throws: ServerRefusal.self) { _ = try outsider.dossier(id: "SE-HS-ZWZX-2021") }
        #expect(try outsider.history(dossierID: "SE-HS-ZWZX-2021", entity: nil, entityID: nil).isEmpty)
        #expect(try outsider.changes(since: JournalPosition(0), limit: 5_000).batches.allSatisfy { $0.dossierIDs == [ServerHarness.otherTeamUnit] })
        // Writing to it is refused (as if it did not exist) and nothing is written.
        let theirs = try member.dossier(id: "SE-HS-ZWZX-2021")
        var row = try #require(theirs.results.values.sorted { $0.nodeID < $1.nodeID }.first)
        row.reviewNote = "别组的手"
        do {
            _ = try outsider.apply([.result(row)], to: theirs.id, base: .seen(theirs), actor: "孙乙组", reason: nil, origin: "local")
            Issue.record("another team's unit was written")
        } catch let refusal as ServerRefusal { #expect(refusal.status == 404) }
        #expect(try h.fingerprint() == before)
    }

    @Test func theApplicationRoleSeesNothingOfAnotherTeamInRawSQL() throws {
        let h = try ServerHarness()
        defer { h.close() }
        let teamB = try h.pg.value("SELECT id FROM team WHERE name = '乙组'")
        let teamA = try h.pg.value("SELECT id FROM team WHERE name = '甲组'")
        func asApp(_ teams: String, _ sql: String) throws -> String {
            try h.pg.value("BEGIN; SET LOCAL ROLE \(h.pg.appRole); SELECT set_config('fuhe.teams', '\(teams)', true); \(sql); COMMIT;")
                .split(separator: "\n").filter { !$0.isEmpty && $0 != "\(teams)" }.joined(separator: "\n")
        }
        // As the application role of 乙组: one dossier, and no row of 甲组 in any table.
        #expect(try asApp("{\(teamB)}", "SELECT count(*) FROM dossier") == "1")
        for table in ["dossier", "result", "rect_item", "finding", "evidence", "journal"] {
            #expect(try asApp("{\(teamB)}", "SELECT count(*) FROM \(table) WHERE team_id = \(teamA)") == "0", "\(table)")
        }
        #expect(try asApp("{}", "SELECT count(*) FROM result") == "0")
        // Writing a row of 甲组 is refused by PostgreSQL itself; so is rewriting the journal.
        let insert = try h.pg.sql("""
            BEGIN; SET LOCAL ROLE \(h.pg.appRole); SELECT set_config('fuhe.teams', '{\(teamB)}', true);
            UPDATE result SET json = '{}' WHERE dossier_id = 'SE-HS-ZWZX-2021';
            INSERT INTO result(dossier_id, node_id, team_id, json) VALUES ('SE-HS-ZWZX-2021', 'x', \(teamA), '{}'); COMMIT;
            """)
        #expect(insert.status != 0 && insert.stderr.contains("row-level security"))
        let rewrite = try h.pg.sql("BEGIN; SET LOCAL ROLE \(h.pg.appRole); SELECT set_config('fuhe.teams', '{\(teamA)}', true); UPDATE journal SET actor = 'x'; COMMIT;")
        #expect(rewrite.status != 0 && rewrite.stderr.contains("permission denied"))
        #expect(try h.pg.value("SELECT count(*) FROM result WHERE json = '{}'") == "0")
    }
}
