extension Array {
    /// Sorted by `areInIncreasingOrder` (stable), moving only indices while sorting: the loader's rows are
    /// large structs whose every move copies and retains their strings, which cost more than comparing.
    func sortedByIndex(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        indices.sorted { areInIncreasingOrder(self[$0], self[$1]) }.map { self[$0] }
    }
}
