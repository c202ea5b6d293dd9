/// What the reviewer decided about one proposed value of an intake draft.
///
/// In `fuhe.draft/1` it is written `{"state": "pending"}`, `{"state": "accepted"}`,
/// `{"state": "corrected", "value": "…"}` or `{"state": "absent"}`.
public enum DraftDecision: Hashable, Sendable, Codable {
    /// Not looked at yet.
    case pending
    /// The proposal is right.
    case accepted
    /// The reviewer typed or chose another value.
    case corrected(String)
    /// The report does not state this value ("not in the report"); the proposal is dropped.
    case absent

    /// Accepted, corrected or marked absent.
    public var isSettled: Bool { self != .pending }

    /// The value a dossier gets from `proposal` under this decision: the correction, the proposal,
    /// or nil when marked absent.
    public func applied(to proposal: String?) -> String? {
        switch self {
        case .corrected(let v): v
        case .absent: nil
        case .pending, .accepted: proposal
        }
    }

    /// "待确认", "已确认", "已更正", "原文未载".
    public var label: String {
        switch self {
        case .pending: "待确认"
        case .accepted: "已确认"
        case .corrected: "已更正"
        case .absent: "原文未载"
        }
    }

    enum CodingKeys: String, CodingKey { case state, value }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .state) {
        case "pending": self = .pending
        case "accepted": self = .accepted
        case "absent": self = .absent
        case "corrected": self = .corrected(try c.decode(String.self, forKey: .value))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .state, in: c,
                                                   debugDescription: "unknown decision state \"\(other)\" (pending, accepted, corrected, absent)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .pending: try c.encode("pending", forKey: .state)
        case .accepted: try c.encode("accepted", forKey: .state)
        case .absent: try c.encode("absent", forKey: .state)
        case .corrected(let v):
            try c.encode("corrected", forKey: .state)
            try c.encode(v, forKey: .value)
        }
    }
}
