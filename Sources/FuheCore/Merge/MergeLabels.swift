import Foundation

/// Human (Chinese) names for merged entities, fields and values: "赫山区政务服务中心 · 1.1.1 在职人员控制率",
/// "复核分", "0.00". Used by the merge plan printout and the conflict pane.
public enum MergeLabels {
    /// The entity, named from its dossier when known: row code and indicator, item or finding number.
    public static func entity(_ key: EntityKey, in dossier: Dossier?) -> String {
        let unit = dossier?.unit.displayName ?? key.dossierID
        let what: String
        switch key.entity {
        case "result":
            if let node = dossier?.template.node(id: key.id) { what = "\(node.code) \(node.name)" } else { what = "指标 \(key.id)" }
        case "item":
            if let item = dossier?.items.first(where: { $0.id == key.id }) { what = "整改事项 \(item.seq) (\(key.id))" } else { what = "整改事项 \(key.id)" }
        case "finding":
            if let f = dossier?.findings.first(where: { $0.id == key.id }) { what = "问题 \(f.seq) (\(key.id))" } else { what = "问题 \(key.id)" }
        case "evidence": what = "佐证 \(key.id)"
        case "review": what = "复核"
        case "evaluation": what = "自评信息"
        default: what = "\(key.entity) \(key.id)"
        }
        return "\(unit) · \(what)"
    }

    /// The Chinese name of a field ("*" = the whole entity).
    public static func field(_ name: String) -> String {
        names[name] ?? name
    }

    /// A stored JSON value as a person reads it: text without quotes, lists joined, a record
    /// as a phrase, a time in Beijing time, "（空）" for absent (see ``JournalText/value(_:entity:field:)``,
    /// which also names codes when it knows the entity and field).
    public static func value(_ json: String?) -> String {
        JournalText.value(json)
    }

    static let names: [String: String] = [
        "*": "整条记录", "reviewScore": "复核分", "deductionReason": "扣分原因", "reviewNote": "复核备注", "verifiedActual": "核实值",
        "evidenceIDs": "佐证", "status": "状态", "reviewedBy": "复核人", "reviewedAt": "复核时间", "selfScore": "自评分",
        "selfNote": "自评说明", "actual": "实际值", "target": "目标值", "measure": "整改措施", "respUnit": "责任单位",
        "respPerson": "责任人", "respLeader": "分管领导", "deadline": "整改时限", "progress": "整改进度", "completionDesc": "完成情况",
        "submittedOn": "申请销号日", "closedBy": "销号人", "closedOn": "销号日", "closureNote": "销号说明", "returnCount": "退回次数",
        "deadlineHistory": "延期记录", "nextCheckOn": "下次检查日", "longTermSince": "转持续整改日", "description": "问题描述",
        "category": "问题类别", "severity": "严重程度", "recommendation": "整改建议", "amountInvolved": "涉及金额", "basis": "依据",
        "title": "材料名称", "kind": "类别", "locator": "位置", "verified": "已核实", "receivedOn": "收到日", "conclusion": "复核结论",
        "team": "复核组", "submittedAt": "提交时间", "finalizedAt": "定稿时间", "frozenTotal": "定稿总分", "frozenGrade": "定稿等次",
        "seq": "序号", "text": "内容", "date": "日期", "by": "登记人", "percent": "完成比例", "rectType": "整改类型",
        "createdOn": "创建日", "findingID": "所属问题", "nodeID": "指标", "mode": "复核方式", "startedAt": "开始时间",
    ]
}
