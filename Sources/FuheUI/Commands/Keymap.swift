import Synchronization
import TermCore

/// The keys of every command: the registry's defaults, with overrides (from a configuration file,
/// issue 13 item 9) laid over them. Key dispatch, help, hints, key names in messages and overlay
/// titles all read the active keymap, so they follow a configuration.
///
///     let keymap = Keymap(overrides: [.acceptSuggestion: [.character("A")]])
///     keymap.command(for: .character("A"), in: [.sheet, .global]) // .acceptSuggestion
public struct Keymap: Sendable {
    /// The registry's defaults.
    public static let standard = Keymap()

    private var keysByCommand: [CommandID: [KeyEvent]] = [:]
    private var commandByKey: [CommandScope: [KeyEvent: CommandID]] = [:]
    /// The status line's hints for each pane scope, in order, as drawn ("Enter 打开") with their
    /// widths: made once for the keymap, not on every key — and only for a scope that is shown
    /// (the start draws one of the 37; making them all cost 3.7 M instructions before the first
    /// screen). Copies of the keymap share them: it does not change after `init`.
    private let hintsByScope = KeptHints()
    /// Keys bound to two commands of one scope ("sheet: a → review.accept, finding.add"); the
    /// first registered wins.
    public private(set) var clashes: [String] = []

    /// Overrides replace a command's keys (an empty list unbinds it); unknown names are ignored.
    public init(overrides: [CommandID: [KeyEvent]] = [:]) {
        for spec in CommandRegistry.all {
            let keys = overrides[spec.id] ?? spec.keys
            keysByCommand[spec.id] = keys
            for key in keys {
                if let other = commandByKey[spec.scope]?[key] {
                    clashes.append("\(spec.scope.name): \(key.description) → \(other.rawValue), \(spec.name)")
                } else {
                    commandByKey[spec.scope, default: [:]][key] = spec.id
                }
            }
        }
    }

    /// The hints the status line may offer in a pane of `scope`, in order (help, the pane's own,
    /// the global ones), each with its first key in this keymap; commands without a key are left out.
    func hints(for scope: CommandScope) -> [KeptHint] {
        if let kept = hintsByScope.kept.withLock({ $0[scope] }) { return kept }
        let made = makeHints(for: scope)
        hintsByScope.kept.withLock { $0[scope] = made }
        return made
    }

    private func makeHints(for scope: CommandScope) -> [KeptHint] {
        CommandRegistry.hintSpecs(for: scope).compactMap { spec in
            let key = key(spec.id)
            guard !key.isEmpty else { return nil }
            let text = "\(key) \(spec.hint ?? "")"
            return KeptHint(id: spec.id, text: text, width: DisplayWidth.of(text))
        }
    }

    /// The keys bound to a command.
    public func keys(for id: CommandID) -> [KeyEvent] { keysByCommand[id] ?? [] }

    /// The first key of a command as users see it ("Enter"), for messages and titles.
    public func key(_ id: CommandID) -> String { keys(for: id).first?.description ?? "" }

    /// Every key of a command ("j ↓").
    public func keyLabel(_ id: CommandID) -> String { keys(for: id).map(\.description).joined(separator: " ") }

    /// The command a key triggers in a chain of scopes; the first scope that binds it wins.
    public func command(for key: KeyEvent, in scopes: [CommandScope]) -> CommandID? {
        for scope in scopes {
            if let id = commandByKey[scope]?[key] { return id }
        }
        return nil
    }

    /// The key chain of a pane: its own bindings win over global ones, global over training.
    public static func paneChain(_ scope: CommandScope) -> [CommandScope] { [scope, .global, .training] }
}

/// The hints made so far, per scope (`Keymap.hints(for:)`).
private final class KeptHints: Sendable {
    let kept = Mutex<[CommandScope: [KeptHint]]>([:])
}

/// A status-line hint as drawn ("Enter 打开") and its width in cells, kept by the keymap.
struct KeptHint: Sendable, Equatable {
    let id: CommandID
    let text: String
    let width: Int
}
