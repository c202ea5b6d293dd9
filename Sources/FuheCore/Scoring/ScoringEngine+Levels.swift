import Foundation

/// CHECKLIST and QUAL_3LEVEL.
extension ScoringEngine {
    /// Σ points of the satisfied elements (≤ W). Pieces of the answer are matched to element names
    /// exactly, or as 1-based indexes ("1、3").
    static func checklist(_ row: RowContext, _ elements: [ChecklistElement], names prepared: [String]? = nil) -> RowEvaluation {
        guard let actual = row.actual else { return row.noActual("满足的要素") }
        var pieces: [String]
        if actual.met == false {
            pieces = []
        } else if let items = actual.items {
            pieces = items
        } else {
            let text = ValueText.normalize(actual.text)
            guard !text.isEmpty else { return row.noActual("满足的要素") }
            pieces = ValueText.splitItems(text) ?? [text]
        }
        let names = prepared ?? checklistNames(elements)
        // The matched elements by position (their sorted set, without hashing).
        var matched = [Bool](repeating: false, count: elements.count)
        var unknown: [String] = []
        for piece in pieces {
            let p = ChineseText.simplified(ValueText.normalize(piece))
            if p.isEmpty { continue }
            if let i = names.firstIndex(of: p) {
                matched[i] = true
            } else if let k = Int(p), k >= 1, k <= elements.count {
                matched[k - 1] = true
            } else {
                unknown.append(piece)
            }
        }
        let chosen = matched.indices.filter { matched[$0] }
        // The sum in integers when every chosen element's points allow (the same value as the
        // `Decimal` sum, without its allocations); the `Decimal` sum for the measure and otherwise.
        var exactSum: ExactFraction? = .whole(0)
        for i in chosen { exactSum = exactSum.flatMap { s in ExactFraction(elements[i].points).flatMap { s.adding($0) } } }
        let score = row.score(exactValue: exactSum, or: Self.sum(chosen, elements))
        if let recalled = row.recalled(score) { return recalled }
        let unknownPieces = unknown
        return RowEvaluation(nodeID: row.id, suggestion: score) {
            var text = chosen.isEmpty
                ? "未满足任何要素，得\(ScoreText.points(score))"
                : "满足\(chosen.count)项要素（"
                    + chosen.map { "\(elements[$0].name)\(ScoreText.points(elements[$0].points))" }.joined(separator: "、")
                    + "），得\(ScoreText.points(score))"
            let missing = elements.indices.filter { !chosen.contains($0) }.map { elements[$0].name }
            if !chosen.isEmpty && !missing.isEmpty { text += "；未满足：" + missing.joined(separator: "、") }
            if !unknownPieces.isEmpty { text += "；未能识别：" + unknownPieces.joined(separator: "、") }
            return (Self.sum(chosen, elements), text)
        }
    }

    /// Σ points of the chosen elements, in `Decimal`.
    private static func sum(_ chosen: [Int], _ elements: [ChecklistElement]) -> Decimal {
        chosen.reduce(Decimal(0)) { $0 + elements[$1].points }
    }

    /// The element names as answers are matched against them: normalised, and 简体, since 繁体
    /// and 简体 name the same element (「建立公告公示制度」 is 「建立公告公示製度」).
    static func checklistNames(_ elements: [ChecklistElement]) -> [String] {
        elements.map { ChineseText.simplified(ValueText.normalize($0.name)) }
    }

    /// Level A → W, B → 0.7W, C → 0.3W (rounded), with the level's band as the allowed range:
    /// A [0.8W, W], B [0.6W, 0.8W), C [0, 0.6W), open edges taken one hundredth inside.
    static func qualitative(_ row: RowContext) -> RowEvaluation {
        guard let level = row.actual?.level else {
            return row.unscored("未选择定性档次（A/B/C），无法计算建议分")
        }
        guard let range = qualBand(level, weight: row.node.maxScore) else {
            return row.unscored("分值为\(row.node.maxScore)，无法划分定性档次")
        }
        let tenths = level == .a ? 10 : (level == .b ? 7 : 3)
        let exact = ExactFraction(row.node.maxScore).multiplied(by: ExactFraction(Int128(tenths), 10))
        let suggestion = row.score(exact, or: row.weight * (level == .a ? 1 : Decimal(tenths) / 10))
            .clamped(to: range.lowerBound, range.upperBound)
        if let recalled = row.recalled(suggestion, allowedRange: range) { return recalled }
        return RowEvaluation(nodeID: row.id, suggestion: suggestion, allowedRange: range, explanation:
            "定性评价为\(level.rawValue)档（\(level.label)），分值区间\(range.lowerBound)–\(range.upperBound)分，"
            + "建议\(ScoreText.points(suggestion))")
    }

    /// The QUAL_3LEVEL band of a level in hundredths, exact: 80% belongs to A, 60% to B.
    static func qualBand(_ level: QualLevel, weight: Score) -> ClosedRange<Score>? {
        let h = weight.hundredths
        guard h > 0 else { return nil }
        let aLow = (4 * h + 4) / 5          // ceil(0.8W)
        let bLow = (3 * h + 4) / 5          // ceil(0.6W)
        let bounds: (Int, Int)
        switch level {
        case .a: bounds = (aLow, h)
        case .b: bounds = (bLow, aLow - 1)
        case .c: bounds = (0, bLow - 1)
        }
        guard bounds.0 <= bounds.1 else { return nil }
        return Score(hundredths: bounds.0)...Score(hundredths: bounds.1)
    }
}
