import Foundation

/// Review status (spec §2.4.2).
public enum ReviewStatus: String, Codable, Sendable, CaseIterable {
    case draft = "DRAFT", submitted = "SUBMITTED", finalized = "FINALIZED"

    public var label: String {
        switch self {
        case .draft: "复核中"
        case .submitted: "待确认"
        case .finalized: "已定稿"
        }
    }
}

/// 复核: the review of one self-evaluation.
public struct Review: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    public var mode: ReviewMode
    public var team: [TeamMember]
    public var conclusion: String
    public var status: ReviewStatus
    public var startedAt: Date?
    public var submittedAt: Date?
    public var finalizedAt: Date?
    /// Totals frozen when finalized (kept in history when reopened).
    public var frozenTotal: Score?
    public var frozenGrade: String?

    public init(id: String, mode: ReviewMode = .desk, team: [TeamMember] = [], conclusion: String = "",
                status: ReviewStatus = .draft, startedAt: Date? = nil, submittedAt: Date? = nil,
                finalizedAt: Date? = nil, frozenTotal: Score? = nil, frozenGrade: String? = nil) {
        self.id = id
        self.mode = mode
        self.team = team
        self.conclusion = conclusion
        self.status = status
        self.startedAt = startedAt
        self.submittedAt = submittedAt
        self.finalizedAt = finalizedAt
        self.frozenTotal = frozenTotal
        self.frozenGrade = frozenGrade
    }

    /// The team leader (组长), if named.
    public var leader: TeamMember? { team.first { $0.role == .leader } }
}

/// 问题: a problem recorded in a review, optionally linked to the scoresheet row that lost points.
public struct Finding: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    public var seq: Int
    public var nodeID: String?
    public var category: FindingCategory
    public var description: String
    public var amountInvolved: Money?
    public var basis: String?
    public var origin: FindingOrigin
    public var severity: Severity
    public var recommendation: String?
    /// Rule code when promoted from an engine flag (origin AUTO_CHECK).
    public var ruleCode: String?

    public init(id: String, seq: Int, nodeID: String? = nil, category: FindingCategory, description: String,
                amountInvolved: Money? = nil, basis: String? = nil, origin: FindingOrigin = .review,
                severity: Severity = .general, recommendation: String? = nil, ruleCode: String? = nil) {
        self.id = id
        self.seq = seq
        self.nodeID = nodeID
        self.category = category
        self.description = description
        self.amountInvolved = amountInvolved
        self.basis = basis
        self.origin = origin
        self.severity = severity
        self.recommendation = recommendation
        self.ruleCode = ruleCode
    }
}
