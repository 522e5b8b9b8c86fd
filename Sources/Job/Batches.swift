extension Array {
    /// Consecutive runs of at most `size` (at least 1) elements, in order: files parsed and suppliers
    /// scored a batch at a time bound memory whatever the inbox or the supplier list holds.
    func batches(of size: Int) -> [ArraySlice<Element>] {
        let size = Swift.max(size, 1)
        return stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
