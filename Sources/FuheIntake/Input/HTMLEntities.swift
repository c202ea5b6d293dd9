/// HTML character references: numeric (`&#20013;`, `&#x4E2D;`) and the named ones that occur in
/// Chinese government pages.
enum HTMLEntities {
    static let named: [String: String] = [
        "nbsp": "\u{A0}", "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "ldquo": "“", "rdquo": "”",
        "lsquo": "‘", "rsquo": "’", "mdash": "—", "ndash": "–", "hellip": "…", "middot": "·", "times": "×",
        "divide": "÷", "plusmn": "±", "le": "≤", "ge": "≥", "ne": "≠", "deg": "°", "permil": "‰", "yen": "¥",
        "copy": "©", "reg": "®", "bull": "•", "emsp": " ", "ensp": " ", "thinsp": " ", "laquo": "«", "raquo": "»",
        "sup2": "²", "sup3": "³", "frac12": "½", "minus": "−", "zwnj": "", "zwj": "", "shy": "",
    ]

    /// The text of the reference starting at `i` (an `&`) and the index after it, or nil when it
    /// is not a reference (the `&` is then text).
    static func decode(_ s: [Unicode.Scalar], at i: Int) -> (String, Int)? {
        var j = i + 1
        var name = ""
        while j < s.count, j - i <= 12, s[j] != ";" {
            guard s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) || s[j] == "#" else { return nil }
            name.unicodeScalars.append(s[j])
            j += 1
        }
        guard j < s.count, s[j] == ";", !name.isEmpty else { return nil }
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let v = value, let scalar = Unicode.Scalar(v) else { return nil }
            return (String(scalar), j + 1)
        }
        guard let text = named[name] ?? named[name.lowercased()] else { return nil }
        return (text, j + 1)
    }
}
