/// A JSON value to write, with object keys kept in the order given. Chinese text is written as
/// UTF-8, not escaped; lists of scalars stay on one line.
enum JSONOut {
    case string(String)
    case literal(String)
    case array([JSONOut])
    case object([(String, JSONOut)])

    static var null: JSONOut { .literal("null") }
    static func bool(_ b: Bool) -> JSONOut { .literal(b ? "true" : "false") }
    static func int(_ i: Int) -> JSONOut { .literal(String(i)) }

    /// Pretty text with two-space indentation and a final newline.
    func render() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .string, .literal: true
        default: false
        }
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .string(let s): JSONOut.escape(s, into: &out)
        case .literal(let l): out += l
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy(\.isScalar) {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    item.write(into: &out, indent: indent)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                item.write(into: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                JSONOut.escape(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + 1)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// Builds an object, skipping absent optional fields.
struct ObjectBuilder {
    private(set) var members: [(String, JSONOut)] = []

    mutating func add(_ key: String, _ value: JSONOut) { members.append((key, value)) }
    mutating func add(_ key: String, _ value: String?) { if let value { members.append((key, .string(value))) } }
    mutating func add(_ key: String, _ value: Int?) { if let value { members.append((key, .int(value))) } }
    mutating func add(_ key: String, _ value: Bool?) { if let value { members.append((key, .bool(value))) } }
    mutating func add(_ key: String, texts: [String]) { if !texts.isEmpty { members.append((key, .array(texts.map(JSONOut.string)))) } }
    mutating func add(_ key: String, list: [JSONOut]) { if !list.isEmpty { members.append((key, .array(list))) } }
    mutating func add<T: CustomStringConvertible>(_ key: String, describing value: T?) {
        if let value { members.append((key, .string(value.description))) }
    }

    var json: JSONOut { .object(members) }
}
