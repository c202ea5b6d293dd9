import FuheCore
/// A strict JSON parser (RFC 8259) over UTF-8 bytes that records line/column for every value and
/// reports the first invalid UTF-8 byte or syntax error with its position.
///
/// ```swift
/// let node = try JSONParser.parse(Array(#"{"a": "1.50"}"#.utf8))
/// ```
public struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0

    /// Parses a whole document; trailing non-space content is an error.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        if let bad = UTF8Check.firstInvalidOffset(bytes) {
            let (line, column) = UTF8Check.position(of: bad, in: bytes)
            throw JSONSyntaxError(line: line, column: column, message: tr("无效的 UTF-8 字节 0x\(String(bytes[bad], radix: 16, uppercase: true))（文件须为 UTF-8 编码）", "invalid UTF-8 byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) (the file must be UTF-8)"))
        }
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3; parser.lineStart = 3 }
        parser.skipSpace()
        let node = try parser.parseValue()
        parser.skipSpace()
        if parser.index < bytes.count { throw parser.error(tr("JSON 文档结束后还有多余内容", "unexpected text after the end of the JSON document")) }
        return node
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var column: Int { index - lineStart + 1 }

    private func error(_ message: String) -> JSONSyntaxError {
        // Columns count characters, not bytes.
        let prefix = bytes[lineStart..<min(index, bytes.count)]
        let chars = prefix.reduce(0) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
        return JSONSyntaxError(line: line, column: chars + 1, message: message)
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A: index += 1; line += 1; lineStart = index
            default: return
            }
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        guard index < bytes.count else { throw error(tr("文件意外结束（此处应有一个值）", "unexpected end of file (a value was expected)")) }
        let (startLine, startColumn) = (line, column)
        let make: (JSONNode.Value) -> JSONNode = { JSONNode($0, line: startLine, column: startColumn) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return make(try parseObject())
        case UInt8(ascii: "["): return make(try parseArray())
        case UInt8(ascii: "\""): return make(.string(try parseString()))
        case UInt8(ascii: "t"): try expectWord("true"); return make(.bool(true))
        case UInt8(ascii: "f"): try expectWord("false"); return make(.bool(false))
        case UInt8(ascii: "n"): try expectWord("null"); return make(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return make(.number(try parseNumber()))
        default: throw error(tr("意外的字符 '\(Character(Unicode.Scalar(bytes[index])))'（此处应有一个值）", "unexpected character '\(Character(Unicode.Scalar(bytes[index])))' (a value was expected)"))
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > 200 { throw error(tr("嵌套超过 200 层", "nesting deeper than 200 levels")) }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONNode.Value {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [(key: String, value: JSONNode)] = []
        // Keys seen so far, once the object has more than `scanLimit` members: a duplicate is
        // then found in constant time (a scan per key made an object of N keys take N² steps);
        // a smaller object is scanned, which costs less than hashing every key.
        var keys: Set<String>?
        let scanLimit = 24
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error(tr("此处应有双引号括起的字段名", "a field name in double quotes was expected"))
            }
            let key = try parseString()
            let repeated: Bool
            if keys != nil {
                repeated = !keys!.insert(key).inserted
            } else {
                repeated = members.contains { $0.key == key }
                if members.count == scanLimit { keys = Set(members.map(\.key) + [key]) }
            }
            guard !repeated else { throw error(tr("字段“\(key)”在同一对象中出现了两次", "field \"\(key)\" appears twice in the same object")) }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error(tr("“\(key)”后面应有 ':'", "':' was expected after \"\(key)\"")) }
            index += 1
            skipSpace()
            members.append((key, try parseValue()))
            skipSpace()
            guard index < bytes.count else { throw error(tr("对象中文件意外结束（缺少 '}'）", "unexpected end of file inside an object (missing '}')")) }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw error(tr("此处应有 ',' 或 '}'", "',' or '}' was expected"))
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONNode.Value {
        try enter()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONNode] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipSpace()
            elements.append(try parseValue())
            skipSpace()
            guard index < bytes.count else { throw error(tr("列表中文件意外结束（缺少 ']'）", "unexpected end of file inside a list (missing ']')")) }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            throw error(tr("此处应有 ',' 或 ']'", "',' or ']' was expected"))
        }
    }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        let w = Array(word.utf8)
        guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
            throw error(tr("意外的内容（此处应有一个值）", "unexpected text (a value was expected)"))
        }
        index += w.count
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        if index == digitsStart { throw error(tr("数字格式错误", "malformed number")) }
        if bytes[digitsStart] == UInt8(ascii: "0") && index - digitsStart > 1 { throw error(tr("数字不能有前导零", "numbers must not have leading zeros")) }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let f = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            if index == f { throw error(tr("数字格式错误（'.' 后应有数字）", "malformed number (digits expected after '.')")) }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let e = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            if index == e { throw error(tr("数字的指数格式错误", "malformed number exponent")) }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        // Most strings have no escape: they are taken straight from the bytes (already checked
        // as UTF-8), without copying them byte by byte first.
        let start = index
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            index += 1
        }
        var out = Array(bytes[start..<index])
        while true {
            guard index < bytes.count else { throw error(tr("字符串中文件意外结束（缺少 '\"'）", "unexpected end of file inside a string (missing '\"')")) }
            let b = bytes[index]
            switch b {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw error(tr("转义序列中文件意外结束", "unexpected end of file in an escape")) }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): out.append(contentsOf: try parseUnicodeEscape())
                default: index -= 1; throw error(tr("字符串中无效的转义 '\\\(Character(Unicode.Scalar(e)))'", "invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string"))
                }
            case 0x0A:
                throw error(tr("字符串中有换行（请写作 \\n）", "line break inside a string (write \\n)"))
            case 0x00..<0x20:
                throw error(tr("字符串中有控制字符", "control character inside a string"))
            default:
                out.append(b)
                index += 1
            }
        }
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error(tr("\\u 转义不完整", "incomplete \\u escape")) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error(tr("无效的 \\u 转义", "invalid \\u escape"))
            }
            v = v * 16 + d
            index += 1
        }
        return v
    }

    private mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> [UInt8] {
        var code = try hex4()
        if (0xD800...0xDBFF).contains(code) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw error(tr("\\u 转义中有不成对的代理项", "unpaired surrogate in \\u escape"))
            }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error(tr("\\u 转义中有不成对的代理项", "unpaired surrogate in \\u escape")) }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(code) {
            throw error(tr("\\u 转义中有不成对的代理项", "unpaired surrogate in \\u escape"))
        }
        guard let scalar = Unicode.Scalar(code) else { throw error(tr("无效的 \\u 转义", "invalid \\u escape")) }
        return Array(String(Character(scalar)).utf8)
    }
}
