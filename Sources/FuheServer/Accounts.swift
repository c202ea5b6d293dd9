import Foundation
import FuheCore
import FuheWire
import HummingbirdBcrypt
import Logging
import PostgresNIO

/// Accounts, teams and tokens. Passwords are kept as bcrypt hashes; a token is 32 random bytes
/// shown once to the client, and only its SHA-256 digest is stored. Nothing here is journalled or
/// logged with a secret in it; account changes go to the `audit` table.
public struct Accounts: Sendable {
    let db: ServerDatabase
    /// How long a token lasts.
    public var tokenLifetime: TimeInterval
    /// bcrypt cost (2^cost rounds).
    var cost: UInt8 = 10

    public init(db: ServerDatabase, tokenLifetime: TimeInterval = 12 * 3600) {
        self.db = db
        self.tokenLifetime = tokenLifetime
    }

    // MARK: login and tokens

    /// A new token for a correct name and password; the same refusal for an unknown name and a
    /// wrong password (and the same bcrypt work, so timing does not tell them apart).
    public func login(name: String, password: String) async throws -> LoginAnswer {
        let row = try await db.asOwner { conn in
            try await conn.rows("SELECT id, password_hash, disabled FROM account WHERE name = \(name)", db.logger).first
                .map { try $0.decode((Int, String, Bool).self) }
        }
        let hash = row?.1 ?? "$2b$10$0000000000000000000000000000000000000000000000000000."
        let ok = await Self.offPool { Bcrypt.verify(password, hash: hash) }
        guard let (id, _, disabled) = row, ok else {
            try await audit(actor: name, action: "login-failed", detail: "")
            throw ServerError.unauthenticated("用户名或密码不正确")
        }
        guard !disabled else { throw ServerError.unauthenticated("账号 \(name) 已停用，请联系管理员") }
        let token = Self.newToken()
        let expires = Date().addingTimeInterval(tokenLifetime)
        try await db.asOwner { conn in
            try await conn.run("INSERT INTO token(digest, account_id, expires_at) VALUES (\(Self.digest(token)), \(id), \(expires))", db.logger)
            try await conn.run("DELETE FROM token WHERE expires_at < now() - interval '7 days'", db.logger)
            try await conn.run("INSERT INTO audit(actor, action, detail) VALUES (\(name), 'login', '')", db.logger)
        }
        guard let access = try await access(token: token) else { throw ServerError.unauthenticated("登录失败") }
        return LoginAnswer(token: token, expiresAt: JournalTime.format(expires), account: access.info)
    }

    /// The account a bearer token belongs to, if it is known, not expired, not revoked and the
    /// account is not disabled.
    public func access(token: String) async throws -> Access? {
        guard token.hasPrefix("fuhe_"), token.count < 200 else { return nil }
        return try await db.asOwner { conn in
            guard let row = try await conn.rows("""
                SELECT a.id, a.name, a.display_name, a.role,
                       ARRAY(SELECT m.team_id FROM team_member m WHERE m.account_id = a.id ORDER BY m.team_id),
                       ARRAY(SELECT t2.name FROM team_member m JOIN team t2 ON t2.id = m.team_id WHERE m.account_id = a.id ORDER BY m.team_id)
                FROM token t JOIN account a ON a.id = t.account_id
                WHERE t.digest = \(Self.digest(token)) AND NOT t.revoked AND t.expires_at > now() AND NOT a.disabled
                """, db.logger).first else { return nil }
            let (id, name, display, role, teamIDs, teamNames) = try row.decode((Int, String, String, String, [Int], [String]).self)
            let allTeams = role == ServerRole.admin.rawValue
                ? try await conn.rows("SELECT id, name FROM team ORDER BY id", db.logger).map { try $0.decode((Int, String).self) }
                : Array(zip(teamIDs, teamNames))
            return Access(accountID: id, name: name, displayName: display, role: ServerRole(rawValue: role) ?? .member,
                          teamIDs: allTeams.map(\.0), teamNames: allTeams.map(\.1))
        }
    }

    /// Ends a token (logout).
    public func revoke(token: String) async throws {
        try await db.asOwner { conn in try await conn.run("UPDATE token SET revoked = true WHERE digest = \(Self.digest(token))", db.logger) }
    }

    /// Runs CPU-heavy work (bcrypt: tens of milliseconds on purpose) on a dispatch thread, so it
    /// never holds one of the few threads every request shares.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }

