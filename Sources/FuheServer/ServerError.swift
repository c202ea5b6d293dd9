import FuheCore
import FuheWire
import HTTPTypes

/// Why the server refused a request: an HTTP status and the body every client reads (`WireError`).
/// Nothing was written when one of these is thrown.
public enum ServerError: Error, Sendable, CustomStringConvertible {
    case unauthenticated(String)
    case forbidden(String)
    case notFound(String)
    case badRequest(String)
    case tooLarge(String)
    case conflict(String)
    case rule(code: String, message: String)
    case stale(StaleWrite)
    case undo(UndoRefusal)
    case unavailable(String)

    public var description: String { wire.message }

    var status: HTTPResponse.Status {
        switch self {
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .badRequest: .badRequest
        case .tooLarge: .contentTooLarge
        case .conflict, .stale, .undo: .conflict
        case .rule: .unprocessableContent
        case .unavailable: .serviceUnavailable
        }
    }

    var wire: WireError {
        switch self {
        case .unauthenticated(let m): WireError(code: "auth", message: m)
        case .forbidden(let m): WireError(code: "forbidden", message: m)
        case .notFound(let m): WireError(code: "not-found", message: m)
        case .badRequest(let m): WireError(code: "bad-request", message: m)
        case .tooLarge(let m): WireError(code: "too-large", message: m)
        case .conflict(let m): WireError(code: "conflict", message: m)
        case .rule(let code, let m): WireError(code: code, message: m.contains(code) ? m : "\(m) (\(code))")
        case .stale(let s): WireError(code: "stale", message: s.description, stale: WireStale(s))
        case .undo(let u): WireError(code: "undo", message: u.description, undo: WireUndoRefusal(u))
        case .unavailable(let m): WireError(code: "server", message: m)
        }
    }

    /// A rule's refusal (the first message's code; all messages joined).
    static func violation(_ v: RuleViolation) -> ServerError {
        .rule(code: v.messages.first?.code ?? "rule", message: v.messages.map { "\($0.code) \($0.message)" }.joined(separator: "；"))
    }
}
