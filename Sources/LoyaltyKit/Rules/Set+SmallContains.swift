extension Set where Element == String {
    /// Membership without hashing for the small sets rules use (a few categories): comparing
    /// short strings is cheaper than hashing one.
    @inline(__always)
    func quicklyContains(_ element: String) -> Bool {
        count <= 8 ? contains(where: { $0 == element }) : contains(element)
    }
}
