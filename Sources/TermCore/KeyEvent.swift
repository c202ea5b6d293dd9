/// A key press (or terminal event) as the application sees it, independent of ncurses.
///
/// Unmodified keys have their own cases (`.left`, `.home`, `.function(5)`); a special key held
/// with Shift, Alt or Ctrl is `.modified(.left, .ctrl)` (Ctrl-←); Alt plus a printable character
/// is `.alt("b")`; a bracketed paste is one `.paste(text)`.
public enum KeyEvent: Hashable, Sendable, CustomStringConvertible {
    /// A printable character, including a whole IME commit arriving character by character.
    case character(Character)
    /// Ctrl plus a letter, lower case (`ctrl("r")` is Ctrl-R). Ctrl-C arrives as `ctrl("c")`.
    case ctrl(Character)
    /// Alt (Meta, or Esc typed just before) plus a printable character: Alt-b is `alt("b")`.
    case alt(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end, insert
    case enter, tab, backTab, escape, backspace, delete
    case function(Int)
    /// A special key (arrow, Home/End, PgUp/PgDn, Insert/Delete, Backspace, Enter, Tab, Esc,
    /// F-key) held with modifiers: Ctrl-→ is `.modified(.right, .ctrl)`. Never holds a
    /// `.character`, `.ctrl`, `.alt`, `.paste` or `.resize`, and never empty modifiers.
    indirect case modified(KeyEvent, KeyModifiers)
    /// Text pasted in one piece (bracketed paste), line breaks as "\n", tabs kept, other control
    /// characters removed.
    case paste(String)
    /// The terminal was resized to the given size.
    case resize(width: Int, height: Int)

    /// A short name for key hints and presentation mode ("j", "Ctrl-R", "↓", "Enter", "Ctrl-→").
    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .ctrl(let c): "Ctrl-" + String(c).uppercased()
        case .alt(let c): "Alt-" + String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .insert: "Ins"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .function(let n): "F\(n)"
        case .modified(let key, let modifiers): modifiers.description + key.description
        case .paste(let text): "粘贴\(text.count)字"
        case .resize(let w, let h): "resize \(w)×\(h)"
        }
    }

    /// The key without its modifiers (`.left` for Ctrl-←); the key itself when unmodified.
    public var unmodified: KeyEvent {
        if case .modified(let key, _) = self { return key }
        return self
    }

    /// The modifiers held (empty for an unmodified key; `.alt` for `.alt(c)`, `.ctrl` for `.ctrl(c)`).
    public var modifiers: KeyModifiers {
        switch self {
        case .modified(_, let modifiers): modifiers
        case .alt: .alt
        case .ctrl: .ctrl
        default: []
        }
    }

    /// `key` with `modifiers`, in the canonical form: no modifiers gives the key itself, Shift-Tab
    /// is `.backTab`, Alt plus a character is `.alt(c)`, Ctrl plus a letter is `.ctrl(c)`, and
    /// Shift plus a character is the character (the terminal already shifted it). Ctrl-Alt plus
    /// a letter is Ctrl plus the letter.
    public static func make(_ key: KeyEvent, _ modifiers: KeyModifiers) -> KeyEvent {
        var modifiers = modifiers
        var key = key
        if case .modified(let inner, let more) = key { key = inner; modifiers.formUnion(more) }
        if modifiers.isEmpty { return key }
        switch key {
        case .tab where modifiers == .shift: return .backTab
        case .character(let c):
            if modifiers.contains(.ctrl), let letter = c.lowercased().first, letter.isASCII, letter.isLetter {
                return .ctrl(letter)
            }
            if modifiers.contains(.alt) { return .alt(c) }
            return key
        case .ctrl, .alt, .paste, .resize:
            return key
        default:
            return .modified(key, modifiers)
        }
    }
}

/// Shift, Alt (Meta) and Ctrl held with a key.
public struct KeyModifiers: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let shift = KeyModifiers(rawValue: 1)
    public static let alt = KeyModifiers(rawValue: 2)
    public static let ctrl = KeyModifiers(rawValue: 4)

    /// From the xterm modifier parameter (`1 + bits`: 2 Shift, 3 Alt, 5 Ctrl, 6 Ctrl-Shift …;
    /// Meta, bit 8, counts as Alt). Nil for a value that is not one (0, or beyond 16).
    public init?(xtermParameter value: Int) {
        guard value >= 1, value <= 16 else { return nil }
        let bits = value - 1
        var modifiers: KeyModifiers = []
        if bits & 1 != 0 { modifiers.insert(.shift) }
        if bits & 2 != 0 || bits & 8 != 0 { modifiers.insert(.alt) }
        if bits & 4 != 0 { modifiers.insert(.ctrl) }
        self = modifiers
    }

    /// "Ctrl-Shift-", "Alt-", "" — the prefix of a key's name.
    public var description: String {
        (contains(.ctrl) ? "Ctrl-" : "") + (contains(.alt) ? "Alt-" : "") + (contains(.shift) ? "Shift-" : "")
    }
}