    static func newToken() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let b64 = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "fuhe_" + b64
    }

    static func digest(_ token: String) -> String { SHA256.hex(Array(token.utf8)) }

    // MARK: administration

    /// Creates an account (with its teams, which must exist).
    public func create(_ new: NewAccount, by admin: String) async throws {
        try Self.checkName(new.name)
        guard !new.displayName.trimmingCharacters(in: .whitespaces).isEmpty, new.displayName.count <= 32,
              !new.displayName.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ServerError.badRequest("显示名不能为空，不超过 32 个字，不含控制字符")
        }
        try Self.checkPassword(new.password)
        let cost = self.cost
        let hash = await Self.offPool { Bcrypt.hash(new.password, cost: cost) }
        try await db.asOwner { conn in
            if try await conn.rows("SELECT 1 FROM account WHERE name = \(new.name) OR display_name = \(new.displayName)", db.logger).first != nil {
                throw ServerError.conflict("账号 \(new.name) 或显示名 \(new.displayName) 已存在")
            }
            let id = try await conn.rows("""
                INSERT INTO account(name, display_name, role, password_hash) VALUES (\(new.name), \(new.displayName), \(new.role.rawValue), \(hash))
                RETURNING id
                """, db.logger).first!.decode(Int.self)
            for team in new.teams { try await addMember(id, team: team, conn) }
            try await conn.run("INSERT INTO audit(actor, action, detail) VALUES (\(admin), 'user-add', \("\(new.name) \(new.role.rawValue) \(new.teams.joined(separator: ","))"))", db.logger)
        }
    }

    /// Changes an account's role, password, teams or whether it is disabled. A new password or
    /// disabling ends every token of the account.
    public func change(_ name: String, _ change: AccountChange, by admin: String) async throws {
        if let password = change.password { try Self.checkPassword(password) }
        let cost = self.cost
        var computed: String?
        if let password = change.password { computed = await Self.offPool { Bcrypt.hash(password, cost: cost) } }
        let hash = computed
        try await db.asOwner { conn in
            guard let id = try await conn.rows("SELECT id FROM account WHERE name = \(name) FOR UPDATE", db.logger).first?.decode(Int.self) else {
                throw ServerError.notFound("没有账号 \(name)")
            }
            if let role = change.role { try await conn.run("UPDATE account SET role = \(role.rawValue) WHERE id = \(id)", db.logger) }
            if let hash { try await conn.run("UPDATE account SET password_hash = \(hash) WHERE id = \(id)", db.logger) }
            if let disabled = change.disabled { try await conn.run("UPDATE account SET disabled = \(disabled) WHERE id = \(id)", db.logger) }
            if hash != nil || change.disabled == true || change.role != nil {
                try await conn.run("UPDATE token SET revoked = true WHERE account_id = \(id)", db.logger)
            }
            for team in change.addTeams { try await addMember(id, team: team, conn) }
            for team in change.removeTeams {
                try await conn.run("DELETE FROM team_member WHERE account_id = \(id) AND team_id = (SELECT id FROM team WHERE name = \(team))", db.logger)
            }
            var what: [String] = []
            if let r = change.role { what.append("role=\(r.rawValue)") }
            if change.password != nil { what.append("password") }
            if let d = change.disabled { what.append(d ? "disabled" : "enabled") }
            if !change.addTeams.isEmpty { what.append("+" + change.addTeams.joined(separator: ",")) }
            if !change.removeTeams.isEmpty { what.append("-" + change.removeTeams.joined(separator: ",")) }
            try await conn.run("INSERT INTO audit(actor, action, detail) VALUES (\(admin), 'user-change', \("\(name) \(what.joined(separator: " "))"))", db.logger)
        }
    }

    private func addMember(_ account: Int, team: String, _ conn: PostgresConnection) async throws {
        guard let teamID = try await conn.rows("SELECT id FROM team WHERE name = \(team)", db.logger).first?.decode(Int.self) else {
            throw ServerError.notFound("没有小组 \(team)（先用 fuhe admin team add 建立）")
        }
        try await conn.run("INSERT INTO team_member(team_id, account_id) VALUES (\(teamID), \(account)) ON CONFLICT DO NOTHING", db.logger)
    }

    /// Every account with its teams.
    public func list() async throws -> [AccountInfo] {
        try await db.asOwner { conn in
            try await conn.rows("""
                SELECT a.name, a.display_name, a.role, a.disabled,
                       ARRAY(SELECT t.name FROM team_member m JOIN team t ON t.id = m.team_id WHERE m.account_id = a.id ORDER BY t.name)
                FROM account a ORDER BY a.name
                """, db.logger).map { row in
                let (name, display, role, disabled, teams) = try row.decode((String, String, String, Bool, [String]).self)
                return AccountInfo(name: name, displayName: display, role: ServerRole(rawValue: role) ?? .member, teams: teams, disabled: disabled)
            }
        }
    }

    /// Creates a team.
    public func createTeam(_ name: String, by admin: String) async throws {
        let clean = name.trimmingCharacters(in: .whitespaces)
        guard !clean.isEmpty, clean.count <= 64, !clean.contains(where: { $0 == "," }),
              !clean.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ServerError.badRequest("小组名不能为空，不超过 64 个字，不含逗号或换行")
        }
        try await db.asOwner { conn in
            if try await conn.rows("SELECT 1 FROM team WHERE name = \(clean)", db.logger).first != nil {
                throw ServerError.conflict("小组 \(clean) 已存在")
            }
            try await conn.run("INSERT INTO team(name) VALUES (\(clean))", db.logger)
            try await conn.run("INSERT INTO audit(actor, action, detail) VALUES (\(admin), 'team-add', \(clean))", db.logger)
        }
    }

    /// Every team with its members and number of units.
    public func teams() async throws -> [TeamInfo] {
        try await db.asOwner { conn in
            try await conn.rows("""
                SELECT t.name, ARRAY(SELECT a.name FROM team_member m JOIN account a ON a.id = m.account_id WHERE m.team_id = t.id ORDER BY a.name),
                       (SELECT count(*) FROM dossier d WHERE d.team_id = t.id)
                FROM team t ORDER BY t.name
                """, db.logger).map { row in
                let (name, members, units) = try row.decode((String, [String], Int).self)
                return TeamInfo(name: name, members: members, units: units)
            }
        }
    }

    func audit(actor: String, action: String, detail: String) async throws {
        try await db.asOwner { conn in
            try await conn.run("INSERT INTO audit(actor, action, detail) VALUES (\(actor), \(action), \(detail))", db.logger)
        }
    }

    static func checkName(_ name: String) throws {
        guard (1...64).contains(name.count), name.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
            throw ServerError.badRequest("账号名须为 1–64 个字母、数字或 . _ -")
        }
    }

    static func checkPassword(_ password: String) throws {
        guard password.count >= 8 else { throw ServerError.badRequest("密码至少 8 个字符") }
        guard password.utf8.count <= 72 else { throw ServerError.badRequest("密码不能超过 72 字节（bcrypt 的上限）") }
    }
}
