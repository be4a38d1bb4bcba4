/// An ISO 4217 currency: its three-letter code and the number of digits of its minor unit.
///
/// Use the constants (``eur``, ``usd``, …) or look a code up with ``init(code:)``, which
/// knows every active ISO 4217 currency and throws ``LoyaltyError/Code/unknownCurrency``
/// for anything else. A currency with custom minor digits can be made with
/// ``init(code:minorUnitDigits:)`` (for example a private token).
///
/// A currency is packed into four bytes (the code's three letters and the digits), so
/// money is a plain 16-byte value that copies without reference counting.
public struct Currency: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code's three ASCII letters and the minor digits, one byte each.
    private let packed: UInt32

    /// The three-letter ISO 4217 code, upper case: `"EUR"`.
    public var code: String {
        String(decoding: [UInt8(packed & 0xFF), UInt8(packed >> 8 & 0xFF), UInt8(packed >> 16 & 0xFF)], as: UTF8.self)
    }

    /// How many decimal digits the minor unit has: 2 for EUR (cents), 0 for JPY, 3 for KWD.
    public var minorUnitDigits: Int { Int(packed >> 24) }

    private init(letters code: String, digits: Int) {
        var value = UInt32(digits) << 24
        for (index, byte) in code.utf8.prefix(3).enumerated() { value |= UInt32(byte) << (8 * UInt32(index)) }
        packed = value
    }

    /// Looks up an ISO 4217 currency by its code (case-insensitive).
    /// - Throws: ``LoyaltyError/Code/unknownCurrency`` when the code is not an active ISO 4217 code.
    public init(code: String) throws {
        let upper = code.uppercased()
        guard let digits = Currency.iso4217[upper] else {
            throw LoyaltyError(.unknownCurrency, "unknown ISO 4217 currency code '\(code)'")
        }
        self.init(letters: upper, digits: digits)
    }

    /// Creates a currency that is not in the ISO 4217 table, with explicit minor digits.
    /// - Throws: ``LoyaltyError/Code/invalidInput`` when the code is not three ASCII letters
    ///   or the digits are outside 0...4.
    public init(code: String, minorUnitDigits: Int) throws {
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw LoyaltyError(.invalidInput, "a currency code is three letters, got '\(code)'")
        }
        guard (0...4).contains(minorUnitDigits) else {
            throw LoyaltyError(.invalidInput, "minor unit digits must be 0...4, got \(minorUnitDigits)")
        }
        self.init(letters: code.uppercased(), digits: minorUnitDigits)
    }

    private init(known code: String, digits: Int) {
        self.init(letters: code, digits: digits)
    }

    /// The packed form (the code's three letters and the digits, one byte each, low byte
    /// first), for the binary record codec.
    package var packedValue: UInt32 { packed }

    /// A currency from its packed form, or `nil` unless the code bytes are three upper-case
    /// ASCII letters and the digits are 0...4 (the form every currency has).
    package init?(packedValue: UInt32) {
        func isLetter(_ byte: UInt32) -> Bool { (65...90).contains(byte) }
        guard isLetter(packedValue & 0xFF), isLetter(packedValue >> 8 & 0xFF), isLetter(packedValue >> 16 & 0xFF),
              packedValue >> 24 <= 4
        else { return nil }
        packed = packedValue
    }

    /// How many minor units make one major unit: 100 for EUR, 1 for JPY.
    public var minorUnitsPerMajorUnit: Int64 {
        var value: Int64 = 1
        for _ in 0..<minorUnitDigits { value *= 10 }
        return value
    }

    public var description: String { code }

    /// Euro.
    public static let eur = Currency(known: "EUR", digits: 2)
    /// US dollar.
    public static let usd = Currency(known: "USD", digits: 2)
    /// Pound sterling.
    public static let gbp = Currency(known: "GBP", digits: 2)
    /// Swiss franc.
    public static let chf = Currency(known: "CHF", digits: 2)
    /// Japanese yen (no minor unit).
    public static let jpy = Currency(known: "JPY", digits: 0)

    /// The symbol used in explanations, or the code when there is no common symbol.
    var symbol: String {
        switch code {
        case "EUR": "€"
        case "USD": "$"
        case "GBP": "£"
        case "JPY": "¥"
        default: code + " "
        }
    }

    private enum CodingKeys: String, CodingKey { case code, minorUnitDigits }

    /// Reads an ISO 4217 code (`"EUR"`), or `{"code": "XPT", "minorUnitDigits": 0}` for a
    /// currency outside the table.
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer(), let code = try? container.decode(String.self) {
            do {
                try self.init(code: code)
            } catch let error as LoyaltyError {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "\(error.message); write {\"code\": \"\(code)\", \"minorUnitDigits\": n} for a currency outside ISO 4217")
            }
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decode(String.self, forKey: .code)
        let digits = try container.decode(Int.self, forKey: .minorUnitDigits)
        do {
            try self.init(code: code, minorUnitDigits: digits)
        } catch let error as LoyaltyError {
            throw DecodingError.dataCorruptedError(forKey: .code, in: container, debugDescription: error.message)
        }
    }

    /// Writes the ISO 4217 code, or the object form for a currency outside the table (or with
    /// other digits than the table's), so that every currency reads back as it was.
    public func encode(to encoder: any Encoder) throws {
        if Currency.iso4217[code] == minorUnitDigits {
            var container = encoder.singleValueContainer()
            try container.encode(code)
        } else {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(minorUnitDigits, forKey: .minorUnitDigits)
        }
    }

    /// Active ISO 4217 codes and their minor-unit digits.
    static let iso4217: [String: Int] = {
        var table: [String: Int] = [:]
        let twoDigits = """
            AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD \
            CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD \
            GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD \
            MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP \
            PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS \
            TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD YER ZAR ZMW ZWG
            """
        for code in twoDigits.split(separator: " ") { table[String(code)] = 2 }
        for code in ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"] {
            table[code] = 0
        }
        for code in ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"] { table[code] = 3 }
        for code in ["CLF", "UYW"] { table[code] = 4 }
        return table
    }()
}
