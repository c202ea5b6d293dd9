import ArgumentParser
import Foundation
import FuheApp
import FuheCore
import FuheServer
import FuheWire
import Logging

/// `fuhe serve`: the main store in PostgreSQL behind an HTTP API (docs/server.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: tr("把 PostgreSQL 中的库提供给工作台（fuhe --server URL）；见 docs/server.md。", "Serve a store in PostgreSQL to workstations (fuhe --server URL); see docs/server.md."),
        discussion: tr("""
            数据库 URL 也可以来自 $FUHE_DB（密码不会出现在 ps 中）。启动时运行数据库迁移。\
            新的空数据库先用 --init 建立：它建立数据库结构和管理员，然后退出。
            """, """
            The database URL may also come from $FUHE_DB (keeps its password out of ps). Migrations run on start. \
            First set up a new, empty database with --init, which creates the schema and the administrator, then exits.
            """))

    @Option(name: .long, help: ArgumentHelp(tr("postgres://OWNER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…]（默认 $FUHE_DB）。", "postgres://OWNER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…] (default $FUHE_DB)."), valueName: "url"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(tr("监听地址 HOST:PORT（端口 0：任一空闲端口，会打印出来）。", "Where to listen, HOST:PORT (port 0: any free port, printed)."), valueName: "addr"))
    var listen = "127.0.0.1:8088"

    @Option(name: .customLong("app-role"), help: ArgumentHelp(tr("请求以哪个 PostgreSQL 角色运行（行级安全作用于它）。", "The PostgreSQL role requests run as (row-level security applies to it)."), valueName: "role"))
    var appRole = "fuhe_app"

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp(tr("PEM 证书链：提供 HTTPS（与 --tls-key 一起）。", "PEM certificate chain: serve HTTPS (with --tls-key)."), valueName: "file"))
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp(tr("--tls-cert 的 PEM 私钥。", "PEM private key for --tls-cert."), valueName: "file"))
    var tlsKey: String?

    @Option(name: .customLong("token-hours"), help: ArgumentHelp(tr("一次登录的有效时长。", "How long a login lasts."), valueName: "hours"))
    var tokenHours = 12.0

    @Option(name: .customLong("pool"), help: ArgumentHelp(tr("数据库连接数上限。", "Database connections at most."), valueName: "n"))
    var pool = 40

    @Flag(name: .customLong("init"), help: ArgumentHelp(tr("建立数据库结构和第一个管理员（--admin），然后退出。", "Create the schema and the first administrator (--admin), then exit.")))
    var initialize = false

    @Option(name: .long, help: ArgumentHelp(tr("与 --init 一起：管理员的账号名。", "With --init: the administrator's account name."), valueName: "name"))
    var admin: String?

    @Option(name: .customLong("admin-display"), help: ArgumentHelp(tr("与 --init 一起：管理员的显示名（默认为账号名）。", "With --init: the administrator's display name (default: the account name)."), valueName: "name"))
    var adminDisplay: String?

    @Flag(name: .customLong("password-stdin"), help: ArgumentHelp(tr("与 --init 一起：从标准输入读取管理员密码。", "With --init: read the administrator's password from standard input.")))
    var passwordStdin = false

    @Flag(name: .long, help: ArgumentHelp(tr("只记录警告和错误（不记每个请求）。", "Log only warnings and errors (not every request).")))
    var quiet = false

    func run() throws {
        guard let text = db ?? ProcessInfo.processInfo.environment["FUHE_DB"], !text.isEmpty else {
            throw ValidationError(tr("请用 --db postgres://…（或 $FUHE_DB）指明数据库", "say which database with --db postgres://… (or $FUHE_DB)"))
        }
        let url: PostgresURL
        do { url = try PostgresURL(text) } catch { throw CLIFailure("\(error)") }
        guard appRole.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil else {
            throw ValidationError("--app-role: a lower-case PostgreSQL role name")
        }
        let database = try ServerDatabase(url: url, appRole: appRole, maxConnections: pool)
        if initialize { return try setUp(database) }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
        let (host, port) = try Self.address(listen)
        let store = ServerStore(db: database)
        let api = FuheAPI(store: store, accounts: Accounts(db: database, tokenLifetime: tokenHours * 3600))
        let options = FuheAPI.Options(host: host, port: port, certificate: tlsCert, privateKey: tlsKey, logLevel: quiet ? .warning : .info)
        do {
            try waitFor {
                try await api.run(options) { address in
                    FileHandle.standardOutput.write(Data("fuhe serve: listening on \(address) — database \(url)\n".utf8))
                }
            }
        } catch { throw CLIFailure("fuhe serve: \(error)") }
    }

    private func setUp(_ database: ServerDatabase) throws {
        guard let admin, !admin.isEmpty else { throw ValidationError("--init needs --admin NAME (the first administrator)") }
        let password = try Password.read(prompt: "管理员 \(admin) 的密码：", fromStdin: passwordStdin, confirm: true)
        let account = NewAccount(name: admin, displayName: adminDisplay ?? admin, role: .admin, password: password, teams: [])
        let templates = try BundledData.templates(), schemes = try BundledData.gradeSchemes()
        do {
            try waitFor { try await database.using { db in try await ServerSetup.initialize(db, admin: account, templates: templates, schemes: schemes) } }
        } catch { throw CLIFailure("fuhe serve --init: \(error)") }
        print("已初始化 \(database.url)：管理员 \(admin)；请求以角色 \(appRole) 运行（行级安全）")
        print("启动服务：fuhe serve --db … --listen HOST:PORT；然后 fuhe login --server URL --user \(admin)")
    }

    static func address(_ text: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--listen \(text): use HOST:PORT, e.g. 127.0.0.1:8088")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }
}
