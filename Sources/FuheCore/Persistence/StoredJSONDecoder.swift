import Foundation

/// The `Decoder` over a `ReaderValue` (see `StoredJSONReader`). Any mismatch throws
/// `StoredJSONReader.Unsupported`: the caller then decodes with `JSONDecoder`, whose error (with
/// its coding path) is the one reported, so no coding path is kept here.
struct TreeDecoder: Decoder {
    let value: ReaderValue
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw StoredJSONReader.Unsupported() }
        return KeyedDecodingContainer(KeyedReader<Key>(object: object))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw StoredJSONReader.Unsupported() }
        return UnkeyedReader(items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleReader(value: value) }
}

struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: ReaderObject
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { object.value(key.stringValue) != nil }

    private func at(_ key: Key) throws -> ReaderValue {
        guard let v = object.value(key.stringValue) else { throw StoredJSONReader.Unsupported() }
        return v
    }

    func decodeNil(forKey key: Key) throws -> Bool { try at(key).isNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try at(key).bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try at(key).string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw StoredJSONReader.Unsupported() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw StoredJSONReader.Unsupported() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try at(key).integer(Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try at(key).integer(Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try at(key).integer(Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try at(key).integer(Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try at(key).integer(Int64.self) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try at(key).integer(UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try at(key).integer(UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try at(key).integer(UInt16.self) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try at(key).integer(UInt32.self) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try at(key).integer(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try at(key).decode(T.self) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TreeDecoder(value: at(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeDecoder(value: at(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw StoredJSONReader.Unsupported() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw StoredJSONReader.Unsupported() }
}

struct UnkeyedReader: UnkeyedDecodingContainer {
    let items: [ReaderValue]
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [ReaderValue]) { self.items = items }

    private mutating func next() throws -> ReaderValue {
        guard currentIndex < items.count else { throw StoredJSONReader.Unsupported() }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < items.count else { throw StoredJSONReader.Unsupported() }
        if items[currentIndex].isNull { currentIndex += 1; return true }
        return false
    }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().bool() }
    mutating func decode(_ type: String.Type) throws -> String { try next().string() }
    mutating func decode(_ type: Double.Type) throws -> Double { throw StoredJSONReader.Unsupported() }
    mutating func decode(_ type: Float.Type) throws -> Float { throw StoredJSONReader.Unsupported() }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().integer(Int.self) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().integer(Int8.self) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().integer(Int16.self) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().integer(Int32.self) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().integer(Int64.self) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next().integer(UInt.self) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().integer(UInt8.self) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().integer(UInt16.self) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().integer(UInt32.self) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().integer(UInt64.self) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(T.self) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try TreeDecoder(value: next()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try TreeDecoder(value: next()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { throw StoredJSONReader.Unsupported() }
}

struct SingleReader: SingleValueDecodingContainer {
    let value: ReaderValue
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try value.bool() }
    func decode(_ type: String.Type) throws -> String { try value.string() }
    func decode(_ type: Double.Type) throws -> Double { throw StoredJSONReader.Unsupported() }
    func decode(_ type: Float.Type) throws -> Float { throw StoredJSONReader.Unsupported() }
    func decode(_ type: Int.Type) throws -> Int { try value.integer(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try value.integer(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try value.integer(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try value.integer(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try value.integer(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try value.integer(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try value.integer(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try value.integer(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try value.integer(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try value.integer(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value.decode(T.self) }
}
