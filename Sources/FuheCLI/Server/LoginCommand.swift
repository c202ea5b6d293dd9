import ArgumentParser
import Foundation
import FuheClient
import FuheCore
import FuheWire

/// `fuhe login`: proves who you are to a server and keeps the token it gives (0600 file under
/// $XDG_STATE_HOME/fuhe/); `fuhe logout` ends it.
struct LoginCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login", abstract: tr("登录 Fuhe 服务器；令牌保存在 $XDG_STATE_HOME/fuhe/tokens.json（权限 0600）。", "Log in to a Fuhe server; the token is kept in $XDG_STATE_HOME/fuhe/tokens.json (mode 0600)."))

    @OptionGroup var server: ServerOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(tr("你的账号名。", "Your account name."), valueName: "name"))
    var user: String

    @Flag(name: .customLong("password-stdin"), help: ArgumentHelp(tr("从标准输入读取密码，不询问。", "Read the password from standard input instead of asking.")))
    var passwordStdin = false

    func run() throws {
        let url = try server.url()
        let password = try Password.read(prompt: "\(user) 的密码：", fromStdin: passwordStdin)
        let client = ServerClient(base: url, token: nil)
        let answer: LoginAnswer
        do { answer = try client.call("POST", "/v1/login", body: LoginRequest(name: user, password: password)) } catch {
            throw CLIFailure("\(error)")
        }
        let tokens = TokenFile()
        try tokens.store(TokenFile.Entry(token: answer.token, name: answer.account.name, expiresAt: answer.expiresAt), for: url)
        let a = answer.account
        print("已登录 \(TokenFile.key(url))：\(a.displayName)（\(a.role.label)），小组 \(a.teams.isEmpty ? "无" : a.teams.joined(separator: "、"))；有效至 \(answer.expiresAt.prefix(16).replacingOccurrences(of: "T", with: " "))")
        print("令牌保存在 \(tokens.path)")
    }
}

struct LogoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: tr("作废为某服务器保存的令牌。", "End the token kept for a server."))

    @OptionGroup var server: ServerOptions

    func run() throws {
        let url = try server.url()
        let tokens = TokenFile()
        if let entry = tokens.token(for: url) {
            let _: Done? = try? ServerClient(base: url, token: entry.token).call("POST", "/v1/logout")
        }
        try tokens.store(nil, for: url)
        print("已退出 \(TokenFile.key(url))")
    }
}
