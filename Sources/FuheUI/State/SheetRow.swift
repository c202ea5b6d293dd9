import FuheCore

/// One visible row of the scoresheet tree.
public struct SheetRow: Hashable, Sendable {
    public var node: IndicatorNode
    public var isLeaf: Bool
    public var isExpanded: Bool
}

enum SheetRows {
    /// Visible rows of a template given the collapsed node ids (pre-order, children hidden under
    /// collapsed parents).
    static func visible(_ template: IndicatorTemplate, collapsed: Set<String>) -> [SheetRow] {
        let parents = template.parentIDs
        var hiddenUnder: [String] = []
        var out: [SheetRow] = []
        var hiddenDepth = Int.max
        for node in template.nodes {
            if node.level > hiddenDepth { continue }
            hiddenDepth = Int.max
            let isLeaf = !parents.contains(node.id)
            let expanded = !collapsed.contains(node.id)
            out.append(SheetRow(node: node, isLeaf: isLeaf, isExpanded: expanded))
            if !isLeaf && !expanded { hiddenDepth = node.level; hiddenUnder.append(node.id) }
        }
        return out
    }
}
