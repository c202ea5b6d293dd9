import Foundation
import Testing
@testable import FuheCore

/// `DossierScorer.score` keeps rows by node position, reads rows in place, remembers a dossier's
/// rows only from its second scoring on and finds D-004's node once per template. These tests hold
/// it to the scorer it replaced — kept here verbatim as the reference (rows in a dictionary keyed
/// by id, every row evaluated, D-004's node searched in every dossier) — over generated templates
/// and dossiers: every method, TRIAL and ADJUST leaves, stated subtotals, repeated ids, 繁体
/// checklist answers, staffing above quota and the 在职人员控制率 node anywhere (or twice, or not at all).
@Suite struct DossierScorerEquivalenceTests {
    /// What the previous scorer produced.
    struct Reference {
        var rows: [String: RowEvaluation]
        var index: TemplateIndex
        var rollups: [ScoreView: [Rollup]]
        var totals: [ScoreView: Rollup]
        var selfUsed: Score?
        var deviation: Deviation?
        var messages: [ValidationMessage]
        var reviewed: Int
        var scorable: Int
    }

    /// The previous `DossierScorer.score(_:scheme:thresholds:index:)`, without its memo.
    static func reference(_ dossier: Dossier, scheme: GradeScheme, thresholds: DeviationThresholds = .default) -> Reference {
        let index = TemplateIndex(dossier.template)
        let count = index.ids.count
        let results: [IndicatorResult?] = index.ids.map { dossier.results[$0] }
        var rows: [String: RowEvaluation] = [:]
        var suggestions = [Score?](repeating: nil, count: count)
        var rowFlags: [ValidationMessage] = []
        var reviewed = 0, scorable = 0
        let rowRule = RowDeviationRule.make(thresholds)
        for p in index.leafPositions {
            let node = index.template.nodes[p]
            let row = ScoringEngine.evaluate(node: node, result: results[p] ?? IndicatorResult(nodeID: node.id),
                                             evaluation: dossier.evaluation, thresholds: thresholds)
            rows[index.ids[p]] = row
            suggestions[p] = row.suggestion
            if !row.flags.isEmpty { rowFlags += row.flags }
            guard index.kinds[p] != .trial else { continue }
            scorable += 1
            guard results[p] != nil else { continue }
            if results[p]?.status == .reviewed { reviewed += 1 }
            if let flag = rowRule.flag(index, p, selfScore: results[p]?.selfScore, reviewScore: results[p]?.reviewScore) {
                rowFlags.append(flag)
            }
        }
        let selfRollups = index.rollups(leaf: { results[$0]?.selfScore }, stated: { results[$0]?.selfScore })
        let reviewRollups = index.rollups(leaf: { results[$0]?.reviewScore })
        let suggestedRollups = index.rollups(leaf: { suggestions[$0] })
        let totals: [ScoreView: Rollup] = [.selfStated: index.total(selfRollups), .review: index.total(reviewRollups),
                                           .suggested: index.total(suggestedRollups)]
        let computedSelf = totals[.selfStated]!.complete ? totals[.selfStated]!.value : nil
        let selfUsed = dossier.evaluation.finalStatedTotal ?? computedSelf
        let reviewTotal = totals[.review]!.complete ? totals[.review]!.value : nil
        var deviation: Deviation?
        if let selfUsed, let reviewTotal {
            deviation = Deviation(selfTotal: selfUsed, reviewTotal: reviewTotal, scheme: scheme, thresholds: thresholds)
        }
        var messages = rowFlags
        messages += deviation?.flags ?? []
        let context = CheckContext(index: index, results: PositionedResults(dossier.results, ids: index.ids), selfRollups: selfRollups)
        messages += referenceWarnings(dossier, context, scheme: scheme, thresholds: thresholds)
        return Reference(rows: rows, index: index,
                         rollups: [.selfStated: selfRollups, .review: reviewRollups, .suggested: suggestedRollups],
                         totals: totals, selfUsed: selfUsed, deviation: deviation, messages: messages,
                         reviewed: reviewed, scorable: scorable)
    }

