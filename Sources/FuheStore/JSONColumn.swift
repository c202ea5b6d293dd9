import Foundation

/// Encodes model values as JSON text for storage (sorted keys, so field diffs are stable) and
/// splits them into top-level fields for the journal.
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding plain model structs cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(text.utf8))
    }

    /// Top-level fields of an encoded object, each re-encoded as JSON text (absent = nil).
    static func fields(_ text: String?) -> [String: String] {
        guard let text, let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
              let dict = object as? [String: Any] else { return [:] }
        var out: [String: String] = [:]
        for (key, value) in dict {
            if value is NSNull { continue }
            if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]) {
                out[key] = String(decoding: data, as: UTF8.self)
            }
        }
        return out
    }
}
