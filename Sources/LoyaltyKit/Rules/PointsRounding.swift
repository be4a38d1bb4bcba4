/// How a fractional number of points becomes a whole one.
public enum PointsRounding: String, Sendable, Hashable, Codable, CaseIterable {
    /// Toward zero: 12.9 → 12. The default for earning.
    case down
    /// Away from zero: 12.1 → 13.
    case up
    /// To the nearest whole number, halves away from zero: 12.5 → 13, 12.4 → 12.
    case nearest

    /// `numerator × multiplier / divisor`, rounded, computed exactly in 128 bits.
    /// Returns `nil` when the divisor is not positive or the result does not fit in 64 bits.
    /// Expects non-negative inputs.
    func apply(_ numerator: Int64, times multiplier: Int64, over divisor: Int64) -> Int64? {
        guard divisor > 0, numerator >= 0, multiplier >= 0 else { return nil }
        let product = UInt64(numerator).multipliedFullWidth(by: UInt64(multiplier))
        guard product.high < UInt64(divisor) else { return nil }
        let (quotient, remainder) = UInt64(divisor).dividingFullWidth(product)
        var result = quotient
        switch self {
        case .down: break
        case .up: if remainder > 0 { result += 1 }
        case .nearest: if remainder >= UInt64(divisor) - remainder { result += 1 }
        }
        return result <= UInt64(Int64.max) ? Int64(result) : nil
    }
}
