import Foundation

// Record forms of an activity and its details. Positional and part of the stored format; the
// numeric tags of enum cases must never be renumbered or reused.

extension Activity: RecordCodable {
    /// Id, customer, date, channel, tags (ascending), attributes (by key), then the kind.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(id)
        encoder.write(customerID)
        encoder.write(date)
        encoder.write(channel)
        encoder.write(sorted: tags)
        encoder.write(sorted: attributes)
        encoder.write(kind)
    }

    package init(from decoder: inout RecordDecoder) throws {
        let id = try decoder.read(ID.self)
        let customerID = try decoder.read(Customer.ID.self)
        let date = try decoder.readDate()
        let channel = try decoder.read(Channel.self)
        let tags = try decoder.readStringSet()
        let attributes = try decoder.readStringDictionary()
        self.init(
            id: id, customerID: customerID, date: date, channel: channel, kind: try decoder.read(), tags: tags,
            attributes: attributes)
    }
}

extension Activity.Kind: RecordCodable {
    /// A tag byte, then the details. Tags: enrollment 0, purchase 1, stay 2, visit 3, refund 4,
    /// feedback 5, interaction 6, referral 7, adjustment 8, redemption 9, tierOverride 10.
    package func encode(to encoder: inout RecordEncoder) {
        switch self {
        case .enrollment: encoder.write(tag: 0)
        case .purchase(let purchase): encoder.write(tag: 1); encoder.write(purchase)
        case .stay(let stay): encoder.write(tag: 2); encoder.write(stay)
        case .visit(let visit): encoder.write(tag: 3); encoder.write(visit)
        case .refund(let refund): encoder.write(tag: 4); encoder.write(refund)
        case .feedback(let feedback): encoder.write(tag: 5); encoder.write(feedback)
        case .interaction(let interaction): encoder.write(tag: 6); encoder.write(interaction)
        case .referral(let referral): encoder.write(tag: 7); encoder.write(referral)
        case .adjustment(let adjustment): encoder.write(tag: 8); encoder.write(adjustment)
        case .redemption(let redemption): encoder.write(tag: 9); encoder.write(redemption)
        case .tierOverride(let override): encoder.write(tag: 10); encoder.write(override)
        }
    }

    package init(from decoder: inout RecordDecoder) throws {
        switch try decoder.readTag() {
        case 0: self = .enrollment
        case 1: self = .purchase(try decoder.read())
        case 2: self = .stay(try decoder.read())
        case 3: self = .visit(try decoder.read())
        case 4: self = .refund(try decoder.read())
        case 5: self = .feedback(try decoder.read())
        case 6: self = .interaction(try decoder.read())
        case 7: self = .referral(try decoder.read())
        case 8: self = .adjustment(try decoder.read())
        case 9: self = .redemption(try decoder.read())
        case 10: self = .tierOverride(try decoder.read())
        case let tag: throw decoder.damaged("an unknown activity kind tag \(tag)")
        }
    }
}

extension Purchase: RecordCodable {
    /// The lines.
    package func encode(to encoder: inout RecordEncoder) { encoder.write(lines) { $0.write($1) } }
    package init(from decoder: inout RecordDecoder) throws { self.init(lines: try decoder.readArray { try $0.read() }) }
}

extension PurchaseLine: RecordCodable {
    /// SKU, category, quantity, amount.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(sku) { $0.write($1) }
        encoder.write(category) { $0.write($1) }
        encoder.write(quantity)
        encoder.write(amount)
    }

    package init(from decoder: inout RecordDecoder) throws {
        let sku = try decoder.readOptional { try $0.readString() }
        let category = try decoder.readOptional { try $0.readString() }
        let quantity = try decoder.readInt()
        self.init(sku: sku, category: category, quantity: quantity, amount: try decoder.read())
    }
}

extension Stay: RecordCodable {
    /// Nights, category, off-peak flag, amount.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(nights)
        encoder.write(category) { $0.write($1) }
        encoder.write(isOffPeak)
        encoder.write(amount)
    }

    package init(from decoder: inout RecordDecoder) throws {
        let nights = try decoder.readInt()
        let category = try decoder.readOptional { try $0.readString() }
        let isOffPeak = try decoder.readBool()
        self.init(nights: nights, category: category, isOffPeak: isOffPeak, amount: try decoder.read())
    }
}

