import Foundation
import FuheClient
import FuheCore
import FuheWire
import Testing

/// Who you are is proven: logins, tokens, and what each role may do, enforced by the server.
@Suite(.serialized) struct AccountsAndRolesTests {
    @Test func loginGivesAnExpiringTokenInAPrivateFileAndWrongPasswordsAreRefused() throws {
        let h = try ServerHarness(seed: false)
        defer { h.close() }
        let wrong = try h.run(["login", "--server", h.url, "--user", "root", "--password-stdin"], stdin: "nope nope\n", as: "x")
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("用户名或密码不正确"))
        let unknown = try h.run(["login", "--server", h.url, "--user", "nobody", "--password-stdin"], stdin: "whatever1\n", as: "x")
        #expect(unknown.stderr.contains("用户名或密码不正确"))
        let good = try h.ok(h.run(["login", "--server", h.url, "--user", "root", "--password-stdin"], stdin: ServerHarness.password + "\n", as: "root"))
        #expect(good.stdout.contains("已登录") && good.stdout.contains("管理员甲（管理员）"))
        let file = h.directory.appendingPathComponent("state-root/fuhe/tokens.json").path
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!text.contains(ServerHarness.password))
        // Only a digest of the token is in the database; no password in clear anywhere.
        let token = try #require(TokenFile(path: file).token(for: URL(string: h.url)!)).token
        #expect(try h.pg.value("SELECT count(*) FROM token WHERE digest = '\(token)'") == "0")
        #expect(try h.pg.value("SELECT count(*) FROM account WHERE password_hash LIKE '$2%'") == "1")
        #expect(!(try h.pg.value("SELECT string_agg(detail || actor, ' ') FROM audit")).contains(ServerHarness.password))
        #expect(!h.log.contains(ServerHarness.password) && !h.log.contains(token))
        // An expired token is refused.
        _ = try h.pg.sql("UPDATE token SET expires_at = now() - interval '1 minute'")
        let expired = try h.run(["admin", "user", "list", "--server", h.url], as: "root")
        #expect(expired.status != 0 && expired.stderr.contains("登录已过期"))
    }

    @Test func rolesAreEnforcedByTheServer() throws {
        let h = try ServerHarness()
        defer { h.close() }
        // A member cannot manage accounts.
        let refused = try h.run(["admin", "user", "add", "x1", "--display", "某甲", "--role", "member", "--server", h.url, "--password-stdin"],
                                stdin: "abcdefgh1\n", as: "member")
        #expect(refused.status != 0 && refused.stderr.contains("无权管理账号和小组"))
        // An administrator sees every team's units but edits none.
        let rootUnits = try h.repository("root").unitList(today: nil, filter: .all)
        #expect(rootUnits.count == 11)
        let unit = try #require(rootUnits.first).dossierID
        let d = try h.repository("root").dossier(id: unit)
        let row = try #require(d.results.values.first)
        var edited = row
        edited.reviewNote = "管理员的笔记"
        #expect(throws: ServerRefusal.self) {
            _ = try h.repository("root").apply([.result(edited)], to: unit, base: .seen(d), actor: "x", reason: nil, origin: "local")
        }
        // A member cannot finalize; the journal is untouched.
        let before = try h.fingerprint()
        let member = try h.repository("member")
        let id = "SE-HS-ZWZX-2021"
        let sheet = try member.dossier(id: id)
        var review = Review(id: "RV-\(id)", team: [TeamMember(name: "王组员", role: .member)], status: .submitted, startedAt: Date())
        let submittedFirst = try? member.apply([.review(review)], to: id, base: .seen(sheet), actor: "王组员", reason: nil, origin: "local")
        #expect(submittedFirst == nil, "a review cannot start as submitted")
        #expect(try h.fingerprint() == before)
        review.status = .draft
        _ = try member.apply([.review(review)], to: id, base: .seen(sheet), actor: "王组员", reason: nil, origin: "local")
        let started = try member.dossier(id: id)
        var forged = try #require(started.review)
        forged.status = .finalized
        forged.frozenTotal = Score(hundredths: 9000)
        forged.frozenGrade = "优"
        do {
            _ = try member.apply([.review(forged)], to: id, base: .seen(started, scope: .dossier), actor: "李组长", reason: nil, origin: "local")
            Issue.record("a member finalized a review")
        } catch let refusal as ServerRefusal {
            #expect(refusal.status == 422 && refusal.code == "RV-001")
        }
        #expect(try member.dossier(id: id).review?.status == .draft)
        // The journal records the authenticated account, not what the client claimed.
        #expect(try h.pg.value("SELECT string_agg(DISTINCT actor, ',') FROM journal WHERE dossier_id = '\(id)' AND entity = 'review'") == "王组员")
        #expect(try h.pg.value("SELECT session FROM journal WHERE dossier_id = '\(id)' AND entity = 'review' LIMIT 1").hasPrefix("member/"))
    }
}
