import CNcursesw
import TermCore

/// Maps what `wget_wch` returns to a ``KeyEvent``; pure, so it is testable without a terminal.
///
/// `KeyDecoder.event(isFunctionKey: false, code: 3) // .ctrl("c")`
public enum KeyDecoder {
    /// The key for one `wget_wch` result: `isFunctionKey` is true when it returned
    /// `KEY_CODE_YES`. Returns nil for keys the application has no name for (they are skipped)
    /// and for `KEY_RESIZE`, which the terminal turns into `.resize` with the new size.
    public static func event(isFunctionKey: Bool, code: UInt32) -> KeyEvent? {
        isFunctionKey ? functionKey(Int32(truncatingIfNeeded: code)) : character(code)
    }

    /// A plain character code: controls, Backspace/Tab/Enter/Esc, printable text (CJK included).
    static func character(_ code: UInt32) -> KeyEvent? {
        switch code {
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0..<0x20, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A `KEY_*` code.
    static func functionKey(_ code: Int32) -> KeyEvent? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1, KEY_LL: return .end
        case KEY_A3: return .pageUp
        case KEY_C3: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
