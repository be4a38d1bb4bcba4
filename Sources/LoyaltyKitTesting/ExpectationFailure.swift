/// A failed expectation from ``Scenario``: throw it and your test framework reports the message.
///
/// LoyaltyKitTesting imports no test framework, so it works the same from Swift Testing
/// (`#expect(throws: Never.self)` or just `try`) and XCTest (`XCTAssertNoThrow` or `try`).
public struct ExpectationFailure: Error, CustomStringConvertible, Sendable {
    /// What was expected and what was found.
    public var message: String
    /// Where the expectation was written.
    public var file: String
    /// The line of the expectation.
    public var line: Int

    /// Creates a failure.
    public init(_ message: String, file: String = #fileID, line: Int = #line) {
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line): \(message)" }
}
