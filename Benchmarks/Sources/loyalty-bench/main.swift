// loyalty-bench — LoyaltyKit's benchmark harness.
//
//   swift run -c release --package-path Benchmarks loyalty-bench [--quick] [--repeats N] [WORKLOAD...]
//
// Prints one line per workload with the library's throughput next to a hand-written
// baseline doing the same work in one loop. --quick runs tiny sizes (CI uses it so the
// harness never rots). Workloads: apply, record-memory.

import Foundation
import LoyaltyKit

let arguments = CommandLine.arguments.dropFirst()
let quick = arguments.contains("--quick")
var repeats = quick ? 1 : 3
if let index = arguments.firstIndex(of: "--repeats"), arguments.index(after: index) < arguments.endIndex,
   let value = Int(arguments[arguments.index(after: index)]), value > 0
{
    repeats = value
}
let selected = Set(arguments.filter { !$0.hasPrefix("--") && Int($0) == nil })
func wanted(_ name: String) -> Bool { selected.isEmpty || selected.contains(name) }

do {
    let data = try Dataset(events: quick ? 10_000 : 1_000_000, members: quick ? 1_000 : 100_000)
    if wanted("apply") { try Workloads.apply(data, repeats: repeats) }
    if wanted("record-memory") { try await Workloads.recordMemory(data, repeats: repeats) }
} catch {
    FileHandle.standardError.write(Data("loyalty-bench: \(error)\n".utf8))
    exit(1)
}
