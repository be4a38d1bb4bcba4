import Foundation

// Interim record forms through JSON, until the hand-written field-by-field forms replace
// them: a varint length and the JSON bytes.

private func encodeJSON(_ value: some Encodable, to encoder: inout RecordEncoder) {
    let data = (try? JSONEncoder().encode(value)) ?? Data()
    encoder.write(UInt64(data.count))
    encoder.write(raw: data)
}

private func decodeJSON<T: Decodable>(_ type: T.Type, from decoder: inout RecordDecoder) throws -> T {
    let count = try decoder.readCount()
    let bytes = try decoder.readRaw(count)
    do { return try JSONDecoder().decode(T.self, from: Data(bytes)) } catch {
        throw decoder.damaged("undecodable \(T.self)")
    }
}

extension Customer: RecordCodable {
    package func encode(to encoder: inout RecordEncoder) { encodeJSON(self, to: &encoder) }
    package init(from decoder: inout RecordDecoder) throws { self = try decodeJSON(Customer.self, from: &decoder) }
}

extension Activity: RecordCodable {
    package func encode(to encoder: inout RecordEncoder) { encodeJSON(self, to: &encoder) }
    package init(from decoder: inout RecordDecoder) throws { self = try decodeJSON(Activity.self, from: &decoder) }
}

extension Outcome: RecordCodable {
    package func encode(to encoder: inout RecordEncoder) { encodeJSON(self, to: &encoder) }
    package init(from decoder: inout RecordDecoder) throws { self = try decodeJSON(Outcome.self, from: &decoder) }
}

extension MemberState: RecordCodable {
    package func encode(to encoder: inout RecordEncoder) { encodeJSON(self, to: &encoder) }
    package init(from decoder: inout RecordDecoder) throws { self = try decodeJSON(MemberState.self, from: &decoder) }
}

extension LedgerEntry: RecordCodable {
    package func encode(to encoder: inout RecordEncoder) { encodeJSON(self, to: &encoder) }
    package init(from decoder: inout RecordDecoder) throws { self = try decodeJSON(LedgerEntry.self, from: &decoder) }
}
