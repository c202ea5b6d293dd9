import ArgumentParser
import Foundation
import FuheClient
import FuheCore
import FuheWire
import TermCore

/// `fuhe admin`: accounts, teams and unit ownership on a server, as a logged-in 管理员.
struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: tr("管理服务器的账号、组，以及哪个组负责哪些单位（仅管理员）。", "Manage a server's accounts, teams and which team owns which unit (管理员 only)."),
        subcommands: [UserGroup.self, TeamGroup.self, AssignCommand.self, AuditCommand.self])
}

struct UserGroup: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: tr("账号：add、set、list。", "Accounts: add, set, list."),
                                                    subcommands: [UserAdd.self, UserSet.self, UserList.self])
}

struct TeamGroup: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "team", abstract: tr("组：add、list。", "Teams: add, list."),
                                                    subcommands: [TeamAdd.self, TeamList.self])
}

private func parseRole(_ text: String) throws -> ServerRole {
    guard let role = ServerRole(parsing: text) else {
        throw ValidationError("--role \(text): one of admin/管理员, leader/组长, member/组员, inspector/核查员")
    }
    return role
}

/// Runs an admin request and reports the server's refusal as one line.
private func admin<T: Decodable>(_ server: ServerOptions, _ method: String, _ path: String, body: (some Encodable)? = Optional<Done>.none,
                                 query: [String: String] = [:], as type: T.Type = T.self) throws -> T {
    do { return try server.client().call(method, path, query: query, body: body) } catch let failure as CLIFailure { throw failure } catch {
        throw CLIFailure("\(error)")
    }
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: tr("添加账号（询问密码，或用 --password-stdin 读入）。", "Add an account (the password is asked, or read with --password-stdin)."))
    @OptionGroup var server: ServerOptions
    @Argument(help: ArgumentHelp(tr("账号名（字母、数字、. _ -）。", "Account name (letters, digits, . _ -)."))) var name: String
    @Option(help: ArgumentHelp(tr("显示名，日志中这样显示（如 王某）。", "Display name, as the journal shows it (e.g. 王某)."), valueName: "name")) var display: String
    @Option(help: ArgumentHelp("admin/管理员, leader/组长, member/组员, inspector/核查员.", valueName: "role")) var role: String
    @Option(help: ArgumentHelp(tr("账号所属的组；可重复。", "A team the account belongs to; repeatable."), valueName: "team")) var team: [String] = []
    @Flag(name: .customLong("password-stdin"), help: ArgumentHelp(tr("从标准输入读取密码。", "Read the password from standard input."))) var passwordStdin = false

    func run() throws {
        let role = try parseRole(role)
        let password = try Password.read(prompt: "\(name) 的密码：", fromStdin: passwordStdin, confirm: true)
        let _: Done = try admin(server, "POST", "/v1/admin/users", body: NewAccount(name: name, displayName: display, role: role, password: password, teams: team))
        print("已添加账号 \(name)（\(display)，\(role.label)）\(team.isEmpty ? "" : "，小组 " + team.joined(separator: "、"))")
    }
}

