import Foundation
@testable import FuheCore

/// Shared records for the lifecycle and rule tests.
enum LifecycleFixtures {
    static func day(_ text: String) -> CalendarDay { CalendarDay(text)! }
    static func score(_ text: String) -> Score { Score(text)! }

    static let member = Actor(name: "王某", role: .member)
    static let leader = Actor(name: "李组长", role: .leader)
    /// The item's 责任人.
    static let responsible = Actor(name: "张三")

    static func item(status: RectStatus = .pending, rectType: RectType = .deadline,
                     created: String = "2021-06-01", deadline: String = "2021-06-30",
                     completion: String? = nil, evidence: [String] = [], submittedOn: String? = nil,
                     nextCheckOn: String? = nil, longTermSince: String? = nil,
                     progress: [ProgressEntry] = [], closedBy: String? = nil) -> RectificationItem {
        RectificationItem(id: "R-1", findingID: "F-1", seq: 1, measure: "完善政府采购手续", rectType: rectType,
                          respUnit: "黄土矿镇人民政府", respPerson: "张三", createdOn: day(created),
                          deadline: day(deadline), nextCheckOn: nextCheckOn.map(day), status: status,
                          progress: progress, completionDesc: completion, submittedOn: submittedOn.map(day),
                          evidenceIDs: evidence, closedBy: closedBy, longTermSince: longTermSince.map(day))
    }

    static func entry(_ date: String, _ text: String = "已召开整改专题会议") -> ProgressEntry {
        ProgressEntry(date: day(date), text: text, by: "张三")
    }

    static func node(_ id: String, parent: String?, code: String, level: Int, name: String,
                     kind: NodeKind = .base, weight: String, min: String? = nil, max: String? = nil) -> IndicatorNode {
        IndicatorNode(id: id, parentID: parent, code: code, level: level, name: name, kind: kind,
                      weight: score(weight), minScore: min.map(score) ?? .zero, maxScore: max.map(score))
    }

    /// 投入20 (预算编制10 + 预算执行10) / 产出80 / 加减分 [−5, +3]; base total 100.
    static func template(_ extra: [IndicatorNode] = []) -> IndicatorTemplate {
        IndicatorTemplate(id: "TPL", name: "测试模板", evalType: .deptOverall, nodes: [
            node("N1", parent: nil, code: "1", level: 1, name: "投入", weight: "20"),
            node("N11", parent: "N1", code: "1.1", level: 2, name: "预算编制", weight: "10"),
            node("N12", parent: "N1", code: "1.2", level: 2, name: "预算执行", weight: "10"),
            node("N2", parent: nil, code: "2", level: 1, name: "产出", weight: "80"),
            node("N9", parent: nil, code: "9", level: 1, name: "加减分", kind: .adjust, weight: "0", min: "-5", max: "3"),
        ] + extra)
    }

    static func row(_ nodeID: String, selfScore: String?, reviewScore: String?, status: RowStatus = .reviewed,
                    reason: String? = nil, note: String? = nil) -> IndicatorResult {
        IndicatorResult(nodeID: nodeID, selfScore: selfScore.map(score), reviewScore: reviewScore.map(score),
                        deductionReason: reason, reviewNote: note, status: status)
    }

    /// A dossier whose rows are all reviewed at full marks (nothing blocks submit).
    static func dossier(rows: [IndicatorResult] = []) -> Dossier {
        var results: [String: IndicatorResult] = [
            "N11": row("N11", selfScore: "10", reviewScore: "10"),
            "N12": row("N12", selfScore: "10", reviewScore: "10"),
            "N2": row("N2", selfScore: "80", reviewScore: "80"),
            "N9": row("N9", selfScore: "0", reviewScore: "0"),
        ]
        for r in rows { results[r.nodeID] = r }
        return Dossier(unit: EvaluatedUnit(id: "U-1", name: "黄土矿镇人民政府"),
                       cycle: EvaluationCycle(id: "C-1", fiscalYear: 2020, name: "2020年度部门整体支出绩效自评"),
                       template: template(),
                       evaluation: SelfEvaluation(id: "SE-1", cycleID: "C-1", unitID: "U-1", templateID: "TPL",
                                                  evalType: .deptOverall, objectName: "黄土矿镇人民政府"),
                       results: results, review: Review(id: "RV-1"))
    }

    static let noon = Date(timeIntervalSince1970: 1_625_457_600)

    /// The codes of a violation's messages.
    static func codes(_ violation: RuleViolation?) -> [String] { violation?.messages.map(\.code) ?? [] }
}
