/// A template's indicator tree indexed once (positions, children, leaves, a bottom-up order) so
/// that scoring and roll-ups never scan the node list repeatedly. Build it once per template and
/// pass it to `DossierScorer.score(_:scheme:thresholds:index:)` when rescoring often. A class: every
/// scored dossier, its rows and the checks share one index instead of copying its dozen arrays.
///
/// Malformed trees never crash: a node whose parent is unknown (or itself) is a root, a
/// duplicated id resolves to its first node, and nodes caught in a parent cycle are unreachable.
public final class TemplateIndex: Sendable {
    public let template: IndicatorTemplate
    /// Position of each node id in `template.nodes` (first occurrence).
    let position: [String: Int]
    /// Child positions of each node, in template order.
    let children: [[Int]]
    /// Positions of root nodes, in template order.
    let roots: [Int]
    /// Reachable positions with every child before its parent.
    let bottomUp: [Int]
    /// Reachable leaf positions (no children), in template order; TRIAL leaves included.
    let leafPositions: [Int]
    /// `template.scorableLeaves` as positions: nodes no node names as parent, TRIAL left out.
    let templateScorableLeaves: [Int]
    /// Position of each leaf id's evaluation in `ScoredDossier.rows`: the last reachable leaf with
    /// that id (a malformed template may repeat an id).
    let rowPosition: [String: Int]
    /// Per-position node facts, so hot loops never copy whole nodes.
    let ids: [String]
    let kinds: [NodeKind]
    /// BUDGET_EXEC rows.
    let isBudgetExec: [Bool]
    /// Quantitative scorable leaves that need a target (S-005): direction ≠ QUALITATIVE, not BUDGET_EXEC.
    let needsTarget: [Bool]
    /// BUDGET_EXEC positions, in template order (D-005).
    let budgetExecPositions: [Int]
    /// The first node whose name names 在职人员控制率 (D-004 points at it), found once per template.
    let staffingPosition: Int?
    /// Per position, a CHECKLIST node's element names as answers are matched against them
    /// (normalised, 简体), prepared once per template; nil for other methods.
    let checklistNames: [[String]?]
    /// Per position, R-005's message (it names the node only), built once per template.
    let missingEvidenceMessages: [ValidationMessage]
    /// Remembered row evaluations (shared by copies of this index).
    let memo = RowMemo()
    /// Equal copies of `template` already compared (`matches`).
    let copies = TemplateCopies()

    public init(_ template: IndicatorTemplate) {
        self.template = template
        let nodes = template.nodes
        var position: [String: Int] = [:]
        position.reserveCapacity(nodes.count)
        for (i, node) in nodes.enumerated() where position[node.id] == nil { position[node.id] = i }
        var children = Array(repeating: [Int](), count: nodes.count)
        var roots: [Int] = []
        for (i, node) in nodes.enumerated() {
            if let parentID = node.parentID, let p = position[parentID], p != i {
                children[p].append(i)
            } else {
                roots.append(i)
            }
        }
        // Iterative post-order from the roots (children before parents).
        var visited = Array(repeating: false, count: nodes.count)
        var order: [Int] = []
        order.reserveCapacity(nodes.count)
        var stack: [(node: Int, next: Int)] = []
        for root in roots where !visited[root] {
            visited[root] = true
            stack.append((root, 0))
            while let top = stack.last {
                if top.next < children[top.node].count {
                    stack[stack.count - 1].next += 1
                    let child = children[top.node][top.next]
                    if !visited[child] {
                        visited[child] = true
                        stack.append((child, 0))
                    }
                } else {
                    order.append(top.node)
                    stack.removeLast()
                }
            }
        }
        self.position = position
        self.children = children
        self.roots = roots
        self.bottomUp = order
        let leafPositions = nodes.indices.filter { visited[$0] && children[$0].isEmpty }
        self.leafPositions = leafPositions
        var rowPosition: [String: Int] = [:]
        rowPosition.reserveCapacity(leafPositions.count)
        for p in leafPositions { rowPosition[nodes[p].id] = p }
        self.rowPosition = rowPosition
        ids = nodes.map(\.id)
        kinds = nodes.map(\.kind)
        let parents = template.parentIDs
        templateScorableLeaves = nodes.indices.filter { !parents.contains(nodes[$0].id) && nodes[$0].kind != .trial }
        let execFlags = nodes.map { if case .budgetExecution = $0.method { true } else { false } }
        isBudgetExec = execFlags
        budgetExecPositions = nodes.indices.filter { execFlags[$0] }
        staffingPosition = nodes.firstIndex { $0.name.contains(DataChecks.staffingNodeName) }
        checklistNames = nodes.map { node in
            guard case .checklist(let elements) = node.method else { return nil }
            return ScoringEngine.checklistNames(elements)
        }
        missingEvidenceMessages = nodes.map(ReviewScoreRules.missingEvidenceMessage)
        needsTarget = nodes.indices.map { p in
            children[p].isEmpty && nodes[p].kind != .trial && nodes[p].direction != .qualitative
                && !(nodes[p].method == .budgetExecution)
        }
    }

    /// Node by id.
    public func node(_ id: String) -> IndicatorNode? {
        position[id].map { template.nodes[$0] }
    }

    /// Direct children of a node, in order (empty for a leaf or an unknown id).
    public func children(of id: String) -> [IndicatorNode] {
        guard let p = position[id] else { return [] }
        return children[p].map { template.nodes[$0] }
    }

    /// Whether the node has no children.
    public func isLeaf(_ id: String) -> Bool {
        guard let p = position[id] else { return false }
        return children[p].isEmpty
    }

    /// Leaves in template order, TRIAL included.
    public var leaves: [IndicatorNode] { leafPositions.map { template.nodes[$0] } }

    /// Leaves that carry a score (BASE or ADJUST, not TRIAL).
    public var scorableLeaves: [IndicatorNode] { leaves.filter { $0.kind != .trial } }

    /// Whether the node is a leaf that carries a score (BASE or ADJUST, not TRIAL).
    public func isScorableLeaf(_ id: String) -> Bool {
        guard let p = position[id] else { return false }
        return children[p].isEmpty && kinds[p] != .trial
    }

    /// Whether this index was built from exactly this template. Equal copies made elsewhere (the
    /// template a process built a store from, and the one decoded from the store's text) are
    /// compared node by node once, then recognised by their storage (`TemplateCopies`).
    public func matches(_ other: IndicatorTemplate) -> Bool {
        if template.sharesStorage(with: other) || copies.contains(other) { return true }
        guard template == other else { return false }
        copies.remember(other)
        return true
    }
}
