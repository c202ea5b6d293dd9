/// Rectification-item validation (spec §3.8 K-001 … K-004), the one statement of these rules: the
/// store, import, merge, `fuhe check` and `RectLifecycle` ask here. All messages are errors.
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
        // Field by field (an array of the three fields was built for every stored item).
        var out: [ValidationMessage] = []
        func blank(_ value: String?, _ label: String, _ field: String) {
            if RuleText.isBlank(value) { out.append(message("K-001", "\(RuleText.item(item))未填写\(label)", item, field)) }
        }
        blank(item.measure, "整改措施", "measure")
        blank(item.respUnit, "整改责任单位", "resp_unit")
        blank(item.respPerson, "责任人", "resp_person")
        return out
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
        var out = completionProblems(item)
        if item.status == .closed, let problem = closerProblem(item, closer: item.closedBy) { out.append(problem) }
        return out
    }

    /// K-003's first half, the only statement of it: a completion description and at least one
    /// piece of evidence (checked on 申请销号 and 销号 by `RectLifecycle`, and on every stored item).
    public static func completionProblems(_ item: RectificationItem) -> [ValidationMessage] {
        var name: String { itemName(item) }   // built only for a message (`fuhe check` asks of every item)
        var out: [ValidationMessage] = []
        if RuleText.isBlank(item.completionDesc) {
            out.append(message("K-003", "\(name)缺少整改完成情况说明", item, "completion_desc"))
        }
        if item.evidenceIDs.isEmpty {
            out.append(message("K-003", "\(name)没有任何整改佐证材料（至少需要1份）", item, "evidence_ids"))
        }
        return out
    }

    /// K-003's second half: who closes (销号) an item must be named and must not be its
    /// responsible person.
    public static func closerProblem(_ item: RectificationItem, closer: String?) -> ValidationMessage? {
        var name: String { itemName(item) }
        guard let closer = RuleText.trimmed(closer) else {
            return message("K-003", "\(name)未记录销号人", item, "closed_by")
        }
        guard closer != RuleText.trimmed(item.respPerson) else {
            return message("K-003", "\(name)的销号人「\(closer)」是该事项的责任人，须由他人核实销号", item, "closed_by")
        }
        return nil
    }

    /// An item as K-003's messages name it: its number and text, then its status.
    private static func itemName(_ item: RectificationItem) -> String { "\(RuleText.item(item))（\(item.status.label)）" }

    /// K-004: a LONG_TERM item needs its next check date, and a next check date may not fall
    /// after the item's deadline (the check would come too late to matter).
    static func longTerm(_ item: RectificationItem) -> [ValidationMessage] {
        if item.status == .longTerm && item.nextCheckOn == nil {
            return [message("K-004", "\(RuleText.item(item))为持续整改，须设定下次检查日期", item, "next_check_on")]
        }
        if let problem = nextCheckProblem(item, nextCheck: item.nextCheckOn) { return [problem] }
        return []
    }

    /// K-004: `nextCheck` after the item's deadline is refused.
    public static func nextCheckProblem(_ item: RectificationItem, nextCheck: CalendarDay?) -> ValidationMessage? {
        guard item.status.isOpen, let nextCheck, nextCheck > item.deadline else { return nil }
        return message("K-004", "\(RuleText.item(item))的下次检查日期\(nextCheck)晚于整改期限\(item.deadline)，"
                       + "须在期限内检查（或先延长期限）", item, "next_check_on")
    }

    private static func message(_ code: String, _ text: String, _ item: RectificationItem, _ field: String)
        -> ValidationMessage {
        ValidationMessage(code: code, level: .error, message: text, itemID: item.id, field: field)
    }
}
