import Foundation

/// The engine's reading of one scoresheet leaf: the suggested score (if the method can suggest
/// one), the range a review score must respect beyond the node's own limits, the exact measure
/// used, a one-sentence Chinese explanation and the row flags (e.g. `OVERSHOOT`).
public struct RowEvaluation: Hashable, Sendable {
    public var nodeID: String
    /// Suggested score; nil for MANUAL, ADJUST, TRIAL, missing input or division by zero.
    public var suggestion: Score?
    /// QUAL_3LEVEL band of the chosen level, or the TIERED tier's [points, points_max].
    public var allowedRange: ClosedRange<Score>?
    /// The exact rate or value scored (e.g. 82.446…% for BUDGET_EXEC), never rounded.
    public var measure: Decimal?
    /// How the suggestion was computed, one Chinese sentence.
    public var explanation: String
    /// Row flags (warnings), e.g. `OVERSHOOT`.
    public var flags: [ValidationMessage]

    public init(nodeID: String, suggestion: Score? = nil, allowedRange: ClosedRange<Score>? = nil,
                measure: Decimal? = nil, explanation: String, flags: [ValidationMessage] = []) {
        self.nodeID = nodeID
        self.suggestion = suggestion
        self.allowedRange = allowedRange
        self.measure = measure
        self.explanation = explanation
        self.flags = flags
    }
}
