import Foundation

/// Encodes model values as JSON text for storage (sorted keys, so field diffs are stable) and
/// decodes them back. Every store (SQLite, PostgreSQL) and the wire use this one encoding, so equal
/// values have equal text everywhere: journal diffs, compare-and-set and copy digests rely on it.
/// `JSONFields.split` splits stored text into top-level fields for the journal.
public enum StoredJSON {
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding plain model structs cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(text.utf8))
    }
}

/// ISO 8601 timestamps in UTC+8, as every store writes them in journal and summary columns.
public enum JournalTime {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)

    public static func format(_ date: Date) -> String { date.formatted(style) }
}
