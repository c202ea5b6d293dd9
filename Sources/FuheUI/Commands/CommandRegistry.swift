import TermCore

/// The one command registry: every key of the workstation (panes, overlays, forms, text fields,
/// the search bar, the lesson menu) and of the merge's conflict pane, each with its long name,
/// help line and scope. Help, hints, docs/workstation.md's key table, lessons and tests read it.
/// The commands themselves are declared by the views that own them (`Registration.modules`).
public enum CommandRegistry {
    /// Every command's registry entry, in help order.
    public static let all: [CommandSpec] = Registration.commands.map(\.spec) + ConflictPane.commands.map(\.spec)

    /// The workstation's commands by name.
    static let byID: [CommandID: WorkstationCommand] = Dictionary(Registration.commands.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// Each workstation command's `offered`, by name (the first of a name, as `byID`).
    private static let offeredByID: [CommandID: @Sendable (AppState) -> Bool] =
        Dictionary(Registration.commands.map { command -> (CommandID, @Sendable (AppState) -> Bool) in
            (command.id, { @Sendable state in command.offered(state) })
        }, uniquingKeysWith: { a, _ in a })

    /// Whether the status line offers command `id` now (one not registered: yes). The command is
    /// asked where it is kept: reading it out of `byID` copied it (its spec, keys and closures)
    /// for each hint on every key.
    static func offered(_ id: CommandID, _ state: AppState) -> Bool {
        offeredByID[id]?(state) ?? true
    }

    private static let specsByID: [CommandID: CommandSpec] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// Every scope that has a command, in help order.
    static let scopes: [CommandScope] = {
        var seen: [CommandScope] = []
        for spec in all where !seen.contains(spec.scope) { seen.append(spec.scope) }
        return seen.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element)
    }()

    /// The spec of a command.
    public static func spec(_ id: CommandID) -> CommandSpec {
        // Every CommandID in use is registered (checked by a test).
        specsByID[id] ?? CommandSpec(id: id, keys: [], scope: .global, help: id.rawValue)
    }

    /// The command a default key triggers in a pane: the pane's own binding wins over a global
    /// one, and a global one over a training one.
    public static func command(for key: KeyEvent, in scope: CommandScope) -> CommandID? {
        Keymap.standard.command(for: key, in: Keymap.paneChain(scope))
    }

    /// Status-line hints for a pane with the default keys: "? 帮助 · Enter 评分 · a 采用建议 · …"
    /// — help first, so that a narrow terminal still shows where to find every key.
    public static func hints(for scope: CommandScope) -> [(key: String, label: String)] {
        hintSpecs(for: scope).map { ($0.keys.first?.description ?? "", $0.hint ?? "") }
    }

    /// The commands offered as hints in a pane, in order: help, the pane's own, the global ones.
    static func hintSpecs(for scope: CommandScope) -> [CommandSpec] {
        hintSpecsByScope[scope] ?? computeHintSpecs(for: scope)
    }

    private static let hintSpecsByScope: [CommandScope: [CommandSpec]] =
        Dictionary(scopes.map { ($0, computeHintSpecs(for: $0)) }, uniquingKeysWith: { a, _ in a })

    private static func computeHintSpecs(for scope: CommandScope) -> [CommandSpec] {
        let help = all.filter { $0.id == .help }
        let own = all.filter { $0.scope == scope && $0.hint != nil }
        let global = all.filter { $0.scope == .global && $0.hint != nil && $0.id != .help }
        return help + own + global
    }
}

extension CommandRegistry {
    /// The key table as Markdown, one section per scope (docs/workstation.md embeds it with the
    /// default keys; a test keeps the two equal; `fuhe keys` prints it with the configured keys).
    public static func markdownTable(keymap: Keymap = .standard) -> String {
        var out = ""
        for scope in CommandScope.allCases {
            out += "### \(scope.title)\n\n| keys | command | what it does |\n|---|---|---|\n"
            for spec in all where spec.scope == scope {
                let keys = keymap.keys(for: spec.id).map { "`\($0.description == "|" ? "\\|" : $0.description)`" }.joined(separator: " ")
                out += "| \(keys) | `\(spec.name)` | \(spec.help) |\n"
            }
            out += "\n"
        }
        return out
    }
}
