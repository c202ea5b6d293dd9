import Foundation
import FuheTestSupport

/// The PostgreSQL the server tests run against: `FUHE_TEST_PG_URL` (a superuser on a throwaway
/// cluster; `.ci/run` starts one with scripts/pg-test-cluster). Each test gets its own database
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
        guard let base = ProcessInfo.processInfo.environment["FUHE_TEST_PG_URL"], !base.isEmpty else {
            throw Missing(description: "FUHE_TEST_PG_URL is not set: the server tests need a real PostgreSQL (export FUHE_TEST_PG_URL=$(scripts/pg-test-cluster))")
        }
        admin = base
        let tag = UUID().uuidString.prefix(8).lowercased()
        database = "fuhe_t_\(tag)"
        appRole = "fuhe_app_\(tag)"
        let made = try Self.psql(admin, "CREATE DATABASE \(database)")
        guard made.status == 0 else { throw Missing(description: "cannot create a test database on \(admin): \(made.stderr)") }
    }

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
