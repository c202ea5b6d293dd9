/// Escaping for XML text and attribute values in one pass over the UTF-8 bytes, and the one place
/// that decides what a character XML 1.0 cannot hold becomes: C0 controls other than tab, line
/// feed and carriage return are written as their Unicode control pictures (ESC → ␛, DEL → ␡),
/// U+FFFE and U+FFFF as U+FFFD. A value typed with a stray control character still makes a
/// well-formed document, and shows the character instead of acting on anything.
enum XMLText {
    /// Appends `text` escaped for element content (`&`, `<`, `>`; CR as `&#13;` so it survives).
    static func appendText(_ text: String, to out: inout [UInt8]) { append(text, attribute: false, to: &out) }

    /// Appends `text` escaped for a double-quoted attribute value (also `"`, tab, LF, CR).
    static func appendAttribute(_ text: String, to out: inout [UInt8]) { append(text, attribute: true, to: &out) }

    /// `text` escaped for element content.
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        appendText(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The text with the characters XML cannot hold replaced as described above (no escaping).
    static func displayable(_ text: String) -> String {
        // Quick look at the bytes: only C0 controls, DEL and U+FFFx (lead byte 0xEF) can need work.
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F || $0 == 0xEF }),
              text.unicodeScalars.contains(where: { replacement(for: $0) != nil }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(replacement(for: s) ?? s) }
        return String(out)
    }

    /// What a character XML cannot hold is written as; nil when it is fine.
    static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D { return Unicode.Scalar(0x2400 + v) }
        if v == 0x7F { return Unicode.Scalar(0x2421) }
        if v == 0xFFFE || v == 0xFFFF { return Unicode.Scalar(0xFFFD) }
        return nil
    }

    private static func append(_ text: String, attribute: Bool, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { buf in
            let n = buf.count
            var i = 0, run = 0
            func flush(_ upTo: Int) { if run < upTo { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[run..<upTo])) } }
            while i < n {
                let b = buf[i]
                let special: [UInt8]?
                var width = 1
                switch b {
                case UInt8(ascii: "&"): special = Array("&amp;".utf8)
                case UInt8(ascii: "<"): special = Array("&lt;".utf8)
                case UInt8(ascii: ">") where !attribute: special = Array("&gt;".utf8)
                case UInt8(ascii: "\"") where attribute: special = Array("&quot;".utf8)
                case 0x0D: special = Array("&#13;".utf8)
                case 0x09 where attribute: special = Array("&#9;".utf8)
                case 0x0A where attribute: special = Array("&#10;".utf8)
                case 0x09, 0x0A: special = nil
                case 0x00..<0x20: special = [0xE2, 0x90, 0x80 + b]
                case 0x7F: special = [0xE2, 0x90, 0xA1]
                case 0xEF where i + 2 < n && buf[i + 1] == 0xBF && (buf[i + 2] == 0xBE || buf[i + 2] == 0xBF):
                    special = [0xEF, 0xBF, 0xBD]
                    width = 3
                default: special = nil
                }
                if let special {
                    flush(i)
                    out.append(contentsOf: special)
                    i += width
                    run = i
                } else {
                    i += 1
                }
            }
            flush(n)
        }
    }
}
