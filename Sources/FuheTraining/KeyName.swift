import TermCore

/// Key names of the session record format: a printable key is itself ("j", "中", "<"), every
/// other key a name in angle brackets ("<Enter>", "<C-r>", "<F5>", "<BTab>"), modifiers as
/// prefixes in the order C- M- S- ("<C-Left>", "<M-b>", "<S-F3>", "<C-S-Right>"), and a paste
/// as "<Paste:" + its text + ">".
public enum KeyName {
    static let named: [(String, KeyEvent)] = [
        ("Enter", .enter), ("Tab", .tab), ("BTab", .backTab), ("Esc", .escape), ("Backspace", .backspace), ("Del", .delete),
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end), ("Ins", .insert),
    ]

    static let pastePrefix = "<Paste:"

    /// The name of a key; nil for a resize (not a key: replays use their own terminal's size).
    public static func name(of key: KeyEvent) -> String? {
        switch key {
        case .character(let c): return String(c)
        case .ctrl(let c): return "<C-\(c)>"
        case .alt(let c): return "<M-\(c)>"
        case .function(let n): return "<F\(n)>"
        case .paste(let text): return pastePrefix + text + ">"
        case .resize: return nil
        case .modified(let base, let modifiers):
            guard let inner = name(of: base), inner.hasPrefix("<"), inner.hasSuffix(">") else { return nil }
            return "<" + prefix(modifiers) + inner.dropFirst()
        default: return named.first { $0.1 == key }.map { "<\($0.0)>" }
        }
    }

    /// The key a name stands for, nil for an unknown name.
    public static func key(named text: String) -> KeyEvent? {
        if text.count == 1, let c = text.first { return .character(c) }
        if text.hasPrefix(pastePrefix), text.hasSuffix(">"), text.count > pastePrefix.count + 1 {
            return .paste(String(text.dropFirst(pastePrefix.count).dropLast()))
        }
        guard text.count > 2, text.hasPrefix("<"), text.hasSuffix(">") else { return nil }
        var body = Substring(text.dropFirst().dropLast())
        var modifiers: KeyModifiers = []
        while body.count > 2, let dash = body.dropFirst().first, dash == "-" {
            switch body.first {
            case "C": modifiers.insert(.ctrl)
            case "M": modifiers.insert(.alt)
            case "S": modifiers.insert(.shift)
            default: return nil
            }
            body = body.dropFirst(2)
        }
        let base: KeyEvent
        if let hit = named.first(where: { $0.0 == body }) {
            base = hit.1
        } else if body.hasPrefix("F"), let n = Int(body.dropFirst()), (1...63).contains(n) {
            base = .function(n)
        } else if body.count == 1, let c = body.first, !modifiers.isEmpty {
            if modifiers == .ctrl, c.isASCII, c.isLetter { return .ctrl(Character(c.lowercased())) }
            if modifiers == .alt { return .alt(c) }
            return nil
        } else {
            return nil
        }
        if base == .backTab && !modifiers.isEmpty { return nil }
        return modifiers.isEmpty ? base : .modified(base, modifiers)
    }

    private static func prefix(_ modifiers: KeyModifiers) -> String {
        (modifiers.contains(.ctrl) ? "C-" : "") + (modifiers.contains(.alt) ? "M-" : "") + (modifiers.contains(.shift) ? "S-" : "")
    }
}
