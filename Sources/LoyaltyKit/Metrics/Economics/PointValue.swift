/// What points cost the business: an amount of money per number of points, such as
/// €1.00 per 200 points.
///
/// It values the outstanding balance (the liability) and the points redeemed (the reward
/// cost). Results are rounded half away from zero to the minor unit.
public struct PointValue: Sendable, Hashable {
    /// The money…
    public let money: Money
    /// …per this many points.
    public let points: Int64

    /// Creates a value.
    /// - Parameters:
    ///   - money: the cost of `points` points; not negative.
    ///   - points: how many points cost `money`; positive.
    /// - Throws: ``LoyaltyError/Code/invalidInput`` for a negative amount or non-positive points.
    public init(_ money: Money, per points: Int64 = 1) throws {
        guard money.minorUnits >= 0 else { throw LoyaltyError(.invalidInput, "a point value must not be negative, got \(money)") }
        guard points > 0 else { throw LoyaltyError(.invalidInput, "a point value needs a positive number of points, got \(points)") }
        self.money = money
        self.points = points
    }

    /// The cost of `count` points, rounded half away from zero to the minor unit; saturates
    /// at the limits of 64 bits.
    /// - Parameter count: the points; may be negative.
    public func value(of count: Int64) -> Money {
        // |count| × money as a 128-bit product, divided by points with rounding.
        let product = count.magnitude.multipliedFullWidth(by: UInt64(money.minorUnits))
        let divisor = UInt64(points)
        guard product.high < divisor else {
            return Money(minorUnits: count < 0 ? .min : .max, currency: money.currency)
        }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        let rounded = Int64(clamping: quotient &+ (remainder >= divisor - remainder ? 1 : 0))
        return Money(minorUnits: count < 0 ? -rounded : rounded, currency: money.currency)
    }
}
