import FuheCore
import FuheWire

/// The authenticated account of a request: who, in which role, in which teams. Every query of the
/// request is scoped to `teamIDs` (by the server, and by row-level security).
public struct Access: Sendable, Hashable {
    public var accountID: Int
    /// Login name.
    public var name: String
    /// The name the journal records (王某).
    public var displayName: String
    public var role: ServerRole
    public var teamIDs: [Int]
    public var teamNames: [String]

    /// As the lifecycle rules see the account.
    public var actor: Actor { role.actor(name: displayName) }

    public var info: AccountInfo { AccountInfo(name: name, displayName: displayName, role: role, teams: teamNames) }

    /// Refuses the action when the role may not do it.
    func require(_ action: ServerAction) throws {
        if let refusal = role.refusal(action, name: displayName) { throw ServerError.forbidden(refusal) }
    }

    /// A session id that belongs to this account whatever the client says (undo reverts only
    /// its own session's batches).
    /// The client may send it already in this form (`name/id`), as `RemoteRepository` does so
    /// that it can tell its own batches in the feed.
    func session(_ client: String) -> String {
        let own = client.hasPrefix(name + "/") ? String(client.dropFirst(name.count + 1)) : client
        let clean = String(own.filter { $0.isLetter || $0.isNumber || $0 == "-" }.prefix(64))
        return "\(name)/\(clean.isEmpty ? "-" : clean)"
    }
}
