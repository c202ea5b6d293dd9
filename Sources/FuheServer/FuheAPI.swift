import Foundation
import FuheCore
import FuheWire
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// `fuhe serve`: the HTTP API over the PostgreSQL store. Migrations run before the listener opens;
/// SIGTERM/SIGINT stop it gracefully (requests in flight finish, the pool closes).
public struct FuheAPI: Sendable {
    let store: ServerStore
    let accounts: Accounts

    public init(store: ServerStore, accounts: Accounts) {
        self.store = store
        self.accounts = accounts
    }

    /// Where and how to listen.
    public struct Options: Sendable {
        public var host: String
        public var port: Int
        /// PEM files; both set = HTTPS.
        public var certificate: String?
        public var privateKey: String?
        public var logLevel: Logger.Level

        public init(host: String, port: Int, certificate: String? = nil, privateKey: String? = nil, logLevel: Logger.Level = .info) {
            self.host = host; self.port = port; self.certificate = certificate; self.privateKey = privateKey; self.logLevel = logLevel
        }
    }

    func router(logger: Logger) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let e = Endpoints(router: router, accounts: accounts, logger: logger)
        addSessionRoutes(e)
        addAdminRoutes(e)
        addCopyRoutes(e)
        addLeaseRoutes(e)
        return router
    }

    /// Serves until stopped; `announce` gets the address once listening (port 0 = any free one).
    public func run(_ options: Options, announce: @escaping @Sendable (String) -> Void) async throws {
        var logger = Logger(label: "fuhe.serve")
        logger.logLevel = options.logLevel
        let store = self.store
        let server: HTTPServerBuilder
        let scheme = options.certificate != nil && options.privateKey != nil ? "https" : "http"
        if let cert = options.certificate, let key = options.privateKey {
            let chain = try NIOSSLCertificate.fromPEMFile(cert).map { NIOSSLCertificateSource.certificate($0) }
            let tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            server = try .tls(.http1(), tlsConfiguration: tls)
        } else {
            server = .http1()
        }
        var app = Application(router: router(logger: logger), server: server,
                              configuration: .init(address: .hostname(options.host, port: options.port), serverName: "fuhe"),
                              services: [store.db.client],
                              onServerRunning: { channel in
                                  let port = channel.localAddress?.port ?? options.port
                                  announce("\(scheme)://\(options.host):\(port)")
                              }, logger: logger)
        app.beforeServerStarts {
            try await ServerSetup.migrate(store.db)
            guard try await ServerSetup.isInitialized(store.db) else {
                throw ServerError.unavailable("数据库尚未初始化：先运行 fuhe serve --init --db … --admin NAME")
            }
            try await store.start()
        }
        try await app.runService()
    }
}