    /// The previous `DossierChecks.warnings`, with the previous D-004 (its node searched in the dossier).
    static func referenceWarnings(_ dossier: Dossier, _ context: CheckContext, scheme: GradeScheme,
                                  thresholds: DeviationThresholds) -> [ValidationMessage] {
        var messages = StatedScoreChecks.outOfRange(context)
        messages += StatedScoreChecks.subtotals(context)
        messages += StatedScoreChecks.totals(dossier.evaluation)
        messages += StatedScoreChecks.grade(dossier.evaluation, scheme: scheme)
        messages += CompletenessChecks.blankFields(dossier, context)
        messages += CompletenessChecks.templateText(dossier.evaluation)
        messages += DataChecks.amounts(dossier.evaluation)
        messages += DataChecks.threePublic(dossier.evaluation)
        messages += DataChecks.conflicts(dossier.evaluation)
        messages += referenceStaffing(dossier)
        messages += DataChecks.execution(dossier, context, scheme: scheme, threshold: thresholds.executionRateWarning)
        messages += DataChecks.shares(dossier.evaluation)
        messages += ReviewScoreRules.missingEvidence(dossier, context)
        return messages
    }

    /// The previous D-004, verbatim.
    static func referenceStaffing(_ dossier: Dossier) -> [ValidationMessage] {
        guard let headcount = dossier.unit.headcount, let quota = dossier.unit.staffingQuota, quota > 0,
              headcount > quota else { return [] }
        let rate = Decimal(headcount) / Decimal(quota) * 100
        let node = dossier.template.nodes.first { $0.name.contains("在职人员控制率") }
        return [ValidationMessage(code: "D-004", level: .warning, message:
            "实有人数\(headcount)人、编制数\(quota)人，在职人员控制率\(ScoreText.pct(rate))，超过100%",
            nodeID: node?.id, field: node == nil ? nil : "actual")]
    }

