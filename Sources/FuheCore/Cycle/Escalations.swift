/// Ageing of overdue items (DefectDojo's SLA buckets): ≤30, 31–90, >90 days overdue.
public enum AgeingBucket: String, CaseIterable, Sendable, Codable {
    case upTo30, upTo90, over90

    public var label: String {
        switch self {
        case .upTo30: "逾期≤30天"
        case .upTo90: "逾期31–90天"
        case .over90: "逾期>90天"
        }
    }

    /// The bucket of an item overdue by `days` (> 0).
    public static func of(daysOverdue days: Int) -> AgeingBucket {
        days <= 30 ? .upTo30 : days <= 90 ? .upTo90 : .over90
    }
}

/// When an item becomes a candidate for 约谈 / 通报 / 问责 (spec §6.2, inferred rules): overdue
/// beyond `overdueDays`, returned two or more times, or no progress for `stalledDays`.
public struct EscalationThresholds: Sendable, Hashable, Codable {
    public var overdueDays: Int
    public var stalledDays: Int
    public var returns: Int

    public init(overdueDays: Int = 30, stalledDays: Int = 60, returns: Int = 2) {
        self.overdueDays = overdueDays
        self.stalledDays = stalledDays
        self.returns = returns
    }

    public static let standard = EscalationThresholds()
}

/// Why an item is an escalation candidate.
public enum EscalationReason: Sendable, Hashable, CustomStringConvertible {
    case overdue(days: Int)
    case returned(times: Int)
    case stalled(days: Int)

    public var description: String {
        switch self {
        case .overdue(let d): "逾期\(d)天"
        case .returned(let n): "退回\(n)次"
        case .stalled(let d): "\(d)天无进展"
        }
    }
}

/// The escalation rules: who is a candidate, and recording a 约谈 / 通报 / 问责 on an item
/// (E-001: a reason is required; E-002: not on a withdrawn item).
public enum EscalationRules {
    /// Why the item is a candidate (empty: it is not). Closed and withdrawn items never are;
    /// "no progress" counts for items still waiting for the unit's work.
    public static func reasons(_ item: ItemDigest, today: CalendarDay, state: DeadlineState,
                               thresholds: EscalationThresholds = .standard) -> [EscalationReason] {
        reasons(item.facts, today: today, state: state, thresholds: thresholds)
    }

    /// The same on the facts the rule reads.
    public static func reasons(_ item: ItemFacts, today: CalendarDay, state: DeadlineState,
                               thresholds: EscalationThresholds = .standard) -> [EscalationReason] {
        guard item.status.isOpen else { return [] }
        var out: [EscalationReason] = []
        if state.isOverdue && state.daysOverdue > thresholds.overdueDays { out.append(.overdue(days: state.daysOverdue)) }
        if item.returnCount >= thresholds.returns { out.append(.returned(times: item.returnCount)) }
        if item.status != .submitted {
            let idle = item.daysWithoutProgress(today: today)
            if idle > thresholds.stalledDays { out.append(.stalled(days: idle)) }
        }
        return out
    }

    /// The item with the escalation recorded.
    public static func record(_ kind: EscalationKind, reason: String, target: String?, on item: RectificationItem,
                              by actor: Actor, on day: CalendarDay) throws(RuleViolation) -> RectificationItem {
        guard let why = RuleText.trimmed(reason) else {
            throw RuleViolation(code: "E-001", "\(kind.label)\(RuleText.item(item))须写明原因（如拒不整改、推诿整改、敷衍整改、虚假整改、逾期未整改）",
                                itemID: item.id, field: "reason")
        }
        guard item.status != .withdrawn else {
            throw RuleViolation(code: "E-002", "\(RuleText.item(item))已撤销，不能\(kind.label)", itemID: item.id, field: "status")
        }
        var next = item
        next.escalations = item.escalationRecords + [Escalation(kind: kind, date: day, by: actor.name, reason: why,
                                                                 target: RuleText.trimmed(target))]
        return next
    }

