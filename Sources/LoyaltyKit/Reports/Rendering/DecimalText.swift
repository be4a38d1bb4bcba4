/// Locale-independent decimal formatting of `Double`s with rounding half away from zero.
///
/// Rounding works on the shortest decimal text that reads back as the same `Double` (Swift's
/// `description`), so `2.675` rounds to `"2.68"` as a person expects, even though the nearest
/// binary value is slightly below 2.675. Shifting by powers of ten (percentages) is exact for
/// the same reason: `0.145` is `"14.5"` percent.
enum DecimalText {
    /// The most fraction digits the renderers print.
    static let maximumFractionDigits = 30

    /// `value × 10^shift` rounded half away from zero to `fractionDigits` decimals (clamped to
    /// `0...maximumFractionDigits`), without grouping or exponent; `nil` for NaN and infinities.
    /// A result that rounds to zero carries no minus sign.
    static func format(_ value: Double, fractionDigits: Int, shift: Int = 0) -> String? {
        guard value.isFinite else { return nil }
        let fractionDigits = min(max(fractionDigits, 0), maximumFractionDigits)
        var (digits, point) = decimalDigits(of: value.magnitude)
        point += shift
        let keep = point + fractionDigits
        if keep < digits.count {
            let roundsUp = keep >= 0 && digits[keep] >= 5
            digits.removeSubrange(max(keep, 0)...)
            if roundsUp {
                var index = digits.count - 1
                while index >= 0, digits[index] == 9 {
                    digits[index] = 0
                    index -= 1
                }
                if index >= 0 {
                    digits[index] += 1
                } else {
                    digits.insert(1, at: 0)
                    point += 1
                }
            }
        }
        func digit(at index: Int) -> UInt8 { index >= 0 && index < digits.count ? digits[index] : 0 }
        var bytes: [UInt8] = []
        if point <= 0 {
            bytes.append(UInt8(ascii: "0"))
        } else {
            for index in 0..<point { bytes.append(UInt8(ascii: "0") + digit(at: index)) }
        }
        if fractionDigits > 0 {
            bytes.append(UInt8(ascii: "."))
            for index in point..<(point + fractionDigits) { bytes.append(UInt8(ascii: "0") + digit(at: index)) }
        }
        let isZero = !bytes.contains { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }
        let sign = value < 0 && !isZero ? "-" : ""
        return sign + String(decoding: bytes, as: UTF8.self)
    }

    /// The significant digits of a finite non-negative value and the position of the decimal
    /// point among them (`123.45` → `[1, 2, 3, 4, 5]`, 3; `0.001` → `[1]`, -2; `0` → `[0]`, 0).
    private static func decimalDigits(of magnitude: Double) -> (digits: [UInt8], point: Int) {
        let text = magnitude.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        var digits: [UInt8] = []
        var pointIndex: Int?
        for byte in parts[0].utf8 {
            if byte == UInt8(ascii: ".") {
                pointIndex = digits.count
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits.append(byte - UInt8(ascii: "0"))
            }
        }
        var point = (pointIndex ?? digits.count) + exponent
        var leadingZeros = 0
        while leadingZeros < digits.count - 1, digits[leadingZeros] == 0 { leadingZeros += 1 }
        digits.removeFirst(leadingZeros)
        point -= leadingZeros
        if digits.isEmpty { digits = [0] }
        return (digits, point)
    }
}