    /// Every observable part of a scoring equals the reference's.
    static func expectSame(_ scored: ScoredDossier, _ old: Reference, _ note: String) {
        #expect(scored.rows.count == old.rows.count, "\(note): row count")
        for id in Set(old.index.ids) {
            #expect(scored.rows[id] == old.rows[id], "\(note): row \(id)")
            if let row = scored.rows[id], let before = old.rows[id] {
                #expect(row.explanation == before.explanation && row.measure == before.measure, "\(note): row \(id) text")
            }
            for view in ScoreView.allCases {
                let p = old.index.position[id]!
                #expect(scored.score(id, view) == old.rollups[view]![p], "\(note): \(view) roll-up of \(id)")
            }
        }
        let listed = Dictionary(Array(scored.rows).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(listed.count == old.rows.count && listed == old.rows, "\(note): iterated rows")
        for view in ScoreView.allCases { #expect(scored.total(view) == old.totals[view], "\(note): \(view) total") }
        #expect(scored.selfTotalUsed == old.selfUsed, "\(note): self total used")
        #expect(scored.deviation == old.deviation, "\(note): deviation")
        #expect(scored.messages == old.messages, "\(note): messages")
        #expect(scored.reviewedLeafCount == old.reviewed && scored.scorableLeafCount == old.scorable, "\(note): counts")
    }

    @Test func generatedDossiersScoreAsBefore() {
        var random = SplitMix64(seed: 0x5C0E_2026_1206)
        var compared = 0
        for t in 0..<12 {
            let template = Gen.template(&random, variant: t)
            let index = TemplateIndex(template)
            for n in 0..<40 {
                var d = Gen.dossier(template, &random, id: "D-\(t)-\(n)")
                // First, second and third scoring of the same dossier (nothing remembered, rows
                // remembered, rows reused), then again after one row's inputs changed.
                for pass in 0..<3 {
                    Self.expectSame(DossierScorer.score(d, scheme: Fx.mof4, index: index), Self.reference(d, scheme: Fx.mof4), "t\(t) d\(n) pass \(pass)")
                }
                let leaf = index.leafPositions[Int(random.next() % UInt64(index.leafPositions.count))]
                d.results[index.ids[leaf], default: IndicatorResult(nodeID: index.ids[leaf])].actual =
                    Gen.observed(template.nodes[leaf], &random)
                d.results[index.ids[leaf]]?.reviewScore = Gen.score(&random, template.nodes[leaf])
                Self.expectSame(DossierScorer.score(d, scheme: Fx.mof4, index: index), Self.reference(d, scheme: Fx.mof4), "t\(t) d\(n) edited")
                let strict = DeviationThresholds(overshootDefault: Fx.dec("1.1"))
                Self.expectSame(DossierScorer.score(d, scheme: Fx.mof4, thresholds: strict, index: index),
                           Self.reference(d, scheme: Fx.mof4, thresholds: strict), "t\(t) d\(n) other thresholds")
                compared += 5
            }
        }
        #expect(compared == 12 * 40 * 5)
    }

    @Test func rowsAreRememberedFromTheSecondScoringOn() {
        var random = SplitMix64(seed: 7)
        let template = Gen.template(&random, variant: 1)
        let index = TemplateIndex(template)
        let d = Gen.dossier(template, &random, id: "MEMO")
        let count = template.nodes.count
        _ = DossierScorer.score(d, scheme: Fx.mof4, index: index)
        #expect(index.memo.entries(for: d.id, count: count).allSatisfy { $0 == nil }, "a dossier scored once is not remembered")
        _ = DossierScorer.score(d, scheme: Fx.mof4, index: index)
        let remembered = index.memo.entries(for: d.id, count: count)
        #expect(remembered.compactMap { $0 }.count == index.leafPositions.count)
        _ = DossierScorer.score(d, scheme: Fx.mof4, index: index)
        let reused = index.memo.entries(for: d.id, count: count)
        #expect(zip(remembered, reused).allSatisfy { $0 === $1 }, "unchanged rows are reused, not evaluated again")
    }

    @Test func aRepeatedLeafIdGivesItsLastLeaf() {
        let template = Fx.template([
            Fx.node("1", nil, "甲", weight: "50", method: .fullOrZero, direction: .positive),
            Fx.node("1", nil, "乙", weight: "30", method: .fullOrZero, direction: .positive),
            Fx.node("2", nil, "丙", weight: "20", method: .fullOrZero, direction: .positive),
        ])
        let d = Fx.dossier(template, results: [IndicatorResult(nodeID: "1", actual: ObservedValue.parse("是", unit: ""))])
        let scored = DossierScorer.score(d, scheme: Fx.mof4, index: TemplateIndex(template))
        Self.expectSame(scored, Self.reference(d, scheme: Fx.mof4), "repeated id")
        #expect(scored.rows["1"]?.suggestion == Fx.score("30"))
        #expect(scored.rows.count == 2 && scored.rows["9"] == nil)
        #expect(Array(scored.rows).map(\.key) == ["1", "2"])
    }
}

/// Generated templates and dossiers for the equivalence tests.
enum Gen {
    static func pick<T>(_ values: [T], _ random: inout SplitMix64) -> T { values[Int(random.next() % UInt64(values.count))] }

    static func chance(_ random: inout SplitMix64, _ percent: UInt64) -> Bool { random.next() % 100 < percent }

    static let names = ["项目完成率", "在职人员控制率", "资金到位率", "群众满意度", "制度建設", "公用經費控制率", "整改完成情况"]

    static func method(_ random: inout SplitMix64) -> (ScoringMethod, Direction, String) {
        switch random.next() % 13 {
        case 0: return (.budgetExecution, .positive, "%")
        case 1: return (.proportionalPositive(overshootRatio: pick([nil, Fx.dec("1.5"), Fx.dec("1.2")], &random)), .positive, "%")
        case 2: return (.overshootCheck(ratio: Fx.dec("1.3")), .positive, "人次")
        case 3: return (.proportionalNegative(variant: pick([.ratio, .linearExcess], &random)), .negative, "万元")
        case 4: return (.fullOrZero, pick([.positive, .negative, .equal, .qualitative], &random), "%")
        case 5: return (.stepDeduct(StepDeductRule(baseline: 100, side: pick([.over, .under], &random), step: pick([1, Fx.dec("0.5"), 2], &random),
                                                   deduct: Fx.dec("0.5"), stepMode: pick([.perFullStep, .perStartedStep, .continuous], &random))),
                        .negative, "%")
        case 6: return (.tiered([Tier(lower: nil, upper: 10, points: 5), Tier(lower: 10, upper: 50, points: 2, pointsMax: 4),
                                 Tier(lower: 50, upper: nil, points: 0)]), .negative, "%")
        case 7: return (.perOccurrence(deduct: Fx.dec("0.5")), .negative, "处")
        case 8: return (.checklist([ChecklistElement(name: "建立公告公示制度", points: 1), ChecklistElement(name: "制度健全", points: Fx.dec("1.5")),
                                    ChecklistElement(name: "執行有效", points: 2)]), .qualitative, "")
        case 9: return (.qualitative3Level, .qualitative, "")
        case 10: return (.rank(step: Fx.dec("0.5")), .negative, "名")
        case 11: return (.manual, .qualitative, "")
        default: return (.fullOrZero, .positive, "")
        }
    }

    /// A template of two parents with leaves of every kind, an ADJUST root and sometimes a
    /// repeated leaf id; the 在职人员控制率 node appears by chance (once, twice or not at all).
    static func template(_ random: inout SplitMix64, variant: Int) -> IndicatorTemplate {
        var nodes = [Fx.node("1", nil, "产出指标", weight: "60"), Fx.node("2", nil, "效益指标", weight: "40")]
        for i in 1...14 {
            let parent = i <= 8 ? "1" : "2"
            let (m, direction, unit) = method(&random)
            let kind: NodeKind = chance(&random, 8) ? .trial : .base
            nodes.append(IndicatorNode(id: "\(parent).\(i)", parentID: parent, code: "\(parent).\(i)", level: 2, name: pick(names, &random),
                                       kind: kind, weight: Fx.score(pick(["5", "7.5", "10", "3"], &random)), minScore: .zero,
                                       method: m, direction: direction, unitOfMeasure: unit))
        }
        nodes.append(Fx.node("9", nil, "加减分", weight: "0", kind: .adjust, min: "-5", max: "3", method: .adjust))
        if variant.isMultiple(of: 3) { nodes.append(nodes[3]) }   // a repeated id
        return Fx.template(nodes, cap: "100", bonus: "3", penalty: "5")
    }

    static func score(_ random: inout SplitMix64, _ node: IndicatorNode) -> Score? {
        guard chance(&random, 80) else { return nil }
        let top = Swift.max(node.maxScore.hundredths, 100)
        return Score(hundredths: Int(random.next() % UInt64(top + 200)) - 100)
    }

    static func observed(_ node: IndicatorNode, _ random: inout SplitMix64) -> ObservedValue? {
        let texts = ["100%", "85.5%", "120%", "0", "是", "否", "A", "B", "C", "3", "1、3", "建立公告公示製度、执行有效", "制度健全；未知要素",
                     "9,768", "≥90%", "1/0", "", "第2名", "150", "37.2", "-6.67%", "10/8"]
        guard chance(&random, 85) else { return nil }
        return ObservedValue.parse(pick(texts, &random), unit: node.unitOfMeasure)
    }

    static func dossier(_ template: IndicatorTemplate, _ random: inout SplitMix64, id: String) -> Dossier {
        var results: [IndicatorResult] = []
        for node in template.nodes where chance(&random, 85) {
            var r = IndicatorResult(nodeID: node.id, target: observed(node, &random), actual: observed(node, &random),
                                    selfScore: score(&random, node), reviewScore: score(&random, node),
                                    evidenceIDs: chance(&random, 50) ? ["E1"] : (chance(&random, 50) ? ["E-missing"] : []),
                                    status: pick([.unreviewed, .reviewed, .reviewed, .queried], &random))
            if chance(&random, 20) { r.verifiedActual = observed(node, &random) }
            results.append(r)
        }
        var evaluation = Fx.blankEvaluation
        evaluation.id = id
        if chance(&random, 70) {
            evaluation.budgetFullYear = Money(yuan: Int64(random.next() % 5_000_000))
            evaluation.executed = Money(yuan: Int64(random.next() % 5_000_000))
        }
        if chance(&random, 60) { evaluation.statedTotals = [Score(hundredths: Int(random.next() % 10_000))] }
        if chance(&random, 50) { evaluation.statedGrade = pick(["优", "良", "中", "差", "優"], &random) }
        let quota = chance(&random, 80) ? Int(random.next() % 50) : nil
        let unit = EvaluatedUnit(id: "U", name: "测试单位", staffingQuota: quota, headcount: quota.map { $0 + Int(random.next() % 10) - 3 })
        return Fx.dossier(template, results: results, evaluation: evaluation, unit: unit,
                          evidence: [Evidence(id: "E1", title: "佐证")])
    }
}