    /// P6's vocabulary of escalation reasons, offered in the form.
    public static let commonReasons = ["逾期未整改", "拒不整改", "推诿整改", "敷衍整改", "虚假整改", "多次退回仍未整改到位"]
}

extension ItemFacts {
    /// Days since anything happened to the item: its last progress entry, else its creation.
    public func daysWithoutProgress(today: CalendarDay) -> Int {
        (lastProgressOn ?? createdOn).days(until: today)
    }
}

/// What the rules derive from an item on a day: its deadline state (`Deadlines.state`), its
/// ageing bucket and why it is an escalation candidate (`EscalationRules.reasons`). No text.
public struct ItemStanding: Sendable, Hashable {
    public var state: DeadlineState
    public var bucket: AgeingBucket?
    public var reasons: [EscalationReason]

    public init(state: DeadlineState, bucket: AgeingBucket?, reasons: [EscalationReason]) {
        self.state = state
        self.bucket = bucket
        self.reasons = reasons
    }

    public init(_ item: ItemFacts, today: CalendarDay, thresholds: EscalationThresholds = .standard) {
        state = Deadlines.state(of: item, today: today)
        bucket = state.isOverdue ? AgeingBucket.of(daysOverdue: state.daysOverdue) : nil
        reasons = EscalationRules.reasons(item, today: today, state: state, thresholds: thresholds)
    }
}

/// An item of the cross-unit list with what is derived from it on a day: its deadline state, its
/// ageing bucket and why it is an escalation candidate.
public struct RectRow: Sendable, Hashable {
    public var item: ItemDigest
    public var state: DeadlineState
    public var bucket: AgeingBucket?
    public var reasons: [EscalationReason]
    /// The deadline and (持续整改) next check, each with its own days (`Deadlines.due`).
    public var due: DueFigures

    public init(_ item: ItemDigest, today: CalendarDay, thresholds: EscalationThresholds = .standard) {
        self.item = item
        let standing = ItemStanding(item.facts, today: today, thresholds: thresholds)
        state = standing.state
        bucket = standing.bucket
        reasons = standing.reasons
        due = item.due(today: today)
    }
}

/// The rectification figures of a set of items on a day: counts by status, overdue and its ageing,
/// due soon, escalation candidates, closure and overdue rates. The cross-unit page, the dashboard
/// and `fuhe stats` all take theirs from here.
public struct RectSummary: Sendable, Hashable, Codable {
    public var total = 0
    /// Excluding withdrawn items.
    public var counted = 0
    public var open = 0
    public var closed = 0
    public var withdrawn = 0
    public var overdue = 0
    public var dueSoon = 0
    public var candidates = 0
    /// Counts by bucket and by status, in arrays indexed by `slot` (these enums hash through
    /// their raw strings, which made two dictionary updates per item most of a 20,000-item count).
    private var bucketCounts = [Int](repeating: 0, count: AgeingBucket.allCases.count)
    private var statusCounts = [Int](repeating: 0, count: RectStatus.allCases.count)

    /// Overdue items by ageing bucket (buckets with none left out).
    public var byBucket: [AgeingBucket: Int] {
        get { Self.dictionary(bucketCounts, slot: Self.slot) }
        set { bucketCounts = Self.counts(newValue, slot: Self.slot) }
    }

    /// Items by status (statuses with none left out).
    public var byStatus: [RectStatus: Int] {
        get { Self.dictionary(statusCounts, slot: Self.slot) }
        set { statusCounts = Self.counts(newValue, slot: Self.slot) }
    }

    public init() {}

    public init(_ rows: [RectRow]) {
        for r in rows { add(r.item.status, state: r.state, bucket: r.bucket, candidate: !r.reasons.isEmpty) }
    }