struct UserSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: tr("修改账号：角色、密码、组、停用。", "Change an account: role, password, teams, disabled."))
    @OptionGroup var server: ServerOptions
    @Argument(help: ArgumentHelp(tr("账号名。", "Account name."))) var name: String
    @Option(help: ArgumentHelp(tr("新角色。", "New role."), valueName: "role")) var role: String?
    @Flag(name: .customLong("new-password"), help: ArgumentHelp(tr("设置新密码（询问，或用 --password-stdin 从标准输入读入）。", "Set a new password (asked, or from standard input with --password-stdin)."))) var newPassword = false
    @Flag(name: .customLong("password-stdin"), help: ArgumentHelp(tr("从标准输入读取新密码。", "Read the new password from standard input."))) var passwordStdin = false
    @Flag(help: ArgumentHelp(tr("停用账号（其令牌立即作废）。", "Disable the account (its tokens end at once)."))) var disable = false
    @Flag(help: ArgumentHelp(tr("启用已停用的账号。", "Enable a disabled account."))) var enable = false
    @Option(name: .customLong("add-team"), help: ArgumentHelp(tr("加入一个组；可重复。", "Add to a team; repeatable."), valueName: "team")) var addTeam: [String] = []
    @Option(name: .customLong("remove-team"), help: ArgumentHelp(tr("退出一个组；可重复。", "Remove from a team; repeatable."), valueName: "team")) var removeTeam: [String] = []

    func run() throws {
        guard !(disable && enable) else { throw ValidationError("--disable or --enable, not both") }
        var change = AccountChange(role: try role.map(parseRole), disabled: disable ? true : enable ? false : nil, addTeams: addTeam, removeTeams: removeTeam)
        if newPassword { change.password = try Password.read(prompt: "\(name) 的新密码：", fromStdin: passwordStdin, confirm: true) }
        let _: Done = try admin(server, "POST", "/v1/admin/users/\(name)", body: change)
        print("已修改账号 \(name)")
    }
}

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: tr("全部账号及其角色和组。", "Every account with its role and teams."))
    @OptionGroup var server: ServerOptions

    func run() throws {
        let users: [AccountInfo] = try admin(server, "GET", "/v1/admin/users")
        let rows = users.map { [($0.name), ($0.displayName), $0.role.label,
                                ($0.teams.joined(separator: "、")), $0.disabled ? "停用" : ""] }
        print(table(["账号", "显示名", "角色", "小组", "状态"], rows: rows))
    }
}

struct TeamAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: tr("添加组。", "Add a team."))
    @OptionGroup var server: ServerOptions
    @Argument(help: ArgumentHelp(tr("组名。", "Team name."))) var name: String

    func run() throws {
        let _: Done = try admin(server, "POST", "/v1/admin/teams", body: TeamInfo(name: name))
        print("已添加小组 \(name)")
    }
}

struct TeamList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: tr("全部组及其成员和单位数。", "Every team with its members and number of units."))
    @OptionGroup var server: ServerOptions

    func run() throws {
        let teams: [TeamInfo] = try admin(server, "GET", "/v1/admin/teams")
        print(table(["小组", "单位数", "成员"], rows: teams.map { [($0.name), "\($0.units)", ($0.members.joined(separator: "、"))] }))
    }
}

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: tr("把单位（档案编号）交给一个组：只有组员能看到和编辑。", "Hand units (dossier ids) to a team: only its members see and edit them."))
    @OptionGroup var server: ServerOptions
    @Option(help: ArgumentHelp(tr("组。", "The team."), valueName: "team")) var team: String
    @Argument(help: ArgumentHelp(tr("档案编号。", "Dossier ids."))) var dossiers: [String]

    func run() throws {
        guard !dossiers.isEmpty else { throw ValidationError(tr("请至少给出一个档案编号", "name at least one dossier id")) }
        let answer: BatchAnswer = try admin(server, "POST", "/v1/admin/assign", body: Assignment(team: team, dossierIDs: dossiers))
        print("已将 \(answer.batch ?? 0) 个单位交给小组 \(team)")
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: tr("审计日志：登录、账号和组的变动，最新的在前。", "The audit log: logins, account and team changes, newest first."))
    @OptionGroup var server: ServerOptions
    @Option(help: ArgumentHelp(tr("显示多少行。", "How many lines."), valueName: "n")) var limit = 50

    func run() throws {
        let lines: [AuditLine] = try admin(server, "GET", "/v1/admin/audit", query: ["limit": "\(limit)"])
        print(table(["时间", "账号", "操作", "内容"], rows: lines.map {
            [String($0.at.prefix(19)).replacingOccurrences(of: "T", with: " "), ($0.actor), $0.action, ($0.detail)]
        }))
    }
}

/// An aligned table of cells (TextTable cleans control characters out of every cell).
private func table(_ headers: [String], rows: [[String]]) -> String {
    var t = TextTable(columns: headers.map { TextTable.Column($0) })
    for row in rows { t.addRow(row.map(visible)) }
    return t.render()
}

/// The text with control characters (which a terminal would act on) shown as "�".
func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "\u{FFFD}" : $0 }))
}
