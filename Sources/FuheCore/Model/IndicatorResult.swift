import Foundation

/// 评分表行: one self-evaluation's values for one indicator — what the unit stated and what the
/// reviewer established. The engine's suggestion and the flags are derived, never stored.
public struct IndicatorResult: Hashable, Sendable, Codable {
    public var nodeID: String
    public var target: ObservedValue?
    /// 实际完成值 as stated by the unit.
    public var actual: ObservedValue?
    /// 自评分 as stated (not range-restricted; S-001 flags it).
    public var selfScore: Score?
    /// 偏差原因 / the unit's explanation.
    public var selfNote: String?
    /// Value the reviewer established from evidence.
    public var verifiedActual: ObservedValue?
    /// 复核分; hard range [min_score, max_score].
    public var reviewScore: Score?
    /// 扣分原因.
    public var deductionReason: String?
    /// Reviewer's working note.
    public var reviewNote: String?
    public var evidenceIDs: [String]
    public var status: RowStatus
    public var reviewedBy: String?
    public var reviewedAt: Date?
    /// 待单位补充: what the reviewer asked the unit to supply (set with status QUERIED; kept as a
    /// record once the row is reviewed). See `RowQuery`.
    public var question: String?
    /// Who asked, and when.
    public var queriedBy: String?
    public var queriedAt: Date?

    public init(nodeID: String, target: ObservedValue? = nil, actual: ObservedValue? = nil, selfScore: Score? = nil,
                selfNote: String? = nil, verifiedActual: ObservedValue? = nil, reviewScore: Score? = nil,
                deductionReason: String? = nil, reviewNote: String? = nil, evidenceIDs: [String] = [],
                status: RowStatus = .unreviewed, reviewedBy: String? = nil, reviewedAt: Date? = nil,
                question: String? = nil, queriedBy: String? = nil, queriedAt: Date? = nil) {
        self.nodeID = nodeID
        self.target = target
        self.actual = actual
        self.selfScore = selfScore
        self.selfNote = selfNote
        self.verifiedActual = verifiedActual
        self.reviewScore = reviewScore
        self.deductionReason = deductionReason
        self.reviewNote = reviewNote
        self.evidenceIDs = evidenceIDs
        self.status = status
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt
        self.question = question
        self.queriedBy = queriedBy
        self.queriedAt = queriedAt
    }

    /// The value the engine scores from: the verified actual when set, else the stated actual.
    public var effectiveActual: ObservedValue? { verifiedActual ?? actual }
}

/// 佐证材料.
public struct Evidence: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    public var title: String
    public var kind: EvidenceKind
    /// File path, page, 凭证号 …
    public var locator: String?
    public var providedBy: EvidenceSource
    public var receivedOn: CalendarDay?
    public var verified: Bool

    public init(id: String, title: String, kind: EvidenceKind = .other, locator: String? = nil,
                providedBy: EvidenceSource = .unit, receivedOn: CalendarDay? = nil, verified: Bool = false) {
        self.id = id
        self.title = title
        self.kind = kind
        self.locator = locator
        self.providedBy = providedBy
        self.receivedOn = receivedOn
        self.verified = verified
    }
}
