import Dispatch
import Synchronization

extension PostgresResult {
    /// Decodes every row with `decode` on all cores and returns the values in row order, nil ones left out;
    /// the first error thrown (in row order) is rethrown.
    ///
    /// For results read whole rather than streamed, so that a batch's hundred thousand rows are not decoded
    /// on one core while the other waits (its effect on the nightly run was within the machine's noise,
    /// docs/scaling.md; it holds the whole result in memory).
    public func decodeInParallel<Value: Sendable>(
        _ decode: @Sendable (PostgresRow) throws -> Value?
    ) throws -> [Value] {
        let chunkCount = Swift.max(1, Swift.min(rowCount / 2_048, 64))
        let chunkSize = (rowCount + chunkCount - 1) / chunkCount
        let chunks = Mutex<[Result<[Value], any Error>?]>(Array(repeating: nil, count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let rows = Swift.min(rowCount, chunk * chunkSize)..<Swift.min(rowCount, (chunk + 1) * chunkSize)
            let decoded = Result {
                var values: [Value] = []
                values.reserveCapacity(rows.count)
                for index in rows {
                    if let value = try decode(PostgresRow(result: self, index: index)) {
                        values.append(value)
                    }
                }
                return values
            }
            chunks.withLock { $0[chunk] = decoded }
        }
        var values: [Value] = []
        values.reserveCapacity(rowCount)
        for decoded in chunks.withLock({ $0 }) { values += try decoded?.get() ?? [] }
        return values
    }
}
