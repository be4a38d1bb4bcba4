import Dispatch

/// Splits a row range into contiguous chunks, runs them on up to `threads`
/// threads with `DispatchQueue.concurrentPerform`, and adds up `width` partial
/// sums per chunk. Chunk boundaries depend only on `count` and `threads`, so the
/// result is deterministic for given settings.
enum ParallelReduction {
    static func sum(count: Int, threads: Int, width: Int,
                    body: (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void) -> [Double] {
        let chunks = count >= 20_000 ? max(1, min(threads, 64)) : 1
        var partials = [Double](repeating: 0, count: chunks * width)
        if chunks == 1 {
            partials.withUnsafeMutableBufferPointer { body(0..<count, $0) }
            return partials
        }
        withoutActuallyEscaping(body) { body in
            partials.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let shared = buffer
                nonisolated(unsafe) let work = body
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let lower = count * chunk / chunks, upper = count * (chunk + 1) / chunks
                    let slice = UnsafeMutableBufferPointer(rebasing: shared[(chunk * width)..<((chunk + 1) * width)])
                    work(lower..<upper, slice)
                }
            }
        }
        var total = [Double](repeating: 0, count: width)
        for chunk in 0..<chunks { for k in 0..<width { total[k] += partials[chunk * width + k] } }
        return total
    }
}
