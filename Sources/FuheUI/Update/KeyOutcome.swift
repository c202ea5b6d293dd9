import TermCore

/// What one key did: the registry command it ran, or the input it went to (a form, the search
/// bar, an overlay). Recorded by `fuhe demo --record` and shown by presentation mode.
public struct KeyOutcome: Sendable, Equatable {
    /// Where a key went when it ran no command.
    public enum Context: String, Sendable {
        case pane, search, form, help, messages, lessons, history
        /// A key no pane binds.
        case unbound

        init(_ overlay: Overlay) {
            switch overlay {
            case .help: self = .help
            case .form: self = .form
            case .messages: self = .messages
            case .lessons: self = .lessons
            case .history: self = .history
            }
        }
    }

    public var key: KeyEvent
    public var command: CommandID?
    public var context: Context
    /// The key closed the form, overlay or search bar it went to.
    public var closed: Bool

    public init(key: KeyEvent, command: CommandID? = nil, context: Context = .pane, closed: Bool = false) {
        self.key = key
        self.command = command
        self.context = context
        self.closed = closed
    }

    /// The name written to a session record: the command's long name, or the context ("form").
    public var recordName: String? { command?.rawValue ?? (context == .pane ? nil : context.rawValue) }
}
