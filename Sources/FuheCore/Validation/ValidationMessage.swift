/// A coded rule message (spec §3.8) that a UI can list and jump from: the rule code, whether it
/// blocks the action, a Chinese explanation, and where it points (row, item, field).
///
/// ```swift
/// ValidationMessage(code: "S-001", level: .warning, message: "自评分20.00超过分值15.00", nodeID: "T5-2")
/// ```
public struct ValidationMessage: Hashable, Sendable, CustomStringConvertible {
    /// E blocks the action; W is a flag shown on the row and offered as a draft finding.
    public enum Level: String, Sendable, Codable {
        case error = "E"
        case warning = "W"
    }

    /// Rule code: T-001 … K-005, plus engine flags such as OVERSHOOT, DEV_ROW, DEV_TOTAL, GRADE_CHANGED.
    public var code: String
    public var level: Level
    /// One sentence in Chinese naming the values involved.
    public var message: String
    /// Indicator node the message is about (jump target in the scoresheet).
    public var nodeID: String?
    /// Rectification item the message is about.
    public var itemID: String?
    /// Field name within the row/item (`review_score`, `deadline`, …).
    public var field: String?

    public init(code: String, level: Level, message: String, nodeID: String? = nil, itemID: String? = nil, field: String? = nil) {
        self.code = code
        self.level = level
        self.message = message
        self.nodeID = nodeID
        self.itemID = itemID
        self.field = field
    }

    public var description: String { "\(code) [\(level.rawValue)] \(message)" }
}

/// Thrown when a guarded action is refused; carries the messages that block it.
public struct RuleViolation: Error, Sendable, CustomStringConvertible {
    public var messages: [ValidationMessage]

    public init(_ messages: [ValidationMessage]) { self.messages = messages }

    public init(code: String, _ message: String, nodeID: String? = nil, itemID: String? = nil, field: String? = nil) {
        self.messages = [ValidationMessage(code: code, level: .error, message: message, nodeID: nodeID, itemID: itemID, field: field)]
    }

    public var description: String { messages.map(\.description).joined(separator: "\n") }
}
