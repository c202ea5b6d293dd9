import Foundation
import FuheCore

/// Any JSON object key.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// A keyed container that refuses fields it does not know, with typed readers whose errors name
/// the field.
struct StrictContainer {
    let keyed: KeyedDecodingContainer<AnyKey>

    init(_ decoder: any Decoder, allowed: Set<String>) throws {
        keyed = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = keyed.allKeys.map(\.stringValue).sorted().first(where: { !allowed.contains($0) }) {
            throw DecodingError.dataCorruptedError(forKey: AnyKey(unknown), in: keyed,
                                                   debugDescription: "unknown field (known: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    func corrupt(_ key: String, _ message: String) -> DecodingError {
        DecodingError.dataCorruptedError(forKey: AnyKey(key), in: keyed, debugDescription: message)
    }

    func string(_ key: String) throws -> String { try keyed.decode(String.self, forKey: AnyKey(key)) }

    func optionalString(_ key: String) throws -> String? { try keyed.decodeIfPresent(String.self, forKey: AnyKey(key)) }

    func nonBlank(_ key: String) throws -> String {
        let s = try string(key)
        guard !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw corrupt(key, "must not be blank") }
        return s
    }

    func bool(_ key: String) throws -> Bool { try keyed.decodeIfPresent(Bool.self, forKey: AnyKey(key)) ?? false }

    func strings(_ key: String) throws -> [String] { try keyed.decodeIfPresent([String].self, forKey: AnyKey(key)) ?? [] }

    /// A score written as a string ("5.00").
    func score(_ key: String) throws -> Score? {
        guard let text = try optionalString(key) else { return nil }
        guard let s = Score(text.trimmingCharacters(in: .whitespaces)) else { throw corrupt(key, "\"\(text)\" is not a score such as \"5.00\"") }
        return s
    }

    /// An exact number written as a string ("110").
    func decimal(_ key: String) throws -> Decimal? {
        guard let text = try optionalString(key) else { return nil }
        guard let d = ExactDecimal.parse(text.trimmingCharacters(in: .whitespaces)) else {
            throw corrupt(key, "\"\(text)\" is not a plain number such as \"110\"")
        }
        return d
    }

    func enumeration<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws -> E where E.RawValue == String {
        let text = try string(key)
        guard let v = E(rawValue: text) else {
            throw corrupt(key, "\"\(text)\" is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }

    func optionalEnumeration<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws -> E? where E.RawValue == String {
        keyed.contains(AnyKey(key)) ? try enumeration(key, type) : nil
    }
}
