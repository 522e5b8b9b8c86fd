import Domain
import Foundation
import Postgres

/// What an operator must know to read a run right (`scorecard.run_notices`), and the facts they come from.
public struct RunNotices {
    /// A notice as stored: its kind (`bulk_arrival`) and the sentence shown.
    public struct Notice: Sendable, Hashable {
        public var kind: String
        public var text: String

        public init(kind: String, text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// Accepted certificates a run ingested for lots first received before a day.
    public struct OldLotArrivals: Sendable, Hashable {
        /// Imported from an archive: dated by their own evidence.
        public var archived = 0
        /// Read as the night's news: dated by their files' time.
        public var nightly = 0
    }

    private let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The run's accepted certificates whose lot the supplier delivered before `day` began in `zone`: all
    /// of an archive's, and of the night's news those whose files came after that (a backlog whose files
    /// kept their arrival times is no bulk arrival: nothing of it counts as late).
    public func oldLotArrivals(runId: Int64, before day: Day, timeZone: String) throws -> OldLotArrivals {
        var found = OldLotArrivals()
        try connection.stream(
            """
            SELECT count(*) FILTER (WHERE d.imported_from_archive) AS archived,
                   count(*) FILTER (WHERE NOT d.imported_from_archive
                                      AND d.received_at >= \(LocalDay.start("$2::date", zone: "$3"))) AS nightly
            FROM scorecard_store.coa_documents d
            WHERE d.run_id = $1 AND d.status = 'accepted' AND d.lot_number IS NOT NULL
              AND EXISTS (SELECT 1 FROM procurement.receipts r JOIN procurement.order_lines ol USING (order_line_id)
                          WHERE ol.supplier_id = d.supplier_id AND r.lot_number = d.lot_number
                            AND r.received_at < \(LocalDay.start("$2::date", zone: "$3")))
            """, [runId, day, timeZone]
        ) { row in
            found.archived = try row.decode(Int.self, column: "archived")
            found.nightly = try row.decode(Int.self, column: "nightly")
        }
        return found
    }

    public func write(_ notices: [Notice], runId: Int64) throws {
        for (index, notice) in notices.enumerated() {
            try connection.execute(
                "INSERT INTO scorecard_store.run_notices (run_id, position, kind, notice) VALUES ($1, $2, $3, $4)",
                [runId, index + 1, notice.kind, notice.text])
        }
    }

    /// The run's notices, in the order it recorded them.
    public func notices(runId: Int64) throws -> [Notice] {
        var notices: [Notice] = []
        try connection.stream(
            "SELECT kind, notice FROM scorecard_store.run_notices WHERE run_id = $1 ORDER BY position",
            [runId]
        ) { row in
            notices.append(
                Notice(
                    kind: try row.decode(String.self, column: "kind"),
                    text: try row.decode(String.self, column: "notice")))
        }
        return notices
    }
}
