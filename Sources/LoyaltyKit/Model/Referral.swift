/// A customer (the activity's customer) referring someone new.
public struct Referral: Sendable, Hashable, Codable {
    /// The person referred.
    public var referredCustomerID: Customer.ID
    /// Creates a referral.
    public init(referredCustomerID: Customer.ID) { self.referredCustomerID = referredCustomerID }
}
