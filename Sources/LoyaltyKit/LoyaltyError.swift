/// The one error type LoyaltyKit throws.
///
/// A `LoyaltyError` carries a ``Code`` that callers match on, a message written for a
/// person, and as much context as is known: the customer, the activity, and a location
/// (a file and line, or a JSON path such as `$.earning[2].per`).
///
/// ```swift
/// do {
///     try await loyalty.redeem(500, for: "guest-42", benefit: "Spa voucher", id: "r-1", at: now)
/// } catch LoyaltyError.insufficientPoints {
///     // tell the guest how many points they have
/// }
/// ```
///
/// Every error is thrown *before* anything is changed: a failed call leaves member state
/// and stores exactly as they were.
public struct LoyaltyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable error code. New codes may be added in minor releases.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code as text: `"insufficientPoints"`.
        public var rawValue: String
        /// Creates a code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Input that is malformed or out of range: a negative amount, an empty id, a bad date.
        public static let invalidInput = Code(rawValue: "invalidInput")
        /// Data read from a file or a series that cannot be used (invalid values, inconsistent rows).
        public static let invalidData = Code(rawValue: "invalidData")
        /// A programme definition that is inconsistent or cannot be decoded.
        public static let invalidProgram = Code(rawValue: "invalidProgram")
        /// An ISO 4217 code the library does not know.
        public static let unknownCurrency = Code(rawValue: "unknownCurrency")
        /// Two amounts in different currencies were combined.
        public static let currencyMismatch = Code(rawValue: "currencyMismatch")
        /// Arithmetic on money or points would overflow 64 bits.
        public static let overflow = Code(rawValue: "overflow")
        /// The customer or member is not registered.
        public static let customerNotFound = Code(rawValue: "customerNotFound")
        /// A customer with this id is already registered.
        public static let customerExists = Code(rawValue: "customerExists")
        /// An activity this one refers to (for example the purchase a refund returns) is unknown.
        public static let activityNotFound = Code(rawValue: "activityNotFound")
        /// The same activity id was recorded before with different content.
        public static let activityConflict = Code(rawValue: "activityConflict")
        /// A refund that cannot be applied: more than was paid, or of an activity that earned nothing refundable.
        public static let invalidRefund = Code(rawValue: "invalidRefund")
        /// A redemption or debit larger than the available (spendable) balance.
        public static let insufficientPoints = Code(rawValue: "insufficientPoints")
        /// A tier id the programme's ladder does not contain.
        public static let unknownTier = Code(rawValue: "unknownTier")
        /// A model fit that did not converge.
        public static let notConverged = Code(rawValue: "notConverged")
        /// A failure inside a store adapter (I/O, database, lock).
        public static let storage = Code(rawValue: "storage")
        /// A value could not be encoded or decoded.
        public static let encoding = Code(rawValue: "encoding")
    }

    /// What went wrong, as a code to match on.
    public var code: Code
    /// What went wrong, in words.
    public var message: String
    /// Where it went wrong, if known: `"programme.json: $.tiers.tiers[1].threshold"`, `"history.jsonl:12"`.
    public var location: String?
    /// The customer concerned, if any.
    public var customerID: Customer.ID?
    /// The activity concerned, if any.
    public var activityID: Activity.ID?
    /// A description of the underlying error (a system or database error), if any.
    public var underlying: String?

    /// Creates an error.
    public init(
        _ code: Code,
        _ message: String,
        location: String? = nil,
        customerID: Customer.ID? = nil,
        activityID: Activity.ID? = nil,
        underlying: String? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.customerID = customerID
        self.activityID = activityID
        self.underlying = underlying
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += message
        var context: [String] = []
        if let customerID { context.append("customer \(customerID)") }
        if let activityID { context.append("activity \(activityID)") }
        if !context.isEmpty { text += " (" + context.joined(separator: ", ") + ")" }
        if let underlying { text += ": \(underlying)" }
        return text + " [\(code)]"
    }


    /// Returns a copy with context filled in where it is still missing.
    func with(customerID: Customer.ID? = nil, activityID: Activity.ID? = nil, location: String? = nil) -> LoyaltyError {
        var copy = self
        if copy.customerID == nil { copy.customerID = customerID }
        if copy.activityID == nil { copy.activityID = activityID }
        if copy.location == nil { copy.location = location }
        return copy
    }
}

extension LoyaltyError {
    /// Matches errors whose code is ``Code/invalidInput``.
    public static var invalidInput: Code { .invalidInput }
    /// Matches errors whose code is ``Code/invalidData``.
    public static var invalidData: Code { .invalidData }
    /// Matches errors whose code is ``Code/invalidProgram``.
    public static var invalidProgram: Code { .invalidProgram }
    /// Matches errors whose code is ``Code/unknownCurrency``.
    public static var unknownCurrency: Code { .unknownCurrency }
    /// Matches errors whose code is ``Code/currencyMismatch``.
    public static var currencyMismatch: Code { .currencyMismatch }
    /// Matches errors whose code is ``Code/overflow``.
    public static var overflow: Code { .overflow }
    /// Matches errors whose code is ``Code/customerNotFound``.
    public static var customerNotFound: Code { .customerNotFound }
    /// Matches errors whose code is ``Code/customerExists``.
    public static var customerExists: Code { .customerExists }
    /// Matches errors whose code is ``Code/activityNotFound``.
    public static var activityNotFound: Code { .activityNotFound }
    /// Matches errors whose code is ``Code/activityConflict``.
    public static var activityConflict: Code { .activityConflict }
    /// Matches errors whose code is ``Code/invalidRefund``.
    public static var invalidRefund: Code { .invalidRefund }
    /// Matches errors whose code is ``Code/insufficientPoints``.
    public static var insufficientPoints: Code { .insufficientPoints }
    /// Matches errors whose code is ``Code/unknownTier``.
    public static var unknownTier: Code { .unknownTier }
    /// Matches errors whose code is ``Code/notConverged``.
    public static var notConverged: Code { .notConverged }
    /// Matches errors whose code is ``Code/storage``.
    public static var storage: Code { .storage }
    /// Matches errors whose code is ``Code/encoding``.
    public static var encoding: Code { .encoding }
}

extension LoyaltyError.Code {
    /// Lets a `catch` clause match on a code: `catch LoyaltyError.insufficientPoints`.
    public static func ~= (code: LoyaltyError.Code, error: any Error) -> Bool {
        (error as? LoyaltyError)?.code == code
    }
}
