/// Heading and list markers of Chinese reports: 一、 / (一) / 1、1. / (1) 1) / ①, and 第一部分.
enum Outline {
    enum Level: Int, Comparable, Sendable {
        case part = 0, chapter = 1, section = 2, item = 3, subitem = 4, circled = 5

        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    struct Marker: Equatable, Sendable {
        var level: Level
        var number: Int
        /// Offset just after the marker.
        var end: Int
    }

    static let numerals: [Unicode.Scalar: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    /// Reads a Chinese numeral (一 … 九十九) at `i`; returns its value and the end.
    static func numeral(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Int)? {
        var j = i
        var value = 0, current = 0
        while j < s.count, let n = numerals[s[j]], j - i < 4 {
            if n == 10 { value += max(current, 1) * 10; current = 0 } else { current = n }
            j += 1
        }
        guard j > i else { return nil }
        return (value + current, j)
    }

    static func digits(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Int)? {
        var j = i, v = 0
        while j < s.count, isDigit(s[j]), j - i < 3 { v = v * 10 + Int(s[j].value - 48); j += 1 }
        guard j > i, j - i < 3 || !(j < s.count && isDigit(s[j])) else { return nil }
        return j > i ? (v, j) : nil
    }

    /// The marker starting at `i`, if any.
    static func marker(_ s: [Unicode.Scalar], at i: Int) -> Marker? {
        guard i < s.count else { return nil }
        let c = s[i]
        if (0x2460...0x2473).contains(c.value) { return Marker(level: .circled, number: Int(c.value - 0x245F), end: i + 1) }
        if c == "第", let (n, j) = numeral(s, i + 1), j + 1 < s.count, s[j] == "部" || s[j] == "章", s[j + 1] == "分" || s[j] == "章" {
            return Marker(level: .part, number: n, end: s[j] == "章" ? j + 1 : j + 2)
        }
        if let (n, j) = numeral(s, i), j < s.count, s[j] == "、" || s[j] == "." || (s[j] == "," && j + 1 < s.count && !isDigit(s[j + 1])) {
            return Marker(level: .chapter, number: n, end: j + 1)
        }
        if c == "(" {
            if let (n, j) = numeral(s, i + 1), j < s.count, s[j] == ")" {
                var e = j + 1
                if e < s.count, s[e] == "、" || s[e] == "." { e += 1 }
                return Marker(level: .section, number: n, end: e)
            }
            if let (n, j) = digits(s, i + 1), j < s.count, s[j] == ")" {
                var e = j + 1
                if e < s.count, s[e] == "、" || s[e] == "." { e += 1 }
                return Marker(level: .subitem, number: n, end: e)
            }
            return nil
        }
        if let (n, j) = digits(s, i), j < s.count {
            if s[j] == "、" { return Marker(level: .item, number: n, end: j + 1) }
            if s[j] == ".", j + 1 < s.count, !isDigit(s[j + 1]), s[j + 1] != "." { return Marker(level: .item, number: n, end: j + 1) }
            if s[j] == ")" { return Marker(level: .subitem, number: n, end: j + 1) }
        }
        return nil
    }

    static func startsWithMarker(_ s: [Unicode.Scalar], at i: Int) -> Bool { marker(s, at: i) != nil }

    /// "五、…" at `i` (a chapter heading).
    static func chineseNumeralHeading(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        marker(s, at: i)?.level == .chapter
    }
}
