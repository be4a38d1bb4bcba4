/// An exact multiplier with three decimals: ×1.5, ×2, ×1.25.
///
/// Stored as thousandths so that multiplying points stays integer arithmetic.
/// In JSON a factor is a number (`1.5`); more than three decimals are rejected.
public struct Factor: Sendable, Hashable, Comparable, Codable, ExpressibleByFloatLiteral,
    ExpressibleByIntegerLiteral, CustomStringConvertible
{
    /// The factor in thousandths: 1500 for ×1.5.
    public let thousandths: Int64

    /// Creates a factor from thousandths (1500 is ×1.5).
    public init(thousandths: Int64) { self.thousandths = thousandths }

    /// Creates a factor from a decimal value, rounded to three decimals.
    /// Non-finite or negative values become ×1; use ``init(validating:)`` to reject them.
    public init(_ value: Double) {
        self.thousandths = (try? Factor(validating: value).thousandths) ?? 1000
    }

    /// Creates a factor, rejecting negative, non-finite, larger than ×1000 or more than three decimals.
    /// - Throws: ``LoyaltyError/Code/invalidInput``.
    public init(validating value: Double) throws {
        guard value.isFinite, value >= 0, value <= 1000 else {
            throw LoyaltyError(.invalidInput, "a factor must be between 0 and 1000, got \(value)")
        }
        let scaled = (value * 1000).rounded()
        guard abs(scaled - value * 1000) < 1e-6 else {
            throw LoyaltyError(.invalidInput, "a factor has at most three decimals, got \(value)")
        }
        self.thousandths = Int64(scaled)
    }

    /// Creates a factor from a literal: `1.5`.
    public init(floatLiteral value: Double) { self.init(value) }
    /// Creates a whole factor from a literal: `2`.
    public init(integerLiteral value: Int64) { self.thousandths = value * 1000 }

    /// ×1.
    public static let one = Factor(thousandths: 1000)

    /// The factor as a decimal number.
    public var value: Double { Double(thousandths) / 1000 }

    /// `×1.5`.
    public var description: String {
        var text = String(thousandths / 1000)
        var fraction = thousandths % 1000
        if fraction != 0 {
            var digits = ""
            var divisor: Int64 = 100
            while fraction > 0 {
                digits += String(fraction / divisor)
                fraction %= divisor
                divisor /= 10
            }
            text += "." + digits
        }
        return "×" + text
    }

    public static func < (lhs: Factor, rhs: Factor) -> Bool { lhs.thousandths < rhs.thousandths }

    /// The extra points a multiplier adds on top of `base`: `base × (factor − 1)`, rounded down.
    /// Negative when the factor is below one. `nil` on overflow.
    func extra(on base: Int64) -> Int64? {
        guard base >= 0 else { return nil }
        if thousandths >= 1000 {
            return PointsRounding.down.apply(base, times: thousandths - 1000, over: 1000)
        }
        return PointsRounding.up.apply(base, times: 1000 - thousandths, over: 1000).map { -$0 }
    }

    /// `base × factor`, rounded down. `nil` on overflow.
    func scaled(_ base: Int64) -> Int64? {
        PointsRounding.down.apply(base, times: thousandths, over: 1000)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Double.self)
        do {
            try self.init(validating: value)
        } catch let error as LoyaltyError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
