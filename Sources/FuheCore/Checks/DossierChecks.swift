/// All report-level warnings of a dossier (spec §3.8): S-001…S-006, D-001…D-006 and R-005, in
/// that order. `DossierScorer` includes them in `ScoredDossier.messages`.
public enum DossierChecks {
    public static func warnings(_ dossier: Dossier, scheme: GradeScheme,
                                thresholds: DeviationThresholds = .default) -> [ValidationMessage] {
        let index = IndexCache.shared.index(for: dossier.template)
        let results = index.template.nodes.map { dossier.results[$0.id]?.selfScore }
        let selfRollups = index.rollups(leaf: { results[$0] }, stated: { results[$0] })
        return warnings(dossier, scheme: scheme, thresholds: thresholds, index: index, selfRollups: selfRollups)
    }

    /// Same, reusing the scorer's index and self-view roll-ups.
    static func warnings(_ dossier: Dossier, scheme: GradeScheme, thresholds: DeviationThresholds,
                         index: TemplateIndex, selfRollups: [Rollup]) -> [ValidationMessage] {
        let evaluation = dossier.evaluation
        var messages = StatedScoreChecks.outOfRange(dossier)
        messages += StatedScoreChecks.subtotals(dossier, index: index, selfRollups: selfRollups)
        messages += StatedScoreChecks.totals(evaluation)
        messages += StatedScoreChecks.grade(evaluation, scheme: scheme)
        messages += CompletenessChecks.blankFields(dossier, index: index)
        messages += CompletenessChecks.templateText(evaluation)
        messages += DataChecks.amounts(evaluation)
        messages += DataChecks.threePublic(evaluation)
        messages += DataChecks.conflicts(evaluation)
        messages += DataChecks.staffing(dossier)
        messages += DataChecks.execution(dossier, scheme: scheme, threshold: thresholds.executionRateWarning)
        messages += DataChecks.shares(evaluation)
        messages += ReviewScoreRules.missingEvidence(dossier)
        return messages
    }
}
