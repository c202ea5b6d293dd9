import Foundation

/// Encodes model values as JSON text for storage (sorted keys, so field diffs are stable) and
/// decodes them back. Every store (SQLite, PostgreSQL) and the wire use this one encoding, so equal
/// values have equal text everywhere: journal diffs, compare-and-set and copy digests rely on it.
/// `JSONFields.split` splits stored text into top-level fields for the journal.
public enum StoredJSON {
    /// The stored text of a value: `StoredJSONWriter`'s, which is byte for byte `JSONEncoder`'s
    /// (`encodeWithFoundation`); a value it does not model is written by `JSONEncoder` itself.
    public static func encode<T: Encodable>(_ value: T) -> String {
        if let text = try? StoredJSONWriter.encode(value) { return text }
        return encodeWithFoundation(value)
    }

    /// Reads stored text with `StoredJSONReader`; anything it does not accept is decoded by
    /// `JSONDecoder` (`decodeWithFoundation`), so what is accepted, and every error, is its.
    public static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        if let value = try? StoredJSONReader.decode(type, text) { return value }
        return try decodeWithFoundation(type, text)
    }

    /// The same for stored text given as its UTF-8 bytes (for a store's reads by the hundred
    /// thousand: the text need not be checked as a whole first): the value, or the error, of
    /// `decode(type, String(decoding: bytes, as: UTF8.self))`. The per-type row reader reads the
    /// bytes themselves and validates only the strings it keeps; anything else goes through that
    /// `String`.
    public static func decode<T: Decodable>(_ type: T.Type, utf8 bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBufferPointer { try decode(type, utf8: $0) }
    }

    /// The same for bytes where they lie (`fuhe check` keeps each dossier's rows of a table in
    /// one buffer).
    public static func decode<T: Decodable>(_ type: T.Type, utf8 bytes: UnsafeBufferPointer<UInt8>) throws -> T {
        if let value = try? StoredRowReader.decode(type, utf8: bytes) { return value }
        return try decode(type, String(decoding: bytes, as: UTF8.self))
    }

    /// Foundation's `JSONEncoder` with the stored options (sorted keys, unescaped `/`, ISO dates).
    package static func encodeWithFoundation<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding plain model structs cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Foundation's `JSONDecoder` with ISO dates.
    package static func decodeWithFoundation<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(text.utf8))
    }

    /// Only the dedicated reader/writer, for tests that must know neither fell back.
    package static func encodeDirect<T: Encodable>(_ value: T) throws -> String { try StoredJSONWriter.encode(value) }
    package static func decodeDirect<T: Decodable>(_ type: T.Type, _ text: String) throws -> T { try StoredJSONReader.decode(type, text) }
    /// Only the per-type reader of the hot row types (nil for another type), for tests.
    package static func decodeRow<T: Decodable>(_ type: T.Type, _ text: String) throws -> T? { try StoredRowReader.decode(type, text) }
    package static func decodeRow<T: Decodable>(_ type: T.Type, utf8 bytes: [UInt8]) throws -> T? {
        try bytes.withUnsafeBufferPointer { try StoredRowReader.decode(type, utf8: $0) }
    }
}

/// ISO 8601 timestamps in UTC+8, as every store writes them in journal and summary columns.
public enum JournalTime {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)

    public static func format(_ date: Date) -> String { date.formatted(style) }
}
