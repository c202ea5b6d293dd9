import CNcursesw
import TermCore

/// Turns what the terminal sends into ``KeyEvent``s: plain characters, and escape sequences
/// decoded completely — CSI and SS3 with xterm modifiers (Ctrl-→ is `ESC[1;5C`), the VT220
/// `~` keys (Home/End as PuTTY sends them, `ESC[1~`/`ESC[4~`), the rxvt forms (`ESC[7~`,
/// `ESC[3^`, `ESC[a`, `ESCOd`), the Linux console's F1–F5 (`ESC[[A`), CSI u and xterm's
/// modifyOtherKeys, Alt as an Esc prefix for the word keys (Alt-b is `ESC b`; Esc then any other key
/// stays Esc and that key), and bracketed paste
/// (`ESC[200~` … `ESC[201~`, delivered as one `.paste`). A sequence it does not know is read to
/// its end and dropped — never split into Esc and stray keys that would run as commands.
///
/// Pure and fed one input at a time, so every sequence is testable without a terminal:
///
/// ```swift
/// var decoder = KeyDecoder()
/// for byte in "\u{1B}[1;5C".unicodeScalars { keys += decoder.feed(.code(byte.value)) }
/// // keys == [.modified(.right, .ctrl)]
/// ```
///
/// An Esc on its own is only known to be one when nothing follows it: the terminal feeds
/// `.timeout` after ``pendingTimeoutMilliseconds`` without input, which completes it.
public struct KeyDecoder: Sendable {
    /// One thing read from the terminal.
    public enum Input: Sendable, Hashable {
        /// A character code (`wget_wch` returned OK).
        case code(UInt32)
        /// Nothing arrived within ``KeyDecoder/pendingTimeoutMilliseconds``.
        case timeout
    }

    /// Where the decoder is inside a sequence.
    enum State: Sendable, Hashable {
        case ground
        /// After ESC.
        case escape
        /// After ESC ESC (Alt held with a key that sends a sequence, or Esc twice).
        case escapeEscape
        /// After ESC [ (`alt`: an ESC came first): the parameter and intermediate bytes so far.
        case csi(bytes: [UInt8], alt: Bool)
        /// After ESC O: parameter bytes so far.
        case ss3(bytes: [UInt8], alt: Bool)
        /// After ESC [ [ (the Linux console's F1–F5).
        case linuxFunction
        /// After ESC [ M (an X10 mouse report): raw bytes still to skip.
        case mouse(remaining: Int)
        /// Inside a bracketed paste.
        case paste
    }

    var state: State = .ground
    /// The paste being collected.
    var pasteText = ""
    var pasteCharacters = 0
    /// How much of the end marker `ESC[201~` has been seen.
    var pasteEndMatched = 0
    /// The last code added to a paste was a CR (a following LF is the same line break).
    var pasteAfterCR = false

    /// Letters that, typed right after Esc (as terminals send Alt), are read as Alt plus the letter.
    static let altLetters: Set<Character> = ["b", "f", "d"]

    /// Longest CSI/SS3 parameter run accepted; a longer one is dropped as garbage.
    static let maximumSequenceLength = 64
    /// Most characters one paste keeps; the rest of a larger paste is read and dropped.
    public static let maximumPasteCharacters = 1_000_000

    public init() {}

    /// True while an incomplete sequence (or paste) is held: the terminal should wait at most
    /// ``pendingTimeoutMilliseconds`` for more before feeding `.timeout`.
    public var isPending: Bool { state != .ground }

    /// How long to wait for the rest of what is held: 40 ms after a lone Esc (a person pressing
    /// Esc), 500 ms inside a sequence or a paste (the rest is surely coming).
    public var pendingTimeoutMilliseconds: Int {
        switch state {
        case .ground: -1
        case .escape, .escapeEscape: 40
        default: 500
        }
    }

    /// Feeds one input; returns the keys it completes (usually none or one).
    public mutating func feed(_ input: Input) -> [KeyEvent] {
        switch input {
        case .timeout: return timeout()
        case .code(let code): return consume(code)
        }
    }

    private mutating func timeout() -> [KeyEvent] {
        defer { state = .ground }
        switch state {
        case .ground: return []
        case .escape: return [.escape]
        case .escapeEscape: return [.escape, .escape]
        case .paste: return finishPaste()
        default: return []   // an incomplete sequence is dropped whole
        }
    }

