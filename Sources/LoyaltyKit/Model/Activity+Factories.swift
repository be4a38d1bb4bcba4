import Foundation

extension Activity {
    /// A one-line purchase.
    public static func purchase(
        id: ID, customer: Customer.ID, date: Date, amount: Money, category: String? = nil, sku: String? = nil,
        quantity: Int = 1, channel: Channel = .inStore, tags: Set<String> = []
    ) -> Activity {
        Activity(id: id, customerID: customer, date: date, channel: channel,
                 kind: .purchase(Purchase(amount: amount, category: category, sku: sku, quantity: quantity)), tags: tags)
    }

    /// A stay.
    public static func stay(
        id: ID, customer: Customer.ID, date: Date, nights: Int, amount: Money, category: String? = nil,
        offPeak: Bool = false, channel: Channel = .frontDesk, tags: Set<String> = []
    ) -> Activity {
        Activity(id: id, customerID: customer, date: date, channel: channel,
                 kind: .stay(Stay(nights: nights, category: category, isOffPeak: offPeak, amount: amount)), tags: tags)
    }

    /// A visit.
    public static func visit(id: ID, customer: Customer.ID, date: Date, location: String? = nil, channel: Channel = .inStore) -> Activity {
        Activity(id: id, customerID: customer, date: date, channel: channel, kind: .visit(Visit(location: location)))
    }

    /// A refund of an earlier activity; `amount: nil` refunds the rest.
    public static func refund(id: ID, customer: Customer.ID, date: Date, of original: ID, amount: Money? = nil, channel: Channel = .inStore) -> Activity {
        Activity(id: id, customerID: customer, date: date, channel: channel, kind: .refund(Refund(of: original, amount: amount)))
    }

    /// A redemption.
    public static func redemption(id: ID, customer: Customer.ID, date: Date, points: Points, benefit: String, channel: Channel = .inStore) -> Activity {
        Activity(id: id, customerID: customer, date: date, channel: channel, kind: .redemption(Redemption(points: points, benefit: benefit)))
    }

    /// A manual adjustment.
    public static func adjustment(id: ID, customer: Customer.ID, date: Date, points: Points, reason: String, actor: String) -> Activity {
        Activity(id: id, customerID: customer, date: date, channel: .backOffice,
                 kind: .adjustment(PointsAdjustment(points: points, reason: reason, actor: actor)))
    }
}
