import TermCore

/// What the registry says about a command: long name, default keys, scope, help line, and the
/// short label the status line shows it with (nil: not offered as a hint; for training commands,
/// their label in the demo's banner).
public struct CommandSpec: Sendable {
    public var id: CommandID
    /// The default keys; the active `Keymap` may bind others.
    public var keys: [KeyEvent]
    public var scope: CommandScope
    public var help: String
    public var hint: String?

    public init(id: CommandID, keys: [KeyEvent], scope: CommandScope, help: String, hint: String? = nil) {
        self.id = id
        self.keys = keys
        self.scope = scope
        self.help = help
        self.hint = hint
    }

    public var name: String { id.rawValue }
    /// Default keys as shown to users ("j ↓").
    public var keyLabel: String { keys.map(\.description).joined(separator: " ") }
}

/// Whether a command can run now for this actor. Hints offer only available commands; a key
/// whose command is unavailable shows the reason instead of running it.
public enum Availability: Sendable, Equatable {
    case available
    /// Not now; `reason` goes to the status line (as an error when `isError`), nil says nothing.
    case unavailable(String?, isError: Bool)

    /// Refused with an error message.
    public static func refused(_ reason: String) -> Availability { .unavailable(reason, isError: true) }
    /// Not yet possible; the message says what to do first.
    public static func notYet(_ reason: String) -> Availability { .unavailable(reason, isError: false) }

    public var isAvailable: Bool { self == .available }
}

/// A rule's answer before its reason is made: available, or how to say why not. The status line
/// asks only whether each hinted command is available, on every key; a rule written as a
/// `Verdict` answers that without making its message (which names keys, items and statuses).
public enum Verdict<Model>: Sendable {
    case available
    /// Not available; the function makes the reason from the same model when it is asked for.
    case unavailable(@Sendable (Model) -> Availability)

    public var isAvailable: Bool {
        switch self {
        case .available: true
        case .unavailable: false
        }
    }

    /// The answer with its reason.
    public func availability(_ model: Model) -> Availability {
        switch self {
        case .available: .available
        case .unavailable(let reason): reason(model)
        }
    }
}

/// One command: its registry entry, when it is available, and what it does — declared together.
/// `Model` is what availability reads (the workstation's `AppState`); `Target` is what the
/// handler changes (the workstation's `UpdateContext`, or the conflict pane itself).
public struct Command<Model, Target>: Sendable {
    public let spec: CommandSpec
    let availability: @Sendable (Model) -> Availability
    /// The same rule as a ``Verdict``, when it is written as one (nil: the status line asks
    /// `availability`).
    var verdict: (@Sendable (Model) -> Verdict<Model>)?
    let perform: @Sendable (inout Target, KeyEvent) -> Void
    /// For a command that opens a form: what submitting the form does.
    let form: FormSubmit?
    /// Whether the status line offers it as a hint now (nil: whenever it is available). For a
    /// command that runs to explain why not (submit names every blocker) but is offered only
    /// when it would succeed.
    var offer: (@Sendable (Model) -> Bool)?

    init(spec: CommandSpec, availability: @escaping @Sendable (Model) -> Availability,
         form: FormSubmit? = nil, perform: @escaping @Sendable (inout Target, KeyEvent) -> Void) {
        self.spec = spec
        self.availability = availability
        self.form = form
        self.perform = perform
    }

    /// A command whose rule is a ``Verdict``: `available` makes the reason, `offered` does not.
    init(spec: CommandSpec, verdict: @escaping @Sendable (Model) -> Verdict<Model>,
         form: FormSubmit? = nil, perform: @escaping @Sendable (inout Target, KeyEvent) -> Void) {
        self.init(spec: spec, availability: { verdict($0).availability($0) }, form: form, perform: perform)
        self.verdict = verdict
    }

    public var id: CommandID { spec.id }
    public func available(_ model: Model) -> Availability { availability(model) }

    /// Whether it is available, without making the reason when the rule is a ``Verdict``.
    public func isAvailable(_ model: Model) -> Bool { verdict.map { $0(model).isAvailable } ?? available(model).isAvailable }

    /// Whether the status line offers it now: available, and `offer` (if any) agrees.
    public func offered(_ model: Model) -> Bool { isAvailable(model) && (offer?(model) ?? true) }

    /// The command, offered as a hint only when `condition` holds.
    func offered(when condition: @escaping @Sendable (Model) -> Bool) -> Self {
        var command = self
        command.offer = condition
        return command
    }
}

/// A command of the workstation.
typealias WorkstationCommand = Command<AppState, UpdateContext>

extension Command where Model == AppState, Target == UpdateContext {
    /// A command with its keys, scope, help, optional status-line hint, availability and handler.
    init(_ id: CommandID, _ keys: [KeyEvent], _ scope: CommandScope, _ help: String, hint: String? = nil,
         when availability: @escaping @Sendable (AppState) -> Availability = { _ in .available },
         run: @escaping @Sendable (inout UpdateContext) -> Void) {
        self.init(spec: CommandSpec(id: id, keys: keys, scope: scope, help: help, hint: hint), availability: availability) { ctx, _ in run(&ctx) }
    }

    /// A command whose rule of availability is a ``Verdict`` (its reason made only when asked).
    init(_ id: CommandID, _ keys: [KeyEvent], _ scope: CommandScope, _ help: String, hint: String? = nil,
         verdict: @escaping @Sendable (AppState) -> Verdict<AppState>,
         run: @escaping @Sendable (inout UpdateContext) -> Void) {
        self.init(spec: CommandSpec(id: id, keys: keys, scope: scope, help: help, hint: hint), verdict: verdict) { ctx, _ in run(&ctx) }
    }

    /// The same, for a handler that needs the key (a digit, a typed character).
    init(_ id: CommandID, _ keys: [KeyEvent], _ scope: CommandScope, _ help: String, hint: String? = nil,
         when availability: @escaping @Sendable (AppState) -> Availability = { _ in .available },
         runWithKey: @escaping @Sendable (inout UpdateContext, KeyEvent) -> Void) {
        self.init(spec: CommandSpec(id: id, keys: keys, scope: scope, help: help, hint: hint), availability: availability, perform: runWithKey)
    }

    /// A command of an overlay: runs on the top overlay when it is an `O`.
    static func on<O: Overlay>(_ type: O.Type, _ id: CommandID, _ keys: [KeyEvent], _ scope: CommandScope, _ help: String,
                               run: @escaping @Sendable (inout O, inout UpdateContext, KeyEvent) -> Void) -> Self {
        Self(spec: CommandSpec(id: id, keys: keys, scope: scope, help: help), availability: { _ in .available }) { ctx, key in
            ctx.withTop(O.self) { overlay, ctx in run(&overlay, &ctx, key) }
        }
    }
}

/// Something that brings commands into the workstation: a pane, an overlay, or a set of commands
/// that belong to no view (undo, the training demo). Listed once in `Registration.modules`.
protocol CommandProvider: SendableMetatype {
    /// Its commands, in the order help lists them.
    static var commands: [WorkstationCommand] { get }
    /// The provider as a pane, when it is one (`Pane` answers itself). A cast (`as? any
    /// Pane.Type`) of every provider scanned all the binary's conformances once per provider:
    /// about 2 ms of the first screen.
    static var asPane: (any Pane.Type)? { get }
}

extension CommandProvider {
    static var asPane: (any Pane.Type)? { nil }
}
