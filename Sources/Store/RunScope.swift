import Domain
import Postgres

/// The rows of one run's look-back that every supplier batch needs, collected once per run into temporary
/// tables that live until the end of the run's transaction (`ON COMMIT DROP`).
///
/// Why: scoring goes through the suppliers in batches to bound memory. Asked per batch, "which order lines
/// were due, ordered or received in the window, with their receipts" searched the whole order history and
/// every receipt again for each batch; at a thousand suppliers with three years of history that was most of
/// the nightly run. Collected once, each batch reads only its own rows.
///
/// Tables (schema `pg_temp`, so runs in other sessions never see each other's):
/// - `scorecard_lines_in_scope`: order lines ordered before the end of the as-of day that were due, ordered
///   or received in the look-back, with the day ordered and the hours to confirmation as known then;
/// - `scorecard_receipts_in_scope`: every receipt of those lines known by the end of the as-of day, with the
///   day its lot's first accepted CoA arrived;
/// - `scorecard_inspections`: our own lab's results known by then, with the supplier of the lot (all history:
///   credibility compares the supplier's values with ours lot by lot);
/// - `scorecard_accepted_documents`: the CoAs accepted and received by then (the measurements' filter).
public struct RunScope: Sendable {
    /// The window the tables were collected for.
    public let window: InputLoader.Window
    /// Materials with at least one specification version: their lots are expected to come with a CoA.
    let specifiedMaterials: Set<String>
    /// The rows left out of the tables because they break the model's assumptions (``ScopeChecks``).
    public let anomalies: [InputAnomaly]

    static let linesTable = "pg_temp.scorecard_lines_in_scope"
    static let receiptsTable = "pg_temp.scorecard_receipts_in_scope"
    static let inspectionsTable = "pg_temp.scorecard_inspections"
    static let acceptedDocumentsTable = "pg_temp.scorecard_accepted_documents"

    /// Creates and fills the tables, inside the transaction that will read them (they are dropped at its
    /// end; outside one they would be gone before the first batch).
    static func collect(
        _ connection: PostgresConnection, window: InputLoader.Window, maxReceivedFactor: Double = 10
    ) throws -> RunScope {
        let (from, asOf, timeZone) = (window.from, window.asOf, window.timeZone)
        // A second loader in the same transaction starts afresh (checked first: DROP … IF EXISTS would log
        // a notice every night).
        if try connection.query("SELECT to_regclass('\(linesTable)') IS NOT NULL").first?.decode(
            Bool.self, at: 0)
            == true
        {
            try connection.execute(
                "DROP TABLE IF EXISTS \([linesTable, receiptsTable, inspectionsTable, acceptedDocumentsTable].joined(separator: ", "))"
            )
        }
        // Each table is created, then filled by an INSERT that carries the window as parameters: the
        // planner sees the actual dates (CREATE TABLE AS takes no parameters, and reading them from a
        // one-row table hid them from the planner: index scans over the whole history, 3× slower).
        let bounds: [(any PostgresEncodable)?] = [from, asOf, timeZone]
        // The batch queries need row counts and the supplier column's spread, not fine histograms: a
        // sample of 3,000 rows instead of the default 30,000 (0.5 → 0.07 s at a thousand suppliers).
        try connection.execute("SET LOCAL default_statistics_target = 10")
        let checks = ScopeChecks(window: window, maxReceivedFactor: maxReceivedFactor)
        var anomalies: [InputAnomaly] = []
        for fill in fills {
            try connection.execute(fill.create)
            try connection.execute(fill.insert, bounds)
            // Temporary tables are never analysed by autovacuum; the batch queries need row counts, and
            // so does the top-up's anti-join (misplanned without them: 3× slower).
            try connection.execute("ANALYZE \(fill.table)")
            if let topUp = fill.topUp { try connection.execute(topUp, bounds) }
            // Before the next fill reads this table: a line left out takes its receipts with it.
            anomalies += try checks.apply(to: fill.table, connection)
        }
        try connection.execute("RESET default_statistics_target")
        var specified: Set<String> = []
        try connection.stream("SELECT DISTINCT material_id FROM procurement.specifications") { row in
            specified.insert(try row.decode(String.self, at: 0))
        }
        return RunScope(window: window, specifiedMaterials: specified, anomalies: anomalies)
    }

