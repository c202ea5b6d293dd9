import Foundation
import FuheCore

/// Reads the fields of one JSON object with typed accessors that raise `ImportError`s naming the
/// file, line and field path. `finish()` refuses fields that were never read (usually typos).
struct FieldReader {
    let file: String
    let path: String
    let node: JSONNode
    private let members: [(key: String, value: JSONNode)]
    /// Position of each key in `members` for objects of more than `Self.scanLimit` members, so that
    /// every lookup is constant time; smaller objects (every object of a real file) are scanned,
    /// which costs less than hashing the key.
    private let index: [String: Int]?
    /// Which members were read, by position.
    private var read: [Bool]

    static let scanLimit = 24

    init(_ node: JSONNode, file: String, path: String) throws(ImportError) {
        self.file = file
        self.path = path
        self.node = node
        guard case .object(let members) = node.value else {
            throw ImportError(file: file, line: node.line, path: path, message: tr("应为对象，实际是\(node.typeName)", "expected an object, found \(node.typeName)"))
        }
        self.members = members
        read = Array(repeating: false, count: members.count)
        if members.count > Self.scanLimit {
            var index: [String: Int] = [:]
            index.reserveCapacity(members.count)
            for (i, m) in members.enumerated() where index[m.key] == nil { index[m.key] = i }
            self.index = index
        } else {
            index = nil
        }
    }

    func fail(_ key: String?, _ message: String, rule: String? = nil, at line: Int? = nil) -> ImportError {
        let full = key.map { path.isEmpty ? $0 : "\(path).\($0)" } ?? path
        return ImportError(file: file, line: line ?? self.node(key)?.line ?? node.line, path: full, message: message, rule: rule)
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The position of the first member named `key`.
    private func position(_ key: String) -> Int? {
        if let index { return index[key] }
        for i in members.indices where members[i].key == key { return i }
        return nil
    }

    func node(_ key: String?) -> JSONNode? {
        guard let key, let i = position(key) else { return nil }
        let found = members[i].value
        if case .null = found.value { return nil }
        return found
    }

    mutating func value(_ key: String) -> JSONNode? {
        guard let i = position(key) else { return nil }
        read[i] = true
        let found = members[i].value
        if case .null = found.value { return nil }
        return found
    }

    func has(_ key: String) -> Bool { position(key) != nil }

    /// Refuses unknown fields.
    func finish() throws(ImportError) {
        for (i, member) in members.enumerated() where !read[i] {
            // A repeated key counts as read when its first member was (the parser refuses repeats).
            if let first = position(member.key), read[first] { continue }
            throw ImportError(file: file, line: member.value.line, path: childPath(member.key), message: tr("未知字段（见 docs/dossier-format.md）", "unknown field (see docs/dossier-format.md)"))
        }
    }

    // MARK: typed accessors

    mutating func string(_ key: String) throws(ImportError) -> String? {
        guard let n = value(key) else { return nil }
        guard case .string(let s) = n.value else { throw fail(key, tr("应为字符串，实际是\(n.typeName)", "expected a string, found \(n.typeName)")) }
        // No limit is below `maxIDCharacters`, and a character is at least one byte.
        if s.utf8.count > ImportLimits.maxIDCharacters { try checkLength(s, limit: ImportLimits.maxCharacters(for: key), key: key, line: n.line) }
        return s
    }

    /// Refuses a string longer than `limit` characters (ImportLimits), naming the field.
    func checkLength(_ s: String, limit: Int, key: String?, path: String? = nil, line: Int) throws(ImportError) {
        guard s.utf8.count > limit else { return }
        let count = s.count
        guard count > limit else { return }
        let message = tr("有 \(count) 个字符，超过上限 \(limit)", "is \(count) characters long; at most \(limit) are accepted")
        if let path { throw ImportError(file: file, line: line, path: path, message: message, rule: "IM-003") }
        throw fail(key, message, rule: "IM-003", at: line)
    }

    /// The text of a number (string or JSON number), refusing one too long to be a number.
    func numberText(_ key: String, _ n: JSONNode, _ text: String) throws(ImportError) -> String {
        guard text.utf8.count <= ImportLimits.maxNumberCharacters else {
            throw fail(key, tr("有 \(text.utf8.count) 个字符，太长，不是一个数", "is \(text.utf8.count) characters long: too long for a number"), rule: "IM-003", at: n.line)
        }
        return Self.plainEnds(text) ? text : text.trimmingCharacters(in: .whitespaces)
    }

    /// True when the text starts and ends with a printable ASCII character other than a space, so
    /// trimming whitespace (`.whitespaces` or `.whitespacesAndNewlines`) cannot change it: every
    /// whitespace or newline character is outside that range, and a printable ASCII character is
    /// a character of its own. Saves Foundation's trimming (a bridged copy) on almost every value.
    static func plainEnds(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
    }

    /// Whether a text is blank (only whitespace and newlines), as Foundation trims it. A text
    /// that starts with printable ASCII, or with a character from U+4000 to U+DFFF or beyond
    /// U+FFFF (CJK and the rest: no whitespace or newline is there), is not.
    static func isBlank(_ text: String, newlines: Bool = true) -> Bool {
        if let first = text.utf8.first, (0x21...0x7E).contains(first) || (0xE4...0xED).contains(first) || (0xF0...0xF4).contains(first) {
            return false
        }
        return text.trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces).isEmpty
    }

