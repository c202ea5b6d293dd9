import Foundation
@testable import FuheCore

/// Builders shared by the scoring tests.
enum Fx {
    static func dec(_ text: String) -> Decimal { ExactDecimal.parse(text)! }
    static func score(_ text: String) -> Score { Score(text)! }
    static func money(_ text: String) -> Money { Money(wanYuan: text)! }

    /// A leaf with the given method.
    static func leaf(_ method: ScoringMethod, weight: String, unit: String = "%", direction: Direction = .positive,
                     name: String = "指标", id: String = "N", kind: NodeKind = .base) -> IndicatorNode {
        IndicatorNode(id: id, parentID: nil, code: "1", level: 1, name: name, kind: kind, weight: score(weight),
                      method: method, direction: direction, unitOfMeasure: unit)
    }

    static let blankEvaluation = SelfEvaluation(id: "SE", cycleID: "C", unitID: "U", templateID: "T",
                                                evalType: .project, objectName: "测试项目")

    /// Evaluates a node with printed actual/target texts parsed by the node's unit.
    static func run(_ node: IndicatorNode, actual: String?, target: String? = nil,
                    evaluation: SelfEvaluation = blankEvaluation) -> RowEvaluation {
        let unit = node.unitOfMeasure
        let result = IndicatorResult(nodeID: node.id, target: target.map { ObservedValue.parse($0, unit: unit) },
                                     actual: actual.map { ObservedValue.parse($0, unit: unit) })
        return ScoringEngine.evaluate(node: node, result: result, evaluation: evaluation)
    }

    /// The suggestion as text ("5.00"), or "nil".
    static func suggested(_ node: IndicatorNode, _ actual: String?, target: String? = nil) -> String {
        run(node, actual: actual, target: target).suggestion?.description ?? "nil"
    }

    /// 2-dp text of an exact measure.
    static func two(_ value: Decimal?) -> String { value.map { ExactDecimal.format($0, places: 2) } ?? "nil" }

    static let mof4 = GradeScheme(id: "MOF_4", name: "财政部四档", bands: [
        GradeBand(code: "A", label: "优", minimum: score("90")),
        GradeBand(code: "B", label: "良", minimum: score("80")),
        GradeBand(code: "C", label: "中", minimum: score("60")),
        GradeBand(code: "D", label: "差", minimum: score("0")),
    ])

    /// STEP_DEDUCT for 在职人员控制率: W=5, over 100, 1pp → −0.5.
    static let staffRule = StepDeductRule(baseline: 100, side: .over, step: 1, deduct: dec("0.5"))

    static func node(_ id: String, _ parent: String?, _ name: String, weight: String, kind: NodeKind = .base,
                     min: String? = nil, max: String? = nil, method: ScoringMethod = .manual,
                     direction: Direction = .qualitative, unit: String = "") -> IndicatorNode {
        IndicatorNode(id: id, parentID: parent, code: id, level: id.split(separator: ".").count, name: name, kind: kind,
                      weight: score(weight), minScore: min.map(score) ?? .zero, maxScore: max.map(score),
                      method: method, direction: direction, unitOfMeasure: unit)
    }

    static func template(_ nodes: [IndicatorNode], cap: String? = "100", bonus: String? = nil,
                         penalty: String? = nil) -> IndicatorTemplate {
        IndicatorTemplate(id: "T", name: "测试模板", evalType: .project, totalCap: cap.map(score),
                          maxBonusTotal: bonus.map(score), maxPenaltyTotal: penalty.map(score), nodes: nodes)
    }

    static func dossier(_ template: IndicatorTemplate, results: [IndicatorResult] = [],
                        evaluation: SelfEvaluation = blankEvaluation, unit: EvaluatedUnit? = nil,
                        team: [TeamMember] = [TeamMember(name: "张三", signed: true)],
                        evidence: [Evidence] = []) -> Dossier {
        Dossier(unit: unit ?? EvaluatedUnit(id: "U", name: "测试单位"),
                cycle: EvaluationCycle(id: "C", fiscalYear: 2020, name: "2020年度自评"),
                template: template, evaluation: evaluation,
                results: Dictionary(results.map { ($0.nodeID, $0) }, uniquingKeysWith: { a, _ in a }),
                evidence: evidence, selfTeam: team)
    }

    static func codes(_ messages: [ValidationMessage]) -> [String] { messages.map(\.code) }
}