    private struct Fill {
        var table: String
        var create: String
        var insert: String
        /// A second insert, after the table is analysed: rows found by what the first one put in.
        var topUp: String? = nil
    }

    /// `WITH` item for queries taking $1 from day, $2 as-of day, $3 time zone: `lo`/`hi`, the timestamps
    /// that bound those days.
    static let bounds = """
        bounds AS (SELECT \(LocalDay.start("$1::date", zone: "$3")) AS lo, \(LocalDay.start("$2::date + 1", zone: "$3")) AS hi)
        """

    /// In order: the receipts' fill reads the lines and the accepted documents.
    ///
    /// No table is indexed: each batch scans them for its suppliers (a hashed `= ANY`), which costs the
    /// five batches less than building the indexes did (0.48 s of index builds against 0.2 s more
    /// scanning at a thousand suppliers).
    private static let fills = [
        Fill(
            table: linesTable, create: createLines, insert: insertLinesDueOrOrdered,
            topUp: insertLinesReceivedOnly),
        Fill(table: acceptedDocumentsTable, create: createAcceptedDocuments, insert: insertAcceptedDocuments),
        Fill(table: receiptsTable, create: createReceipts, insert: insertReceipts),
        Fill(table: inspectionsTable, create: createInspections, insert: insertInspections),
    ]

    private static let createLines = """
        CREATE TEMP TABLE scorecard_lines_in_scope (
            order_line_id text NOT NULL, supplier_id text NOT NULL, material_id text NOT NULL,
            quantity float8, unit text NOT NULL, unit_price float8, ordered_at timestamptz NOT NULL,
            ordered_on date NOT NULL, requested_date date NOT NULL, promised_date date,
            confirmation_hours float8, repromised_date date, cancelled boolean NOT NULL) ON COMMIT DROP
        """

    /// Lines due or ordered in the window: one pass over the lines. Lines received in the window but
    /// neither due nor ordered in it are ``insertLinesReceivedOnly``.
    private static let insertLinesDueOrOrdered = """
        WITH \(bounds)
        INSERT INTO \(linesTable)
        SELECT \(lineColumns)
        FROM procurement.order_lines l, bounds b
        WHERE l.ordered_at < b.hi
          AND (coalesce(l.promised_date, l.requested_date) BETWEEN $1::date AND $2::date OR l.ordered_at >= b.lo)
        """

    /// The lines with a receipt in the window that are not in scope yet (a thousand of a quarter million):
    /// found from the window's receipts, then fetched by key. Asking the lines first which of them had
    /// such a receipt scanned the whole order history a second time.
    private static let insertLinesReceivedOnly = """
        WITH \(bounds)
        INSERT INTO \(linesTable)
        SELECT \(lineColumns)
        FROM procurement.order_lines l, bounds b
        WHERE l.order_line_id = ANY (ARRAY(
                SELECT DISTINCT r.order_line_id FROM procurement.receipts r, bounds rb
                WHERE r.received_at >= rb.lo AND r.received_at < rb.hi
                  AND NOT EXISTS (SELECT 1 FROM \(linesTable) s WHERE s.order_line_id = r.order_line_id)))
          AND l.ordered_at < b.hi
        """

    /// The columns of ``linesTable`` from `procurement.order_lines l` and `bounds b`.
    private static let lineColumns = """
        l.order_line_id, l.supplier_id, l.material_id, \(SafeSQL.float8("l.quantity")), l.unit,
               \(SafeSQL.float8("l.unit_price")),
               l.ordered_at, \(LocalDay.of("l.ordered_at", zone: "$3")), l.requested_date, l.promised_date,
               CASE WHEN l.confirmed_at < b.hi THEN extract(epoch FROM l.confirmed_at - l.ordered_at)::float8 / 3600 END,
               l.repromised_date, l.cancelled
        """

