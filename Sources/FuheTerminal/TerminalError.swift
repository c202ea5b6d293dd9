/// Why the terminal could not be started.
public struct TerminalError: Error, CustomStringConvertible, Sendable {
    /// A one-line explanation, naming the thing to fix (`TERM`, a redirected stream…).
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
