import Foundation

extension String {
    /// Whether both hold the same UTF-8 bytes: lengths, then one `memcmp` of the contiguous
    /// storage (a generic `utf8.elementsEqual` walks the views byte by byte; `==` compares
    /// Chinese text through Unicode normalisation). Equal bytes are equal text; unequal bytes
    /// may still be canonically equal, so callers that mean `==` ask it after this
    /// (`StoredTextEquality.same`).
    public func hasSameBytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var a = self, b = other
        return a.withUTF8 { x in b.withUTF8 { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
}

/// Stored texts (entities' JSON) compared as `==` compares them, equal bytes found first.
public enum StoredTextEquality {
    /// `a == b`, answered by the bytes when they are equal (most stored texts compared are).
    public static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.hasSameBytes(as: b) || a == b
    }
}
