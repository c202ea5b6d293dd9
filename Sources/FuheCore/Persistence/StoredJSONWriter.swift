import Foundation

/// Writes an `Encodable` value as the stored JSON text, byte for byte what Foundation's
/// `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]` and `.iso8601` dates (keys
/// sorted by their UTF-8 bytes, `/` unescaped, `Decimal` as its description, dates as
/// `YYYY-MM-DDTHH:MM:SSZ`), without its generic machinery: every stored row, journal diff, digest
/// and copy baseline depends on that text, so `StoredJSONTests` compare the two over whole stores.
/// A value this writer does not model (floating point, `Data`, `URL`, `superEncoder`) throws
/// `StoredJSONWriter.Unsupported`, and `StoredJSON.encode` then uses `JSONEncoder`.
enum StoredJSONWriter {
    struct Unsupported: Error {}

    static func encode<T: Encodable>(_ value: T) throws -> String {
        if T.self == IndicatorResult.self { return try StoredRowWriter.write(value as! IndicatorResult) }
        let root = try WriterValue.make(value)
        var out: [UInt8] = []
        out.reserveCapacity(512)
        try write(root, into: &out, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Foundation's writer refuses deeper nesting (`maximumRecursionDepth`).
    private static let maximumDepth = 512

    private static func write(_ value: WriterValue, into out: inout [UInt8], depth: Int) throws {
        switch value {
        case .string(let s): writeString(s, into: &out)
        case .number(let s):
            guard !s.isEmpty else { throw Unsupported() }   // `WriterValue.unsupported`
            out.append(contentsOf: s.utf8)
        case .bool(let b): out.append(contentsOf: b ? trueBytes : falseBytes)
        case .null: out.append(contentsOf: nullBytes)
        case .array(let box):
            guard depth + 1 < maximumDepth else { throw Unsupported() }
            out.append(0x5B)
            for (i, element) in box.items.enumerated() {
                if i > 0 { out.append(0x2C) }
                try write(element, into: &out, depth: depth + 1)
            }
            out.append(0x5D)
        case .object(let box):
            guard depth + 1 < maximumDepth else { throw Unsupported() }
            out.append(0x7B)
            var first = true
            for (key, element) in box.sortedEntries() {
                if !first { out.append(0x2C) }
                first = false
                writeString(key, into: &out)
                out.append(0x3A)
                try write(element, into: &out, depth: depth + 1)
            }
            out.append(0x7D)
        }
    }

    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)
    private static let nullBytes: [UInt8] = Array("null".utf8)
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Escapes as `JSONEncoder` does: `"` and `\`, \b \f \n \r \t, other control bytes as \u00XX.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var copy = s
        copy.withUTF8 { bytes in
            var mark = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                if i > mark { out.append(contentsOf: bytes[mark..<i]) }
                mark = i + 1
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, 0x62])
                case 0x0C: out.append(contentsOf: [0x5C, 0x66])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                default: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            if bytes.count > mark { out.append(contentsOf: bytes[mark..<bytes.count]) }
        }
        out.append(0x22)
    }

    /// `Date.ISO8601FormatStyle()` in UTC, whole seconds (what the `.iso8601` strategy writes).
    static func iso8601(_ date: Date) throws -> String {
        let t = date.timeIntervalSince1970.rounded(.down)
        // From the Gregorian reform (1582-10-15; Foundation's calendar is Julian before it) to the
        // year 9999; other instants go to `JSONEncoder`.
        guard t >= -12_219_292_800, t < 253_402_300_800 else { throw Unsupported() }
        let seconds = Int(t)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - days * 86_400
        let (y, m, d) = CalendarDay.civil(fromDays: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(repeating: "0", count: 4 - String(y).count) + String(y)
        return "\(year)-\(two(m))-\(two(d))T\(two(inDay / 3600)):\(two(inDay / 60 % 60)):\(two(inDay % 60))Z"
    }
}

/// The value tree one `encode(to:)` call builds (containers are boxes: a container is handed out
/// before its values are written).
enum WriterValue {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array(ArrayBox)
    case object(ObjectBox)

    /// Marks a place written through `superEncoder`: writing the tree then throws `Unsupported`.
    static var unsupported: WriterValue { .number("") }

    final class ArrayBox { var items: [WriterValue] = [] }

    final class ObjectBox {
        var entries: [(key: String, value: WriterValue)] = []

        /// By UTF-8 bytes, as `JSONEncoder` sorts; a key written twice keeps its last value.
        func sortedEntries() -> [(key: String, value: WriterValue)] {
            let order = entries.indices.sorted { a, b in
                let ka = entries[a].key, kb = entries[b].key
                if ka == kb { return a < b }
                return ka.utf8.lexicographicallyPrecedes(kb.utf8)
            }
            var out: [(key: String, value: WriterValue)] = []
            out.reserveCapacity(order.count)
            for i in order {
                if let last = out.last, last.key == entries[i].key { out[out.count - 1] = entries[i] } else { out.append(entries[i]) }
            }
            return out
        }
    }

    static func make<T: Encodable>(_ value: T) throws -> WriterValue {
        if let special = try special(value) { return special }
        let encoder = TreeEncoder()
        try value.encode(to: encoder)
        return encoder.value ?? .object(ObjectBox())
    }

    /// Values `JSONEncoder` writes itself rather than through their `encode(to:)`.
    private static func special<T: Encodable>(_ value: T) throws -> WriterValue? {
        if T.self == String.self { return .string(value as! String) }
        if T.self == Date.self { return .string(try StoredJSONWriter.iso8601(value as! Date)) }
        if T.self == Decimal.self { return .number((value as! Decimal).description) }
        if T.self == Double.self || T.self == Float.self || T.self == Data.self || T.self == URL.self {
            throw StoredJSONWriter.Unsupported()
        }
        return nil
    }
}

/// The `Encoder` that builds a `WriterValue`.
final class TreeEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var value: WriterValue?

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: WriterValue.ObjectBox
        if case .object(let existing) = value { box = existing } else { box = .init(); value = .object(box) }
        return KeyedEncodingContainer(KeyedWriter<Key>(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: WriterValue.ArrayBox
        if case .array(let existing) = value { box = existing } else { box = .init(); value = .array(box) }
        return UnkeyedWriter(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleWriter(encoder: self) }
}

struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: WriterValue.ObjectBox
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { box.entries.append((key.stringValue, .null)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.entries.append((key.stringValue, .bool(value))) }
    mutating func encode(_ value: String, forKey key: Key) throws { box.entries.append((key.stringValue, .string(value))) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw StoredJSONWriter.Unsupported() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw StoredJSONWriter.Unsupported() }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.entries.append((key.stringValue, .number(String(value)))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { box.entries.append((key.stringValue, .number(String(value)))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { box.entries.append((key.stringValue, .number(String(value)))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { box.entries.append((key.stringValue, .number(String(value)))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { box.entries.append((key.stringValue, .number(String(value)))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { box.entries.append((key.stringValue, .number(String(value)))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { box.entries.append((key.stringValue, .number(String(value)))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { box.entries.append((key.stringValue, .number(String(value)))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { box.entries.append((key.stringValue, .number(String(value)))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { box.entries.append((key.stringValue, .number(String(value)))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.entries.append((key.stringValue, try WriterValue.make(value)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = WriterValue.ObjectBox()
        box.entries.append((key.stringValue, .object(nested)))
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(box: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = WriterValue.ArrayBox()
        box.entries.append((key.stringValue, .array(nested)))
        return UnkeyedWriter(box: nested)
    }

    mutating func superEncoder() -> any Encoder { box.entries.append(("super", .unsupported)); return TreeEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { box.entries.append((key.stringValue, .unsupported)); return TreeEncoder() }
}

struct UnkeyedWriter: UnkeyedEncodingContainer {
    let box: WriterValue.ArrayBox
    var codingPath: [any CodingKey] { [] }
    var count: Int { box.items.count }

    mutating func encodeNil() throws { box.items.append(.null) }
    mutating func encode(_ value: Bool) throws { box.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { throw StoredJSONWriter.Unsupported() }
    mutating func encode(_ value: Float) throws { throw StoredJSONWriter.Unsupported() }
    mutating func encode(_ value: Int) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { box.items.append(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { box.items.append(try WriterValue.make(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = WriterValue.ObjectBox()
        box.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(box: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = WriterValue.ArrayBox()
        box.items.append(.array(nested))
        return UnkeyedWriter(box: nested)
    }

    mutating func superEncoder() -> any Encoder { box.items.append(.unsupported); return TreeEncoder() }
}

struct SingleWriter: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.value = .null }
    mutating func encode(_ value: Bool) throws { encoder.value = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.value = .string(value) }
    mutating func encode(_ value: Double) throws { throw StoredJSONWriter.Unsupported() }
    mutating func encode(_ value: Float) throws { throw StoredJSONWriter.Unsupported() }
    mutating func encode(_ value: Int) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.value = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.value = try WriterValue.make(value) }
}
