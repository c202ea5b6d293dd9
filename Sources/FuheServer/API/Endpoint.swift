import Foundation
import FuheCore
import FuheWire
import Hummingbird
import Logging
import NIOCore

/// One API request as the handlers see it: who is asking (authenticated by a bearer token), the
/// path's parameters, the query, and the JSON body (read up to the route's limit).
struct Call: Sendable {
    let access: Access?
    let parameters: [String: String]
    let query: [String: String]
    let body: Data
    let token: String?

    /// The authenticated account (every route but login has one).
    var who: Access { access! }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do { return try JSONDecoder().decode(type, from: body) } catch {
            throw ServerError.badRequest("请求格式不对（\(type)）：\(Self.explain(error))")
        }
    }

    func parameter(_ name: String) throws -> String {
        guard let v = parameters[name], !v.isEmpty else { throw ServerError.badRequest("缺少 \(name)") }
        return v
    }

    func int(_ name: String, default value: Int64? = nil) throws -> Int64 {
        guard let text = query[name] else {
            if let value { return value }
            throw ServerError.badRequest("缺少参数 \(name)")
        }
        guard let n = Int64(text) else { throw ServerError.badRequest("参数 \(name) 须为整数：\(text.prefix(40))") }
        return n
    }

    static func explain(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c): "JSON 无效（\(c.debugDescription)）"
        case DecodingError.keyNotFound(let key, _): "缺少字段 \(key.stringValue)"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            "字段 \(c.codingPath.map(\.stringValue).joined(separator: ".")) 类型不对"
        default: "\(error)"
        }
    }
}

/// Adds routes whose handlers take a `Call` and return a Codable answer; every refusal becomes a
/// JSON `WireError` with its status, and nothing reaches the log but method, path, status, time
/// and account name.
struct Endpoints {
    let router: Router<BasicRequestContext>
    let accounts: Accounts
    let logger: Logger

    /// Bodies larger than this are refused with 413 (`limit` raises it for uploads).
    static let defaultLimit = 1 << 20

    func add<T: Encodable & Sendable>(_ method: HTTPRequest.Method, _ path: RouterPath, auth: Bool = true, limit: Int = defaultLimit,
                                      _ handler: @escaping @Sendable (Call) async throws -> T) {
        let accounts = self.accounts, logger = self.logger
        router.on(path, method: method) { request, context -> Response in
            let started = ContinuousClock.now
            var who = "-"
            let response: Response
            do {
                var access: Access?
                let token = Self.bearer(request)
                if auth {
                    guard let token else { throw ServerError.unauthenticated("需要登录：请先运行 fuhe login") }
                    guard let found = try await accounts.access(token: token) else {
                        throw ServerError.unauthenticated("登录已过期或无效：请重新运行 fuhe login")
                    }
                    access = found
                    who = found.name
                }
                if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
                    throw ServerError.tooLarge("请求过大：\(length) 字节，上限 \(limit) 字节")
                }
                let bytes: ByteBuffer
                do { bytes = try await request.body.collect(upTo: limit) } catch {
                    throw ServerError.tooLarge("请求过大：上限 \(limit) 字节")
                }
                var parameters: [String: String] = [:]
                for (k, v) in context.parameters { parameters[String(k)] = String(v) }
                var query: [String: String] = [:]
                for (k, v) in request.uri.queryParameters { query[String(k)] = String(v).removingPercentEncoding ?? String(v) }
                let call = Call(access: access, parameters: parameters, query: query, body: Data(bytes.readableBytesView), token: token)
                response = try Self.json(try await handler(call), status: .ok)
            } catch let error as ServerError {
                response = (try? Self.json(error.wire, status: error.status)) ?? Response(status: error.status)
            } catch {
                logger.error("\(request.method) \(request.uri.path): \(error)")
                let wire = WireError(code: "server", message: "服务器内部错误：\(error)")
                response = (try? Self.json(wire, status: .internalServerError)) ?? Response(status: .internalServerError)
            }
            let ms = (ContinuousClock.now - started).components
            logger.info("\(request.method) \(request.uri.path) \(response.status.code) \(ms.seconds * 1000 + ms.attoseconds / 1_000_000_000_000_000)ms \(who)")
            return response
        }
    }

    static func bearer(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return nil }
        return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// An empty answer.
struct Done: Codable, Sendable { var ok = true }
