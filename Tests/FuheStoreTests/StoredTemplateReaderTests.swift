import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport
import GRDB

/// The per-type template reader must read every template the store writes — the bundled ones and
/// templates with every scoring method and every optional member set or absent — into the value
/// `JSONDecoder` reads, and hand everything else on, so that `StoredJSON.decode` still answers
/// with `JSONDecoder`'s value or error.
@Suite struct StoredTemplateReaderTests {
    @Test func everyBundledTemplate() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let texts = try s.store.queue.read { db in try String.fetchAll(db, sql: "SELECT json FROM template") }
        for text in texts { try readsLikeFoundation(text, as: IndicatorTemplate.self) }
        #expect(texts.count >= 8)
    }

    private static let pieces = ["中文", "繁體", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{7F}", "e\u{301}", "😀", "\u{2028}", " ",
                                 "{", "}", "[", "]", ",", ":", "null", "\\u0041"]

    private static func text(_ rng: inout SplitMix) -> String { (0..<rng.next(8)).map { _ in pieces[rng.next(pieces.count)] }.joined() }
    private static func maybe<T>(_ rng: inout SplitMix, _ value: (inout SplitMix) -> T) -> T? { rng.next(2) == 0 ? nil : value(&rng) }
    private static func decimal(_ rng: inout SplitMix) -> Decimal { Decimal(rng.next(2_000_000)) / 1000 - 1000 }
    private static func score(_ rng: inout SplitMix) -> Score { Score(hundredths: rng.next(20_000) - 5_000) }
    private static func pick<E: CaseIterable>(_ rng: inout SplitMix, _ type: E.Type) -> E {
        let all = Array(E.allCases)
        return all[rng.next(all.count)]
    }

    static func method(_ rng: inout SplitMix, _ which: Int) -> ScoringMethod {
        switch which % 13 {
        case 0: .budgetExecution
        case 1: .proportionalPositive(overshootRatio: maybe(&rng) { decimal(&$0) })
        case 2: .proportionalNegative(variant: pick(&rng, NegativeVariant.self))
        case 3: .overshootCheck(ratio: decimal(&rng))
        case 4: .fullOrZero
        case 5: .stepDeduct(StepDeductRule(baseline: decimal(&rng), side: rng.next(2) == 0 ? .over : .under, step: decimal(&rng),
                                           deduct: decimal(&rng), stepMode: pick(&rng, StepDeductRule.StepMode.self)))
        case 6: .tiered((0..<rng.next(4)).map { _ in
            Tier(lower: maybe(&rng) { decimal(&$0) }, lowerInclusive: rng.next(2) == 0, upper: maybe(&rng) { decimal(&$0) },
                 upperInclusive: rng.next(2) == 0, points: decimal(&rng), pointsMax: maybe(&rng) { decimal(&$0) },
                 label: maybe(&rng) { text(&$0) })
        })
        case 7: .perOccurrence(deduct: decimal(&rng))
        case 8: .checklist((0..<rng.next(4)).map { _ in ChecklistElement(name: text(&rng), points: decimal(&rng)) })
        case 9: .qualitative3Level
        case 10: .rank(step: decimal(&rng))
        case 11: .manual
        default: .adjust
        }
    }

    static func template(_ rng: inout SplitMix, _ k: Int) -> IndicatorTemplate {
        let nodes = (0..<(13 + rng.next(5))).map { i in
            IndicatorNode(id: "N\(i)" + text(&rng), parentID: maybe(&rng) { text(&$0) }, code: text(&rng), level: rng.next(5) + 1,
                          name: text(&rng), kind: pick(&rng, NodeKind.self), weight: score(&rng), minScore: score(&rng),
                          maxScore: score(&rng), method: method(&rng, k + i), direction: pick(&rng, Direction.self),
                          unitOfMeasure: text(&rng), isCommon: rng.next(2) == 0, definition: text(&rng), formulaText: text(&rng),
                          standardText: text(&rng), evidenceHint: text(&rng))
        }
        return IndicatorTemplate(id: "T\(k)" + text(&rng), name: text(&rng), version: text(&rng), evalType: pick(&rng, EvalType.self),
                                 source: text(&rng), baseTotal: score(&rng), totalCap: maybe(&rng) { score(&$0) },
                                 maxBonusTotal: maybe(&rng) { score(&$0) }, maxPenaltyTotal: maybe(&rng) { score(&$0) },
                                 gradeSchemeID: text(&rng), basedOn: maybe(&rng) { text(&$0) }, nodes: nodes)
    }

    /// Templates with every method, every optional member set or absent, hostile text in every string.
    @Test func generatedTemplatesWithEveryMember() throws {
        var rng = SplitMix(seed: 20_261_206)
        for k in 0..<200 {
            let template = Self.template(&rng, k)
            try readsLikeFoundation(StoredJSON.encodeWithFoundation(template), as: IndicatorTemplate.self)
            try readsLikeFoundation(StoredJSON.encode(template), as: IndicatorTemplate.self)
        }
    }

    /// Explicit `null`s and space are read; what the reader does not model (a method object of two
    /// cases, a case with an unknown member, an unknown or missing member, another number form,
    /// a wrong case name) is handed on, and `decode` answers — value or error — as `JSONDecoder`.
    @Test func oddTextIsReadOrHandedOn() throws {
        let node = #"{"code":"1","definition":"","direction":"POSITIVE","evidenceHint":"","formulaText":"","id":"N1","isCommon":true,"kind":"BASE","level":1,"maxScore":"10.00","method":METHOD,"minScore":"0.00","name":"n","standardText":"","unitOfMeasure":"%","weight":"10.00"}"#
        func template(_ method: String, _ extra: String = "") -> String {
            #"{"baseTotal":"100.00","evalType":"PROJECT","gradeSchemeID":"MOF_4","id":"T","name":"t","nodes":["#
                + node.replacingOccurrences(of: "METHOD", with: method) + #"],"source":"","version":"1""# + extra + "}"
        }
        let odd: [(String, Bool)] = [
            (template(#"{"manual":{}}"#), true),
            (template(#"{"proportionalPositive":{"overshootRatio":null}}"#), true),
            (template(#"{"proportionalPositive":{"overshootRatio":1.5}}"#), true),
            (template(#" { "tiered" : { "_0" : [ { "lowerInclusive" : true , "upperInclusive" : false , "points" : 1 , "lower" : null } ] } } "#), true),
            (template(#"{"manual":{}}"#, #","totalCap":null,"basedOn":null,"maxBonusTotal":"5.00""#), true),
            (template(#"{"manual":{},"adjust":{}}"#), false),
            (template(#"{}"#), false),
            (template(#"{"manual":{"x":1}}"#), false),
            (template(#"{"rank":{"step":1,"x":1}}"#), false),
            (template(#"{"rank":{}}"#), false),
            (template(#"{"rank":{"step":1e2}}"#), false),
            (template(#"{"nothing":{}}"#), false),
            (template(#"{"manual":{}}"#, #","extra":1"#), false),
            (template(#"{"manual":{}}"#).replacingOccurrences(of: #""level":1,"#, with: ""), false),
            (template(#"{"manual":{}}"#).replacingOccurrences(of: #""10.00""#, with: #""10.001""#), false),
        ]
        for (text, direct) in odd { try expectReadOrHandedOn(text, direct: direct, as: IndicatorTemplate.self) }
    }
}
