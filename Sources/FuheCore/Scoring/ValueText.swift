import Foundation

/// Text helpers shared by the value parser: normalisation of printed text and number scanning.
enum ValueText {
    /// Full-width ASCII → half-width, minus/division signs unified, whitespace removed, a trailing
    /// full stop dropped. Full-width comma and semicolon become "," and ";" (both are separators).
    static func normalize(_ text: String) -> String {
        if isNormal(text) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0xFF01...0xFF5E:
                if let half = Unicode.Scalar(v - 0xFEE0) { out.append(half) }
            case 0x2212, 0x2012, 0x2013:  // − ‒ – used as minus
                out.append("-")
            case 0x00F7:  // ÷
                out.append("/")
            case 0x3000, 0x00A0:
                continue
            default:
                if scalar.properties.isWhitespace { continue }
                out.append(scalar)
            }
        }
        var result = String(out)
        while result.last == "。" { result.removeLast() }
        return removeThousandsSeparators(result)
    }

    /// Whether `normalize` would return the text unchanged because every character is printable
    /// ASCII other than ",", a CJK unified ideograph or "、" (the common case: element names,
    /// answers, lists of answers; "、" is kept as it is, and no "。" or "," is there to drop).
    private static func isNormal(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            guard (0x21...0x7E).contains(v) && v != 0x2C || (0x4E00...0x9FFF).contains(v) || v == 0x3001 else { return false }
        }
        return true
    }

    /// Drops "," used as a thousands separator ("9,768" → "9768"): a comma between a digit and
    /// exactly three digits that are not followed by another digit.
    static func removeThousandsSeparators(_ text: String) -> String {
        guard text.contains(",") else { return text }
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(chars.count)
        for i in chars.indices {
            if chars[i] == ",", i > 0, isDigit(chars[i - 1]), i + 3 < chars.count,
               isDigit(chars[i + 1]), isDigit(chars[i + 2]), isDigit(chars[i + 3]),
               i + 4 == chars.count || !isDigit(chars[i + 4]) {
                continue
            }
            out.append(chars[i])
        }
        return out
    }

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// Leading and trailing whitespace removed (without bridging to NSString).
    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    /// The first plain number in the text ("≥3000人次" → 3000, "第5名" → 5, "-6.67%" → −6.67).
    /// A "-" counts as a sign only when it is not preceded by a digit ("1-7天" → 1).
    static func firstNumber(_ text: String) -> Decimal? {
        let chars = Array(text)
        guard let start = chars.firstIndex(where: isDigit) else { return nil }
        var negative = false
        if start > 0, chars[start - 1] == "-" {
            negative = start == 1 || !isDigit(chars[start - 2])
        }
        var end = start
        while end < chars.count, isDigit(chars[end]) { end += 1 }
        if end + 1 < chars.count, chars[end] == ".", isDigit(chars[end + 1]) {
            end += 1
            while end < chars.count, isDigit(chars[end]) { end += 1 }
        }
        guard let value = ExactDecimal.parse(String(chars[start..<end])) else { return nil }
        return negative ? -value : value
    }

    /// Splits a checklist answer on "、", ";", "," (after normalisation "；" and "，" are ";" and ",").
    /// Nil unless there are at least two non-empty pieces.
    static func splitItems(_ text: String) -> [String]? {
        if let pieces = splitPlainItems(text) { return pieces.count >= 2 ? pieces : nil }   // no separator: none
        guard text.contains(where: { $0 == "、" || $0 == ";" || $0 == "," }) else { return nil }
        let pieces = text.split(whereSeparator: { $0 == "、" || $0 == ";" || $0 == "," }).map(String.init)
        return pieces.count >= 2 ? pieces : nil
    }

    /// `splitItems`'s pieces (empty ones dropped) read from the UTF-8 bytes, for a text whose
    /// every scalar is printable ASCII, a CJK unified ideograph or "、" — each of those a
    /// character of its own, so that splitting the bytes at the separators splits the characters
    /// the same way (a lone 0x2C or 0x3B byte is always that ASCII character, E3 80 81 always
    /// "、"); no pieces for a text without separators; nil for any other text.
    static func splitPlainItems(_ text: String) -> [String]? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var pieces: [String] = []
            var start = 0, i = 0, separated = false
            while i < bytes.count {
                let b = bytes[i]
                var separator = 0
                if b == 0x2C || b == 0x3B {
                    separator = 1
                } else if b >= 0x20 && b <= 0x7E {
                    separator = 0
                } else if b == 0xE3, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x81 {
                    separator = 3
                } else if b >= 0xE4 && b <= 0xE9, i + 2 < bytes.count {
                    // U+4E00…U+9FFF: E4 B8 80 … E9 BF BF.
                    let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                    guard bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80,
                          scalar >= 0x4E00 && scalar <= 0x9FFF else { return nil }
                    i += 3
                    continue
                } else {
                    return nil
                }
                if separator > 0 {
                    separated = true
                    if i > start { pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                    i += separator
                    start = i
                } else {
                    i += 1
                }
            }
            guard separated else { return [] }
            if i > start { pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
            return pieces
        } ?? nil
    }
}
