// Customer-value benchmarks (LoyaltyKit issue 5). Build and run in release mode:
//   Run through loyalty-bench: swift run -c release --package-path Benchmarks loyalty-bench fit-bgnbd-cdnow …
// Each workload prints one line:
//   workload=<name> n=<count> seconds=<median s> per_second=<n/s> baseline_per_second=<rate> ratio=<per_second/baseline>
// Baselines for fits are the Python reference (lifetimes 0.11.3): BG/NBD 0.063 s (CDNOW) and
// 10.3 s (1M customers); Pareto/NBD 0.38 s and 231 s; baseline_per_second = n / python_seconds.
// predict-1m's baseline is a plain single-threaded loop over an array of per-customer structs
// calling the same model methods, measured in the same binary and run.
import Foundation
import LoyaltyKit

public enum CLVBenchmarks {
    public static let workloads = ["fit-bgnbd-cdnow", "fit-paretonbd-cdnow", "fit-bgnbd-1m", "fit-paretonbd-1m", "predict-1m"]
    /// Extra diagnostics, not run by default: the 1M fits without merging identical rows.
    public static let extraWorkloads = ["fit-bgnbd-1m-ungrouped", "fit-paretonbd-1m-ungrouped"]

    /// Runs the named workloads (all when empty). Returns false if a workload failed.
    public static func run(workloads selected: [String], dataDirectory: String?, repeats: Int?) -> Bool {
        let names = selected.isEmpty ? workloads : selected
        var ok = true
        for name in names {
            do {
                try runOne(name, dataDirectory: dataDirectory, repeats: repeats)
            } catch {
                print("workload=\(name) error=\"\(error)\"")
                ok = false
            }
        }
        return ok
    }

