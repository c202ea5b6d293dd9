import Foundation
import Logging
import PostgresNIO

/// The server's PostgreSQL: a connection pool as the database owner, and transactions either as
/// the owner (accounts, schema) or as the application role scoped to an account's teams, where
/// row-level security applies (`scoped`).
public final class ServerDatabase: Sendable {
    let client: PostgresClient
    public let url: PostgresURL
    /// The non-owner role requests run as (`SET LOCAL ROLE`).
    public let appRole: String
    let logger: Logger

    public init(url: PostgresURL, appRole: String, maxConnections: Int = 40, logger: Logger? = nil) throws {
        let logger = logger ?? {
            var l = Logger(label: "fuhe.db")
            l.logLevel = .error
            return l
        }()
        var config = try url.configuration()
        config.options.maximumConnections = maxConnections
        config.options.minimumConnections = 0
        self.client = PostgresClient(configuration: config, backgroundLogger: logger)
        self.url = url
        self.appRole = appRole
        self.logger = logger
    }

    /// Runs the pool until the task is cancelled (a service of the server, or `using`).
    public func run() async { await client.run() }

    /// Runs `body` with the pool running, then stops it (commands that are not the server).
    public func using<T: Sendable>(_ body: @Sendable (ServerDatabase) async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { await self.run(); return nil }
            defer { group.cancelAll() }
            return try await body(self)
        }
    }

    /// A transaction as the database owner (no row-level security).
    func asOwner<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await translate {
            try await client.withTransaction(logger: logger) { conn in try await body(conn) }
        }
    }

    /// A transaction as the application role for `access`: every statement sees and writes only
    /// rows of the account's teams (all teams for an administrator).
    func scoped<T: Sendable>(_ access: Access, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await translate {
            try await client.withTransaction(logger: logger) { conn in
                let teams = "{" + access.teamIDs.map(String.init).joined(separator: ",") + "}"
                try await conn.query("""
                    SELECT set_config('role', \(appRole), true), set_config('fuhe.teams', \(teams), true),
                           set_config('fuhe.account', \(access.name), true)
                    """, logger: logger)
                return try await body(conn)
            }
        }
    }

    /// PostgreSQL's refusals as the server's: a row-level policy violation is forbidden; a lost
    /// connection is "unavailable".
    private func translate<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as PostgresTransactionError {
            if let inner = error.closureError { throw Self.translated(inner) }
            throw Self.translated(error.beginError ?? error.commitError ?? error.rollbackError ?? error)
        } catch {
            throw Self.translated(error)
        }
    }

    private static func translated(_ error: any Error) -> any Error {
        if let error = error as? PSQLError {
            if let server = error.serverInfo {
                let message = server[.message] ?? "?"
                if message.contains("row-level security") { return ServerError.forbidden("不属于你的小组：\(message)") }
                if server[.sqlState] == "40001" || server[.sqlState] == "40P01" { return ServerError.conflict("数据库忙（\(message)），请重试") }
                if server[.sqlState] == "23505" { return ServerError.conflict("已存在：\(server[.detail] ?? message)") }
                return ServerError.unavailable("数据库拒绝：\(message)")
            }
            return ServerError.unavailable("数据库连接失败（\(error.code)）")
        }
        return error
    }
}

extension PostgresConnection {
    /// Runs a statement, discarding rows.
    func run(_ query: PostgresQuery, _ logger: Logger) async throws {
        _ = try await self.query(query, logger: logger).collect()
    }

    /// All rows of a query.
    func rows(_ query: PostgresQuery, _ logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }
}
