/// A key press (or terminal event) as the application sees it, independent of ncurses.
public enum KeyEvent: Hashable, Sendable, CustomStringConvertible {
    /// A printable character, including a whole IME commit arriving character by character.
    case character(Character)
    /// Ctrl plus a letter, lower case (`ctrl("r")` is Ctrl-R). Ctrl-C arrives as `ctrl("c")`.
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete
    case function(Int)
    /// The terminal was resized to the given size.
    case resize(width: Int, height: Int)

    /// A short name for key hints and presentation mode ("j", "Ctrl-R", "↓", "Enter").
    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .ctrl(let c): "Ctrl-" + String(c).uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .function(let n): "F\(n)"
        case .resize(let w, let h): "resize \(w)×\(h)"
        }
    }
}