    /// A 序号 (finding or item number) within `Numbering.range`.
    mutating func seq(_ key: String, what: String) throws(ImportError) -> Int {
        guard let n = value(key) else { throw fail(key, tr("缺少必填字段", "required field is missing")) }
        guard case .number(let text) = n.value, let v = Int(text) else {
            throw fail(key, tr("应为 \(Numbering.range.lowerBound) 到 \(Numbering.range.upperBound) 的整数", "expected a whole number from \(Numbering.range.lowerBound) to \(Numbering.range.upperBound)"), rule: "N-001")
        }
        if let problem = Numbering.check(v, what: what) { throw fail(key, problem.message, rule: problem.code) }
        return v
    }

    mutating func requiredString(_ key: String) throws(ImportError) -> String {
        guard let s = try string(key) else { throw fail(key, tr("缺少必填字段", "required field is missing")) }
        guard !Self.isBlank(s) else { throw fail(key, tr("必填字段是空白", "required field is blank")) }
        return s
    }

    mutating func int(_ key: String) throws(ImportError) -> Int? {
        guard let n = value(key) else { return nil }
        guard case .number(let text) = n.value, let v = Int(text) else {
            if case .number = n.value { throw fail(key, tr("不是最多 18 位的整数", "is not a whole number of at most 18 digits")) }
            throw fail(key, tr("应为整数，实际是\(n.typeName)", "expected a whole number, found \(n.typeName)"))
        }
        return v
    }

    mutating func requiredInt(_ key: String) throws(ImportError) -> Int {
        guard let v = try int(key) else { throw fail(key, tr("缺少必填字段", "required field is missing")) }
        return v
    }

    mutating func bool(_ key: String) throws(ImportError) -> Bool? {
        guard let n = value(key) else { return nil }
        guard case .bool(let b) = n.value else { throw fail(key, tr("应为 true 或 false，实际是\(n.typeName)", "expected true or false, found \(n.typeName)")) }
        return b
    }

    /// A decimal given as a string (or a bare JSON number, accepted for convenience).
    mutating func decimal(_ key: String) throws(ImportError) -> Decimal? {
        guard let n = value(key) else { return nil }
        let text: String
        switch n.value {
        case .string(let s): text = s
        case .number(let s): text = s
        default: throw fail(key, tr("应为小数字符串，如 \"12.5\"，实际是\(n.typeName)", "expected a decimal string such as \"12.5\", found \(n.typeName)"))
        }
        guard let d = ExactDecimal.parse(try numberText(key, n, text)) else {
            throw fail(key, tr("“\(text)”不是普通小数", "\"\(text)\" is not a plain decimal number"))
        }
        return d
    }

    mutating func requiredDecimal(_ key: String) throws(ImportError) -> Decimal {
        guard let d = try decimal(key) else { throw fail(key, tr("缺少必填字段", "required field is missing")) }
        return d
    }

    mutating func score(_ key: String) throws(ImportError) -> Score? {
        guard let n = value(key) else { return nil }
        let text: String
        switch n.value {
        case .string(let s): text = s
        case .number(let s): text = s
        default: throw fail(key, tr("应为分数，如 \"5.00\"，实际是\(n.typeName)", "expected a score such as \"5.00\", found \(n.typeName)"))
        }
        let trimmed = try numberText(key, n, text)
        guard ExactDecimal.parse(trimmed) != nil else { throw fail(key, tr("“\(text)”不是数", "\"\(text)\" is not a number")) }
        guard let score = Score(trimmed) else { throw fail(key, tr("“\(text)”超过两位小数", "\"\(text)\" has more than 2 decimals"), rule: "R-002") }
        return score
    }

