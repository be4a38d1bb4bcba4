import Foundation

// Record forms of the small values every record holds. The forms are positional and part of
// the stored format: change one only together with a new store format version.

extension Identifier: RecordCodable {
    /// The text.
    package func encode(to encoder: inout RecordEncoder) { encoder.write(rawValue) }
    package init(from decoder: inout RecordDecoder) throws { self.init(rawValue: try decoder.readString()) }
}

extension Channel: RecordCodable {
    /// The name.
    package func encode(to encoder: inout RecordEncoder) { encoder.write(rawValue) }
    package init(from decoder: inout RecordDecoder) throws { self.init(rawValue: try decoder.readString()) }
}

extension Points: RecordCodable {
    /// The count, as a zig-zag varint.
    package func encode(to encoder: inout RecordEncoder) { encoder.write(rawValue) }
    package init(from decoder: inout RecordDecoder) throws { self.init(rawValue: try decoder.readInt64()) }
}

extension Factor: RecordCodable {
    /// The thousandths, as a zig-zag varint.
    package func encode(to encoder: inout RecordEncoder) { encoder.write(thousandths) }
    package init(from decoder: inout RecordDecoder) throws { self.init(thousandths: try decoder.readInt64()) }
}

extension Currency: RecordCodable {
    /// Four bytes: the code's three letters and the minor-unit digits, so a currency outside
    /// ISO 4217 reads back exactly as it was.
    package func encode(to encoder: inout RecordEncoder) { encoder.writeFixed(packedValue) }

    package init(from decoder: inout RecordDecoder) throws {
        guard let currency = Currency(packedValue: try decoder.readFixed32()) else { throw decoder.damaged("an invalid currency") }
        self = currency
    }
}

extension Money: RecordCodable {
    /// The minor units (zig-zag varint), then the currency.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(minorUnits)
        encoder.write(currency)
    }

    package init(from decoder: inout RecordDecoder) throws {
        let minorUnits = try decoder.readInt64()
        self.init(minorUnits: minorUnits, currency: try decoder.read())
    }
}
