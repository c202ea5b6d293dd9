import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import FuheCore
import FuheWire
import Synchronization

/// Talks to `fuhe serve` over HTTP(S) with Foundation's URLSession (no other package): JSON in and
/// out, the bearer token in a header, every refusal turned back into what the store would have
/// thrown (`StaleWrite`, `UndoRefusal`) or a `ServerRefusal` with the server's sentence.
public final class ServerClient: Sendable {
    public let base: URL
    public let token: String?
    private let session: URLSession

    public init(base: URL, token: String?) {
        self.base = base
        self.token = token
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = 60
        config.httpMaximumConnectionsPerHost = 8
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: config)
    }

    /// A JSON request; `timeout` for this one (a long-poll waits longer).
    /// `path` is already escaped (`/v1/dossiers/ID`). An unreachable server is asked again for up
    /// to `retryFor` seconds (for requests that are safe to repeat: reads, and edits, which
    /// compare-and-set makes idempotent).
    public func call<T: Decodable>(_ method: String, _ path: String, query: [String: String] = [:], body: (some Encodable)? = Optional<Done>.none,
                                   timeout: TimeInterval = 60, retryFor: TimeInterval = 0, as type: T.Type = T.self) throws -> T {
        var root = base.absoluteString
        while root.hasSuffix("/") { root.removeLast() }
        guard var components = URLComponents(string: root + path) else {
            throw ServerRefusal(status: 0, code: "bad-request", message: "地址无效：\(root)\(path)")
        }
        if !query.isEmpty { components.queryItems = query.keys.sorted().map { URLQueryItem(name: $0, value: query[$0]) } }
        var request = URLRequest(url: components.url!)
        request.httpMethod = method
        request.timeoutInterval = timeout
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONEncoder().encode(body)
        }
        let deadline = Date().addingTimeInterval(retryFor)
        var pause = 0.2
        var answer: (Data, Int)
        while true {
            do {
                answer = try send(request)
                break
            } catch let error as ServerUnreachable {
                guard Date().addingTimeInterval(pause) < deadline else { throw error }
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 2)
            }
        }
        let (data, status) = answer
        guard (200..<300).contains(status) else { throw Self.refusal(status: status, data: data) }
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            throw ServerRefusal(status: status, code: "bad-answer", message: "服务器的答复无法解析（\(base.absoluteString)\(path)）")
        }
    }

    private func send(_ request: URLRequest) throws -> (Data, Int) {
        let outcome = Mutex<Result<(Data, Int), any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            let result: Result<(Data, Int), any Error>
            if let error { result = .failure(error) } else {
                result = .success((data ?? Data(), (response as? HTTPURLResponse)?.statusCode ?? 0))
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        task.resume()
        done.wait()
        switch outcome.withLock({ $0 }) {
        case .success(let answer)?: return answer
        case .failure(let error)?: throw ServerUnreachable(server: base.absoluteString, detail: error.localizedDescription)
        case nil: throw ServerUnreachable(server: base.absoluteString, detail: "no answer")
        }
    }

    /// What the server's error body says, as the error the caller expects.
    static func refusal(status: Int, data: Data) -> any Error {
        guard let wire = try? JSONDecoder().decode(WireError.self, from: data) else {
            return ServerRefusal(status: status, code: "http", message: "服务器拒绝（HTTP \(status)）")
        }
        if let stale = wire.stale { return stale.staleWrite }
        if let undo = wire.undo { return undo.refusal }
        return ServerRefusal(status: status, code: wire.code, message: wire.message)
    }
}

/// An empty request or answer body.
public struct Done: Codable, Sendable { public var ok = true; public init() {} }

/// The server refused a request: its status, code and sentence (shown as it is).
public struct ServerRefusal: Error, Sendable, CustomStringConvertible {
    public var status: Int
    public var code: String
    public var message: String
    public var description: String { message }
    /// The token is missing, expired or revoked.
    public var needsLogin: Bool { status == 401 }
}

/// The server could not be reached (down, restarting, no network).
public struct ServerUnreachable: Error, Sendable, CustomStringConvertible {
    public var server: String
    public var detail: String
    public var description: String { "无法连接服务器 \(server)（\(detail)）" }
}
