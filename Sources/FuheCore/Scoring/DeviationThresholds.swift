import Foundation

/// Configurable thresholds of the self-vs-review comparison and of the row/report flags
/// (spec §3.7; defaults inferred: 5 points, 20% of the row weight, overshoot 1.2, execution 90%).
public struct DeviationThresholds: Hashable, Sendable {
    /// DEV_TOTAL when |self total − review total| ≥ this.
    public var totalPoints: Score
    /// DEV_ROW when |self − review| on a row ≥ this fraction of the row weight.
    public var rowWeightFraction: Decimal
    /// OVERSHOOT ratio for PROP_POS rows without their own ratio.
    public var overshootDefault: Decimal
    /// D-005 when the execution rate (percent) is below this.
    public var executionRateWarning: Decimal

    public init(totalPoints: Score = Score(hundredths: 500), rowWeightFraction: Decimal = Decimal(2) / 10,
                overshootDefault: Decimal = Decimal(12) / 10, executionRateWarning: Decimal = 90) {
        self.totalPoints = totalPoints
        self.rowWeightFraction = rowWeightFraction
        self.overshootDefault = overshootDefault
        self.executionRateWarning = executionRateWarning
    }

    public static let `default` = DeviationThresholds()
}
