/// A named group of customers, chosen by the caller: a set of ids, or a predicate.
///
/// Segments come from outside the metrics (an RFM segment, a tier, a marketing list), so a
/// segment is simply a name and a membership test:
///
/// ```swift
/// let vips = CustomerSegment(name: "VIP", customers: ["ana", "ben"])
/// let gold = CustomerSegment(name: "gold") { tierByCustomer[$0] == "gold" }
/// ```
public struct CustomerSegment: Sendable {
    /// The segment's name, used in report titles.
    public var name: String
    private let membership: @Sendable (Customer.ID) -> Bool

    /// A segment of the customers for which `contains` returns `true`.
    /// - Parameters:
    ///   - name: the segment's name.
    ///   - contains: the membership test; called once per activity the filter looks at, so keep it cheap.
    public init(name: String, where contains: @escaping @Sendable (Customer.ID) -> Bool) {
        self.name = name
        self.membership = contains
    }

    /// A segment of exactly the given customers.
    /// - Parameters:
    ///   - name: the segment's name.
    ///   - customers: its members.
    public init(name: String, customers: Set<Customer.ID>) {
        self.init(name: name) { customers.contains($0) }
    }

    /// The customers whose label is `name`, for a caller-supplied customer → segment function
    /// (`nil` means no segment).
    /// - Parameters:
    ///   - name: the label that selects the segment.
    ///   - label: the customer → segment function.
    public init(name: String, labelledBy label: @escaping @Sendable (Customer.ID) -> String?) {
        self.init(name: name) { label($0) == name }
    }

    /// Whether a customer belongs to the segment.
    public func contains(_ customerID: Customer.ID) -> Bool { membership(customerID) }
}
