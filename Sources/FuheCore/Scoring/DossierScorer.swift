/// Scores a whole dossier: evaluates every leaf, rolls the three views up the tree, computes
/// totals, grades, the deviation and all warnings (spec §3.2, §3.5–§3.8).
///
/// ```swift
/// let scored = DossierScorer.score(dossier, scheme: mof4)
/// scored.total(.review).value      // 95.00
/// scored.deviation?.diff           // +6.00
/// ```
public enum DossierScorer {
    /// Scores with the shared index of the dossier's template (built once per template; rows whose
    /// inputs did not change since the last scoring of the same dossier are reused).
    public static func score(_ dossier: Dossier, scheme: GradeScheme,
                             thresholds: DeviationThresholds = .default) -> ScoredDossier {
        score(dossier, scheme: scheme, thresholds: thresholds, index: IndexCache.shared.index(for: dossier.template))
    }

    /// Scores with a given template index (rebuilt if it was made from another template).
    public static func score(_ dossier: Dossier, scheme: GradeScheme, thresholds: DeviationThresholds = .default,
                             index given: TemplateIndex) -> ScoredDossier {
        let index = given.matches(dossier.template) ? given : TemplateIndex(dossier.template)
        let count = index.ids.count
        let results = PositionedResults(dossier.results, ids: index.ids)
        var rows = [RowEvaluation?](repeating: nil, count: count)
        var suggestions = [Score?](repeating: nil, count: count)
        var selfScores = [Score?](repeating: nil, count: count)
        var reviewScores = [Score?](repeating: nil, count: count)
        var rowFlags: [ValidationMessage] = []
        var reviewed = 0, scorable = 0
        var memo = index.memo.take(for: dossier.id, count: count)
        let rowRule = RowDeviationRule.make(thresholds)
        for p in 0..<count {
            selfScores[p] = results.selfScore(p)
            reviewScores[p] = results.reviewScore(p)
        }
        // Nodes are read in place (a node copied per use costs a memcpy and a retain of each of its strings).
        let nodes = index.template.nodes
        // The rows' measures and explanations are made from this when read (one object, not a closure per row).
        let budget = BudgetFigures(dossier.evaluation)
        let recipe = RowRecipe(index: index, results: results, budget: budget, thresholds: thresholds)
        for p in index.leafPositions {
            let target = results.target(p), actual = results.effectiveActual(p)
            let row: RowEvaluation
            if let entry = memo?[p], entry.inputs.matches(target: target, actual: actual, dossier.evaluation, thresholds) {
                row = entry.row(from: recipe)
            } else {
                row = ScoringEngine.evaluate(nodes: nodes, at: p, actual: actual, target: target, budget: budget,
                                             thresholds: thresholds, checklistNames: index.checklistNames[p], recipe: recipe)
                memo?[p] = RowMemo.Entry(inputs: RowInputs(target: target, actual: actual, evaluation: dossier.evaluation,
                                                           thresholds: thresholds), row: row)
            }
            suggestions[p] = row.suggestion
            if !row.flags.isEmpty { rowFlags += row.flags }
            rows[p] = row
            guard index.kinds[p] != .trial else { continue }
            scorable += 1
            guard let status = results.status(p) else { continue }
            if status == .reviewed { reviewed += 1 }
            if let flag = rowRule.flag(index, p, selfScore: selfScores[p], reviewScore: reviewScores[p]) {
                rowFlags.append(flag)
            }
        }
        if let memo { index.memo.save(memo, for: dossier.id) }

        let selfRollups = index.rollups(leaf: { selfScores[$0] }, stated: { selfScores[$0] })
        let reviewRollups = index.rollups(leaf: { reviewScores[$0] })
        let suggestedRollups = index.rollups(leaf: { suggestions[$0] })
        let totals = (selfStated: index.total(selfRollups), review: index.total(reviewRollups),
                      suggested: index.total(suggestedRollups))

        let computedSelf = totals.selfStated.complete ? totals.selfStated.value : nil
        let selfUsed = dossier.evaluation.finalStatedTotal ?? computedSelf
        let reviewTotal = totals.review.complete ? totals.review.value : nil
        var deviation: Deviation?
        if let selfUsed, let reviewTotal {
            deviation = Deviation(selfTotal: selfUsed, reviewTotal: reviewTotal, scheme: scheme, thresholds: thresholds)
        }

        var messages = rowFlags
        messages += deviation?.flags ?? []
        let context = CheckContext(index: index, results: results, selfScores: selfScores, selfRollups: selfRollups)
        DossierChecks.warnings(dossier, context, scheme: scheme, thresholds: thresholds, into: &messages)
        return ScoredDossier(
            rows: ScoredRows(index: index, byPosition: rows), index: index, selfRollups: selfRollups, reviewRollups: reviewRollups,
            suggestedRollups: suggestedRollups, totals: totals, selfTotalUsed: selfUsed,
            selfGrade: selfUsed.flatMap { scheme.grade(for: $0) },
            reviewGrade: reviewTotal.flatMap { scheme.grade(for: $0) }, deviation: deviation,
            messages: messages, reviewedLeafCount: reviewed, scorableLeafCount: scorable)
    }
}
