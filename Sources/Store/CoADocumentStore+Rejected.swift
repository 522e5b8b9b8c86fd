import Postgres

/// A document stored as rejected: what a `coa_rejected` flag and the run's page name.
public struct StoredRejection: Sendable, Hashable {
    public var supplierId: String?
    public var path: String
    public var reason: String
}

extension CoADocumentStore {
    /// The documents that runs `runIds` ingested and that are still rejected (a `reprocess` may have
    /// accepted some since), by path.
    public func rejected(runIds: [Int64]) throws -> [StoredRejection] {
        guard !runIds.isEmpty else { return [] }
        var rejections: [StoredRejection] = []
        try connection.stream(
            """
            SELECT supplier_id, path, reason FROM scorecard_store.coa_documents
            WHERE run_id = ANY($1::bigint[]) AND status = 'rejected' ORDER BY path
            """, [PostgresArray(runIds)]
        ) { row in
            rejections.append(
                StoredRejection(
                    supplierId: try row.decodeIfPresent(String.self, column: "supplier_id"),
                    path: try row.decode(String.self, column: "path"),
                    reason: try row.decodeIfPresent(String.self, column: "reason") ?? ""))
        }
        return rejections
    }
}