extension Visit: RecordCodable {
    /// The location.
    package func encode(to encoder: inout RecordEncoder) { encoder.write(location) { $0.write($1) } }
    package init(from decoder: inout RecordDecoder) throws { self.init(location: try decoder.readOptional { try $0.readString() }) }
}

extension Refund: RecordCodable {
    /// The refunded activity, then the amount.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(originalActivityID)
        encoder.write(amount) { $0.write($1) }
    }

    package init(from decoder: inout RecordDecoder) throws {
        let original = try decoder.read(Activity.ID.self)
        self.init(of: original, amount: try decoder.readOptional { try $0.read() })
    }
}

extension Feedback: RecordCodable {
    /// NPS, CSAT, CES, rating, comment, touchpoint; each optional.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(nps) { $0.write($1) }
        encoder.write(csat) { $0.write($1) }
        encoder.write(ces) { $0.write($1) }
        encoder.write(rating) { $0.write($1) }
        encoder.write(comment) { $0.write($1) }
        encoder.write(touchpoint) { $0.write($1) }
    }

    package init(from decoder: inout RecordDecoder) throws {
        let nps = try decoder.readOptional { try $0.readInt() }
        let csat = try decoder.readOptional { try $0.readInt() }
        let ces = try decoder.readOptional { try $0.readInt() }
        let rating = try decoder.readOptional { try $0.readInt() }
        let comment = try decoder.readOptional { try $0.readString() }
        let touchpoint = try decoder.readOptional { try $0.readString() }
        self.init(nps: nps, csat: csat, ces: ces, rating: rating, comment: comment, touchpoint: touchpoint)
    }
}

extension Interaction: RecordCodable {
    /// The kind, then the note.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(kind)
        encoder.write(note) { $0.write($1) }
    }

    package init(from decoder: inout RecordDecoder) throws {
        let kind = try decoder.read(InteractionKind.self)
        self.init(kind: kind, note: try decoder.readOptional { try $0.readString() })
    }
}

extension InteractionKind: RecordCodable {
    /// A tag byte: call 0, email 1, complaint 2, socialMention 3, reviewPosted 4, inPerson 5.
    package func encode(to encoder: inout RecordEncoder) {
        switch self {
        case .call: encoder.write(tag: 0)
        case .email: encoder.write(tag: 1)
        case .complaint: encoder.write(tag: 2)
        case .socialMention: encoder.write(tag: 3)
        case .reviewPosted: encoder.write(tag: 4)
        case .inPerson: encoder.write(tag: 5)
        }
    }

    package init(from decoder: inout RecordDecoder) throws {
        switch try decoder.readTag() {
        case 0: self = .call
        case 1: self = .email
        case 2: self = .complaint
        case 3: self = .socialMention
        case 4: self = .reviewPosted
        case 5: self = .inPerson
        case let tag: throw decoder.damaged("an unknown interaction kind tag \(tag)")
        }
    }
}

extension Referral: RecordCodable {
    /// The referred customer.
    package func encode(to encoder: inout RecordEncoder) { encoder.write(referredCustomerID) }
    package init(from decoder: inout RecordDecoder) throws { self.init(referredCustomerID: try decoder.read()) }
}

extension PointsAdjustment: RecordCodable {
    /// Points, reason, actor.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(points)
        encoder.write(reason)
        encoder.write(actor)
    }

    package init(from decoder: inout RecordDecoder) throws {
        let points = try decoder.read(Points.self)
        let reason = try decoder.readString()
        self.init(points: points, reason: reason, actor: try decoder.readString())
    }
}

extension Redemption: RecordCodable {
    /// Points, then the benefit.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(points)
        encoder.write(benefit)
    }

    package init(from decoder: inout RecordDecoder) throws {
        let points = try decoder.read(Points.self)
        self.init(points: points, benefit: try decoder.readString())
    }
}

extension TierOverride: RecordCodable {
    /// Tier, end date, reason.
    package func encode(to encoder: inout RecordEncoder) {
        encoder.write(tierID)
        encoder.write(until)
        encoder.write(reason)
    }

    package init(from decoder: inout RecordDecoder) throws {
        let tierID = try decoder.readString()
        let until = try decoder.readDate()
        self.init(tierID: tierID, until: until, reason: try decoder.readString())
    }
}
