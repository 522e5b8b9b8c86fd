import Demo
import Domain
import Foundation
import Logging
import Postgres
import Store

/// Loads a generated demo world into `procurement.*` with COPY and its CoA files into an inbox.
/// Refuses a database whose procurement tables already hold data: the demo never mixes with real data.
public struct DemoLoader {
    let connection: PostgresConnection
    let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    public func load(_ world: DemoWorld, inbox: URL) throws -> DemoSummary {
        if try SessionSettings.procurementHasSuppliers(connection) {
            throw JobError(
                .usage,
                "procurement.suppliers already holds data: the demo loads only into an empty database "
                    + "(make demo recreates its own)")
        }
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        var sink = CopySink(connection: connection, logger: logger)
        let summary = try connection.inTransaction {
            try world.generate(into: &sink, inbox: inbox)
        }
        // Freshly loaded tables have no planner statistics until autovacuum gets to them; an ERP's
        // long-lived tables always have.
        try connection.executeScript("ANALYZE")
        return summary
    }
}

/// Streams each generated table into PostgreSQL with COPY.
struct CopySink: DemoSink {
    let connection: PostgresConnection
    let logger: Logger

    mutating func write(
        table: String, columns: [String], rows: (_ emit: ([String?]) throws -> Void) throws -> Void
    ) throws {
        // The generator names the input tables; they live in the procurement schema.
        let qualified = table.contains(".") ? table : "procurement.\(table)"
        let count = try connection.copyIn(table: qualified, columns: columns) { writer in
            try rows { values in try writer.appendRow(values) }
        }
        logger.debug("demo rows loaded", metadata: ["table": "\(table)", "rows": "\(count)"])
    }
}
