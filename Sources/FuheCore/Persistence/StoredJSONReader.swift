import Foundation

/// Reads stored JSON text into a `Decodable` value without Foundation's generic machinery: one
/// linear pass builds a small tree (objects of up to 32 keys are searched in place, larger ones
/// through an index, so reading stays linear in keys), and a `Decoder` over it. It is strict:
/// anything it does not model exactly as `JSONDecoder` does (a number that is not a plain integer
/// or decimal, another date form, duplicate keys, floating point, nesting deeper than 512, any
/// error) throws `StoredJSONReader.Unsupported`, and `StoredJSON.decode` then asks `JSONDecoder`,
/// so what is accepted and every error message are `JSONDecoder`'s own.
enum StoredJSONReader {
    struct Unsupported: Error {}

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        // The hot row types are read straight into their fields; anything that reader does not
        // model is read here through the tree (and failing that, by `JSONDecoder`).
        if let row = try? StoredRowReader.decode(type, text) { return row }
        var copy = text
        let root = try copy.withUTF8 { bytes throws -> ReaderValue in
            var parser = ReaderParser(bytes: bytes)
            return try parser.document()
        }
        return try root.decode(T.self)
    }
}

/// A parsed JSON value.
enum ReaderValue {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([ReaderValue])
    case object(ReaderObject)

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self {
            guard case .string(let s) = self else { throw StoredJSONReader.Unsupported() }
            return s as! T
        }
        if T.self == Date.self {
            guard case .string(let s) = self else { throw StoredJSONReader.Unsupported() }
            return try ReaderValue.iso8601(s) as! T
        }
        if T.self == Decimal.self {
            guard case .number(let s) = self, let d = ReaderValue.plainDecimal(s) else {
                throw StoredJSONReader.Unsupported()
            }
            return d as! T
        }
        if T.self == Double.self || T.self == Float.self || T.self == Data.self || T.self == URL.self {
            throw StoredJSONReader.Unsupported()
        }
        return try T(from: TreeDecoder(value: self))
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        guard case .number(let s) = self, let v = I(s, radix: 10) else { throw StoredJSONReader.Unsupported() }
        return v
    }

    func string() throws -> String {
        guard case .string(let s) = self else { throw StoredJSONReader.Unsupported() }
        return s
    }

    func bool() throws -> Bool {
        guard case .bool(let b) = self else { throw StoredJSONReader.Unsupported() }
        return b
    }

    var isNull: Bool { if case .null = self { return true } else { return false } }

    /// `-?digits(.digits)?`: the form `Decimal.description` writes.
    static func isPlainDecimal(_ s: String) -> Bool {
        var dot = false, digits = 0
        for (i, b) in s.utf8.enumerated() {
            if b == 0x2D, i == 0 { continue }
            if b == 0x2E, !dot, digits > 0 { dot = true; digits = 0; continue }
            guard b >= 0x30, b <= 0x39 else { return false }
            digits += 1
        }
        return digits > 0
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, as the `.iso8601` strategy writes; other forms go to `JSONDecoder`.
    static func iso8601(_ s: String) throws -> Date {
        var s = s
        return try s.withUTF8 { try iso8601(utf8: $0) }
    }

    /// The same from the text's UTF-8 bytes.
    static func iso8601(utf8 b: UnsafeBufferPointer<UInt8>) throws -> Date {
        guard b.count == 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x5A else {
            throw StoredJSONReader.Unsupported()
        }
        func number(_ from: Int, _ count: Int) throws -> Int {
            var n = 0
            for i in from..<(from + count) {
                guard b[i] >= 0x30, b[i] <= 0x39 else { throw StoredJSONReader.Unsupported() }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard let day = CalendarDay.parse(UnsafeBufferPointer(rebasing: b[0..<10])), day.components.year >= 1600 else { throw StoredJSONReader.Unsupported() }   // Julian before 1582 in Foundation
        let h = try number(11, 2), mi = try number(14, 2), se = try number(17, 2)
        guard h < 24, mi < 60, se < 60 else { throw StoredJSONReader.Unsupported() }
        return Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + h * 3600 + mi * 60 + se))
    }
}

/// An object's members in stored order; larger objects are searched through an index.
struct ReaderObject {
    static let indexFrom = 32
    let keys: [String]
    let values: [ReaderValue]
    let index: [String: Int]?

    init(keys: [String], values: [ReaderValue]) throws {
        self.keys = keys
        self.values = values
        if keys.count > Self.indexFrom {
            var index: [String: Int] = [:]
            index.reserveCapacity(keys.count)
            for (i, k) in keys.enumerated() {
                guard index.updateValue(i, forKey: k) == nil else { throw StoredJSONReader.Unsupported() }
            }
            self.index = index
        } else {
            for i in keys.indices.dropFirst() where keys[..<i].contains(keys[i]) { throw StoredJSONReader.Unsupported() }
            self.index = nil
        }
    }

    func value(_ key: String) -> ReaderValue? {
        if let index { return index[key].map { values[$0] } }
        for i in keys.indices where keys[i] == key { return values[i] }
        return nil
    }
}

