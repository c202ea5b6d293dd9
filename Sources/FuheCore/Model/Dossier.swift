/// Everything about one reviewed self-evaluation: the unit, cycle, template, the scoresheet rows,
/// evidence, the self-evaluation team, the review with its findings, and the rectification items.
/// This is the unit of import/export, checkout and rescoring.
public struct Dossier: Hashable, Sendable, Identifiable {
    public var unit: EvaluatedUnit
    public var cycle: EvaluationCycle
    public var template: IndicatorTemplate
    public var evaluation: SelfEvaluation
    /// One row per template node that has values, keyed by node id.
    public var results: [String: IndicatorResult]
    public var evidence: [Evidence]
    public var selfTeam: [TeamMember]
    public var review: Review?
    public var findings: [Finding]
    public var items: [RectificationItem]

    public init(unit: EvaluatedUnit, cycle: EvaluationCycle, template: IndicatorTemplate, evaluation: SelfEvaluation,
                results: [String: IndicatorResult] = [:], evidence: [Evidence] = [], selfTeam: [TeamMember] = [],
                review: Review? = nil, findings: [Finding] = [], items: [RectificationItem] = []) {
        self.unit = unit
        self.cycle = cycle
        self.template = template
        self.evaluation = evaluation
        self.results = results
        self.evidence = evidence
        self.selfTeam = selfTeam
        self.review = review
        self.findings = findings
        self.items = items
    }

    public var id: String { evaluation.id }

    /// Row for a node (an empty row when the dossier has none yet).
    public func result(for nodeID: String) -> IndicatorResult {
        results[nodeID] ?? IndicatorResult(nodeID: nodeID)
    }
}
