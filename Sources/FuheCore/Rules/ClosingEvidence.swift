import Foundation

/// What a unit hands in to have a rectification item closed (销号). K-003 needs a completion
/// description and at least one piece of evidence; which evidence depends on the problem: the
/// linked indicator's evidence hint when its template gives one, else the usual material for the
/// finding's category (inferred from the seeds' evidence kinds, spec §2.2 Evidence).
public enum ClosingEvidence {
    /// "整改完成情况说明，并附：政府采购手续（采购审批表、合同、验收单）".
    public static func expected(for finding: Finding?, node: IndicatorNode?) -> String {
        let hint = node?.evidenceHint.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let material = hint.isEmpty ? usual(for: finding?.category ?? .other) : hint
        return "整改完成情况说明，并附：\(material)"
    }

    /// The usual material for a finding category.
    public static func usual(for category: FindingCategory) -> String {
        switch category {
        case .reportIncomplete: "补充完整并签章的自评报告及自评表"
        case .calcError, .scoreOverWeight, .totalInconsistent: "更正后的自评表及计算说明"
        case .targetUnclear: "细化量化后的绩效目标表及批复文件"
        case .budgetPrep: "调整后的预算编制资料及预算批复"
        case .budgetExecution: "预算执行分析报告、决算报表"
        case .staffing: "机构编制部门核定编制文件、在职人员花名册"
        case .procurement: "政府采购手续（采购审批表、合同、验收单）"
        case .tenderDocs: "补充完善的招投标文件及合同"
        case .fundCompliance: "资金归还或调账的会计凭证"
        case .assetMgmt: "资产登记台账及盘点表"
        case .disclosure: "预决算信息公开网页截图"
        case .evidence: "补充的佐证材料及清单"
        case .outcomeShortfall: "产出、效益完成情况的统计数据及佐证材料"
        case .other: "整改落实的相关材料"
        }
    }
}