/// One linear pass over UTF-8 bytes (a Swift `String`'s, so already valid UTF-8), strict JSON.
struct ReaderParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0
    static let maximumDepth = 512

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func document() throws -> ReaderValue {
        let v = try value(depth: 0)
        skipSpace()
        guard at == bytes.count else { throw StoredJSONReader.Unsupported() }
        return v
    }

    mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard at + n <= bytes.count else { throw StoredJSONReader.Unsupported() }
        let p = word.utf8Start
        for i in 0..<n where bytes[at + i] != p[i] { throw StoredJSONReader.Unsupported() }
        at += n
    }

    private mutating func value(depth: Int) throws -> ReaderValue {
        skipSpace()
        guard at < bytes.count else { throw StoredJSONReader.Unsupported() }
        switch bytes[at] {
        case 0x22: return .string(try string())
        case 0x7B:
            guard depth < Self.maximumDepth else { throw StoredJSONReader.Unsupported() }
            at += 1
            var keys: [String] = [], values: [ReaderValue] = []
            skipSpace()
            if at < bytes.count, bytes[at] == 0x7D { at += 1; return .object(try ReaderObject(keys: keys, values: values)) }
            while true {
                skipSpace()
                guard at < bytes.count, bytes[at] == 0x22 else { throw StoredJSONReader.Unsupported() }
                keys.append(try string())
                skipSpace()
                guard at < bytes.count, bytes[at] == 0x3A else { throw StoredJSONReader.Unsupported() }
                at += 1
                values.append(try value(depth: depth + 1))
                skipSpace()
                guard at < bytes.count else { throw StoredJSONReader.Unsupported() }
                if bytes[at] == 0x2C { at += 1; continue }
                guard bytes[at] == 0x7D else { throw StoredJSONReader.Unsupported() }
                at += 1
                return .object(try ReaderObject(keys: keys, values: values))
            }
        case 0x5B:
            guard depth < Self.maximumDepth else { throw StoredJSONReader.Unsupported() }
            at += 1
            var items: [ReaderValue] = []
            skipSpace()
            if at < bytes.count, bytes[at] == 0x5D { at += 1; return .array(items) }
            while true {
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard at < bytes.count else { throw StoredJSONReader.Unsupported() }
                if bytes[at] == 0x2C { at += 1; continue }
                guard bytes[at] == 0x5D else { throw StoredJSONReader.Unsupported() }
                at += 1
                return .array(items)
            }
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        default: return .number(try number())
        }
    }

    /// JSON's number grammar; the text is kept and read by the type asked for.
    mutating func number() throws -> String {
        let start = at
        func digits() -> Int {
            let from = at
            while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 { at += 1 }
            return at - from
        }
        if at < bytes.count, bytes[at] == 0x2D { at += 1 }
        let intStart = at
        let intDigits = digits()
        guard intDigits > 0, !(intDigits > 1 && bytes[intStart] == 0x30) else { throw StoredJSONReader.Unsupported() }
        if at < bytes.count, bytes[at] == 0x2E {
            at += 1
            guard digits() > 0 else { throw StoredJSONReader.Unsupported() }
        }
        if at < bytes.count, bytes[at] == 0x65 || bytes[at] == 0x45 {
            at += 1
            if at < bytes.count, bytes[at] == 0x2B || bytes[at] == 0x2D { at += 1 }
            guard digits() > 0 else { throw StoredJSONReader.Unsupported() }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
    }

    /// A string at `at` (the opening quote); escapes decoded, raw control bytes refused.
    mutating func string() throws -> String {
        at += 1
        let start = at
        while at < bytes.count {
            let b = bytes[at]
            if b == 0x22 {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
                at += 1
                return s
            }
            if b == 0x5C { break }
            guard b >= 0x20 else { throw StoredJSONReader.Unsupported() }
            at += 1
        }
        var out = Array(bytes[start..<at])
        while at < bytes.count {
            let b = bytes[at]
            if b == 0x22 { at += 1; return String(decoding: out, as: UTF8.self) }
            guard b >= 0x20 else { throw StoredJSONReader.Unsupported() }
            if b != 0x5C { out.append(b); at += 1; continue }
            at += 1
            guard at < bytes.count else { throw StoredJSONReader.Unsupported() }
            let e = bytes[at]
            at += 1
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard at + 1 < bytes.count, bytes[at] == 0x5C, bytes[at + 1] == 0x75 else { throw StoredJSONReader.Unsupported() }
                    at += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw StoredJSONReader.Unsupported() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let u = Unicode.Scalar(scalar) else { throw StoredJSONReader.Unsupported() }
                out.append(contentsOf: String(Character(u)).utf8)
            default: throw StoredJSONReader.Unsupported()
            }
        }
        throw StoredJSONReader.Unsupported()
    }

    private mutating func hex4() throws -> UInt32 {
        guard at + 4 <= bytes.count else { throw StoredJSONReader.Unsupported() }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[at]
            let d: UInt8
            switch b {
            case 0x30...0x39: d = b - 0x30
            case 0x41...0x46: d = b - 0x41 + 10
            case 0x61...0x66: d = b - 0x61 + 10
            default: throw StoredJSONReader.Unsupported()
            }
            v = v << 4 | UInt32(d)
            at += 1
        }
        return v
    }
}

extension ReaderValue {
    /// The `Decimal` of a plain decimal's text (`isPlainDecimal`; nil otherwise) with the value and
    /// the representation `Decimal(string:)` gives, built from its digits — Foundation's parser
    /// was a quarter of reading a scoresheet row. Zero (whose exponent Foundation keeps: "0.0"),
    /// more than 19 digits and more than 18 decimals are left to `Decimal(string:)`.
    static func plainDecimal(_ s: String) -> Decimal? {
        guard isPlainDecimal(s) else { return nil }
        var negative = false, fraction = false, significand: UInt64 = 0, exponent = 0, digits = 0
        for b in s.utf8 {
            switch b {
            case 0x2D: negative = true
            case 0x2E: fraction = true
            default:
                significand = significand &* 10 &+ UInt64(b &- 0x30)
                digits += 1
                if fraction { exponent -= 1 }
            }
        }
        guard digits <= 19, significand != 0, exponent >= -18 else { return Decimal(string: s) }
        return Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
    }
}
