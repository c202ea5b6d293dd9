import Foundation
import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=…` URL as PostgresNIO's configuration.
/// `sslmode=disable` (the default on loopback), `require` or `verify-full`; a host starting with
/// `/` (or `?host=/run/postgresql`) is a Unix socket folder. The password is never printed.
public struct PostgresURL: Sendable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: String

    public init(_ text: String) throws {
        guard let c = URLComponents(string: text), c.scheme == "postgres" || c.scheme == "postgresql" else {
            throw ServerError.badRequest("--db: not a postgres:// URL")
        }
        let query = Dictionary((c.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { a, _ in a })
        user = c.user.flatMap { $0.removingPercentEncoding } ?? query["user"] ?? NSUserName()
        password = c.password.flatMap { $0.removingPercentEncoding } ?? query["password"]
        host = query["host"] ?? ((c.host?.isEmpty ?? true) ? "127.0.0.1" : c.host!)
        port = c.port ?? Int(query["port"] ?? "") ?? 5432
        let path = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        sslMode = query["sslmode"] ?? (["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("/") ? "disable" : "prefer")
    }

    /// The URL with another database name (tests make one database per run).
    public func with(database: String) -> PostgresURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// Without the password.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    func configuration() throws -> PostgresClient.Configuration {
        if host.hasPrefix("/") {
            return PostgresClient.Configuration(unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        }
        let tls: PostgresClient.Configuration.TLS
        switch sslMode {
        case "disable": tls = .disable
        case "require":
            var config = TLSConfiguration.makeClientConfiguration()
            config.certificateVerification = .none
            tls = .require(config)
        case "verify-full", "verify-ca": tls = .require(.makeClientConfiguration())
        default: tls = .prefer(.makeClientConfiguration())
        }
        return PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
    }
}
