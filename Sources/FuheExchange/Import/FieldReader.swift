import Foundation
import FuheCore

/// Reads the fields of one JSON object with typed accessors that raise `ImportError`s naming the
/// file, line and field path. `finish()` refuses fields that were never read (usually typos).
struct FieldReader {
    let file: String
    let path: String
    let node: JSONNode
    private let members: [(key: String, value: JSONNode)]
    private var read: Set<String> = []

    init(_ node: JSONNode, file: String, path: String) throws(ImportError) {
        self.file = file
        self.path = path
        self.node = node
        guard case .object(let members) = node.value else {
            throw ImportError(file: file, line: node.line, path: path, message: "expected an object, found \(node.typeName)")
        }
        self.members = members
    }

    func fail(_ key: String?, _ message: String, rule: String? = nil, at line: Int? = nil) -> ImportError {
        let full = key.map { path.isEmpty ? $0 : "\(path).\($0)" } ?? path
        return ImportError(file: file, line: line ?? self.node(key)?.line ?? node.line, path: full, message: message, rule: rule)
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func node(_ key: String?) -> JSONNode? {
        guard let key else { return nil }
        guard let found = members.first(where: { $0.key == key })?.value else { return nil }
        if case .null = found.value { return nil }
        return found
    }

    mutating func value(_ key: String) -> JSONNode? {
        read.insert(key)
        return node(key)
    }

    var has: (String) -> Bool { { key in members.contains { $0.key == key } } }

    /// Refuses unknown fields.
    func finish() throws(ImportError) {
        for member in members where !read.contains(member.key) {
            throw ImportError(file: file, line: member.value.line, path: childPath(member.key), message: "unknown field (see docs/dossier-format.md)")
        }
    }

    // MARK: typed accessors

    mutating func string(_ key: String) throws(ImportError) -> String? {
        guard let n = value(key) else { return nil }
        guard case .string(let s) = n.value else { throw fail(key, "expected a string, found \(n.typeName)") }
        return s
    }

    mutating func requiredString(_ key: String) throws(ImportError) -> String {
        guard let s = try string(key) else { throw fail(key, "required field is missing") }
        guard !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw fail(key, "required field is blank") }
        return s
    }

    mutating func int(_ key: String) throws(ImportError) -> Int? {
        guard let n = value(key) else { return nil }
        guard case .number(let text) = n.value, let v = Int(text) else {
            throw fail(key, "expected a whole number, found \(n.typeName)")
        }
        return v
    }

    mutating func requiredInt(_ key: String) throws(ImportError) -> Int {
        guard let v = try int(key) else { throw fail(key, "required field is missing") }
        return v
    }

    mutating func bool(_ key: String) throws(ImportError) -> Bool? {
        guard let n = value(key) else { return nil }
        guard case .bool(let b) = n.value else { throw fail(key, "expected true or false, found \(n.typeName)") }
        return b
    }

    /// A decimal given as a string (or a bare JSON number, accepted for convenience).
    mutating func decimal(_ key: String) throws(ImportError) -> Decimal? {
        guard let n = value(key) else { return nil }
        let text: String
        switch n.value {
        case .string(let s): text = s
        case .number(let s): text = s
        default: throw fail(key, "expected a decimal string such as \"12.5\", found \(n.typeName)")
        }
        guard let d = ExactDecimal.parse(text.trimmingCharacters(in: .whitespaces)) else {
            throw fail(key, "\"\(text)\" is not a plain decimal number")
        }
        return d
    }

    mutating func requiredDecimal(_ key: String) throws(ImportError) -> Decimal {
        guard let d = try decimal(key) else { throw fail(key, "required field is missing") }
        return d
    }

    mutating func score(_ key: String) throws(ImportError) -> Score? {
        guard let n = value(key) else { return nil }
        let text: String
        switch n.value {
        case .string(let s): text = s
        case .number(let s): text = s
        default: throw fail(key, "expected a score such as \"5.00\", found \(n.typeName)")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard ExactDecimal.parse(trimmed) != nil else { throw fail(key, "\"\(text)\" is not a number") }
        guard let score = Score(trimmed) else { throw fail(key, "\"\(text)\" has more than 2 decimals", rule: "R-002") }
        return score
    }

    mutating func money(_ key: String) throws(ImportError) -> Money? {
        guard let n = value(key) else { return nil }
        let text: String
        switch n.value {
        case .string(let s): text = s
        case .number(let s): text = s
        default: throw fail(key, "expected an amount in 万元 such as \"682.1442\", found \(n.typeName)")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard ExactDecimal.parse(trimmed) != nil else { throw fail(key, "\"\(text)\" is not an amount in 万元") }
        guard let money = Money(wanYuan: trimmed) else { throw fail(key, "\"\(text)\" has more than 4 decimals (万元 are kept to the yuan)") }
        return money
    }

    mutating func requiredMoney(_ key: String) throws(ImportError) -> Money {
        guard let m = try money(key) else { throw fail(key, "required field is missing") }
        return m
    }

    mutating func day(_ key: String) throws(ImportError) -> CalendarDay? {
        guard let s = try string(key) else { return nil }
        guard let d = CalendarDay(s) else { throw fail(key, "\"\(s)\" is not a valid date YYYY-MM-DD") }
        return d
    }

    mutating func requiredDay(_ key: String) throws(ImportError) -> CalendarDay {
        guard let d = try day(key) else { throw fail(key, "required field is missing") }
        return d
    }

    mutating func dateTime(_ key: String) throws(ImportError) -> Date? {
        guard let s = try string(key) else { return nil }
        guard let d = ISO8601.parse(s) else { throw fail(key, "\"\(s)\" is not an ISO 8601 date-time such as 2022-05-10T09:30:00+08:00") }
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
        guard case .array(let items) = n.value else { throw fail(key, "expected a list of strings, found \(n.typeName)") }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item.value else {
                throw ImportError(file: file, line: item.line, path: "\(childPath(key))[\(i)]", message: "expected a string, found \(item.typeName)")
            }
            out.append(s)
        }
        return out
    }

    /// Elements of a list field (each with its own path), empty when absent.
    mutating func list(_ key: String) throws(ImportError) -> [(node: JSONNode, path: String)] {
        guard let n = value(key) else { return [] }
        guard case .array(let items) = n.value else { throw fail(key, "expected a list, found \(n.typeName)") }
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
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)
    }

    static func format(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        return f.string(from: date)
    }
}
