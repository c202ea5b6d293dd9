import Foundation
import FuheCore

/// The synthetic department-overall template: 4 L1 × 3 L2 groups with the scored leaves spread
/// over the 12 groups, weights summing exactly (in hundredths) to 100, methods cycling.
enum SyntheticTemplate {
    static let id = "BENCH-DEPT"

    /// Leaf methods in the order they cycle through the tree.
    static let methodCycle = ["STEP_DEDUCT", "TIERED", "PROP_POS", "PROP_NEG", "BUDGET_EXEC",
                              "CHECKLIST", "PER_OCCURRENCE", "QUAL_3LEVEL", "FULL_OR_ZERO", "MANUAL"]

    static let checklistNames = ["制度已制定", "制度已执行", "执行有记录"]

    /// L1 weights in hundredths (决策 15, 过程 30, 产出 30, 效益 25).
    static let l1Weights = [1_500, 3_000, 3_000, 2_500]

    static func make(leaves: Int) -> IndicatorTemplate {
        precondition(leaves >= 12, "at least one leaf per L2 group")
        var nodes: [IndicatorNode] = []
        var leafCounter = 0
        let groupCount = ChineseNames.tree.reduce(0) { $0 + $1.groups.count }
        var groupIndex = 0
        for (i, l1) in ChineseNames.tree.enumerated() {
            let l1Code = "\(i + 1)"
            nodes.append(IndicatorNode(id: "N" + l1Code, parentID: nil, code: l1Code, level: 1, name: l1.l1,
                                       weight: Score(hundredths: l1Weights[i])))
            let l2Weights = split(l1Weights[i], into: l1.groups.count)
            for (j, group) in l1.groups.enumerated() {
                let l2Code = "\(l1Code).\(j + 1)"
                nodes.append(IndicatorNode(id: "N" + l2Code, parentID: "N" + l1Code, code: l2Code, level: 2, name: group.l2,
                                           weight: Score(hundredths: l2Weights[j])))
                let count = leaves / groupCount + (groupIndex < leaves % groupCount ? 1 : 0)
                groupIndex += 1
                for (k, w) in split(l2Weights[j], into: count).enumerated() {
                    let code = "\(l2Code).\(k + 1)"
                    let base = group.leaves[k % group.leaves.count]
                    let name = k < group.leaves.count ? base : "\(base)（\(k / group.leaves.count + 1)）"
                    nodes.append(leaf(code: code, parent: "N" + l2Code, name: name, weight: w,
                                      method: methodCycle[leafCounter % methodCycle.count]))
                    leafCounter += 1
                }
            }
        }
        let template = IndicatorTemplate(id: id, name: "部门整体支出绩效评价指标体系（基准测试）", version: "1",
                                         evalType: .deptOverall, source: "fuhe-bench 合成数据", gradeSchemeID: "MOF_4",
                                         nodes: nodes)
        let problems = TemplateRules.validate(template)
        precondition(problems.isEmpty, "synthetic template is invalid: \(problems.map(\.message))")
        return template
    }

    /// `total` hundredths split into `n` parts differing by at most one hundredth.
    static func split(_ total: Int, into n: Int) -> [Int] {
        (0..<n).map { total / n + ($0 < total % n ? 1 : 0) }
    }

    static func decimal(_ hundredths: Int) -> Decimal { Decimal(hundredths) / 100 }

    private static func leaf(code: String, parent: String, name: String, weight w: Int, method methodCode: String) -> IndicatorNode {
        let method: ScoringMethod
        let direction: Direction
        let unit: String
        switch methodCode {
        case "STEP_DEDUCT":
            method = .stepDeduct(StepDeductRule(baseline: 100, side: .over, step: 1, deduct: decimal(Swift.max(1, w / 5))))
            direction = .negative; unit = "%"
        case "TIERED":
            method = .tiered([
                Tier(lower: 95, lowerInclusive: true, upper: nil, points: decimal(w), label: "95%以上"),
                Tier(lower: 80, lowerInclusive: true, upper: 95, upperInclusive: false, points: decimal(w * 6 / 10), label: "80%–95%"),
                Tier(lower: nil, upper: 80, upperInclusive: false, points: 0, label: "80%以下"),
            ])
            direction = .positive; unit = "%"
        case "PROP_POS": method = .proportionalPositive(overshootRatio: nil); direction = .positive; unit = "人次"
        case "PROP_NEG": method = .proportionalNegative(variant: .ratio); direction = .negative; unit = "万元"
        case "BUDGET_EXEC": method = .budgetExecution; direction = .positive; unit = "%"
        case "CHECKLIST":
            let points = split(w, into: checklistNames.count)
            method = .checklist(zip(checklistNames, points).map { ChecklistElement(name: $0, points: decimal($1)) })
            direction = .qualitative; unit = ""
        case "PER_OCCURRENCE": method = .perOccurrence(deduct: decimal(Swift.max(1, w / 4))); direction = .negative; unit = "处"
        case "QUAL_3LEVEL": method = .qualitative3Level; direction = .qualitative; unit = ""
        case "FULL_OR_ZERO": method = .fullOrZero; direction = .qualitative; unit = ""
        default: method = .manual; direction = .qualitative; unit = ""
        }
        return IndicatorNode(id: "N" + code, parentID: parent, code: code, level: 3, name: name, weight: Score(hundredths: w),
                             method: method, direction: direction, unitOfMeasure: unit,
                             definition: "反映部门（单位）\(name)情况。", formulaText: method.label,
                             standardText: "按「\(method.label)」规则计分，分值\(Score(hundredths: w))分。",
                             evidenceHint: "相关文件、台账及会议纪要")
    }
}
