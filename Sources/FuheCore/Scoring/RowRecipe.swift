/// The budget figures BUDGET_EXEC reads from the self-evaluation (all a row needs of it).
struct BudgetFigures: Sendable {
    var executed: Money?
    var fullYear: Money?

    init(_ evaluation: SelfEvaluation) {
        executed = evaluation.executed
        fullYear = evaluation.budgetFullYear
    }
}

/// What the rows of one `DossierScorer` scoring are evaluated from, shared by all of them (one
/// object per dossier): a row keeps it and its position, and its measure and explanation are made
/// when read by evaluating that row again from the same inputs — instead of a closure context
/// allocated (and freed) per row at every scoring, which rescoring a store never reads.
final class RowRecipe: Sendable {
    let index: TemplateIndex
    let results: PositionedResults
    let budget: BudgetFigures
    let thresholds: DeviationThresholds

    init(index: TemplateIndex, results: PositionedResults, budget: BudgetFigures, thresholds: DeviationThresholds) {
        self.index = index
        self.results = results
        self.budget = budget
        self.thresholds = thresholds
    }

    /// The row at `position` as the engine evaluates it with its closures (no recipe).
    func evaluate(_ position: Int) -> RowEvaluation {
        ScoringEngine.evaluate(nodes: index.template.nodes, at: position, actual: results.effectiveActual(position),
                               target: results.target(position), budget: budget, thresholds: thresholds,
                               checklistNames: index.checklistNames[position])
    }
}
