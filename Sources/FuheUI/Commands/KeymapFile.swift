import TermCore

/// The key configuration file (`$XDG_CONFIG_HOME/fuhe/keys.conf`): one binding per line,
///
///     # comment
///     review.accept = A        # a command's long name = its keys, separated by spaces
///     sort.next     = > F6
///     filter.overdue =         (nothing after "=": the command has no key)
///
/// Keys are written as help shows them (`j`, `A`, `Space`, `Enter`, `Tab`, `Shift-Tab`, `Esc`,
/// `Backspace`, `Del`, `↑` or `Up`, `PgDn`, `Home`, `F5`, `Ctrl-R`) or as in session records
/// (`<C-r>`, `<Down>`). A listed command's keys replace its default keys; commands not listed keep
/// theirs. An unknown command or key name, a command listed twice, or a key bound to two commands
/// of one scope is refused with the file and line, and nothing of the file is used.
public enum KeymapFile {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Parses the file's text into a keymap (the registry's defaults with its overrides).
    public static func keymap(_ text: String, file: String) throws(Failure) -> Keymap {
        var overrides: [CommandID: [KeyEvent]] = [:]
        var lineOf: [CommandID: Int] = [:]
        let known = Set(CommandRegistry.all.map(\.id))
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = n + 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            guard let eq = trimmed.firstIndex(of: "=") else {
                throw Failure(description: "\(file) line \(line): expected “command.name = keys”, found “\(trimmed)”")
            }
            let name = trimmed[..<eq].trimmingCharacters(in: .whitespaces)
            let id = CommandID(name)
            guard known.contains(id) else { throw Failure(description: "\(file) line \(line): unknown command “\(name)”（命令名见 ? 帮助或 docs/workstation.md）") }
            if let first = lineOf[id] { throw Failure(description: "\(file) line \(line): “\(name)” is already bound on line \(first)") }
            var keys: [KeyEvent] = []
            // A token starting with # after the first key starts a comment ("A # 采用"); "= #" binds #.
            let tokens = trimmed[trimmed.index(after: eq)...].split(whereSeparator: { $0 == " " || $0 == "\t" })
            let comment = tokens.dropFirst().firstIndex { $0.hasPrefix("#") } ?? tokens.endIndex
            for token in tokens[..<comment] {
                guard let key = key(named: String(token)) else {
                    throw Failure(description: "\(file) line \(line): unknown key “\(token)” for “\(name)”")
                }
                keys.append(key)
            }
            overrides[id] = keys
            lineOf[id] = line
        }
        let keymap = Keymap(overrides: overrides)
        if let clash = keymap.clashes.first {
            let lines = lineOf.filter { clash.contains($0.key.rawValue) }.map { "line \($0.value)" }.sorted().joined(separator: ", ")
            throw Failure(description: "\(file)\(lines.isEmpty ? "" : " " + lines): a key is bound twice in one scope: \(clash)")
        }
        return keymap
    }

    static let names: [String: KeyEvent] = [
        "Space": .character(" "), "Enter": .enter, "Tab": .tab, "Shift-Tab": .backTab, "BTab": .backTab, "Esc": .escape,
        "Backspace": .backspace, "Del": .delete, "↑": .up, "↓": .down, "←": .left, "→": .right, "Up": .up, "Down": .down,
        "Left": .left, "Right": .right, "PgUp": .pageUp, "PgDn": .pageDown, "Home": .home, "End": .end,
    ]

    /// The key a name stands for ("A", "Ctrl-R", "F5", "<C-r>", "PgDn"), nil when unknown.
    public static func key(named text: String) -> KeyEvent? {
        if text.count == 1, let c = text.first { return .character(c) }
        if let key = names[text] { return key }
        if text.hasPrefix("<"), text.hasSuffix(">") { return key(named: String(text.dropFirst().dropLast()).replacingOccurrences(of: "C-", with: "Ctrl-")) }
        if text.hasPrefix("Ctrl-"), text.count == 6, let c = text.last, c.isASCII, c.isLetter { return .ctrl(Character(c.lowercased())) }
        if text.hasPrefix("F"), let n = Int(text.dropFirst()), (1...24).contains(n) { return .function(n) }
        return nil
    }
}
