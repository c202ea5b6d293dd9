/// All report-level warnings of a dossier (spec §3.8): S-001…S-006, D-001…D-006 and R-005, in
/// that order. `DossierScorer` includes them in `ScoredDossier.messages`.
public enum DossierChecks {
    public static func warnings(_ dossier: Dossier, scheme: GradeScheme,
                                thresholds: DeviationThresholds = .default) -> [ValidationMessage] {
        let index = IndexCache.shared.index(for: dossier.template)
        let results = index.template.nodes.map { dossier.results[$0.id] }
        let selfRollups = index.rollups(leaf: { results[$0]?.selfScore }, stated: { results[$0]?.selfScore })
        let context = CheckContext(dossier: dossier, index: index, results: results, selfRollups: selfRollups)
        return warnings(context, scheme: scheme, thresholds: thresholds)
    }

    /// Same, reusing what the scorer already computed.
    static func warnings(_ context: CheckContext, scheme: GradeScheme,
                         thresholds: DeviationThresholds) -> [ValidationMessage] {
        let evaluation = context.dossier.evaluation
        var messages = StatedScoreChecks.outOfRange(context)
        messages += StatedScoreChecks.subtotals(context)
        messages += StatedScoreChecks.totals(evaluation)
        messages += StatedScoreChecks.grade(evaluation, scheme: scheme)
        messages += CompletenessChecks.blankFields(context)
        messages += CompletenessChecks.templateText(evaluation)
        messages += DataChecks.amounts(evaluation)
        messages += DataChecks.threePublic(evaluation)
        messages += DataChecks.conflicts(evaluation)
        messages += DataChecks.staffing(context.dossier)
        messages += DataChecks.execution(context, scheme: scheme, threshold: thresholds.executionRateWarning)
        messages += DataChecks.shares(evaluation)
        messages += ReviewScoreRules.missingEvidence(context)
        return messages
    }
}

/// What the checks read, prepared once: the dossier, its template index, the rows by node
/// position and the self-view roll-ups.
struct CheckContext {
    let dossier: Dossier
    let index: TemplateIndex
    /// `dossier.results` by node position.
    let results: [IndicatorResult?]
    let selfRollups: [Rollup]

    var nodes: [IndicatorNode] { index.template.nodes }
}
