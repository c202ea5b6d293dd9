/// A command's stable long name ("review.accept"). Keys, help, hints, session records, the docs
/// and the tests all refer to commands by it.
///
/// Each command declares its name next to its keys, help and handler, as a constant in an
/// extension in the file of the pane or overlay it belongs to:
///
///     extension CommandID { public static let acceptSuggestion = CommandID("review.accept") }
public struct CommandID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { rawValue = name }

    public var description: String { rawValue }

    /// Every registered command, in the order help lists them.
    public static var allCases: [CommandID] { CommandRegistry.all.map(\.id) }
}

/// Where a key binding applies: a pane, an overlay, a kind of input field, or the whole
/// workstation. A key resolves in a chain of scopes (the focused pane's, then `global`, then
/// `training`; an overlay's own chain), first match wins.
public struct CommandScope: Hashable, Sendable, CustomStringConvertible {
    /// Short stable name ("sheet").
    public let name: String
    /// Heading in the help overlay and the docs' key table.
    public let title: String
    /// Position among the scopes in help and docs (lower first).
    public let rank: Int

    public init(_ name: String, title: String, rank: Int) {
        self.name = name
        self.title = title
        self.rank = rank
    }

    public static func == (a: Self, b: Self) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    public var description: String { name }

    /// Every scope that has a command, in help order.
    public static var allCases: [CommandScope] { CommandRegistry.scopes }

    public static let global = CommandScope("global", title: "通用 General", rank: 0)
    /// Only in the training demo (`fuhe demo`); refused elsewhere. No pane binds these keys.
    public static let training = CommandScope("training", title: "培训演示 Training（fuhe demo）", rank: 40)
}
