import TermCore

/// Key names of the session record format: a printable key is itself ("j", "中", "<"), every
/// other key a name in angle brackets ("<Enter>", "<C-r>", "<F5>", "<BTab>").
public enum KeyName {
    static let named: [(String, KeyEvent)] = [
        ("Enter", .enter), ("Tab", .tab), ("BTab", .backTab), ("Esc", .escape), ("Backspace", .backspace), ("Del", .delete),
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end),
    ]

    /// The name of a key; nil for a resize (not a key: replays use their own terminal's size).
    public static func name(of key: KeyEvent) -> String? {
        switch key {
        case .character(let c): return String(c)
        case .ctrl(let c): return "<C-\(c)>"
        case .function(let n): return "<F\(n)>"
        case .resize: return nil
        default: return named.first { $0.1 == key }.map { "<\($0.0)>" }
        }
    }

    /// The key a name stands for, nil for an unknown name.
    public static func key(named text: String) -> KeyEvent? {
        if text.count == 1, let c = text.first { return .character(c) }
        guard text.count > 2, text.hasPrefix("<"), text.hasSuffix(">") else { return nil }
        let body = String(text.dropFirst().dropLast())
        if let hit = named.first(where: { $0.0 == body }) { return hit.1 }
        if body.hasPrefix("C-"), body.count == 3, let c = body.last, c.isASCII, c.isLetter { return .ctrl(Character(c.lowercased())) }
        if body.hasPrefix("F"), let n = Int(body.dropFirst()), (1...63).contains(n) { return .function(n) }
        return nil
    }
}
