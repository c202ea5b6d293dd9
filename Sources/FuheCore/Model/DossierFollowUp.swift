/// The follow-up part of a dossier — unit, cycle, template, findings and rectification items —
/// without the scoresheet rows: what the ledger and the cycle report (通报) read, so that they
/// can cover thousands of dossiers without loading 60 rows each.
public struct DossierFollowUp: Sendable, Hashable {
    public var dossierID: String
    public var unit: EvaluatedUnit
    public var cycle: EvaluationCycle
    public var template: IndicatorTemplate
    public var findings: [Finding]
    public var items: [RectificationItem]

    public init(dossierID: String, unit: EvaluatedUnit, cycle: EvaluationCycle, template: IndicatorTemplate,
                findings: [Finding], items: [RectificationItem]) {
        self.dossierID = dossierID
        self.unit = unit
        self.cycle = cycle
        self.template = template
        self.findings = findings
        self.items = items
    }

    /// The follow-up part of a whole dossier.
    public init(_ dossier: Dossier) {
        self.init(dossierID: dossier.id, unit: dossier.unit, cycle: dossier.cycle, template: dossier.template,
                  findings: dossier.findings, items: dossier.items)
    }

    /// Items in ledger order (序号, then id).
    public var itemsInOrder: [RectificationItem] { items.sorted { ($0.seq, $0.id) < ($1.seq, $1.id) } }
}