    private mutating func consume(_ code: UInt32) -> [KeyEvent] {
        switch state {
        case .ground:
            if code == 27 { state = .escape; return [] }
            return Self.character(code).map { [$0] } ?? []
        case .escape:
            switch code {
            case 0x5B: state = .csi(bytes: [], alt: false); return []
            case 0x4F: state = .ss3(bytes: [], alt: false); return []
            case 27: state = .escapeEscape; return []
            default:
                state = .ground
                guard let key = Self.character(code) else { return [.escape] }
                // Alt sent as an Esc prefix, for the keys that mean something with Alt: the word
                // keys (Alt-b, Alt-f, Alt-d) and Alt-Backspace. Any other key right after Esc is
                // Esc and then that key — what a person pressing Esc, then a key, means.
                switch key {
                case .character(let c) where Self.altLetters.contains(c): return [.alt(c)]
                case .backspace: return [.modified(.backspace, .alt)]
                default: return [.escape, key]
                }
            }
        case .escapeEscape:
            switch code {
            case 0x5B: state = .csi(bytes: [], alt: true); return []
            case 0x4F: state = .ss3(bytes: [], alt: true); return []
            default:
                // Esc, then Esc plus this key.
                state = .escape
                return [.escape] + consume(code)
            }
        case .csi(let bytes, let alt):
            return csi(bytes, alt: alt, code)
        case .ss3(let bytes, let alt):
            return ss3(bytes, alt: alt, code)
        case .linuxFunction:
            state = .ground
            guard (0x41...0x45).contains(code) else { return [] }
            return [.function(Int(code) - 0x40)]
        case .mouse(let remaining):
            state = remaining > 1 ? .mouse(remaining: remaining - 1) : .ground
            return []
        case .paste:
            return pasteByte(code)
        }
    }

    // MARK: - CSI and SS3

    private mutating func csi(_ bytes: [UInt8], alt: Bool, _ code: UInt32) -> [KeyEvent] {
        if bytes.isEmpty && code == 0x5B { state = .linuxFunction; return [] }
        if bytes.isEmpty && code == 0x4D { state = .mouse(remaining: 3); return [] }
        switch code {
        case 0x24 where !bytes.isEmpty && bytes.allSatisfy(Self.isDigit):
            // rxvt: ESC [ 3 $ is Shift-Delete ('$' is otherwise an intermediate byte).
            state = .ground
            return finish(EscapeSequence(kind: .csi, parameters: bytes, final: 0x24), alt: alt)
        case 0x20...0x3F:
            guard bytes.count < Self.maximumSequenceLength else { state = .ground; return [] }
            state = .csi(bytes: bytes + [UInt8(code)], alt: alt)
            return []
        case 0x40...0x7E:
            state = .ground
            let sequence = EscapeSequence(kind: .csi, parameters: bytes, final: UInt8(code))
            if sequence.isPasteStart { startPaste(); return [] }
            return finish(sequence, alt: alt)
        default:
            // Not part of any sequence: drop what was read, then take this code as typed.
            state = .ground
            return consume(code)
        }
    }

    private mutating func ss3(_ bytes: [UInt8], alt: Bool, _ code: UInt32) -> [KeyEvent] {
        switch code {
        case 0x30...0x3B:
            guard bytes.count < Self.maximumSequenceLength else { state = .ground; return [] }
            state = .ss3(bytes: bytes + [UInt8(code)], alt: alt)
            return []
        case 0x40...0x7E:
            state = .ground
            return finish(EscapeSequence(kind: .ss3, parameters: bytes, final: UInt8(code)), alt: alt)
        default:
            state = .ground
            return consume(code)
        }
    }

    private func finish(_ sequence: EscapeSequence, alt: Bool) -> [KeyEvent] {
        guard let key = sequence.key else { return [] }
        return [alt ? KeyEvent.make(key, .alt) : key]
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    // MARK: - Bracketed paste

    private static let pasteEnd: [UInt32] = [27, 0x5B, 0x32, 0x30, 0x31, 0x7E]   // ESC [ 2 0 1 ~

    private mutating func startPaste() {
        state = .paste
        pasteText = ""
        pasteCharacters = 0
        pasteEndMatched = 0
        pasteAfterCR = false
    }

    private mutating func pasteByte(_ code: UInt32) -> [KeyEvent] {
        if code == Self.pasteEnd[pasteEndMatched] {
            pasteEndMatched += 1
            if pasteEndMatched == Self.pasteEnd.count {
                state = .ground
                return finishPaste()
            }
            return []
        }
        if pasteEndMatched > 0 {
            // A partial end marker was text after all (its ESC is a control and is dropped).
            for held in Self.pasteEnd[1..<pasteEndMatched] { appendPasted(held) }
            pasteEndMatched = 0
            return pasteByte(code)
        }
        appendPasted(code)
        return []
    }

    private mutating func appendPasted(_ code: UInt32) {
        let afterCR = pasteAfterCR
        pasteAfterCR = code == 13
        guard pasteCharacters < Self.maximumPasteCharacters else { return }
        let character: Character
        switch code {
        case 13: character = "\n"
        case 10:
            if afterCR { return }
            character = "\n"
        case 9: character = "\t"
        case 0..<0x20, 0x7F..<0xA0: return
        default:
            guard let scalar = Unicode.Scalar(code) else { return }
            character = Character(scalar)
        }
        pasteText.unicodeScalars.append(contentsOf: character.unicodeScalars)
        pasteCharacters += 1
    }

    private mutating func finishPaste() -> [KeyEvent] {
        let text = pasteText
        pasteText = ""
        pasteCharacters = 0
        pasteEndMatched = 0
        return text.isEmpty ? [] : [.paste(text)]
    }

    // MARK: - Single codes

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

    /// A `KEY_*` code (only resize arrives this way while keypad mode is off; the rest is kept
    /// for terminals that report keys through terminfo).
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
        case KEY_IC: return .insert
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
