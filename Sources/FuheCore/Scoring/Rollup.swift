/// Which scores a roll-up uses at the leaves: the unit's stated self scores, the reviewer's
/// scores, or the engine's suggestions.
public enum ScoreView: String, Hashable, Sendable, CaseIterable {
    case selfStated, review, suggested
}

/// A rolled-up score: the value (nil when nothing below has a score) and whether every part
/// that counts had one.
public struct Rollup: Hashable, Sendable {
    public var value: Score?
    public var complete: Bool

    public init(value: Score?, complete: Bool) {
        self.value = value
        self.complete = complete
    }

    /// Nothing scored.
    public static let empty = Rollup(value: nil, complete: false)
}

extension TemplateIndex {
    /// Rolls leaf values up the tree (spec §3.2): a parent is the exact sum of its non-TRIAL
    /// children when all are complete; otherwise its `stated` score when given (self view);
    /// otherwise the partial sum, marked incomplete (nil if nothing). Indexed by node position.
    func rollups(leaf: (Int) -> Score?, stated: ((Int) -> Score?)? = nil) -> [Rollup] {
        var result = Array(repeating: Rollup.empty, count: template.nodes.count)
        for p in bottomUp {
            let kids = children[p]
            if kids.isEmpty {
                let v = leaf(p)
                result[p] = Rollup(value: v, complete: v != nil)
                continue
            }
            var sum = Score.zero
            var any = false
            var complete = true
            var counted = 0
            for c in kids where kinds[c] != .trial {
                counted += 1
                let r = result[c]
                if let v = r.value {
                    sum += v
                    any = true
                }
                if !r.complete { complete = false }
            }
            if complete && counted > 0 {
                result[p] = Rollup(value: sum, complete: true)
            } else if let s = stated?(p) {
                result[p] = Rollup(value: s, complete: true)
            } else {
                result[p] = Rollup(value: any ? sum : nil, complete: false)
            }
        }
        return result
    }

    /// base + clamped adjustments, then clamped to [0, total_cap] (spec §3.2, §3.5). ADJUST roots
    /// without any score count as 0 and do not make the total incomplete.
    func total(_ rollups: [Rollup]) -> Rollup {
        var base = Score.zero, adjust = Score.zero
        var any = false
        var complete = true
        for r in roots {
            let rollup = rollups[r]
            switch kinds[r] {
            case .base:
                if let v = rollup.value {
                    base += v
                    any = true
                }
                if !rollup.complete { complete = false }
            case .adjust:
                guard let v = rollup.value else { continue }
                adjust += v
                any = true
                if !rollup.complete { complete = false }
            case .trial:
                continue
            }
        }
        guard any else { return .empty }
        if let penalty = template.maxPenaltyTotal, adjust < -penalty { adjust = -penalty }
        if let bonus = template.maxBonusTotal, adjust > bonus { adjust = bonus }
        var total = base + adjust
        if let cap = template.totalCap { total = total.clamped(to: .zero, cap) }
        return Rollup(value: total, complete: complete)
    }
}