    private static let createAcceptedDocuments = """
        CREATE TEMP TABLE scorecard_accepted_documents (
            document_id bigint NOT NULL, supplier_id text, material_id text, lot_number text,
            received_on date NOT NULL, imported_from_archive boolean NOT NULL) ON COMMIT DROP
        """

    private static let insertAcceptedDocuments = """
        WITH \(bounds)
        INSERT INTO \(acceptedDocumentsTable)
        SELECT d.document_id, d.supplier_id, d.material_id, d.lot_number, \(LocalDay.of("d.received_at", zone: "$3")),
               d.imported_from_archive
        FROM scorecard_store.coa_documents d, bounds b
        WHERE d.status = 'accepted' AND d.received_at < b.hi
        """

    private static let createReceipts = """
        CREATE TEMP TABLE scorecard_receipts_in_scope (
            receipt_id text NOT NULL, order_line_id text NOT NULL, supplier_id text NOT NULL,
            material_id text NOT NULL, cancelled boolean NOT NULL, received_at timestamptz NOT NULL,
            received_on date NOT NULL, quantity float8, lot_number text,
            coa_accepted_on date, ordered_on date NOT NULL, ordered_quantity float8 NOT NULL) ON COMMIT DROP
        """

    /// With the day the lot's first accepted CoA arrived (NULL: none by the end of the as-of day). A CoA
    /// imported from an archive is known from the day its own dates give, but it is never late: it counts
    /// as arrived by the lot's receipt at the latest (its file's time says nothing of when it came).
    private static let insertReceipts = """
        WITH \(bounds),
        first_accepted AS (
            SELECT supplier_id, material_id, lot_number,
                   min(received_on) FILTER (WHERE NOT imported_from_archive) AS accepted_on,
                   min(received_on) FILTER (WHERE imported_from_archive) AS archived_on
            FROM \(acceptedDocumentsTable) WHERE lot_number IS NOT NULL GROUP BY supplier_id, material_id, lot_number)
        INSERT INTO \(receiptsTable)
        SELECT r.receipt_id, r.order_line_id, l.supplier_id, l.material_id, l.cancelled, r.received_at,
               \(LocalDay.of("r.received_at", zone: "$3")), \(SafeSQL.float8("r.quantity")), r.lot_number,
               least(f.accepted_on,
                     CASE WHEN f.archived_on IS NOT NULL
                          THEN least(f.archived_on, \(LocalDay.of("r.received_at", zone: "$3"))) END),
               l.ordered_on, l.quantity
        FROM \(linesTable) l JOIN procurement.receipts r USING (order_line_id)
        LEFT JOIN first_accepted f
          ON f.supplier_id = l.supplier_id AND f.material_id = l.material_id AND f.lot_number = r.lot_number,
        bounds b
        WHERE r.received_at < b.hi
        """

    private static let createInspections = """
        CREATE TEMP TABLE scorecard_inspections (
            supplier_id text NOT NULL, receipt_id text NOT NULL, material_id text NOT NULL, lot_number text,
            characteristic text NOT NULL, value float8, unit text NOT NULL,
            measured_at timestamptz NOT NULL, measured_on date NOT NULL) ON COMMIT DROP
        """

    private static let insertInspections = """
        WITH \(bounds)
        INSERT INTO \(inspectionsTable)
        SELECT ol.supplier_id, i.receipt_id, ol.material_id, r.lot_number, i.characteristic,
               \(SafeSQL.float8("i.value")),
               i.unit, i.measured_at, \(LocalDay.of("i.measured_at", zone: "$3"))
        FROM procurement.inspection_results i
        JOIN procurement.receipts r USING (receipt_id)
        JOIN procurement.order_lines ol USING (order_line_id), bounds b
        WHERE i.measured_at < b.hi
        """
}
