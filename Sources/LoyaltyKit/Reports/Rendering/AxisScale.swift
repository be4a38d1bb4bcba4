import Foundation

/// A value axis with "nice" round ticks (steps of 1, 2 or 5 times a power of ten) that covers
/// the data, used by the SVG charts. Every number it holds is finite, whatever the input.
struct AxisScale {
    /// The bottom of the axis (the first tick).
    let lower: Double
    /// The top of the axis (the last tick).
    let upper: Double
    /// The distance between ticks.
    let step: Double
    /// The decimals a tick label needs for this step.
    let fractionDigits: Int

    /// The largest magnitude the scale works with; larger data are clamped, so no sum overflows.
    private static let limit = 1e300

    /// A scale covering `values` (non-finite ones are ignored), including zero when asked;
    /// `[0, 1]` when there is nothing to cover.
    init(covering values: [Double], includingZero: Bool, targetTicks: Int = 5) {
        let finite = values.filter(\.isFinite).map { min(max($0, -Self.limit), Self.limit) }
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if includingZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if !(high > low) {
            if low == 0 {
                high = 1
            } else {
                let half = abs(low) / 2
                low -= half
                high += half
            }
        }
        var step = Self.niceStep((high - low) / Double(max(targetTicks, 1)))
        if !(step.isFinite && step > 0) { step = 1 }
        var lower = (low / step).rounded(.down) * step
        var upper = (high / step).rounded(.up) * step
        if !(lower.isFinite && upper.isFinite && upper > lower) {
            lower = 0
            upper = 1
            step = 1
        }
        self.lower = lower
        self.upper = upper
        self.step = step
        let exponent = log10(step).rounded(.down)
        fractionDigits = exponent.isFinite ? min(max(Int(-exponent), 0), 20) : 0
    }

    /// The tick values from ``lower`` to ``upper``, at most 50.
    var ticks: [Double] {
        let count = min(Int(((upper - lower) / step).rounded()), 49)
        return (0...max(count, 0)).map { lower + Double($0) * step }
    }

    /// The position of `value` along the axis: 0 at ``lower``, 1 at ``upper`` (not clamped).
    func fraction(of value: Double) -> Double {
        let result = (min(max(value, -Self.limit), Self.limit) - lower) / (upper - lower)
        return result.isFinite ? result : 0
    }

    /// A tick label: the value with the decimals the step needs; in exponent notation
    /// (`1e+20`) from 10^15 up, where digits would only fill the margin.
    func label(_ value: Double) -> String {
        if max(abs(lower), abs(upper)) >= 1e15 { return value == 0 ? "0" : value.description }
        return DecimalText.format(value, fractionDigits: fractionDigits) ?? ""
    }

    /// The smallest of 1, 2, 5 or 10 times a power of ten that is at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }
}
