import Foundation

/// Runs workloads and prints one line each:
/// `workload=<name> n=<count> seconds=<s> per_second=<rate> baseline_per_second=<rate> ratio=<per_second/baseline>`.
struct Harness {
    /// How many times each measurement is repeated; the median is reported.
    let repeats: Int

    /// Seconds taken by `body`, on a monotonic clock.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Seconds taken by an async `body`, on a monotonic clock.
    static func time(_ body: () async throws -> Void) async rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    /// Prints a workload line.
    static func report(_ name: String, n: Int, seconds: Double, baselineSeconds: Double) {
        let rate = Double(n) / seconds
        let baseline = Double(n) / baselineSeconds
        print("workload=\(name) n=\(n) seconds=\(format(seconds)) per_second=\(format(rate, digits: 0)) baseline_per_second=\(format(baseline, digits: 0)) ratio=\(format(rate / baseline, digits: 3))")
    }

    static func format(_ value: Double, digits: Int = 4) -> String {
        String(format: "%.\(digits)f", value)
    }
}
