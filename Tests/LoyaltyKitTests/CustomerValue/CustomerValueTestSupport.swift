import Foundation
@testable import LoyaltyKit

/// Locates the shared reference data (`shared/data`, the `lifetimes` 0.11.3 data
/// files) by walking up from this test file: a checkout with `shared/` beside it (as in
/// CI) finds `../shared/data`. Tests that need it are skipped with
/// `.enabled(if: CustomerValueTestData.isAvailable)` when it is absent.
enum CustomerValueTestData {
    static let directory: URL? = {
        // LOYALTYKIT_SHARED_DATA=<dir> overrides the search (a directory without the files disables the tests).
        if let override = ProcessInfo.processInfo.environment["LOYALTYKIT_SHARED_DATA"] {
            let candidate = URL(fileURLWithPath: override)
            let exists = FileManager.default.fileExists(atPath: candidate.appendingPathComponent("CDNOW_sample.txt").path)
            return exists ? candidate : nil
        }
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared/data")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("CDNOW_sample.txt").path) {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }()

    static var isAvailable: Bool { directory != nil }

    static func path(_ name: String) throws -> String {
        guard let directory else { throw LoyaltyError(.invalidData, "shared/data not found (tests should be disabled)") }
        return directory.appendingPathComponent(name).path
    }

    struct SummaryRow {
        var id: String
        var x: Int
        var tx: Double
        var t: Double
        var zbar: Double
    }

    /// `cdnow_customers_summary_with_transactions.csv` (ID, x, t_x, T, zbar).
    static func cdnowSummaryRows() throws -> [SummaryRow] {
        let text = try String(contentsOfFile: try path("cdnow_customers_summary_with_transactions.csv"), encoding: .utf8)
        return try text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let f = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count == 5, let x = Int(f[1]), let tx = Double(f[2]), let t = Double(f[3]), let z = Double(f[4]) else {
                throw LoyaltyError(.invalidData, "bad summary line \(line)")
            }
            return SummaryRow(id: f[0], x: x, tx: tx, t: t, zbar: z)
        }
    }

    static func cdnowData() throws -> RecencyFrequencyData {
        let rows = try cdnowSummaryRows()
        return try RecencyFrequencyData(frequency: rows.map(\.x), recency: rows.map(\.tx), age: rows.map(\.t),
                                        timeUnit: .weeks)
    }
}

/// Relative difference |a − b| / max(|b|, tiny).
func clvRelativeError(_ a: Double, _ b: Double) -> Double {
    abs(a - b) / max(abs(b), 1e-300)
}

/// Rounds to `digits` significant figures.
func clvSignificant(_ value: Double, _ digits: Int) -> Double {
    guard value != 0 else { return 0 }
    let scale = pow(10, Double(digits) - (log10(abs(value))).rounded(.up))
    return (value * scale).rounded() / scale
}
