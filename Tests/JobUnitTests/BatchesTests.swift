import Testing

@testable import Job

@Suite struct BatchesTests {
    @Test func splitsInOrderWithAShortLastBatch() {
        #expect(Array(1...7).batches(of: 3).map(Array.init) == [[1, 2, 3], [4, 5, 6], [7]])
        #expect(Array(1...6).batches(of: 3).map(Array.init) == [[1, 2, 3], [4, 5, 6]])
        #expect([Int]().batches(of: 3).isEmpty)
        // A size below one still makes progress, one element at a time.
        #expect([1, 2].batches(of: 0).map(Array.init) == [[1], [2]])
    }
}
