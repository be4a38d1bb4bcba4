import Foundation

// Record forms of a customer profile. Positional and part of the stored format; the numeric
// tags of enum cases must never be renumbered or reused.

extension Customer: RecordCodable {
    /// Id, names, contacts, birthday, membership date, preferences, consents (by channel tag),
    /// referrer.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(id)
        encoder.write(givenName)
        encoder.write(familyName)
        encoder.write(email) { $0.write($1) }
        encoder.write(phone) { $0.write($1) }
        encoder.write(postalAddress) { $0.write($1) }
        encoder.write(birthday) { $0.write($1) }
        encoder.write(memberSince)
        encoder.write(preferences)
        encoder.write(UInt64(consents.count))
        for (channel, consent) in consents.sorted(by: { $0.key.recordTag < $1.key.recordTag }) {
            encoder.write(channel)
            encoder.write(consent)
        }
        encoder.write(referrerID) { $0.write($1) }
    }

    package init(from decoder: inout RecordDecoder) throws {
        let id = try decoder.read(ID.self)
        let givenName = try decoder.readString()
        let familyName = try decoder.readString()
        let email = try decoder.readOptional { try $0.readString() }
        let phone = try decoder.readOptional { try $0.readString() }
        let postalAddress = try decoder.readOptional { try $0.readString() }
        let birthday = try decoder.readOptional { try $0.read(Birthday.self) }
        let memberSince = try decoder.readDate()
        let preferences = try decoder.read(Preferences.self)
        var consents: [ContactChannel: Consent] = [:]
        var previousTag: UInt8?
        for _ in 0..<(try decoder.readCount()) {
            let channel = try decoder.read(ContactChannel.self)
            let tag = channel.recordTag
            if let previousTag, previousTag >= tag { throw decoder.damaged("consents out of order") }
            consents[channel] = try decoder.read(Consent.self)
            previousTag = tag
        }
        self.init(
            id: id, givenName: givenName, familyName: familyName, email: email, phone: phone, postalAddress: postalAddress,
            birthday: birthday, memberSince: memberSince, preferences: preferences, consents: consents,
            referrerID: try decoder.readOptional { try $0.read() })
    }
}

extension Birthday: RecordCodable {
    /// Month, day, year (optional); checked again when read.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(month)
        encoder.write(day)
        encoder.write(year) { $0.write($1) }
    }

    package init(from decoder: inout RecordDecoder) throws {
        let month = try decoder.readInt()
        let day = try decoder.readInt()
        let year = try decoder.readOptional { try $0.readInt() }
        do {
            try self.init(month: month, day: day, year: year)
        } catch {
            throw decoder.damaged("an invalid birthday \(month)/\(day)")
        }
    }
}

extension Preferences: RecordCodable {
    /// Categories (in order), preferred channel, tags (ascending).
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(categories) { $0.write($1) }
        encoder.write(preferredChannel) { $0.write($1) }
        encoder.write(sorted: tags)
    }

    package init(from decoder: inout RecordDecoder) throws {
        let categories = try decoder.readArray { try $0.readString() }
        let preferredChannel = try decoder.readOptional { try $0.read(ContactChannel.self) }
        self.init(categories: categories, preferredChannel: preferredChannel, tags: try decoder.readStringSet())
    }
}

extension Consent: RecordCodable {
    /// Granted flag, then the date.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(isGranted)
        encoder.write(date)
    }

    package init(from decoder: inout RecordDecoder) throws {
        let isGranted = try decoder.readBool()
        self.init(granted: isGranted, on: try decoder.readDate())
    }
}

extension ContactChannel: RecordCodable {
    /// The channel's tag: email 0, sms 1, push 2, phone 3, post 4.
    var recordTag: UInt8 {
        switch self {
        case .email: 0
        case .sms: 1
        case .push: 2
        case .phone: 3
        case .post: 4
        }
    }

    /// A tag byte (see `recordTag`).
    package func encode(to encoder: inout RecordEncoder) { encoder.write(tag: recordTag) }

    package init(from decoder: inout RecordDecoder) throws {
        switch try decoder.readTag() {
        case 0: self = .email
        case 1: self = .sms
        case 2: self = .push
        case 3: self = .phone
        case 4: self = .post
        case let tag: throw decoder.damaged("an unknown contact channel tag \(tag)")
        }
    }
}
