/// Rules on findings (问题) and on the items that hang on them (spec §2.2): F-001 a finding says
/// what the problem is; F-002 a linked indicator belongs to the dossier's template; F-003 a finding
/// with items on it cannot be deleted (relink its items first); F-004 an item hangs on a finding of
/// its own dossier; K-006 a closed or withdrawn item keeps its type.
///
/// ```swift
/// FindingRules.deletion(of: finding, in: dossier)   // [F-003 …] while items hang on it
/// ```
public enum FindingRules {
    /// Problems of a finding as it would be stored.
    public static func validate(_ finding: Finding, in dossier: Dossier) -> [ValidationMessage] {
        var out: [ValidationMessage] = []
        if RuleText.isBlank(finding.description) {
            out.append(message("F-001", "问题「\(finding.id)」须填写问题描述", finding, "description"))
        }
        if let node = finding.nodeID, dossier.template.node(id: node) == nil {
            out.append(message("F-002", "问题「\(finding.id)」关联的指标「\(node)」不在模板\(dossier.template.id)中", finding, "node_id"))
        }
        return out
    }

    /// Why a finding may not be deleted (empty: it may).
    public static func deletion(of finding: Finding, in dossier: Dossier) -> [ValidationMessage] {
        let items = dossier.items.filter { $0.findingID == finding.id }
        guard !items.isEmpty else { return [] }
        return [deletionMessage(findingID: finding.id, itemCount: items.count, openCount: items.filter { $0.status.isOpen }.count)]
    }

    /// F-003 for a finding with `itemCount` items (the store asks this too).
    public static func deletionMessage(findingID: String, itemCount: Int, openCount: Int) -> ValidationMessage {
        let open = openCount > 0 ? "（\(openCount) 项未完成）" : ""
        return ValidationMessage(code: "F-003", level: .error,
                                 message: "问题「\(findingID)」下有 \(itemCount) 项整改事项\(open)，不能删除：先把整改事项改挂到其他问题",
                                 field: "items")
    }

    /// The item hung on another finding of its dossier (F-004 when there is no such finding).
    public static func relink(_ item: RectificationItem, to findingID: String, in dossier: Dossier) throws(RuleViolation) -> RectificationItem {
        guard dossier.findings.contains(where: { $0.id == findingID }) else {
            throw RuleViolation(code: "F-004", "整改事项「\(item.id)」只能挂在本单位的问题上，没有问题「\(findingID)」", itemID: item.id, field: "finding_id")
        }
        var next = item
        next.findingID = findingID
        return next
    }

    /// The item with another type (K-006: not once closed or withdrawn). Becoming 持续整改 on an open
    /// item that has no next check date yet takes its deadline as the first check (K-004 holds).
    public static func retype(_ item: RectificationItem, to type: RectType) throws(RuleViolation) -> RectificationItem {
        guard type != item.rectType else { return item }
        guard item.status.isOpen else {
            throw RuleViolation(code: "K-006", "整改事项「\(item.id)」已\(item.status.label)，不能再改整改类型", itemID: item.id, field: "rect_type")
        }
        var next = item
        next.rectType = type
        return next
    }

    private static func message(_ code: String, _ text: String, _ f: Finding, _ field: String) -> ValidationMessage {
        ValidationMessage(code: code, level: .error, message: text, field: field)
    }
}
