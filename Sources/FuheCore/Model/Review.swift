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
    /// 结果应用: how the result is applied to next year's budget (nil: not decided yet).
    public var application: ResultApplication?

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

/// 结果应用: what the review's result means for the unit's next budget (P9b: 通报批评、限期整改、调减
/// 预算直至取消; results used as an allocation factor).
public enum ApplicationKind: String, Codable, Sendable, CaseIterable {
    case prioritize = "PRIORITIZE", reduce = "REDUCE", cancel = "CANCEL", notice = "NOTICE", interview = "INTERVIEW"

    public var label: String {
        switch self {
        case .prioritize: "优先保障"
        case .reduce: "调减"
        case .cancel: "取消"
        case .notice: "通报"
        case .interview: "约谈"
        }
    }
}

/// The decision on how a result is applied, with its reason (required) and who decided when.
public struct ResultApplication: Hashable, Sendable, Codable {
    public var kind: ApplicationKind
    public var reason: String
    public var decidedBy: String
    public var decidedOn: CalendarDay

    public init(kind: ApplicationKind, reason: String, decidedBy: String, decidedOn: CalendarDay) {
        self.kind = kind
        self.reason = reason
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
    }
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
    /// 重复问题: the finding of an earlier year of the same unit this one repeats
    /// ("<dossier id>/<finding id>"; see `RepeatFindings`).
    public var repeatOf: String?

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
