import FuheCore

/// The server's API version, sent in every path (`/v1/…`).
public enum WireVersion { public static let path = "/v1" }

/// A user's role on the server (docs/server.md has what each may do; `ServerRole` in FuheCore is
/// the rule).
public typealias Role = ServerRole

/// `POST /v1/login`.
public struct LoginRequest: Codable, Sendable {
    public var name: String
    public var password: String
    public init(name: String, password: String) { self.name = name; self.password = password }
}

/// The answer to a login: the bearer token (shown once, stored by the client in a 0600 file).
public struct LoginAnswer: Codable, Sendable {
    public var token: String
    /// ISO 8601.
    public var expiresAt: String
    public var account: AccountInfo
    public init(token: String, expiresAt: String, account: AccountInfo) { self.token = token; self.expiresAt = expiresAt; self.account = account }
}

/// Who the token belongs to (`GET /v1/me`): name, role, teams.
public struct AccountInfo: Codable, Sendable, Hashable {
    public var name: String
    public var displayName: String
    public var role: ServerRole
    public var teams: [String]
    public var disabled: Bool
    public init(name: String, displayName: String, role: ServerRole, teams: [String], disabled: Bool = false) {
        self.name = name; self.displayName = displayName; self.role = role; self.teams = teams; self.disabled = disabled
    }
}

/// `POST /v1/admin/users`: a new account (or a password reset with `PUT`).
public struct NewAccount: Codable, Sendable {
    public var name: String
    public var displayName: String
    public var role: ServerRole
    public var password: String
    public var teams: [String]
    public init(name: String, displayName: String, role: ServerRole, password: String, teams: [String]) {
        self.name = name; self.displayName = displayName; self.role = role; self.password = password; self.teams = teams
    }
}

/// `POST /v1/admin/users/NAME`: what changes about an account (nil: unchanged).
public struct AccountChange: Codable, Sendable {
    public var role: ServerRole?
    public var password: String?
    public var disabled: Bool?
    public var addTeams: [String]
    public var removeTeams: [String]
    public init(role: ServerRole? = nil, password: String? = nil, disabled: Bool? = nil, addTeams: [String] = [], removeTeams: [String] = []) {
        self.role = role; self.password = password; self.disabled = disabled; self.addTeams = addTeams; self.removeTeams = removeTeams
    }
}

/// `POST /v1/admin/teams` and the team list.
public struct TeamInfo: Codable, Sendable, Hashable {
    public var name: String
    public var members: [String]
    public var units: Int
    public init(name: String, members: [String] = [], units: Int = 0) { self.name = name; self.members = members; self.units = units }
}

/// `POST /v1/admin/assign`: units (dossier ids) handed to a team.
public struct Assignment: Codable, Sendable {
    public var team: String
    public var dossierIDs: [String]
    public init(team: String, dossierIDs: [String]) { self.team = team; self.dossierIDs = dossierIDs }
}

/// Every refusal's body: a code, one sentence, and for a stale write the fields concerned.
public struct WireError: Codable, Sendable, Error, CustomStringConvertible {
    /// `auth`, `forbidden`, `not-found`, `bad-request`, `too-large`, `stale`, `undo`, `rule`, `conflict`, `server`,
    /// or a rule code such as `RV-001`.
    public var code: String
    public var message: String
    public var stale: WireStale?
    public var undo: WireUndoRefusal?
    public init(code: String, message: String, stale: WireStale? = nil, undo: WireUndoRefusal? = nil) {
        self.code = code; self.message = message; self.stale = stale; self.undo = undo
    }
    public var description: String { message }
}

/// One line of the audit log (`GET /v1/admin/audit`): logins, account and team changes.
public struct AuditLine: Codable, Sendable, Hashable {
    public var at: String, actor: String, action: String, detail: String
    public init(at: String, actor: String, action: String, detail: String) { self.at = at; self.actor = actor; self.action = action; self.detail = detail }
}
