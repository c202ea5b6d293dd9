import Foundation
import Testing
@testable import FuheCore

/// The texts the scorer builds without interpolations, sorts or `Character` walks give what the
/// previous code gave (kept here as the reference), over many generated values and texts.
@Suite struct ScoringTextEquivalenceTests {
    /// The previous `Score.description`.
    static func referenceDescription(_ hundredths: Int) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    @Test func scoreTextIsAsBefore() {
        var values = Array(-20_000...20_000)
        values += [Int.max, Int.min + 1, 99_999_999, -99_999_999, 1_000_000_000_000_000]
        var random = SplitMix64(seed: 0x5C0E)
        for _ in 0..<50_000 { values.append(Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 60)) }
        for h in values {
            let score = Score(hundredths: h)
            #expect(score.description == Self.referenceDescription(h), "\(h)")
            #expect(score.signedDescription == (h > 0 ? "+" : "") + Self.referenceDescription(h), "\(h)")
        }
        #expect(Score(hundredths: -5).description == "-0.05" && Score(hundredths: 12_345).description == "123.45")
    }

    @Test func rowDeviationTextIsAsBefore() {
        let rule = RowDeviationRule.make(.default)
        let names = ["项目完成率", "在职人员控制率（含“借调”人员）", "A", String(repeating: "很长的指标名称", count: 30)]
        var random = SplitMix64(seed: 0xDE5)
        var flagged = 0
        for n in 0..<4_000 {
            let weight = Score(hundredths: Int(random.next() % 2_000))
            let node = IndicatorNode(id: "N\(n)", parentID: nil, code: "1", level: 1, name: names[n % names.count],
                                     kind: weight == .zero ? .adjust : .base, weight: weight,
                                     minScore: Score(hundredths: -Int(random.next() % 500)), maxScore: Score(hundredths: Int(random.next() % 3_000)),
                                     method: .manual, direction: .qualitative)
            let index = TemplateIndex(Fx.template([node]))
            let own = Score(hundredths: Int(random.next() % 4_000) - 1_000), review = Score(hundredths: Int(random.next() % 4_000) - 1_000)
            guard let flag = rule.flag(index, 0, selfScore: own, reviewScore: review) else { continue }
            flagged += 1
            let diff = own - review
            let reference = node.weight > .zero ? node.weight : max(node.maxScore, -node.minScore)
            #expect(flag.message == """
                “\(node.name)”自评\(own)分，复核\(review)分，相差\(diff.signedDescription)分，\
                达到分值\(reference)分的\(rule.percentText)
                """)
            #expect(flag.code == "DEV_ROW" && flag.nodeID == node.id && flag.field == "review_score")
        }
        #expect(flagged > 1_000)
    }

    @Test func totalDeviationRateTextIsAsBefore() {
        var random = SplitMix64(seed: 0x70_7A1)
        var compared = 0
        for _ in 0..<20_000 {
            let own = Score(hundredths: Int(random.next() % 12_000)), review = Score(hundredths: Int(random.next() % 12_000) - 500)
            let deviation = Deviation(selfTotal: own, reviewTotal: review, scheme: Fx.mof4)
            guard let flag = deviation.flags.first(where: { $0.code == "DEV_TOTAL" }) else { continue }
            let rateText = deviation.rate.map { "（偏差率\(ExactDecimal.format($0, places: 2))%）" } ?? ""
            #expect(flag.message == "自评总分\(own)分，复核总分\(review)分，相差\(deviation.diff.signedDescription)分\(rateText)，"
                    + "达到\(DeviationThresholds.default.totalPoints)分的偏差提示线")
            compared += 1
        }
        #expect(compared > 10_000)
        for (h, d) in [(1, 3), (-1, 3), (1, 8), (-1, 8), (1, 32), (-1, 32), (1, 160), (5, 1_000), (1, 40_000), (-2, 3)] {   // half-way and tiny rates
            let exact = ExactFraction.whole(Int128(h) * 100).divided(by: .whole(Int128(d)))
            let decimal = Decimal(h) / Decimal(d) * 100
            #expect(ScoreText.fixed(exact) { decimal } == ExactDecimal.format(decimal, places: 2), "\(h)/\(d)")
        }
    }

    @Test func gradeIsTheFirstReachedBandInDescendingOrder() {
        var random = SplitMix64(seed: 0x6AD)
        for _ in 0..<2_000 {
            // Bands in any order, with equal lower edges, as a decoded scheme may hold them.
            var scheme = Fx.mof4
            scheme.bands = (0..<Int(random.next() % 6)).map { i in
                GradeBand(code: "B\(i)", label: "档\(i)", minimum: Score(hundredths: Int(random.next() % 5) * 2_500))
            }
            for total in stride(from: -100, through: 10_100, by: 125) {
                let score = Score(hundredths: total)
                let reference = scheme.bands.sorted { $0.minimum > $1.minimum }.first { score >= $0.minimum }
                #expect(scheme.grade(for: score) == reference)
            }
        }
    }

    /// The previous `splitItems` (every text by characters).
    static func referenceSplit(_ text: String) -> [String]? {
        guard text.contains(where: { $0 == "、" || $0 == ";" || $0 == "," }) else { return nil }
        let pieces = text.split(whereSeparator: { $0 == "、" || $0 == ";" || $0 == "," }).map(String.init)
        return pieces.count >= 2 ? pieces : nil
    }

    /// The previous `normalize`'s general path (every text scalar by scalar).
    static func referenceNormalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0xFF01...0xFF5E: if let half = Unicode.Scalar(v - 0xFEE0) { out.append(half) }
            case 0x2212, 0x2012, 0x2013: out.append("-")
            case 0x00F7: out.append("/")
            case 0x3000, 0x00A0: continue
            default: if !scalar.properties.isWhitespace { out.append(scalar) }
            }
        }
        var result = String(out)
        while result.last == "。" { result.removeLast() }
        return ValueText.removeThousandsSeparators(result)
    }

    @Test func checklistAnswersSplitAndNormaliseAsBefore() {
        let parts = ["制度健全", "執行有效", "1", "3", "、", "、", ";", ",", "，", "；", "。", " ", "A", "e\u{301}", "、\u{301}",
                     "\u{301}", "🇨🇳", "\r\n", "㐀", "丂", "鿿", "\u{FFFD}", "９", "x", "", "‐", "\u{200D}", "、、", "99,768"]
        var random = SplitMix64(seed: 0x5917)
        var texts = ["", "、", "1、3", "制度健全、执行有效", "、制度健全、", "a;b,c", "制度健全", ";;", "1,234"]
        for _ in 0..<20_000 {
            texts.append((0..<Int(random.next() % 7)).map { _ in parts[Int(random.next() % UInt64(parts.count))] }.joined())
        }
        for text in texts {
            #expect(ValueText.splitItems(text) == Self.referenceSplit(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(ValueText.normalize(text) == Self.referenceNormalize(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
