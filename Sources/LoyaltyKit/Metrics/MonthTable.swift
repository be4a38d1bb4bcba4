/// Values keyed by month index in a flat array from the smallest month seen: the per-month
/// state of the accumulators, updated without hashing.
struct MonthTable<Value: Sendable>: Sendable {
    private var base = 0
    private var slots: [Value?] = []

    /// Calls `body` with the value of `month`, created with `make()` when absent. Amortised O(1)
    /// for months in order; a month far before the others shifts the table once.
    @inline(__always)
    mutating func update(_ month: Int, make: () -> Value, _ body: (inout Value) -> Void) {
        if slots.isEmpty { base = month }
        if month < base {
            slots.insert(contentsOf: repeatElement(nil, count: base - month), at: 0)
            base = month
        }
        let index = month - base
        if index >= slots.count { slots.append(contentsOf: repeatElement(nil, count: index - slots.count + 1)) }
        if slots[index] == nil { slots[index] = make() }
        body(&slots[index]!)
    }

    /// The months with a value, keyed by month index.
    var byMonth: [Int: Value] {
        var result: [Int: Value] = [:]
        for (offset, value) in slots.enumerated() { if let value { result[base + offset] = value } }
        return result
    }
}
