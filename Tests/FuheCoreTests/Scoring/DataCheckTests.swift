import Foundation
import Testing
@testable import FuheCore

/// D-001…D-006 (vector 25 is the D1 三公 table): one case that fires and one that does not.
@Suite struct DataCheckTests {
    static let template = Fx.template([
        Fx.node("1", nil, "在职人员控制率", weight: "10", method: .stepDeduct(Fx.staffRule), direction: .negative, unit: "%"),
        Fx.node("2", nil, "预算执行率", weight: "10", method: .budgetExecution, direction: .positive, unit: "%"),
        Fx.node("3", nil, "产出", weight: "80"),
    ])

    static func dossier(_ edit: (inout SelfEvaluation) -> Void = { _ in }, unit: EvaluatedUnit? = nil,
                        results: [IndicatorResult] = [IndicatorResult(nodeID: "1", target: ObservedValue.parse("≤100%", unit: "%"))])
        -> Dossier {
        var evaluation = Fx.blankEvaluation
        evaluation.statedTotals = [Fx.score("95")]
        evaluation.statedGrade = "优"
        edit(&evaluation)
        return Fx.dossier(template, results: results, evaluation: evaluation, unit: unit)
    }

    func fired(_ dossier: Dossier, _ code: String) -> [ValidationMessage] {
        DossierChecks.warnings(dossier, scheme: Fx.mof4).filter { $0.code == code }
    }

    @Test func cleanDossierHasNoWarnings() {
        #expect(DossierChecks.warnings(Self.dossier(), scheme: Fx.mof4).isEmpty)
    }

    @Test func d001ComponentSum() {
        let component = { (label: String, amount: String) in AmountCheck.Component(label: label, amount: Fx.money(amount)) }
        let d4 = AmountCheck(label: "支出决算", statedTotal: Fx.money("474"),
                             components: [component("工资福利", "161"), component("商品服务", "94"), component("资本性", "214")])
        let d3 = AmountCheck(label: "项目资金", statedTotal: Fx.money("116.79"), components: [
            component("互联网+政务服务", "13.25"), component("政务中心", "51.76"), component("一门式", "42.21"),
            component("扶贫", "6.13"), component("其他", "3.45")])
        let messages = fired(Self.dossier { $0.amountChecks = [d4, d3] }, "D-001")
        #expect(messages.count == 1)   // 116.80 vs 116.79 is within 0.01 万元
        #expect(messages.first?.message.contains("469") == true && messages.first?.message.contains("474") == true)
    }

    @Test func v25_threePublicRecomputation() {
        let lines = [
            ThreePublicLine(category: .reception, budget: Fx.money("10"), final: Fx.money("8.62"),
                            statedVariance: Fx.money("1.38"), statedRatio: Fx.dec("10.3")),
            ThreePublicLine(category: .vehicleTotal, budget: Fx.money("6"), final: Fx.money("5.79"),
                            statedVariance: Fx.money("0.21"), statedRatio: Fx.dec("3.5")),
            ThreePublicLine(category: .total, budget: Fx.money("16"), final: Fx.money("14.41"),
                            statedVariance: Fx.money("1.59"), statedRatio: Fx.dec("9.9")),
        ]
        #expect(lines.map { $0.computedVariance?.wanYuanText ?? "" } == ["1.38", "0.21", "1.59"])
        #expect(lines.map { Fx.two($0.computedRatio) } == ["13.80", "3.50", "9.94"])
        let messages = fired(Self.dossier { $0.threePublic = lines }, "D-002")
        #expect(messages.count == 1)
        #expect(messages.first?.message.contains("公务接待费") == true)
        #expect(messages.first?.message.contains("13.80%") == true)
        let wrongVariance = [ThreePublicLine(category: .reception, budget: Fx.money("10"), final: Fx.money("8.62"),
                                             statedVariance: Fx.money("1.83"))]
        #expect(fired(Self.dossier { $0.threePublic = wrongVariance }, "D-002").count == 1)
    }

    @Test func d003FigureConflicts() {
        let conflict = FigureConflict(quantity: "三公经费年初预算", statements: [
            .init(value: "17.11", location: "正文"), .init(value: "16", location: "三公经费表")])
        let same = FigureConflict(quantity: "车辆", statements: [
            .init(value: "1辆", location: "正文"), .init(value: "1辆", location: "表")])
        let messages = fired(Self.dossier { $0.figureConflicts = [conflict, same] }, "D-003")
        #expect(messages.count == 1)
        #expect(messages.first?.message == "“三公经费年初预算”前后数据不一致：17.11（正文）、16（三公经费表）")
    }

    @Test func d004Overstaffing() {
        let heshan = EvaluatedUnit(id: "U", name: "赫山区政务服务中心", staffingQuota: 10, headcount: 11)
        let messages = fired(Self.dossier(unit: heshan), "D-004")
        #expect(messages.count == 1)
        #expect(messages.first?.nodeID == "1")
        #expect(messages.first?.message.contains("110%") == true)
        let miluo = EvaluatedUnit(id: "U", name: "汨罗市人民政府办公室", staffingQuota: 72, headcount: 72)
        #expect(fired(Self.dossier(unit: miluo), "D-004").isEmpty)
        let unknown = EvaluatedUnit(id: "U", name: "黄土矿镇", headcount: 52)
        #expect(fired(Self.dossier(unit: unknown), "D-004").isEmpty)
    }

    @Test func d005LowExecutionWithTopGradeOrFullScore() {
        let yueyang = Self.dossier { $0.executed = Fx.money("1279.56"); $0.budgetFullYear = Fx.money("2000") }
        let byGrade = fired(yueyang, "D-005")
        #expect(byGrade.count == 1)
        #expect(byGrade.first?.message.contains("63.98%") == true)
        var fullRow = yueyang
        fullRow.evaluation.statedGrade = "良"
        fullRow.evaluation.statedTotals = [Fx.score("85")]
        fullRow.results["2"] = IndicatorResult(nodeID: "2", selfScore: Fx.score("10"))
        #expect(fired(fullRow, "D-005").map(\.nodeID) == ["2"])
        // D4#1: 82.45% but the unit scored the row 8.24 and states no grade.
        let honest = Self.dossier({ $0.executed = Fx.money("37.2"); $0.budgetFullYear = Fx.money("45.12")
                                    $0.statedGrade = nil; $0.statedTotals = [Fx.score("98.2")] },
                                  results: [IndicatorResult(nodeID: "2", selfScore: Fx.score("8.24"))])
        #expect(fired(honest, "D-005").isEmpty)
    }

    @Test func d006SharesThatDoNotReproduce() {
        let village = ShareCheck(label: "到村资金占比", numerator: Fx.money("1642.4"), denominator: Fx.money("3649.8"),
                                 statedPercent: Fx.dec("42.66"))
        let household = ShareCheck(label: "到户资金占比", numerator: Fx.money("2207.4"), denominator: Fx.money("3649.8"),
                                   statedPercent: Fx.dec("60.48"))
        let messages = fired(Self.dossier { $0.shareChecks = [village, household] }, "D-006")
        #expect(messages.count == 1)
        #expect(messages.first?.message.contains("45.00%") == true)
    }
}
