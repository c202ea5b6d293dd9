import Foundation
import FuheTestSupport

/// The PostgreSQL the server tests run against: `FUHE_TEST_PG_URL` (a superuser on a throwaway
/// cluster; `.ci/run` starts one with scripts/pg-test-cluster), or else a cluster the tests start
/// themselves with that script. Each test gets its own database
/// and application role, dropped afterwards. A missing server is a failure, never a skip.
struct TestPostgres {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// The cluster's URL (to its `postgres` database).
    let admin: String
    /// This test's database.
    let database: String
    let appRole: String

    /// The database's URL.
    var url: String { Self.replacingDatabase(admin, with: database) }

    init() throws {
        let given = ProcessInfo.processInfo.environment["FUHE_TEST_PG_URL"] ?? ""
        admin = given.isEmpty ? try Self.ownCluster.get() : given
        let tag = UUID().uuidString.prefix(8).lowercased()
        database = "fuhe_t_\(tag)"
        appRole = "fuhe_app_\(tag)"
        let made = try Self.psql(admin, "CREATE DATABASE \(database)")
        guard made.status == 0 else { throw Missing(description: "cannot create a test database on \(admin): \(made.stderr)") }
    }

    /// Without `FUHE_TEST_PG_URL`: a throwaway cluster started once per run with
    /// scripts/pg-test-cluster (in /tmp/fuhe-test-pg, port 54329; reused when it already runs),
    /// so a plain `swift test` runs the server tests. PostgreSQL not installed is a failure.
    static let ownCluster: Result<String, Missing> = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("scripts/pg-test-cluster").path
        let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-pg-start-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: outFile) }
        // posix_spawn and waitpid rather than Foundation's Process: the script leaves a daemon
        // behind, and Process.waitUntilExit was seen to miss the script's exit then.
        let command = "'\(script)' /tmp/fuhe-test-pg 54329 >'\(outFile)' 2>&1 </dev/null"
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else {
            return .failure(Missing(description: "the server tests need a real PostgreSQL: cannot run \(script)"))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let out = (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
        guard status == 0, let url = out.split(separator: "\n").last.map(String.init), url.hasPrefix("postgres://") else {
            return .failure(Missing(description: "the server tests need a real PostgreSQL and none could be started (\(script)): \(out)"))
        }
        return .success(url)
    }()

    /// Drops the database and its role.
    func drop() {
        _ = try? Self.psql(admin, "DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
        _ = try? Self.psql(admin, "DROP ROLE IF EXISTS \(appRole)")
    }

    /// Runs SQL on this test's database (tab-separated rows, no headers).
    func sql(_ statement: String) throws -> ProcessOutput { try Self.psql(url, statement) }

    /// One value.
    func value(_ statement: String) throws -> String {
        let out = try sql(statement)
        guard out.status == 0 else { throw Missing(description: "psql failed: \(out.stderr)") }
        return out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func psql(_ url: String, _ statement: String) throws -> ProcessOutput {
        guard let psql = ["/usr/bin/psql", "/usr/local/bin/psql"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Missing(description: "psql is not installed (apt-get install postgresql-client)")
        }
        return try BuiltProducts.run(psql, [url, "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", statement])
    }

    static func replacingDatabase(_ url: String, with name: String) -> String {
        guard var c = URLComponents(string: url) else { return url }
        c.path = "/" + name
        return c.string ?? url
    }
}