    mutating func money(_ key: String) throws(ImportError) -> Money? {
        guard let n = value(key) else { return nil }
        let text: String
        switch n.value {
        case .string(let s): text = s
        case .number(let s): text = s
        default: throw fail(key, tr("应为以万元计的金额，如 \"682.1442\"，实际是\(n.typeName)", "expected an amount in 万元 such as \"682.1442\", found \(n.typeName)"))
        }
        let trimmed = try numberText(key, n, text)
        guard ExactDecimal.parse(trimmed) != nil else { throw fail(key, tr("“\(text)”不是以万元计的金额", "\"\(text)\" is not an amount in 万元")) }
        guard let places = ExactDecimal.fractionDigits(trimmed), places <= 4 else {
            throw fail(key, tr("“\(text)”超过四位小数（万元精确到元）", "\"\(text)\" has more than 4 decimals (万元 are kept to the yuan)"))
        }
        guard let money = Money(wanYuan: trimmed) else {
            throw fail(key, tr("\"\(text)\" 超出金额上限（±\(Money(yuan: Money.limit).wanYuanText) 万元）", "\"\(text)\" is beyond the largest amount (±\(Money(yuan: Money.limit).wanYuanText) 万元)"), rule: "IM-004")
        }
        return money
    }

    mutating func requiredMoney(_ key: String) throws(ImportError) -> Money {
        guard let m = try money(key) else { throw fail(key, tr("缺少必填字段", "required field is missing")) }
        return m
    }

    mutating func day(_ key: String) throws(ImportError) -> CalendarDay? {
        guard let s = try string(key) else { return nil }
        guard let d = CalendarDay(s) else { throw fail(key, tr("“\(s)”不是有效日期 YYYY-MM-DD", "\"\(s)\" is not a valid date YYYY-MM-DD")) }
        return d
    }

    mutating func requiredDay(_ key: String) throws(ImportError) -> CalendarDay {
        guard let d = try day(key) else { throw fail(key, tr("缺少必填字段", "required field is missing")) }
        return d
    }

    mutating func dateTime(_ key: String) throws(ImportError) -> Date? {
        guard let s = try string(key) else { return nil }
        guard let d = ISO8601.parse(s) else { throw fail(key, tr("“\(s)”不是 ISO 8601 时间，如 2022-05-10T09:30:00+08:00", "\"\(s)\" is not an ISO 8601 date-time such as 2022-05-10T09:30:00+08:00")) }
        return d
    }

    mutating func enumeration<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(ImportError) -> E? where E.RawValue == String {
        guard let s = try string(key) else { return nil }
        guard let v = E(rawValue: s) else {
            throw fail(key, "\"\(s)\" is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }

    mutating func stringList(_ key: String) throws(ImportError) -> [String] {
        guard let n = value(key) else { return [] }
        guard case .array(let items) = n.value else { throw fail(key, tr("应为字符串列表，实际是\(n.typeName)", "expected a list of strings, found \(n.typeName)")) }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item.value else {
                throw ImportError(file: file, line: item.line, path: "\(childPath(key))[\(i)]", message: tr("应为字符串，实际是\(item.typeName)", "expected a string, found \(item.typeName)"))
            }
            try checkLength(s, limit: ImportLimits.maxTextCharacters, key: nil, path: "\(childPath(key))[\(i)]", line: item.line)
            out.append(s)
        }
        return out
    }

    /// Elements of a list field (each with its own path), empty when absent.
    mutating func list(_ key: String) throws(ImportError) -> [(node: JSONNode, path: String)] {
        guard let n = value(key) else { return [] }
        guard case .array(let items) = n.value else { throw fail(key, tr("应为列表，实际是\(n.typeName)", "expected a list, found \(n.typeName)")) }
        return items.enumerated().map { ($0.element, "\(childPath(key))[\($0.offset)]") }
    }

    /// A nested object reader, nil when absent.
    mutating func object(_ key: String) throws(ImportError) -> FieldReader? {
        guard let n = value(key) else { return nil }
        return try FieldReader(n, file: file, path: childPath(key))
    }
}

/// ISO 8601 date-times with zone, parsed and printed without locale surprises.
enum ISO8601 {
    static func parse(_ text: String) -> Date? {
        if let d = parseCommon(text) { return d }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)
    }

    /// `YYYY-MM-DDTHH:MM:SS` with `Z` or `±HH:MM`, valid in every part, read directly (making an
    /// `ISO8601DateFormatter` for each of the thousands of times in an import cost more than the
    /// rest of its decoding); every other form goes to the formatter, which decides.
    static func parseCommon(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 20 || b.count == 25, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var n = 0
            for i in from..<(from + count) {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard let day = CalendarDay(String(text.prefix(10))), day.components.year >= 1600, let h = number(11, 2),
              let mi = number(14, 2), let s = number(17, 2), h < 24, mi < 60, s < 60 else { return nil }
        var offset = 0
        if b.count == 20 {
            guard b[19] == 0x5A else { return nil }
        } else {
            guard b[19] == 0x2B || b[19] == 0x2D, b[22] == 0x3A, let oh = number(20, 2), let om = number(23, 2), oh < 24, om < 60 else { return nil }
            offset = (oh * 3600 + om * 60) * (b[19] == 0x2D ? -1 : 1)
        }
        return Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + h * 3600 + mi * 60 + s - offset))
    }

    static func format(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        return f.string(from: date)
    }
}
