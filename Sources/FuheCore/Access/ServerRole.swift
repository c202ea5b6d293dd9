/// A person's role on a Fuhe server (`fuhe serve`): what their account may do there. The rule for
/// each action is `ServerRole.may(_:)`; the workstation's lifecycle rules (`ReviewLifecycle`,
/// `RectLifecycle`) see the account as an `Actor` with the matching team role.
public enum ServerRole: String, Codable, Sendable, CaseIterable {
    /// 管理员: accounts, teams, which team owns which unit, uploads; reads every team's units, edits none.
    case admin
    /// 组长: the team's reviews to the end (return, finalize, reopen), checkouts and merges, leases.
    case leader
    /// 组员: reviews and rectification items of the team's units; cannot return, finalize or reopen.
    case member
    /// 核查员: on-site inspection: edits like a 组员, and takes units out as offline copies and merges them back.
    case inspector

    public var label: String {
        switch self {
        case .admin: "管理员"
        case .leader: "组长"
        case .member: "组员"
        case .inspector: "核查员"
        }
    }

    /// A role from its name or its Chinese label ("leader", "组长").
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let role = Self.allCases.first(where: { $0.rawValue == t || $0.label == t }) else { return nil }
        self = role
    }

    /// The account as the lifecycle rules see it: 组长 is the team's leader; 组员 and 核查员 are
    /// members; an administrator is outside every review team.
    public func actor(name: String) -> Actor {
        switch self {
        case .admin: Actor(name: name, role: nil)
        case .leader: Actor(name: name, role: .leader)
        case .member, .inspector: Actor(name: name, role: .member)
        }
    }

    /// Whether the role may do `action` at all (a write is further checked by `AccessRules`).
    public func may(_ action: ServerAction) -> Bool {
        switch action {
        case .read: true
        case .readAllTeams, .manageAccounts: self == .admin
        case .edit: self != .admin
        case .checkout, .merge: self == .leader || self == .inspector
        case .releaseLease: self == .leader
        case .push: self == .admin || self == .leader
        case .pull: true
        }
    }

    /// The refusal when the role may not do `action` (nil when it may).
    public func refusal(_ action: ServerAction, name: String) -> String? {
        may(action) ? nil : "\(name)（\(label)）无权\(action.label)：\(action.allowedText)"
    }
}

/// What a server account does, as its role's rule knows it.
public enum ServerAction: String, Sendable, CaseIterable {
    case read, readAllTeams, edit, checkout, merge, releaseLease, push, pull, manageAccounts

    public var label: String {
        switch self {
        case .read: "查看本组单位"
        case .readAllTeams: "查看所有组的单位"
        case .edit: "修改复核与整改"
        case .checkout: "借出离线副本"
        case .merge: "合并离线副本"
        case .releaseLease: "放弃借出"
        case .push: "上传本地库"
        case .pull: "下载本组单位"
        case .manageAccounts: "管理账号和小组"
        }
    }

    /// Who may, in words.
    public var allowedText: String {
        let roles = ServerRole.allCases.filter { $0.may(self) }.map(\.label)
        return "仅\(roles.joined(separator: "、"))可以"
    }
}
