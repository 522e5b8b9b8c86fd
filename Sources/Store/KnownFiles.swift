import Foundation
import Postgres

/// Inbox files already recorded at the same path, so the intake can skip them without reading them.
public struct KnownFiles {
    /// What was recorded of a file when it was read.
    public struct Record: Sendable, Hashable {
        public var sizeBytes: Int
        /// The file's modification time as recorded (`file_modified_at`, else `received_at`).
        public var receivedAt: Date
    }

    private let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// path → what was recorded, for the paths given (any status; index `coa_documents_path`).
    public func records(paths: [String]) throws -> [String: Record] {
        var records: [String: Record] = [:]
        guard !paths.isEmpty else { return records }
        try connection.stream(
            """
            SELECT path, size_bytes, coalesce(file_modified_at, received_at) AS file_time
            FROM scorecard_store.coa_documents WHERE path = ANY($1::text[])
            """,
            [PostgresArray(paths)]
        ) { row in
            records[try row.decode(String.self, column: "path")] = Record(
                sizeBytes: try row.decode(Int.self, column: "size_bytes"),
                receivedAt: try row.decode(Date.self, column: "file_time"))
        }
        return records
    }
}
