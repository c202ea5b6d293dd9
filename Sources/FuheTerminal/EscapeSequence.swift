import TermCore

/// One complete CSI (`ESC [ … final`) or SS3 (`ESC O … final`) sequence and the key it stands
/// for, in the forms xterm, VTE, tmux/screen, PuTTY, rxvt, the Linux console, kitty (CSI u) and
/// xterm's modifyOtherKeys send. `key` is nil for sequences that are not keys (focus reports,
/// mouse reports, terminal replies) or are unknown: the decoder drops those whole.
///
/// `EscapeSequence(kind: .csi, parameters: Array("1;5".utf8), final: UInt8(ascii: "C")).key // Ctrl-→`
struct EscapeSequence: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case csi, ss3 }

    var kind: Kind
    /// The parameter (and intermediate) bytes between the introducer and the final byte.
    var parameters: [UInt8]
    var final: UInt8

    /// `ESC[200~`, the start of a bracketed paste.
    var isPasteStart: Bool { kind == .csi && final == 0x7E && parameters == Array("200".utf8) }

    /// The numbers of the parameter string ("1;5" → [1, 5]; an empty field is nil; a ':'
    /// sub-parameter is cut off). Nil when the string holds anything else (a private marker
    /// such as `?` or `<`, or an intermediate byte).
    var numbers: [Int?]? {
        var out: [Int?] = []
        var current: Int?
        var inSubParameter = false
        for byte in parameters {
            switch byte {
            case 0x30...0x39:
                if inSubParameter { continue }
                current = min((current ?? 0) * 10 + Int(byte - 0x30), 1_000_000)
            case 0x3A:
                inSubParameter = true
            case 0x3B:
                out.append(current)
                current = nil
                inSubParameter = false
            default:
                return nil
            }
        }
        out.append(current)
        return out
    }

    var key: KeyEvent? {
        guard let numbers else { return nil }
        let modifiers = numbers.count > 1 ? numbers[1].flatMap(KeyModifiers.init(xtermParameter:)) : nil
        switch kind {
        case .ss3: return ss3Key(numbers)
        case .csi: return csiKey(numbers, modifiers: modifiers ?? [])
        }
    }

    private func csiKey(_ numbers: [Int?], modifiers: KeyModifiers) -> KeyEvent? {
        let first = numbers.first ?? nil
        switch final {
        case UInt8(ascii: "~"):
            guard let first else { return nil }
            if first == 27, numbers.count >= 3, let code = numbers[2] {
                // xterm modifyOtherKeys: ESC [ 27 ; modifiers ; code ~
                return Self.otherKey(code, modifiers: numbers[1].flatMap(KeyModifiers.init(xtermParameter:)) ?? [])
            }
            return Self.tildeKey(first).map { KeyEvent.make($0, modifiers) }
        case UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "@"):
            // rxvt: Ctrl (^), Shift ($), Ctrl-Shift (@) on the ~ keys.
            guard let first, let key = Self.tildeKey(first) else { return nil }
            let held: KeyModifiers = final == UInt8(ascii: "^") ? .ctrl : final == UInt8(ascii: "$") ? .shift : [.ctrl, .shift]
            return KeyEvent.make(key, held)
        case UInt8(ascii: "u"):
            // CSI u (fixterms / kitty): ESC [ code ; modifiers u
            guard let code = first else { return nil }
            return Self.otherKey(code, modifiers: modifiers)
        case UInt8(ascii: "Z"):
            return .backTab
        case UInt8(ascii: "a")...UInt8(ascii: "d"):
            // rxvt: Shift-↑↓→← as ESC [ a/b/c/d.
            guard numbers == [nil] else { return nil }
            return KeyEvent.make(Self.arrow(final - 0x20)!, .shift)
        case UInt8(ascii: "I"), UInt8(ascii: "O"):
            return nil   // focus in / out reports
        default:
            // ESC [ A, ESC [ 1 ; 5 C, ESC [ 1 ; 2 P (xterm Shift-F1), ESC [ H / F.
            guard numbers.count <= 2, first == nil || first == 1 else { return nil }
            return Self.letterKey(final).map { KeyEvent.make($0, modifiers) }
        }
    }

    private func ss3Key(_ numbers: [Int?]) -> KeyEvent? {
        // Modifiers, when sent at all, come as the last number (ESC O 5 C, ESC O 1 ; 5 C).
        let held = (numbers.last ?? nil).flatMap(KeyModifiers.init(xtermParameter:)) ?? []
        switch final {
        case UInt8(ascii: "a")...UInt8(ascii: "d"):
            // rxvt: Ctrl-↑↓→← as ESC O a/b/c/d.
            return KeyEvent.make(Self.arrow(final - 0x20)!, .ctrl)
        case UInt8(ascii: "M"): return KeyEvent.make(.enter, held)
        case UInt8(ascii: "X"): return .character("=")
        case UInt8(ascii: "j"): return .character("*")
        case UInt8(ascii: "k"): return .character("+")
        case UInt8(ascii: "l"): return .character(",")
        case UInt8(ascii: "m"): return .character("-")
        case UInt8(ascii: "n"): return .character(".")
        case UInt8(ascii: "o"): return .character("/")
        case UInt8(ascii: "p")...UInt8(ascii: "y"):
            return .character(Character(Unicode.Scalar(final - UInt8(ascii: "p") + UInt8(ascii: "0"))))
        default:
            return Self.letterKey(final).map { KeyEvent.make($0, held) }
        }
    }

    /// Keys named by a final letter: arrows, Home/End, the keypad's 5 (ignored), F1–F4.
    private static func letterKey(_ final: UInt8) -> KeyEvent? {
        switch final {
        case UInt8(ascii: "A")...UInt8(ascii: "D"): return arrow(final)
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "P")...UInt8(ascii: "S"): return .function(Int(final - UInt8(ascii: "P")) + 1)
        default: return nil
        }
    }

    private static func arrow(_ final: UInt8) -> KeyEvent? {
        switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        default: nil
        }
    }

    /// The VT220 / rxvt / PuTTY / Linux `ESC [ n ~` keys.
    private static func tildeKey(_ number: Int) -> KeyEvent? {
        switch number {
        case 1, 7: .home
        case 2: .insert
        case 3: .delete
        case 4, 8: .end
        case 5: .pageUp
        case 6: .pageDown
        case 11...15: .function(number - 10)
        case 17...21: .function(number - 11)
        case 23...26: .function(number - 12)
        case 28, 29: .function(number - 13)
        case 31...34: .function(number - 14)
        default: nil
        }
    }

    /// A key given by its code point with modifiers (CSI u, modifyOtherKeys).
    private static func otherKey(_ code: Int, modifiers: KeyModifiers) -> KeyEvent? {
        let base: KeyEvent
        switch code {
        case 9: base = .tab
        case 13: base = .enter
        case 27: base = .escape
        case 8, 127: base = .backspace
        default:
            guard code >= 0x20, let scalar = Unicode.Scalar(UInt32(code)), !(0x7F..<0xA0).contains(code) else { return nil }
            base = .character(Character(scalar))
        }
        return KeyEvent.make(base, modifiers)
    }
}
