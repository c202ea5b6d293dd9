import Foundation
import FuheCore
import FuheWire
import PostgresNIO

/// Schema migrations (on every start) and the first setup (`fuhe serve --init`).
public enum ServerSetup {
    /// Applies the migrations not applied yet, each in its own transaction, one server at a time
    /// (an advisory lock). Creates the application role when it is missing (the owner needs
    /// CREATEROLE for that; otherwise a DBA creates it first) and lets the owner act as it.
    /// Refuses a database that another program uses, or that a newer Fuhe migrated.
    public static func migrate(_ db: ServerDatabase) async throws {
        let logger = db.logger
        let migrations = ServerSchema.migrations(appRole: db.appRole)
        try await db.asOwner { conn in
            try await conn.run("SELECT pg_advisory_xact_lock(4242015)", logger)
            try await conn.run("CREATE TABLE IF NOT EXISTS fuhe_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", logger)
            let applied = Set(try await conn.rows("SELECT name FROM fuhe_migration", logger).map { try $0.decode(String.self) })
            let known = Set(migrations.map(\.name))
            if let unknown = applied.subtracting(known).sorted().first {
                throw ServerError.unavailable("数据库已由更新版本的 Fuhe 迁移（\(unknown)）；请升级 fuhe")
            }
            if applied.isEmpty {
                let tables = try await conn.rows("""
                    SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'fuhe_migration'
                    """, logger).first!.decode(Int.self)
                if tables > 0 { throw ServerError.unavailable("数据库 \(db.url.database) 里已有别的表，不是 Fuhe 的库；请用一个空库") }
            }
            let role = ServerSchema.quoteLiteral(db.appRole)
            let exists = try await conn.rows(PostgresQuery(unsafeSQL: "SELECT 1 FROM pg_roles WHERE rolname = \(role)"), logger).first != nil
            if !exists {
                try await conn.run(PostgresQuery(unsafeSQL: "CREATE ROLE \(ServerSchema.quoteIdent(db.appRole)) NOLOGIN"), logger)
            }
            let member = try await conn.rows(PostgresQuery(unsafeSQL: "SELECT pg_has_role(current_user, \(role), 'MEMBER')"), logger).first!.decode(Bool.self)
            if !member {
                try await conn.run(PostgresQuery(unsafeSQL: "GRANT \(ServerSchema.quoteIdent(db.appRole)) TO CURRENT_USER"), logger)
            }
            for m in migrations where !applied.contains(m.name) {
                for sql in m.sql { try await conn.run(PostgresQuery(unsafeSQL: sql), logger) }
                try await conn.run("INSERT INTO fuhe_migration(name) VALUES (\(m.name))", logger)
            }
        }
    }

    /// Whether the database has been set up (`--init` done): an administrator exists.
    public static func isInitialized(_ db: ServerDatabase) async throws -> Bool {
        try await db.asOwner { conn in
            guard try await conn.rows("SELECT 1 FROM information_schema.tables WHERE table_name = 'account'", db.logger).first != nil else { return false }
            return try await conn.rows("SELECT 1 FROM account WHERE role = 'admin' LIMIT 1", db.logger).first != nil
        }
    }

    /// `fuhe serve --init`: the schema, the bundled templates and grade schemes, and the first
    /// administrator. Refused when the database already has one.
    public static func initialize(_ db: ServerDatabase, admin: NewAccount, templates: [IndicatorTemplate], schemes: [GradeScheme]) async throws {
        try await migrate(db)
        if try await isInitialized(db) { throw ServerError.conflict("数据库 \(db.url.database) 已初始化（已有管理员）；用 fuhe admin 管理账号") }
        try await db.asOwner { conn in
            for (k, v) in [("application", ServerSchema.applicationID), ("store_id", UUID().uuidString), ("created_at", JournalTime.format(Date()))] {
                try await conn.run("INSERT INTO meta(key, value) VALUES (\(k), \(v)) ON CONFLICT (key) DO NOTHING", db.logger)
            }
            for s in schemes {
                try await conn.run("INSERT INTO grade_scheme(id, json) VALUES (\(s.id), \(StoredJSON.encode(s))) ON CONFLICT (id) DO UPDATE SET json = excluded.json", db.logger)
            }
            for t in templates {
                try await conn.run("""
                    INSERT INTO template(id, name, eval_type, bundled, json) VALUES (\(t.id), \(t.name), \(t.evalType.rawValue), true, \(StoredJSON.encode(t)))
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, eval_type = excluded.eval_type, json = excluded.json
                    """, db.logger)
            }
        }
        var first = admin
        first.role = .admin
        try await Accounts(db: db).create(first, by: "fuhe serve --init")
    }
}
