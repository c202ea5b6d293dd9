import Foundation
import Testing
@testable import FuheCore

/// Spec §3.9 vectors 23 (grades), 24 (D0#1 roll-up) and 26 (deviation).
@Suite struct RollupVectorTests {
    /// T5 as filled in D0#1 (sub-weights inferred, editable in real templates).
    static let t5: IndicatorTemplate = {
        let n = Fx.node
        let adjust = NodeKind.adjust
        return Fx.template([
            n("1", nil, "资金投入", "10", .base, nil, nil, .manual, .qualitative, ""),
            n("1.1", "1", "县本级预算安排增幅", "5", .base, nil, nil, .manual, .positive, "%"),
            n("1.2", "1", "地方财政收入增量用于扶贫比例", "5", .base, nil, nil, .manual, .positive, "%"),
            n("2", nil, "项目支出进度", "15", .base, nil, nil, .manual, .qualitative, ""),
            n("2.1", "2", "1年内结转结余", "9", .base, nil, nil, .manual, .negative, "%"),
            n("2.2", "2", "1–2年结转结余", "2", .base, nil, nil, .manual, .negative, "%"),
            n("2.3", "2", "2年以上结转结余", "2", .base, nil, nil, .manual, .negative, "%"),
            n("2.4", "2", "上一年度资金拨付情况", "2", .base, nil, nil, .manual, .qualitative, ""),
            n("3", nil, "资金监管", "20", .base, nil, nil, .manual, .qualitative, ""),
            n("3.1", "3", "信息公开和公告公示", "8", .base, nil, nil, .manual, .qualitative, ""),
            n("3.2", "3", "县级监管责任落实", "6", .base, nil, nil, .manual, .qualitative, ""),
            n("3.3", "3", "扶贫项目资金录入", "6", .base, nil, nil, .manual, .qualitative, ""),
            n("4", nil, "资金使用成效", "45", .base, nil, nil, .manual, .qualitative, ""),
            n("4.1", "4", "统筹整合资金使用成效", "15", .base, nil, nil, .manual, .qualitative, ""),
            n("4.2", "4", "贫困人口减少", "10", .base, nil, nil, .manual, .qualitative, ""),
            n("4.3", "4", "精准使用情况", "20", .base, nil, nil, .manual, .qualitative, ""),
            n("5", nil, "项目管理", "10", .base, nil, nil, .manual, .qualitative, ""),
            n("5.1", "5", "项目论证分析", "4", .base, nil, nil, .manual, .qualitative, ""),
            n("5.2", "5", "项目库建设", "3", .base, nil, nil, .manual, .qualitative, ""),
            n("5.3", "5", "项目调项审批", "3", .base, nil, nil, .manual, .qualitative, ""),
            n("6", nil, "加减分指标", "0", adjust, "-5", "5", .adjust, .qualitative, ""),
            n("6.1", "6", "机制创新", "0", adjust, "0", "5", .adjust, .qualitative, ""),
            n("6.2", "6", "违规违纪情况", "0", adjust, "-5", "0", .adjust, .qualitative, ""),
            n("7", nil, "试评价指标", "0", .trial, nil, nil, .manual, .qualitative, ""),
            n("7.1", "7", "到户资金比例", "0", .trial, nil, nil, .manual, .positive, "%"),
        ], cap: nil)
    }()

    static func d0Self() -> [IndicatorResult] {
        let stated = ["1": "10", "2": "20", "3": "20", "4": "45", "5": "10", "6": "3",
                      "2.1": "7", "2.2": "2", "2.3": "2", "2.4": "2"]
        return stated.map { IndicatorResult(nodeID: $0.key, selfScore: Fx.score($0.value)) }
    }

    static func d0Dossier(review: [String: String] = [:]) -> Dossier {
        var results = Dictionary(uniqueKeysWithValues: d0Self().map { ($0.nodeID, $0) })
        for (id, value) in review {
            var r = results[id] ?? IndicatorResult(nodeID: id)
            r.reviewScore = Fx.score(value)
            r.status = .reviewed
            results[id] = r
        }
        var evaluation = Fx.blankEvaluation
        evaluation.evalType = .specialFund
        evaluation.statedTotals = [Fx.score("87"), Fx.score("101")]
        return Fx.dossier(t5, results: Array(results.values), evaluation: evaluation)
    }

