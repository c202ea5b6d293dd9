/// Text made harmless for a terminal: every character a terminal (or the eye) could take as a
/// command is written as a visible escape instead.
///
/// Escaped: C0 controls (ESC, BEL, CR, TAB, LF, …), DEL, C1 controls (U+0080–U+009F, which some
/// terminals read as CSI/OSC), the bidirectional formatting characters (U+061C, U+200E, U+200F,
/// U+202A–U+202E, U+2066–U+2069, which reorder what is shown), and the line and paragraph
/// separators U+2028/U+2029. Tab, CR and LF become `\t`, `\r`, `\n`; other C0/C1/DEL become
/// `\xHH`; the rest `\u{HHHH}`. Everything else — Chinese, emoji, combining marks — is kept.
///
/// This is the one escaping function for output to a terminal: `fuhe show`, `list`, `check`,
/// `leases`, `verify` and every error message pass names and texts through it.
///
/// `TerminalText.escaped("恶意\u{1B}]0;标题\u{7}") // "恶意\\x1B]0;标题\\x07"`
public enum TerminalText {
    /// `text` with every control and bidi character escaped; with `keepingNewlines`, "\n" stays
    /// a line break (for output that is already a sequence of lines).
    public static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && !(keepingNewlines && $0 == "\n") }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if keepingNewlines && scalar == "\n" || !needsEscape(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += escape(scalar)
            }
        }
        return out
    }

    /// Whether a scalar is escaped by ``escaped(_:keepingNewlines:)``.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        guard v >= 0x61C else { return false }
        return v == 0x61C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\t": return "\\t"
        case "\r": return "\\r"
        case "\n": return "\\n"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            if scalar.value <= 0x9F { return "\\x" + (hex.count < 2 ? "0" + hex : hex) }
            return "\\u{" + hex + "}"
        }
    }
}
