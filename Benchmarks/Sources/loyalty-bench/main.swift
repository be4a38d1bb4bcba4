// loyalty-bench — LoyaltyKit's benchmark harness.
//
//   swift run -c release --package-path Benchmarks loyalty-bench [--quick] [--repeats N] [--data DIR] [WORKLOAD...]
//
// Prints one line per workload with the library's throughput next to a baseline doing the
// same work: a hand-written loop in this binary, or (for the customer-value fits) the
// Python reference's published time. --quick runs tiny sizes and skips the million-customer
// fits (CI uses it so the harness never rots).
//
// Workloads: apply, record-memory, record-sqlite, record-file, open-file (and open-file-journal),
// durable-single, metrics, fit-bgnbd-cdnow, fit-paretonbd-cdnow, fit-bgnbd-1m,
// fit-paretonbd-1m, predict-1m. The CDNOW fits read ../shared/data (or --data DIR) and are
// skipped with a note when it is absent.

import Foundation
import LoyaltyKit

var arguments = Array(CommandLine.arguments.dropFirst())
var quick = false
var repeats: Int?
var dataDirectory: String?
var selected: [String] = []
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--quick": quick = true
    case "--repeats": repeats = arguments.isEmpty ? nil : Int(arguments.removeFirst())
    case "--data": dataDirectory = arguments.isEmpty ? nil : arguments.removeFirst()
    default: selected.append(argument)
    }
}
@MainActor func wanted(_ name: String) -> Bool { selected.isEmpty || selected.contains(name) }

var failed = false
do {
    if wanted("apply") || wanted("record-memory") {
        let data = try Dataset(events: quick ? 10_000 : 1_000_000, members: quick ? 1_000 : 100_000)
        let engineRepeats = repeats ?? (quick ? 1 : 3)
        if wanted("apply") { try Workloads.apply(data, repeats: engineRepeats) }
        if wanted("record-memory") { try await Workloads.recordMemory(data, repeats: engineRepeats) }
    }
    let storage = ["record-sqlite", "record-file", "open-file", "durable-single"]
    if storage.contains(where: wanted) {
        // The same million purchases over 100,000 members, recorded once per store.
        let data = try Dataset(events: quick ? 10_000 : 1_000_000, members: quick ? 1_000 : 100_000)
        if wanted("record-sqlite") { try await StorageBenchmarks.recordSQLite(data) }
        if wanted("record-file") || wanted("open-file") { try await StorageBenchmarks.recordFile(data, open: wanted("open-file")) }
        if wanted("durable-single") { try await StorageBenchmarks.durableSingle(data, count: quick ? 100 : 1_000) }
    }
} catch {
    FileHandle.standardError.write(Data("loyalty-bench: \(error)\n".utf8))
    failed = true
}

if wanted("metrics") {
    do {
        try MetricsBenchmark.run(activities: quick ? 100_000 : 10_000_000, customers: quick ? 10_000 : 1_000_000)
    } catch {
        FileHandle.standardError.write(Data("loyalty-bench: metrics: \(error)\n".utf8))
        failed = true
    }
}

var valueWorkloads = CLVBenchmarks.workloads.filter(wanted)
if quick { valueWorkloads = valueWorkloads.filter { $0.hasSuffix("-cdnow") } }
let hasCDNOW = dataDirectory != nil || CLVBenchmarks.locateSharedData() != nil
if !hasCDNOW, valueWorkloads.contains(where: { $0.hasSuffix("-cdnow") }) {
    print("note: skipping the CDNOW fits: ../shared/data not found (pass --data DIR)")
    valueWorkloads.removeAll { $0.hasSuffix("-cdnow") }
}
if !valueWorkloads.isEmpty, !CLVBenchmarks.run(workloads: valueWorkloads, dataDirectory: dataDirectory, repeats: quick ? 3 : repeats) {
    failed = true
}
exit(failed ? 1 : 0)
