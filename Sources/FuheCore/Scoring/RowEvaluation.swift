import Foundation

/// The engine's reading of one scoresheet leaf: the suggested score (if the method can suggest
/// one), the range a review score must respect beyond the node's own limits, the exact measure
/// used, a one-sentence Chinese explanation and the row flags (e.g. `OVERSHOOT`).
///
/// The explanation and the measure are computed when first read, not when the row is scored:
/// rescoring a whole store needs neither, the detail pane, documents and the CLI read them.
public struct RowEvaluation: Hashable, Sendable {
    public var nodeID: String
    /// Suggested score; nil for MANUAL, ADJUST, TRIAL, missing input or division by zero.
    public var suggestion: Score?
    /// QUAL_3LEVEL band of the chosen level, or the TIERED tier's [points, points_max].
    public var allowedRange: ClosedRange<Score>?
    /// Row flags (warnings), e.g. `OVERSHOOT`.
    public var flags: [ValidationMessage]
    private var deferred: Deferred

    /// The exact rate or value scored (e.g. 82.446…% for BUDGET_EXEC), never rounded.
    public var measure: Decimal? {
        get {
            switch deferred {
            case .apart(let measure, _): return measure()
            case .together(let both): return both().measure
            case .again(let recipe, let position): return recipe.evaluate(position).measure
            }
        }
        set { deferred = .apart(measure: { newValue }, explanation: explaining) }
    }

    /// How the suggestion was computed, one Chinese sentence.
    public var explanation: String {
        get {
            if case .again(let recipe, let position) = deferred { return recipe.evaluate(position).explanation }
            return explaining()
        }
        set { deferred = .apart(measure: measuring, explanation: { newValue }) }
    }

    /// `measure` and `explanation` are evaluated when first read (each at most once per read).
    public init(nodeID: String, suggestion: Score? = nil, allowedRange: ClosedRange<Score>? = nil,
                measure: @autoclosure @escaping @Sendable () -> Decimal? = nil,
                explanation: @autoclosure @escaping @Sendable () -> String, flags: [ValidationMessage] = []) {
        self.nodeID = nodeID
        self.suggestion = suggestion
        self.allowedRange = allowedRange
        self.deferred = .apart(measure: measure, explanation: explanation)
        self.flags = flags
    }

    /// The same with the measure and the explanation made, when read, by one closure: one
    /// allocated context per row instead of two (the engine's methods; a store's rescoring
    /// evaluates 120,000 rows and reads neither).
    init(nodeID: String, suggestion: Score?, allowedRange: ClosedRange<Score>? = nil, flags: [ValidationMessage] = [],
         explained: @escaping @Sendable () -> (measure: Decimal?, explanation: String)) {
        self.nodeID = nodeID
        self.suggestion = suggestion
        self.allowedRange = allowedRange
        self.deferred = .together(explained)
        self.flags = flags
    }

    /// The same with the measure and the explanation made, when read, by evaluating the row again
    /// from `recipe` (`DossierScorer`: no allocation per row).
    init(nodeID: String, suggestion: Score?, allowedRange: ClosedRange<Score>?, flags: [ValidationMessage],
         recipe: RowRecipe, position: Int) {
        self.nodeID = nodeID
        self.suggestion = suggestion
        self.allowedRange = allowedRange
        self.deferred = .again(recipe, position)
        self.flags = flags
    }

    /// The position the row's recipe evaluates it at, when its measure and explanation are made
    /// from a recipe (the memo keeps such a row without the recipe).
    var recipePosition: Int? {
        if case .again(_, let position) = deferred { return position }
        return nil
    }

    /// The recipe the measure and explanation are made from, if any.
    var recipe: RowRecipe? {
        if case .again(let recipe, _) = deferred { return recipe }
        return nil
    }

    private var measuring: @Sendable () -> Decimal? {
        switch deferred {
        case .apart(let measure, _): return measure
        case .together(let both): return { both().measure }
        case .again(let recipe, let position): return { recipe.evaluate(position).measure }
        }
    }

    private var explaining: @Sendable () -> String {
        switch deferred {
        case .apart(_, let explanation): return explanation
        case .together(let both): return { both().explanation }
        case .again(let recipe, let position): return { recipe.evaluate(position).explanation }
        }
    }

    public static func == (a: RowEvaluation, b: RowEvaluation) -> Bool {
        a.nodeID == b.nodeID && a.suggestion == b.suggestion && a.allowedRange == b.allowedRange
            && a.flags == b.flags && a.measure == b.measure && a.explanation == b.explanation
    }

    /// Hashes the eagerly computed parts (equal rows hash alike; the text is not built for it).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(nodeID)
        hasher.combine(suggestion)
        hasher.combine(allowedRange)
        hasher.combine(flags)
    }
}

/// How a row's measure and explanation are made when read: by a closure each, by one for both, or
/// by evaluating the row again from its scoring's recipe.
/// (Closures kept as their own function types: a generic wrapper would reabstract each through
/// one more allocated context per row.)
private enum Deferred: Sendable {
    case apart(measure: @Sendable () -> Decimal?, explanation: @Sendable () -> String)
    case together(@Sendable () -> (measure: Decimal?, explanation: String))
    case again(RowRecipe, Int)
}