    /// Counts one item of `status` standing so on the day.
    public mutating func add(_ status: RectStatus, _ standing: ItemStanding) {
        add(status, state: standing.state, bucket: standing.bucket, candidate: !standing.reasons.isEmpty)
    }

    mutating func add(_ status: RectStatus, state: DeadlineState, bucket: AgeingBucket?, candidate: Bool) {
        total += 1
        statusCounts[Self.slot(status)] += 1
        switch status {
        case .closed: closed += 1
        case .withdrawn: withdrawn += 1
        default: open += 1
        }
        if state.isOverdue { overdue += 1 }
        if state.dueSoon { dueSoon += 1 }
        if let bucket { bucketCounts[Self.slot(bucket)] += 1 }
        if candidate { candidates += 1 }
        counted = total - withdrawn
    }

    /// 已销号 ÷ items not withdrawn, in percent with one decimal ("62.5"), nil when there are none.
    public var closureRate: String? { Self.percent(closed, counted) }
    /// Overdue ÷ open items.
    public var overdueRate: String? { Self.percent(overdue, open) }

    /// An exact percentage with one decimal, rounded half up ("33.3").
    public static func percent(_ part: Int, _ whole: Int) -> String? {
        guard whole > 0 else { return nil }
        let tenths = (part * 2000 + whole) / (2 * whole)
        return "\(tenths / 10).\(tenths % 10)"
    }
}

extension RectSummary {
    private enum CodingKeys: String, CodingKey {
        case total, counted, open, closed, withdrawn, overdue, dueSoon, candidates, byBucket, byStatus
    }

    /// The same JSON as the stored dictionaries gave (`fuhe stats --json`).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        total = try c.decode(Int.self, forKey: .total)
        counted = try c.decode(Int.self, forKey: .counted)
        open = try c.decode(Int.self, forKey: .open)
        closed = try c.decode(Int.self, forKey: .closed)
        withdrawn = try c.decode(Int.self, forKey: .withdrawn)
        overdue = try c.decode(Int.self, forKey: .overdue)
        dueSoon = try c.decode(Int.self, forKey: .dueSoon)
        candidates = try c.decode(Int.self, forKey: .candidates)
        byBucket = try c.decode([AgeingBucket: Int].self, forKey: .byBucket)
        byStatus = try c.decode([RectStatus: Int].self, forKey: .byStatus)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(total, forKey: .total)
        try c.encode(counted, forKey: .counted)
        try c.encode(open, forKey: .open)
        try c.encode(closed, forKey: .closed)
        try c.encode(withdrawn, forKey: .withdrawn)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(dueSoon, forKey: .dueSoon)
        try c.encode(candidates, forKey: .candidates)
        try c.encode(byBucket, forKey: .byBucket)
        try c.encode(byStatus, forKey: .byStatus)
    }

    /// The array slot of each case (a switch: no hashing, and a new case must be given one).
    static func slot(_ b: AgeingBucket) -> Int {
        switch b {
        case .upTo30: 0
        case .upTo90: 1
        case .over90: 2
        }
    }

    static func slot(_ s: RectStatus) -> Int {
        switch s {
        case .pending: 0
        case .inProgress: 1
        case .submitted: 2
        case .longTerm: 3
        case .closed: 4
        case .withdrawn: 5
        }
    }

    static func dictionary<K: CaseIterable & Hashable>(_ counts: [Int], slot: (K) -> Int) -> [K: Int] {
        var out: [K: Int] = [:]
        for k in K.allCases where counts[slot(k)] != 0 { out[k] = counts[slot(k)] }
        return out
    }

    static func counts<K: CaseIterable & Hashable>(_ dictionary: [K: Int], slot: (K) -> Int) -> [Int] {
        var out = [Int](repeating: 0, count: K.allCases.count)
        for (k, n) in dictionary { out[slot(k)] = n }
        return out
    }
}

extension AgeingBucket: CodingKeyRepresentable {}
extension RectStatus: CodingKeyRepresentable {}
