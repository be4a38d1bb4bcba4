import Foundation

/// An exact amount of money: a whole number of minor units (cents, pence, yen) in one currency.
///
/// Money is never a floating-point number. Arithmetic is checked: adding amounts in
/// different currencies, or overflowing 64 bits, throws instead of crashing or wrapping.
///
/// ```swift
/// let stay = try Money(major: 120, currency: .eur)      // €120.00
/// let spa = Money(minorUnits: 4_550, currency: .eur)    // €45.50
/// let total = try stay + spa                            // €165.50
/// ```
///
/// In JSON, money is `{"minorUnits": 16550, "currency": "EUR"}`.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount in minor units of ``currency`` (cents for EUR). May be negative.
    public var minorUnits: Int64
    /// The currency of the amount.
    public var currency: Currency

    /// Creates an amount from minor units: `Money(minorUnits: 1999, currency: .eur)` is €19.99.
    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Creates an amount from whole major units: `Money(major: 20, currency: .eur)` is €20.00.
    /// - Throws: ``LoyaltyError/Code/overflow`` when the amount does not fit in 64 bits of minor units.
    public init(major: Int64, currency: Currency) throws {
        let (value, overflow) = major.multipliedReportingOverflow(by: currency.minorUnitsPerMajorUnit)
        guard !overflow else {
            throw LoyaltyError(.overflow, "\(major) \(currency.code) does not fit in 64-bit minor units")
        }
        self.init(minorUnits: value, currency: currency)
    }

    /// Parses a decimal string such as `"120.50"` exactly, with at most the currency's minor digits.
    /// - Throws: ``LoyaltyError/Code/invalidInput`` for anything that is not a plain decimal
    ///   number with at most `currency.minorUnitDigits` decimals; ``LoyaltyError/Code/overflow``
    ///   when it does not fit.
    public init(parsing text: String, currency: Currency) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digits = Substring(trimmed)
        var negative = false
        if digits.first == "-" || digits.first == "+" {
            negative = digits.first == "-"
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty || parts.count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              !(parts.count == 2 && parts[1].isEmpty && parts[0].isEmpty)
        else {
            throw LoyaltyError(.invalidInput, "'\(text)' is not a decimal amount")
        }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= currency.minorUnitDigits else {
            throw LoyaltyError(.invalidInput, "'\(text)' has more than \(currency.minorUnitDigits) decimals for \(currency.code)")
        }
        let padded = String(fraction) + String(repeating: "0", count: currency.minorUnitDigits - fraction.count)
        let whole = parts[0].isEmpty ? "0" : String(parts[0])
        guard let value = Int64(whole + padded) else {
            throw LoyaltyError(.overflow, "'\(text)' does not fit in 64-bit minor units")
        }
        self.init(minorUnits: negative ? -value : value, currency: currency)
    }

    /// Zero in the given currency.
    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    /// Whether the amount is zero.
    public var isZero: Bool { minorUnits == 0 }

    /// Adds two amounts of the same currency.
    /// - Throws: ``LoyaltyError/Code/currencyMismatch`` or ``LoyaltyError/Code/overflow``.
    public static func + (lhs: Money, rhs: Money) throws -> Money {
        try lhs.combined(with: rhs, operation: "add") { $0.addingReportingOverflow($1) }
    }

    /// Subtracts two amounts of the same currency.
    /// - Throws: ``LoyaltyError/Code/currencyMismatch`` or ``LoyaltyError/Code/overflow``.
    public static func - (lhs: Money, rhs: Money) throws -> Money {
        try lhs.combined(with: rhs, operation: "subtract") { $0.subtractingReportingOverflow($1) }
    }

    /// Multiplies an amount by a whole number (a quantity).
    /// - Throws: ``LoyaltyError/Code/overflow``.
    public func multiplied(by factor: Int64) throws -> Money {
        let (value, overflow) = minorUnits.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw LoyaltyError(.overflow, "\(self) × \(factor) overflows") }
        return Money(minorUnits: value, currency: currency)
    }

    private func combined(
        with other: Money,
        operation: String,
        _ body: (Int64, Int64) -> (partialValue: Int64, overflow: Bool)
    ) throws -> Money {
        guard currency == other.currency else {
            throw LoyaltyError(.currencyMismatch, "cannot \(operation) \(other.currency.code) and \(currency.code) amounts")
        }
        let (value, overflow) = body(minorUnits, other.minorUnits)
        guard !overflow else { throw LoyaltyError(.overflow, "\(self) and \(other): result overflows") }
        return Money(minorUnits: value, currency: currency)
    }

    /// The amount as a decimal string without symbol: `"120.50"`, `"-3.07"`, `"1500"` (JPY).
    public var decimalString: String {
        let scale = currency.minorUnitsPerMajorUnit
        let magnitude = minorUnits.magnitude
        let whole = magnitude / UInt64(scale)
        var text = minorUnits < 0 ? "-" : ""
        text += String(whole)
        if currency.minorUnitDigits > 0 {
            let fraction = String(magnitude % UInt64(scale))
            text += "." + String(repeating: "0", count: currency.minorUnitDigits - fraction.count) + fraction
        }
        return text
    }

    /// The amount with its symbol or code: `"€120.50"`, `"CHF 12.00"`.
    public var description: String {
        minorUnits < 0
            ? "-" + currency.symbol + String(decimalString.dropFirst())
            : currency.symbol + decimalString
    }
}

extension Money: Comparable {
    /// Orders amounts of the same currency by value; amounts in different currencies order by code.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        lhs.currency == rhs.currency ? lhs.minorUnits < rhs.minorUnits : lhs.currency.code < rhs.currency.code
    }
}
