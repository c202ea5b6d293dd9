import Foundation
import FuheClient
import FuheTestSupport
import Testing

/// A real `fuhe serve` on loopback over a fresh test database, set up as an administrator would:
/// teams 甲组 and 乙组, a 组长, a 组员 and a 核查员 in 甲组, a 组员 in 乙组, and the bundled samples
/// pushed into 甲组 with one unit handed to 乙组. Each user has their own token file.
final class ServerHarness: @unchecked Sendable {
    let pg: TestPostgres
    let directory: URL
    let fuhe: String
    let port: Int
    var url: String { "http://127.0.0.1:\(port)" }
    private var server: Process?

    static let password = "correct horse 1"
    /// Accounts: name → (display, role, team).
    static let users: [(name: String, display: String, role: String, team: String)] = [
        ("leader", "李组长", "leader", "甲组"), ("member", "王组员", "member", "甲组"),
        ("inspector", "赵核查", "inspector", "甲组"), ("outsider", "孙乙组", "member", "乙组"),
    ]

    init(seed: Bool = true) throws {
        pg = try TestPostgres()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        fuhe = try #require(BuiltProducts.executable("fuhe")).path
        port = try Self.freePort()
        let initialized = try run(["serve", "--init", "--db", pg.url, "--app-role", pg.appRole, "--admin", "root", "--admin-display", "管理员甲",
                                   "--password-stdin"], stdin: Self.password + "\n", as: nil)
        guard initialized.status == 0 else { throw TestPostgres.Missing(description: "serve --init failed: \(initialized.stderr)") }
        try start()
        if seed { try self.seed() }
    }

    /// Creates the teams and accounts and pushes the samples.
    func seed() throws {
        try ok(run(["login", "--server", url, "--user", "root", "--password-stdin"], stdin: Self.password + "\n", as: "root"))
        for team in ["甲组", "乙组"] { try ok(run(["admin", "team", "add", team, "--server", url], as: "root")) }
        for u in Self.users {
            try ok(run(["admin", "user", "add", u.name, "--display", u.display, "--role", u.role, "--team", u.team, "--server", url,
                        "--password-stdin"], stdin: Self.password + "\n", as: "root"))
            try ok(run(["login", "--server", url, "--user", u.name, "--password-stdin"], stdin: Self.password + "\n", as: u.name))
        }
        let local = directory.appendingPathComponent("local.sqlite").path
        try ok(run(["import", "--store", local, "--samples"], as: nil))
        try ok(run(["push", "--server", url, "--store", local, "--team", "甲组"], as: "leader"))
        try ok(run(["admin", "assign", "--team", "乙组", Self.otherTeamUnit, "--server", url], as: "root"))
    }

    /// The sample unit that belongs to 乙组.
    static let otherTeamUnit = "SE-JH-2021"

    /// Starts (or restarts) the server on the harness's port. Its output goes to a file, not a
    /// pipe: a pipe must be drained by a thread of this process, and when the test process's
    /// threads were all busy a server could block writing a log line (no request answered).
    func start() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: fuhe)
        p.arguments = ["serve", "--db", pg.url, "--app-role", pg.appRole, "--listen", "127.0.0.1:\(port)"]
        p.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        if !FileManager.default.fileExists(atPath: logPath) { _ = FileManager.default.createFile(atPath: logPath, contents: nil) }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        defer { try? out.close() }
        try out.seekToEnd()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = FileHandle.nullDevice
        let already = log.components(separatedBy: "listening on").count - 1
        try p.run()
        server = p
        let deadline = Date().addingTimeInterval(60)
        while log.components(separatedBy: "listening on").count - 1 == already {
            guard p.isRunning, Date() < deadline else { throw TestPostgres.Missing(description: "fuhe serve did not start: \(log)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Where the server's output goes (every start appends).
    var logPath: String { directory.appendingPathComponent("server.log").path }

    /// What the server printed.
    var log: String { String(decoding: FileManager.default.contents(atPath: logPath) ?? Data(), as: UTF8.self) }

    /// SIGTERM, then wait.
    func stop() {
        guard let p = server, p.isRunning else { return }
        p.terminate()
        p.waitUntilExit()
    }

    /// SIGKILL: the server dies at once.
    func kill9() {
        guard let p = server, p.isRunning else { return }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
    }

    func close() {
        stop()
        pg.drop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The environment of a user: their own token file.
    func environment(as user: String?) -> [String: String] {
        var env = ["HOME": directory.path, "SWIFT_BACKTRACE": "enable=no"]
        if let user { env["XDG_STATE_HOME"] = directory.appendingPathComponent("state-\(user)").path }
        return env
    }

    /// Runs `fuhe` as `user` (nil: nobody logged in). Its output goes to files read after it
    /// exits, so nothing depends on a thread of this process being free to drain a pipe.
    func run(_ arguments: [String], stdin: String? = nil, as user: String?) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fuhe)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment(as: user)) { $1 }
        let tag = UUID().uuidString
        let paths = ["in", "out", "err"].map { directory.appendingPathComponent("run-\(tag).\($0)").path }
        defer { paths.forEach { try? FileManager.default.removeItem(atPath: $0) } }
        _ = FileManager.default.createFile(atPath: paths[0], contents: Data((stdin ?? "").utf8))
        _ = FileManager.default.createFile(atPath: paths[1], contents: nil)
        _ = FileManager.default.createFile(atPath: paths[2], contents: nil)
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: paths[0]))
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: paths[1]))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: paths[2]))
        defer { try? input.close(); try? out.close(); try? err.close() }
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        let read = { (path: String) in String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        let stdout = read(paths[1])
        var stderr = read(paths[2])
        if process.terminationStatus != 0 { stderr += "\n(fuhe \(arguments.joined(separator: " ")))" }
        return ProcessOutput(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    @discardableResult
    func ok(_ result: ProcessOutput, _ comment: String = "") throws -> ProcessOutput {
        guard result.status == 0 else {
            throw TestPostgres.Missing(description: "fuhe failed \(comment): \(result.stderr)\(result.stdout)\nserver log (end):\n\(log.suffix(1500))")
        }
        return result
    }

    /// A client with `user`'s token (as `fuhe login` stored it).
    func client(_ user: String) throws -> ServerClient {
        let tokens = TokenFile(path: directory.appendingPathComponent("state-\(user)/fuhe/tokens.json").path)
        let base = URL(string: url)!
        return ServerClient(base: base, token: tokens.token(for: base)?.token)
    }

    /// The repository a workstation of `user` would use.
    func repository(_ user: String) throws -> RemoteRepository { RemoteRepository(client: try client(user), account: user) }

    /// Everything stored that a write could change: the journal's head and a digest of every team row.
    func fingerprint() throws -> String {
        try pg.value("""
            SELECT (SELECT seq FROM journal_head) || ':' || md5(
              coalesce((SELECT string_agg(id || review_json::text || evaluation_json, ',' ORDER BY id) FROM dossier), '') ||
              coalesce((SELECT string_agg(dossier_id || node_id || json, ',' ORDER BY dossier_id, node_id) FROM result), '') ||
              coalesce((SELECT string_agg(dossier_id || id || json, ',' ORDER BY dossier_id, id) FROM rect_item), '') ||
              coalesce((SELECT string_agg(dossier_id || id || json, ',' ORDER BY dossier_id, id) FROM evidence), ''))
            """)
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Glibc.close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
