import Foundation
import FuheCore
import FuheUI
import FuheWire
import Synchronization

/// The server as the workstation's repository (`fuhe --server URL`): the same protocol as the
/// local store. Each call is one request; an edit carries what it was based on as stored text
/// (`SeenEntities`) and the server compares and sets. Templates and grade schemes are kept once
/// read. `storeVersion()` never asks the server: it moves when the change listener hears of a
/// commit (pushed by the server's long-poll), so polling it costs nothing.
public final class RemoteRepository: ReviewRepository, @unchecked Sendable {
    public let client: ServerClient
    public let session: String
    private let templates = Mutex<[String: IndicatorTemplate]>([:])
    private let schemes = Mutex<[String: GradeScheme]?>(nil)
    private let version = Mutex<Int64>(0)

    /// `account` is the logged-in account's name: the session id is `account/uuid`, as the
    /// server records it, so that this session's own batches are told apart in the feed.
    public init(client: ServerClient, account: String? = nil, session: String = UUID().uuidString.lowercased()) {
        self.client = client
        self.session = account.map { "\($0)/\(session)" } ?? session
    }

    /// Who the token belongs to.
    public func me() throws -> AccountInfo { try client.call("GET", "/v1/me") }

    public func unitList(today: CalendarDay?, filter: UnitFilter) throws -> [UnitSummary] {
        try unitPage(today: today, filter: filter).units.map(\.summary)
    }

    func unitPage(today: CalendarDay?, filter: UnitFilter) throws -> UnitList {
        var q: [String: String] = [:]
        if let today { q["today"] = today.description }
        if let t = filter.evalType { q["evalType"] = t.rawValue }
        if let s = filter.reviewStatus { q["reviewStatus"] = s.rawValue }
        if filter.flaggedOnly { q["flagged"] = "1" }
        if filter.overdueOnly { q["overdue"] = "1" }
        return try client.call("GET", "/v1/units", query: q, retryFor: Self.patience)
    }

    public func unitSummary(dossierID: String, today: CalendarDay?) throws -> UnitSummary? {
        let units: [WireUnit] = try client.call("GET", "/v1/units/\(Self.escape(dossierID))", query: today.map { ["today": $0.description] } ?? [:])
        return units.first?.summary
    }

    public func dossier(id: String) throws -> Dossier {
        let wire: WireDossier = try client.call("GET", "/v1/dossiers/\(Self.escape(id))", retryFor: Self.patience)
        return wire.dossier(template: try template(wire.templateID))
    }

    public func template(_ id: String) throws -> IndicatorTemplate {
        if let hit = templates.withLock({ $0[id] }) { return hit }
        let t: IndicatorTemplate = try client.call("GET", "/v1/templates/\(Self.escape(id))")
        templates.withLock { $0[id] = t }
        return t
    }

    public func gradeSchemes() throws -> [String: GradeScheme] {
        if let hit = schemes.withLock({ $0 }) { return hit }
        let list: [GradeScheme] = try client.call("GET", "/v1/schemes")
        let all = Dictionary(list.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        schemes.withLock { $0 = all }
        return all
    }

    public func apply(_ changes: [StoreChange], to dossierID: String, base: ChangeBase, actor: String, reason: String?, origin: String) throws -> Int64? {
        guard let seen = base.seenEntities(for: changes, dossierID: dossierID) else {
            throw ServerRefusal(status: 400, code: "bad-request", message: "服务器不接受无条件写入（此操作只在本地库可用）")
        }
        let request = ApplyRequest(changes: changes.map { WireChange($0, dossierID: dossierID) }, seen: WireSeen(seen), reason: reason,
                                   origin: origin, session: session)
        let answer: BatchAnswer = try client.call("POST", "/v1/dossiers/\(Self.escape(dossierID))/apply", body: request, retryFor: Self.patience)
        return answer.batch
    }

    public func revert(batch: Int64, actor: String) throws -> Int64? {
        let answer: BatchAnswer = try client.call("POST", "/v1/revert", body: RevertRequest(batch: batch, session: session))
        return answer.batch
    }

    public func storeVersion() throws -> StoreVersion { StoreVersion(version.withLock { $0 }) }

    /// The listener heard of a commit: `storeVersion()` moves.
    public func noteCommit() { version.withLock { $0 += 1 } }

    public func journalHead() throws -> JournalPosition {
        let answer: BatchAnswer = try client.call("GET", "/v1/head")
        return JournalPosition(answer.batch ?? 0)
    }

    public func changes(since position: JournalPosition, limit: Int) throws -> ChangeFeed {
        try changes(since: position, limit: limit, wait: 0)
    }

    /// The feed after `position`; with `wait` > 0 the server holds the request until something is
    /// committed (or `wait` seconds pass).
    public func changes(since position: JournalPosition, limit: Int, wait: Int) throws -> ChangeFeed {
        let answer: WireFeed = try client.call("GET", "/v1/changes", query: ["since": "\(position.seq)", "limit": "\(limit)", "wait": "\(wait)"],
                                               timeout: TimeInterval(wait + 15))
        return answer.feed
    }

    public func history(dossierID: String, entity: String?, entityID: String?) throws -> [JournalEntry] {
        var q = ["dossier": dossierID]
        if let entity { q["entity"] = entity }
        if let entityID { q["entityID"] = entityID }
        let answer: WireEntries = try client.call("GET", "/v1/history", query: q)
        return answer.entries.map(\.entry)
    }

    public func leasedUnits() throws -> [String: String] {
        try unitPage(today: nil, filter: .all).leased
    }

    /// How long a request that is safe to repeat waits for a server that went away (restarting).
    static let patience: TimeInterval = 30

    static func escape(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~"))) ?? id
    }
}
