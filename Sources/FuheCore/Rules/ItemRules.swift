/// Rectification-item validation (spec §3.8 K-001 … K-004). All messages are errors.
/// K-001's "deadline present" always holds because `RectificationItem.deadline` is not optional.
/// K-005 (transitions) is enforced by `RectLifecycle`, not here.
///
/// ```swift
/// ItemRules.validate(item).filter { $0.code == "K-003" }
/// ```
public enum ItemRules {
    /// Every K-001 … K-004 problem of an item, in code order.
    public static func validate(_ item: RectificationItem) -> [ValidationMessage] {
        required(item) + deadline(item) + completion(item) + longTerm(item)
    }

    /// K-001: 整改措施、责任单位、责任人 must be filled in.
    static func required(_ item: RectificationItem) -> [ValidationMessage] {
        let fields: [(String?, String, String)] = [
            (item.measure, "整改措施", "measure"),
            (item.respUnit, "整改责任单位", "resp_unit"),
            (item.respPerson, "责任人", "resp_person"),
        ]
        return fields.compactMap { value, label, field in
            RuleText.isBlank(value) ? message("K-001", "\(RuleText.item(item))未填写\(label)", item, field) : nil
        }
    }

    /// K-002: the deadline may not precede the creation date.
    static func deadline(_ item: RectificationItem) -> [ValidationMessage] {
        guard item.deadline < item.createdOn else { return [] }
        return [message("K-002", "\(RuleText.item(item))的整改期限\(item.deadline)早于创建日期\(item.createdOn)",
                        item, "deadline")]
    }

    /// K-003: SUBMITTED and CLOSED need a completion description and evidence; CLOSED also needs a
    /// closer who is not the responsible person (separation of duties).
    static func completion(_ item: RectificationItem) -> [ValidationMessage] {
        guard item.status == .submitted || item.status == .closed else { return [] }
        let name = "\(RuleText.item(item))（\(item.status.label)）"
        var out: [ValidationMessage] = []
        if RuleText.isBlank(item.completionDesc) {
            out.append(message("K-003", "\(name)缺少整改完成情况说明", item, "completion_desc"))
        }
        if item.evidenceIDs.isEmpty {
            out.append(message("K-003", "\(name)没有任何整改佐证材料", item, "evidence_ids"))
        }
        guard item.status == .closed else { return out }
        if let closer = RuleText.trimmed(item.closedBy) {
            if closer == RuleText.trimmed(item.respPerson) {
                out.append(message("K-003", "\(name)的销号人「\(closer)」与责任人相同，须由他人核实销号", item, "closed_by"))
            }
        } else {
            out.append(message("K-003", "\(name)未记录销号人", item, "closed_by"))
        }
        return out
    }

    /// K-004: a LONG_TERM item needs its next check date.
    static func longTerm(_ item: RectificationItem) -> [ValidationMessage] {
        guard item.status == .longTerm, item.nextCheckOn == nil else { return [] }
        return [message("K-004", "\(RuleText.item(item))为持续整改，须设定下次检查日期", item, "next_check_on")]
    }

    private static func message(_ code: String, _ text: String, _ item: RectificationItem, _ field: String)
        -> ValidationMessage {
        ValidationMessage(code: code, level: .error, message: text, itemID: item.id, field: field)
    }
}
