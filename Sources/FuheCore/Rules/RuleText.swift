import Foundation

/// Small text helpers shared by the rule and lifecycle code.
enum RuleText {
    /// True for nil, empty or whitespace-only text.
    static func isBlank(_ text: String?) -> Bool {
        guard let text else { return true }
        // A character is whitespace by its first scalar, so text whose first scalar is not
        // whitespace is not blank (`fuhe check` asks this of every stored item's fields).
        if let first = text.unicodeScalars.first, !first.properties.isWhitespace { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// Trimmed text, nil when blank.
    static func trimmed(_ text: String?) -> String? {
        guard let text, !isBlank(text) else { return nil }
        // Nothing to trim when both ends are plainly not whitespace or newlines (printable ASCII
        // or a CJK ideograph): Foundation's trimming is not asked.
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, plain(first), plain(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Printable ASCII other than space, or a CJK unified ideograph: in no version of
    /// `CharacterSet.whitespacesAndNewlines`.
    private static func plain(_ s: Unicode.Scalar) -> Bool {
        (0x21...0x7E).contains(s.value) || (0x4E00...0x9FFF).contains(s.value)
    }

    /// 「1.1 预算编制」: code and name of an indicator for messages.
    static func node(_ node: IndicatorNode) -> String { "「\(node.code) \(node.name)」" }

    /// 整改事项「R-1」: an item for messages.
    static func item(_ item: RectificationItem) -> String { "整改事项「\(item.id)」" }
}
