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
    /// ASCII other than "," or a CJK unified ideograph (the common case: element names, answers).
    private static func isNormal(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            guard (0x21...0x7E).contains(v) && v != 0x2C || (0x4E00...0x9FFF).contains(v) else { return false }
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
        guard text.contains(where: { $0 == "、" || $0 == ";" || $0 == "," }) else { return nil }
        let pieces = text.split(whereSeparator: { $0 == "、" || $0 == ";" || $0 == "," }).map(String.init)
        return pieces.count >= 2 ? pieces : nil
    }
}