    @Test func v23_mof4GradeBoundaries() {
        let totals = ["90.00", "89.99", "80.00", "60.00", "59.99", "101.00"]
        #expect(totals.map { Fx.mof4.grade(for: Fx.score($0))?.label ?? "-" } == ["优", "良", "良", "中", "差", "优"])
    }

    @Test func v24_d0RollupAndStatedScoreWarnings() {
        let scored = DossierScorer.score(Self.d0Dossier(), scheme: Fx.mof4)
        #expect(scored.total(.selfStated) == Rollup(value: Fx.score("101.00"), complete: true))
        #expect(scored.score("2", .selfStated).value == Fx.score("13.00"))   // sum of the parts, not the stated 20
        #expect(scored.score("4", .selfStated).value == Fx.score("45.00"))   // stated L1 stands in for unscored parts
        #expect(scored.score("6", .selfStated).value == Fx.score("3.00"))
        let warnings = scored.messages.filter { ["S-001", "S-002", "S-003"].contains($0.code) }
        #expect(warnings.map(\.code) == ["S-001", "S-002", "S-003"])
        #expect(warnings[0].nodeID == "2" && warnings[0].message.contains("20.00") && warnings[0].message.contains("15.00"))
        #expect(warnings[1].nodeID == "2" && warnings[1].message.contains("13.00"))
        #expect(warnings[2].message.contains("87.00") && warnings[2].message.contains("101.00"))
        #expect(scored.selfTotalUsed == Fx.score("101"))
        #expect(scored.selfGrade?.label == "优")
        #expect(scored.reviewGrade == nil)
        #expect(scored.deviation == nil)
        #expect(scored.scorableLeafCount == 17)
        #expect(scored.reviewedLeafCount == 0)
    }

    /// Review: full marks except 2.1 −2, 3.1 −2, 4.3 −4 (base 92), 机制创新 +3 → 95.
    static let review95: [String: String] = [
        "1.1": "5", "1.2": "5", "2.1": "7", "2.2": "2", "2.3": "2", "2.4": "2", "3.1": "6", "3.2": "6", "3.3": "6",
        "4.1": "15", "4.2": "10", "4.3": "16", "5.1": "4", "5.2": "3", "5.3": "3", "6.1": "3", "6.2": "0",
    ]

    @Test func v26_deviationAgainstReview95() throws {
        let scored = DossierScorer.score(Self.d0Dossier(review: Self.review95), scheme: Fx.mof4)
        #expect(scored.total(.review) == Rollup(value: Fx.score("95.00"), complete: true))
        let deviation = try #require(scored.deviation)
        #expect(deviation.selfTotal == Fx.score("101.00"))
        #expect(deviation.diff == Fx.score("6.00"))
        #expect(Fx.two(deviation.rate) == "6.32")
        #expect(deviation.flags.map(\.code) == ["DEV_TOTAL"])
        #expect(!deviation.gradeChanged)
        #expect(scored.selfGrade?.label == "优" && scored.reviewGrade?.label == "优")
        #expect(scored.messages.contains { $0.code == "DEV_TOTAL" })
        #expect(!scored.messages.contains { $0.code == "GRADE_CHANGED" })
        #expect(scored.reviewedLeafCount == 17)
        #expect(scored.rowDiff("2") == Fx.score("0"))
        #expect(scored.rowDiff("4") == Fx.score("4"))
        #expect(scored.rowDiff("1.1") == nil)   // no self score on that row
    }

    @Test func gradeChangedAndSmallDeviation() {
        let scheme = Fx.mof4
        let changed = Deviation(selfTotal: Fx.score("101"), reviewTotal: Fx.score("85"), scheme: scheme)
        #expect(changed.flags.map(\.code) == ["DEV_TOTAL", "GRADE_CHANGED"])
        #expect(changed.flags[1].message.contains("优") && changed.flags[1].message.contains("良"))
        let small = Deviation(selfTotal: Fx.score("92"), reviewTotal: Fx.score("87.01"), scheme: scheme)
        #expect(small.diff == Fx.score("4.99"))
        #expect(small.flags.map(\.code) == ["GRADE_CHANGED"])
        let zero = Deviation(selfTotal: Fx.score("5"), reviewTotal: .zero, scheme: scheme)
        #expect(zero.rate == nil)
    }
}
