/// One customer's calibration-period summary together with what the customer
/// actually did in the following holdout period, for out-of-sample checks
/// (as `lifetimes.utils.calibration_and_holdout_data`).
///
/// Only customers whose first purchase falls in the calibration period appear.
public struct CalibrationHoldoutSummary: Hashable, Sendable {
    /// Summary over the calibration period (first purchase … calibration end).
    public var calibration: PurchaseHistorySummary
    /// Number of distinct purchase days in the holdout period (all are repeat purchases).
    public var holdoutFrequency: Int
    /// Mean value of the holdout purchase days in minor units (0 if none).
    public var holdoutMonetaryValue: Double
    /// Length of the holdout period in the calibration summary's time unit.
    public var holdoutDuration: Double

    /// Memberwise initialiser.
    public init(calibration: PurchaseHistorySummary, holdoutFrequency: Int, holdoutMonetaryValue: Double,
                holdoutDuration: Double) {
        self.calibration = calibration
        self.holdoutFrequency = holdoutFrequency
        self.holdoutMonetaryValue = holdoutMonetaryValue
        self.holdoutDuration = holdoutDuration
    }
}
