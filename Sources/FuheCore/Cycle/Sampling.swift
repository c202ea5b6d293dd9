import Foundation

/// 抽查: choosing which received self-evaluations are reviewed, reproducibly — at random, or
/// weighted by risk (the unit's deviation in its previous review and its overdue items) — from
/// a ratio and a seed. The same candidates, ratio, method and seed always give the same selection.
public enum Sampling {
    public enum Method: String, Sendable, Codable {
        case random = "RANDOM", risk = "RISK"

        public var label: String { self == .random ? "随机" : "按风险加权" }
    }

    /// A self-evaluation that may be selected, with what its risk weight reads.
    public struct Candidate: Sendable, Hashable, Codable {
        public var dossierID: String
        public var unitName: String
        /// |self − review| of the unit's latest earlier review (nil: none).
        public var pastDeviation: Score?
        /// The unit's rectification items overdue today (from earlier years).
        public var overdueItems: Int

        public init(dossierID: String, unitName: String, pastDeviation: Score?, overdueItems: Int) {
            self.dossierID = dossierID
            self.unitName = unitName
            self.pastDeviation = pastDeviation
            self.overdueItems = overdueItems
        }

        /// 1, plus 1 per 5 points of past deviation, plus 1 per overdue item.
        public var riskWeight: Decimal {
            1 + Decimal(abs(pastDeviation?.hundredths ?? 0)) / 500 + Decimal(overdueItems)
        }
    }

    /// What was chosen, and how (recorded in the journal).
    public struct Selection: Sendable, Hashable, Codable {
        public var method: Method
        /// The ratio as given (0 < ratio ≤ 1).
        public var ratio: Decimal
        public var seed: UInt64
        public var selected: [String]
        public var notSelected: [String]
        /// The weight each candidate had (risk sampling), by dossier id.
        public var weights: [String: Decimal]
    }

    /// How many of `count` a ratio selects: rounded up, at least one when there are any.
    public static func size(ratio: Decimal, of count: Int) -> Int {
        guard count > 0 else { return 0 }
        var scaled = ratio * Decimal(count), up = Decimal()
        NSDecimalRound(&up, &scaled, 0, .up)
        return min(count, max(1, NSDecimalNumber(decimal: up).intValue))
    }

    /// Selects `size(ratio:of:)` candidates. Random: a seeded shuffle. Risk: weighted sampling
    /// without replacement (Efraimidis–Spirakis keys u^(1/w), from the same seeded generator).
    /// Candidates are taken in dossier id order first, so the input order does not matter.
    public static func select(_ candidates: [Candidate], ratio: Decimal, method: Method, seed: UInt64) -> Selection {
        let ordered = candidates.sorted { $0.dossierID < $1.dossierID }
        let n = size(ratio: ratio, of: ordered.count)
        var rng = SplitMix64(seed: seed)
        let chosen: [Candidate]
        switch method {
        case .random:
            var shuffled = ordered
            for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            chosen = Array(shuffled.prefix(n))
        case .risk:
            let keyed = ordered.map { c -> (Candidate, Double) in
                let u = max(Double(rng.next() >> 11) / Double(1 << 53), .leastNonzeroMagnitude)
                return (c, log(u) / NSDecimalNumber(decimal: c.riskWeight).doubleValue)
            }
            chosen = keyed.sorted { ($0.1, $0.0.dossierID) > ($1.1, $1.0.dossierID) }.prefix(n).map(\.0)
        }
        let ids = Set(chosen.map(\.dossierID))
        return Selection(method: method, ratio: ratio, seed: seed, selected: ordered.filter { ids.contains($0.dossierID) }.map(\.dossierID),
                         notSelected: ordered.filter { !ids.contains($0.dossierID) }.map(\.dossierID),
                         weights: method == .risk ? Dictionary(ordered.map { ($0.dossierID, $0.riskWeight) }, uniquingKeysWith: { a, _ in a }) : [:])
    }
}

/// A small, fast, reproducible generator (SplitMix64): the same seed, the same sequence, on
/// every machine. Also the generator of the tests' generated data.
public struct SplitMix64: Sendable, RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// 结果应用: deciding how a review's result is applied to the unit's next budget (A-001 a reason
/// is required; A-002 only once the review is finalized — the result is final then).
public enum ResultApplicationRules {
    public static func decide(_ kind: ApplicationKind?, reason: String, on review: Review?, by actor: Actor,
                              on day: CalendarDay) throws(RuleViolation) -> Review {
        guard let review, review.status == .finalized else {
            throw RuleViolation(code: "A-002", "结果应用须在复核定稿后确定（当前：\(review?.status.label ?? "未开始复核")）", field: "application")
        }
        var next = review
        guard let kind else {
            next.application = nil
            return next
        }
        guard let why = RuleText.trimmed(reason) else {
            throw RuleViolation(code: "A-001", "结果应用「\(kind.label)」须写明理由", field: "reason")
        }
        next.application = ResultApplication(kind: kind, reason: why, decidedBy: actor.name, decidedOn: day)
        return next
    }
}
