import TermCore

/// What one key did: the registry command it ran in a pane, or the input it went to (a form, the
/// search bar, an overlay) and the command it ran there. Recorded by `fuhe demo --record` and
/// shown by presentation mode.
public struct KeyOutcome: Sendable, Equatable {
    /// Where a key went: a pane, or an overlay's input ("form", "search", "help"…).
    public struct Context: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let pane = Context(rawValue: "pane")
        public static let search = Context(rawValue: "search")
        public static let form = Context(rawValue: "form")
        public static let help = Context(rawValue: "help")
        public static let messages = Context(rawValue: "messages")
        public static let lessons = Context(rawValue: "lessons")
        public static let history = Context(rawValue: "history")
        /// A key no pane binds.
        public static let unbound = Context(rawValue: "unbound")
    }

    public var key: KeyEvent
    /// The pane command the key ran.
    public var command: CommandID?
    /// The overlay command the key ran (nil when it was typed into a field or did nothing).
    public var input: CommandID?
    public var context: Context
    /// The key closed the form, overlay or search bar it went to.
    public var closed: Bool
    /// The overlay the key went to (while it is open).
    var overlayID: Int?

    public init(key: KeyEvent, command: CommandID? = nil, input: CommandID? = nil, context: Context = .pane, closed: Bool = false) {
        self.key = key
        self.command = command
        self.input = input
        self.context = context
        self.closed = closed
    }

    /// The name written to a session record: the command's long name, or the context ("form").
    public var recordName: String? { command?.rawValue ?? (context == .pane ? nil : context.rawValue) }
}
