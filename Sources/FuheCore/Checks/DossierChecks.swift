/// All report-level warnings of a dossier (spec §3.8): S-001…S-006, D-001…D-006 and R-005, in
/// that order. `DossierScorer` includes them in `ScoredDossier.messages`.
public enum DossierChecks {
    public static func warnings(_ dossier: Dossier, scheme: GradeScheme,
                                thresholds: DeviationThresholds = .default) -> [ValidationMessage] {
        let index = IndexCache.shared.index(for: dossier.template)
        let results = PositionedResults(dossier.results, ids: index.ids)
        let selfRollups = index.rollups(leaf: { results.selfScore($0) }, stated: { results.selfScore($0) })
        let context = CheckContext(index: index, results: results, selfRollups: selfRollups)
        return warnings(dossier, context, scheme: scheme, thresholds: thresholds)
    }

    /// Same, reusing what the scorer already computed.
    static func warnings(_ dossier: Dossier, _ context: CheckContext, scheme: GradeScheme,
                         thresholds: DeviationThresholds) -> [ValidationMessage] {
        var messages: [ValidationMessage] = []
        warnings(dossier, context, scheme: scheme, thresholds: thresholds, into: &messages)
        return messages
    }

    /// Same, appended to `messages` (the scorer's list: no second list copied into it).
    static func warnings(_ dossier: Dossier, _ context: CheckContext, scheme: GradeScheme,
                         thresholds: DeviationThresholds, into messages: inout [ValidationMessage]) {
        messages += StatedScoreChecks.outOfRange(context)
        messages += StatedScoreChecks.subtotals(context)
        messages += StatedScoreChecks.totals(dossier.evaluation)
        messages += StatedScoreChecks.grade(dossier.evaluation, scheme: scheme)
        messages += CompletenessChecks.blankFields(dossier, context)
        messages += CompletenessChecks.templateText(dossier.evaluation)
        messages += DataChecks.amounts(dossier.evaluation)
        messages += DataChecks.threePublic(dossier.evaluation)
        messages += DataChecks.conflicts(dossier.evaluation)
        messages += DataChecks.staffing(dossier, context)
        messages += DataChecks.execution(dossier, context, scheme: scheme, threshold: thresholds.executionRateWarning)
        messages += DataChecks.shares(dossier.evaluation)
        messages += ReviewScoreRules.missingEvidence(dossier, context)
    }
}

/// What the checks read besides the dossier, prepared once: the template index, the rows by
/// node position and the self-view roll-ups.
struct CheckContext {
    let index: TemplateIndex
    /// `dossier.results` by node position, read in place.
    let results: PositionedResults
    /// `results.selfScore(p)`.
    let selfScores: [Score?]
    let selfRollups: [Rollup]

    init(index: TemplateIndex, results: PositionedResults, selfScores: [Score?], selfRollups: [Rollup]) {
        self.index = index
        self.results = results
        self.selfScores = selfScores
        self.selfRollups = selfRollups
    }

    init(index: TemplateIndex, results: PositionedResults, selfRollups: [Rollup]) {
        self.init(index: index, results: results, selfScores: index.ids.indices.map { results.selfScore($0) }, selfRollups: selfRollups)
    }

    var nodes: [IndicatorNode] { index.template.nodes }
}