    static func runOne(_ name: String, dataDirectory: String?, repeats: Int?) throws {
        switch name {
        case "fit-bgnbd-cdnow":
            let data = try cdnowSummary(dataDirectory)
            let seconds = median(repeats ?? 21) { _ = try? BGNBDModel.fit(data) }
            report(name, n: data.count, seconds: seconds, baselinePerSecond: Double(data.count) / 0.063)
        case "fit-paretonbd-cdnow":
            let data = try cdnowSummary(dataDirectory)
            let seconds = median(repeats ?? 11) { _ = try? ParetoNBDModel.fit(data) }
            report(name, n: data.count, seconds: seconds, baselinePerSecond: Double(data.count) / 0.38)
        case "fit-bgnbd-1m":
            let data = try syntheticBGNBD(count: 1_000_000)
            var fitted: BGNBDModel?
            let seconds = median(repeats ?? 5) { fitted = try? BGNBDModel.fit(data) }
            if let fitted {
                print("# fit-bgnbd-1m: true r=0.243 alpha=4.414 a=0.793 b=2.426; fitted r=\(fitted.r) alpha=\(fitted.alpha) a=\(fitted.a) b=\(fitted.b) rows=\(fitted.fitReport?.rows ?? 0) iterations=\(fitted.fitReport?.iterations ?? 0)")
            }
            report(name, n: data.count, seconds: seconds, baselinePerSecond: Double(data.count) / 10.3)
        case "fit-paretonbd-1m":
            let data = try syntheticPareto(count: 1_000_000)
            var fitted: ParetoNBDModel?
            let seconds = median(repeats ?? 3) { fitted = try? ParetoNBDModel.fit(data) }
            if let fitted {
                print("# fit-paretonbd-1m: true r=0.553 alpha=10.578 s=0.606 beta=11.669; fitted r=\(fitted.r) alpha=\(fitted.alpha) s=\(fitted.s) beta=\(fitted.beta) rows=\(fitted.fitReport?.rows ?? 0) evaluations=\(fitted.fitReport?.functionEvaluations ?? 0)")
            }
            report(name, n: data.count, seconds: seconds, baselinePerSecond: Double(data.count) / 231)
        case "fit-bgnbd-1m-ungrouped":
            let data = try syntheticBGNBD(count: 1_000_000)
            let options = CustomerValueFitOptions(groupIdenticalRows: false)
            let seconds = median(repeats ?? 3) { _ = try? BGNBDModel.fit(data, options: options) }
            report(name, n: data.count, seconds: seconds, baselinePerSecond: Double(data.count) / 10.3)
        case "fit-paretonbd-1m-ungrouped":
            let data = try syntheticPareto(count: 1_000_000)
            let options = CustomerValueFitOptions(groupIdenticalRows: false)
            let seconds = median(repeats ?? 1) { _ = try? ParetoNBDModel.fit(data, options: options) }
            report(name, n: data.count, seconds: seconds, baselinePerSecond: Double(data.count) / 231)
        case "predict-1m":
            let data = try syntheticBGNBD(count: 1_000_000)
            let model = try BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, timeUnit: .weeks)
            let seconds = median(repeats ?? 5) {
                _ = try? RepeatPurchasePredictions(model: model, data: data, horizon: 39, threads: 2)
            }
            struct Row { var x: Int; var tx: Double; var t: Double }
            let rows = (0..<data.count).map { Row(x: data.frequency[$0], tx: data.recency[$0], t: data.age[$0]) }
            var sink = 0.0
            let baselineSeconds = median(repeats ?? 5) {
                var alive: [Double] = [], expected: [Double] = []
                for row in rows {
                    alive.append(model.probabilityAlive(frequency: row.x, recency: row.tx, age: row.t))
                    expected.append(model.conditionalExpectedPurchases(during: 39, frequency: row.x, recency: row.tx, age: row.t))
                }
                sink += alive[0] + expected[0]
            }
            if sink.isNaN { print("# baseline produced NaN") }
            report(name, n: data.count, seconds: seconds, baselinePerSecond: Double(data.count) / baselineSeconds)
        default:
            throw LoyaltyError(.invalidData, "unknown workload '\(name)'; known: \((workloads + extraWorkloads).joined(separator: ", "))")
        }
    }

    static func report(_ name: String, n: Int, seconds: Double, baselinePerSecond: Double) {
        let perSecond = Double(n) / seconds
        print("workload=\(name) n=\(n) seconds=\(String(format: "%.6f", seconds)) per_second=\(String(format: "%.1f", perSecond)) baseline_per_second=\(String(format: "%.1f", baselinePerSecond)) ratio=\(String(format: "%.2f", perSecond / baselinePerSecond))")
    }

    /// Median wall-clock seconds of `count` runs.
    static func median(_ count: Int, _ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, count) {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        return times[times.count / 2]
    }

    /// CDNOW calibration summary (x, tₓ, T in weeks) from `cdnow_customers_summary.csv`.
    static func cdnowSummary(_ directory: String?) throws -> RecencyFrequencyData {
        guard let directory = directory ?? locateSharedData() else {
            throw LoyaltyError(.invalidData, "CDNOW data not found; pass --data DIR (the folder holding cdnow_customers_summary.csv)")
        }
        let path = directory + "/cdnow_customers_summary.csv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw LoyaltyError(.invalidData, "cannot read file", location: path)
        }
        var x: [Int] = [], tx: [Double] = [], t: [Double] = []
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated().dropFirst() {
            let fields = line.split(separator: ",")
            guard fields.count == 4, let f = Int(fields[1]), let r = Double(fields[2]), let a = Double(fields[3]) else {
                throw LoyaltyError(.invalidData, "expected ID,frequency,recency,T", location: "\(path):\(number + 1)")
            }
            x.append(f); tx.append(r); t.append(a)
        }
        return try RecencyFrequencyData(frequency: x, recency: tx, age: t, timeUnit: .weeks)
    }

    /// CDNOW-like synthetic cohort: first purchases uniform over 84 days, observation to day 273,
    /// summarised at day resolution (weeks = days / 7), as a day-level transaction log would be.
    static func syntheticAges(count: Int, generator: inout CustomerValueRandomGenerator) -> [Double] {
        (0..<count).map { _ in Double(273 - Int(generator.nextUniform() * 84)) / 7 }
    }

    static func syntheticBGNBD(count: Int) throws -> RecencyFrequencyData {
        var generator = CustomerValueRandomGenerator(seed: 1)
        let ages = syntheticAges(count: count, generator: &generator)
        return try CustomerValueSimulator.bgnbdPopulation(
            r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, ages: ages, timeUnit: .weeks, resolution: 1.0 / 7,
            using: &generator)
    }

    static func syntheticPareto(count: Int) throws -> RecencyFrequencyData {
        var generator = CustomerValueRandomGenerator(seed: 2)
        let ages = syntheticAges(count: count, generator: &generator)
        return try CustomerValueSimulator.paretoNBDPopulation(
            r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669, ages: ages, timeUnit: .weeks, resolution: 1.0 / 7,
            using: &generator)
    }

    /// Walks up from this source file looking for `shared/data/cdnow_customers_summary.csv`.
    static func locateSharedData(from file: String = #filePath) -> String? {
        var directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared/data")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("cdnow_customers_summary.csv").path) {
                return candidate.path
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }
}
