import Foundation

/// Small text helpers shared by the rule and lifecycle code.
enum RuleText {
    /// True for nil, empty or whitespace-only text.
    static func isBlank(_ text: String?) -> Bool {
        guard let text else { return true }
        return text.allSatisfy(\.isWhitespace)
    }

    /// Trimmed text, nil when blank.
    static func trimmed(_ text: String?) -> String? {
        guard let text, !isBlank(text) else { return nil }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// 「1.1 预算编制」: code and name of an indicator for messages.
    static func node(_ node: IndicatorNode) -> String { "「\(node.code) \(node.name)」" }

    /// 整改事项「R-1」: an item for messages.
    static func item(_ item: RectificationItem) -> String { "整改事项「\(item.id)」" }
}
