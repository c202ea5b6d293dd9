import Foundation

/// Splits stored entity JSON into top-level fields (each as canonical JSON text) and puts them
/// back together. Canonical = sorted keys, no escaped slashes, the form the store writes.
public enum JSONFields {
    /// Top-level fields of a JSON object; null and absent fields are left out. Each value is the
    /// exact text it has in `text` (not re-serialized): the store writes every entity with one
    /// deterministic encoder, so equal values have equal text. Falls back to re-serializing when
    /// the text has whitespace between tokens or escaped keys (not written by the store).
    public static func split(_ text: String?) -> [String: String] {
        guard let text else { return [:] }
        if let fast = TopLevelScanner.fields(text) { return fast }
        guard let dict = parse(text) as? [String: Any] else { return [:] }
        var out: [String: String] = [:]
        for (key, value) in dict where !(value is NSNull) {
            out[key] = canonical(value)
        }
        return out
    }

    /// A JSON object from fields (field → JSON text); nil when a value is not valid JSON.
    /// Plain keys and values are written directly (`CanonicalJSON`), the rest by Foundation:
    /// the same text either way.
    public static func join(_ fields: [String: String]) -> String? {
        guard let keys = CanonicalJSON.sortedKeys(fields.keys) else { return joinWithFoundation(fields) }
        var out = "{"
        for (n, key) in keys.enumerated() {
            guard let text = fields[key] else { continue }
            let value: String
            if let plain = CanonicalJSON.value(text) { value = plain } else {
                guard let parsed = parse(text) else { return nil }
                value = canonical(parsed)
            }
            if n > 0 { out += "," }
            out += "\"" + key + "\":" + value
        }
        return out + "}"
    }

    /// `join` through `JSONSerialization` alone.
    static func joinWithFoundation(_ fields: [String: String]) -> String? {
        var dict: [String: Any] = [:]
        for (key, text) in fields {
            guard let value = parse(text) else { return nil }
            dict[key] = value
        }
        return canonical(dict)
    }

    /// The elements of a JSON array, each as canonical JSON text (nil if not an array).
    public static func elements(_ text: String?) -> [String]? {
        guard let text else { return [] }
        guard let array = parse(text) as? [Any] else { return nil }
        return array.map(canonical)
    }

    /// A JSON array from element texts.
    public static func array(_ elements: [String]) -> String {
        canonical(elements.compactMap(parse))
    }

    /// A string as JSON text.
    public static func quote(_ text: String) -> String { canonical(text) }

    static func parse(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    static func canonical(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]) else {
            return "null"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
