/// Template validation (spec §3.2, §3.8): structural checks (`T-000`), child weights summing to
/// the parent's weight (`T-001`) and L1 BASE weights summing to the base total (`T-002`).
/// Every message is an error: a template with any of them must not be saved.
///
/// ```swift
/// let errors = TemplateRules.validate(template)   // [] when the template is sound
/// ```
public enum TemplateRules {
    /// All problems of a template, structural ones first, in node order.
    public static func validate(_ t: IndicatorTemplate) -> [ValidationMessage] {
        structure(t) + parentSums(t) + baseTotal(t)
    }

    // MARK: T-000

    static func structure(_ t: IndicatorTemplate) -> [ValidationMessage] {
        var out = duplicates(t)
        let byID = Dictionary(t.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for node in t.nodes {
            out += hierarchy(node, byID: byID)
            out += ranges(node)
        }
        return out
    }

    private static func duplicates(_ t: IndicatorTemplate) -> [ValidationMessage] {
        var out: [ValidationMessage] = []
        var seenCodes: [String: IndicatorNode] = [:]
        var seenIDs = Set<String>()
        for node in t.nodes {
            if let first = seenCodes[node.code] {
                out.append(error("指标编码「\(node.code)」重复：「\(first.name)」与「\(node.name)」", node, "code"))
            } else {
                seenCodes[node.code] = node
            }
            if !seenIDs.insert(node.id).inserted {
                out.append(error("指标节点ID「\(node.id)」重复（\(RuleText.node(node))）", node, "id"))
            }
        }
        return out
    }

    private static func hierarchy(_ node: IndicatorNode, byID: [String: IndicatorNode]) -> [ValidationMessage] {
        let name = RuleText.node(node)
        guard let parentID = node.parentID else {
            return node.level == 1 ? [] : [error("一级指标\(name)的级次应为1，实为\(node.level)", node, "level")]
        }
        guard let parent = byID[parentID] else {
            return [error("指标\(name)的上级节点「\(parentID)」不存在", node, "parent_id")]
        }
        var out: [ValidationMessage] = []
        if node.level != parent.level + 1 {
            out.append(error("指标\(name)的级次为\(node.level)，应为上级\(RuleText.node(parent))级次\(parent.level)加1",
                             node, "level"))
        }
        if node.kind == .adjust && parent.kind == .base {
            out.append(error("加减分指标\(name)不能挂在基础指标\(RuleText.node(parent))下计入基础分", node, "kind"))
        }
        return out
    }

    private static func ranges(_ node: IndicatorNode) -> [ValidationMessage] {
        let name = RuleText.node(node)
        var out: [ValidationMessage] = []
        if node.kind == .base && node.weight <= .zero {
            out.append(error("基础指标\(name)的分值\(node.weight)须大于0", node, "weight"))
        }
        if node.minScore > node.maxScore {
            out.append(error("指标\(name)的最低分\(node.minScore)高于最高分\(node.maxScore)", node, "min_score"))
        }
        return out
    }

    // MARK: T-001 / T-002

    static func parentSums(_ t: IndicatorTemplate) -> [ValidationMessage] {
        t.nodes.compactMap { parent in
            guard parent.kind == .base else { return nil }
            let children = t.children(of: parent.id).filter { $0.kind == .base }
            guard !children.isEmpty else { return nil }
            let sum = children.map(\.weight).sum()
            guard sum != parent.weight else { return nil }
            return ValidationMessage(
                code: "T-001", level: .error,
                message: "指标\(RuleText.node(parent))的下级指标分值合计\(sum)，不等于其分值\(parent.weight)",
                nodeID: parent.id, field: "weight")
        }
    }

    static func baseTotal(_ t: IndicatorTemplate) -> [ValidationMessage] {
        let roots = t.children(of: nil).filter { $0.kind == .base }
        let sum = roots.map(\.weight).sum()
        guard sum != t.baseTotal else { return [] }
        return [ValidationMessage(
            code: "T-002", level: .error,
            message: "模板「\(t.name)」一级基础指标分值合计\(sum)，不等于基础总分\(t.baseTotal)",
            field: "base_total")]
    }

    private static func error(_ message: String, _ node: IndicatorNode, _ field: String) -> ValidationMessage {
        ValidationMessage(code: "T-000", level: .error, message: message, nodeID: node.id, field: field)
    }
}
