import Domain
import Foundation
import Postgres
import Scoring

/// Loads the inputs of one scoring run from `procurement.*` and `scorecard.coa_*`, for a batch of suppliers.
///
/// Everything is seen as it was known at the end of the as-of day: receipts, defects, answers and
/// confirmations after it are ignored, so re-running an old date gives the same numbers.
/// Timestamps are turned into days in the configured time zone here, once, by PostgreSQL.
public struct InputLoader {
    public struct Window: Sendable, Hashable {
        /// First day of the look-back (baseline window start).
        public var from: Day
        /// The as-of day (inclusive).
        public var asOf: Day
        /// IANA time zone name, e.g. `UTC` or `Europe/Berlin`.
        public var timeZone: String

        public init(from: Day, asOf: Day, timeZone: String) {
            self.from = from
            self.asOf = asOf
            self.timeZone = timeZone
        }
    }

    private let connection: PostgresConnection
    private let window: Window
    /// A receipt of more than this many times its line's quantity is left out (`input.max_received_factor`).
    private let maxReceivedFactor: Double

    public init(_ connection: PostgresConnection, window: Window, maxReceivedFactor: Double = 10) {
        self.connection = connection
        self.window = window
        self.maxReceivedFactor = maxReceivedFactor
    }

    /// Collects the rows every batch reads (``RunScope``) once per run. Call inside the run's transaction and
    /// pass the result to every ``load(_:in:anomalies:)`` of that transaction.
    public func collectScope() throws -> RunScope {
        guard connection.inTransactionBlock else {
            throw StoreError.missing("a transaction around the scoring run (the run's scope lives in it)")
        }
        return try RunScope.collect(connection, window: window, maxReceivedFactor: maxReceivedFactor)
    }

    /// The supplier ids to score, in a stable order.
    public func supplierIds() throws -> [SupplierInfo] {
        var suppliers: [SupplierInfo] = []
        try connection.stream(
            "SELECT supplier_id, name, country, active FROM procurement.suppliers ORDER BY supplier_id"
        ) { row in
            suppliers.append(
                SupplierInfo(
                    supplierId: try row.decode(String.self, at: 0), name: try row.decode(String.self, at: 1),
                    country: try row.decodeIfPresent(String.self, at: 2),
                    active: try row.decode(Bool.self, at: 3)))
        }
        return suppliers
    }

    /// Material id → criticality (`critical`, `major`, `minor`).
    public func materialCriticality() throws -> [String: MaterialCriticality] {
        var map: [String: MaterialCriticality] = [:]
        try connection.stream("SELECT material_id, criticality FROM procurement.materials") { row in
            if let criticality = MaterialCriticality(rawValue: try row.decode(String.self, at: 1)) {
                map[try row.decode(String.self, at: 0)] = criticality
            }
        }
        return map
    }

    /// The approved supplier list.
    public func approvedSources() throws -> [ApprovedSource] {
        var sources: [ApprovedSource] = []
        try connection.stream(
            "SELECT supplier_id, material_id, status, supplier_part_number FROM procurement.approved_sources"
        ) { row in
            guard let status = ApprovedSource.Status(rawValue: try row.decode(String.self, at: 2)) else {
                return
            }
            sources.append(
                ApprovedSource(
                    supplierId: try row.decode(String.self, at: 0),
                    materialId: try row.decode(String.self, at: 1),
                    status: status, supplierPartNumber: try row.decodeIfPresent(String.self, at: 3)))
        }
        return sources
    }

    /// Every specification version (readiness needs the specification unchanged over the window).
    public func specificationVersions() throws -> [SpecificationVersion] {
        var versions: [SpecificationVersion] = []
        try connection.stream(
            """
            SELECT material_id, characteristic, \(SafeSQL.day("valid_from")), \(SafeSQL.day("valid_to"))
            FROM procurement.specifications
            """
        ) { row in
            versions.append(
                SpecificationVersion(
                    materialId: try row.decode(String.self, at: 0),
                    characteristic: try row.decode(String.self, at: 1),
                    validFrom: try row.decode(Day.self, at: 2),
                    validTo: try row.decodeIfPresent(Day.self, at: 3)))
        }
        return versions
    }

    /// The recommended statuses of the latest successful run before `runId`, for the changes since then.
    public func previousDecisions(before runId: Int64) throws -> [String: PreviousDecision] {
        var previous: [String: PreviousDecision] = [:]
        guard let last = try RunLedger(connection).latestSucceeded(before: runId)?.runId else {
            return previous
        }
        try connection.stream(
            "SELECT supplier_id, recommended_status FROM scorecard_store.supplier_scores WHERE run_id = $1",
            [last]
        ) { row in
            guard let status = SupplierStatus(rawValue: try row.decode(String.self, at: 1)) else { return }
            let id = try row.decode(String.self, at: 0)
            previous[id] = PreviousDecision(supplierId: id, status: status)
        }
        try connection.stream(
            """
            SELECT supplier_id, material_id, recommended_status FROM scorecard_store.material_decisions
            WHERE run_id = $1 AND recommended_status IS NOT NULL
            """, [last]
        ) { row in
            guard let status = SupplierStatus(rawValue: try row.decode(String.self, at: 2)) else { return }
            previous[try row.decode(String.self, at: 0)]?.materialStatuses[
                try row.decode(String.self, at: 1)] = status
        }
        return previous
    }

    /// Inputs of the given suppliers; rows that break the model's assumptions are reported in `anomalies`
    /// and left out of the figures they would distort.
    public func load(_ suppliers: [SupplierInfo], in scope: RunScope, anomalies: inout [InputAnomaly]) throws
        -> [SupplierInputs]
    {
        guard scope.window == window else {
            throw StoreError.badValue("run scope", "collected for \(scope.window), loading for \(window)")
        }
        let ids = PostgresArray(suppliers.map(\.supplierId))
        var inputs: [String: SupplierInputs] = [:]
        for supplier in suppliers { inputs[supplier.supplierId] = SupplierInputs(supplier: supplier) }
        let bounds: [(any PostgresEncodable)?] = [window.from, window.asOf, window.timeZone, ids]

        // The three big inputs of a batch (lines, receipts, measurements) are read whole and decoded on every
        // core, then sorted here: the server's sort held back every row until the batch was read, and
        // decoding a hundred thousand rows on one core left the other idle.
        var loadedLines = try connection.query(Self.orderLinesSQL, [ids]).decodeInParallel { row in
            (
                orderedAt: try row.decode(Double.self, at: 12),
                line: OrderLine(
                    orderLineId: try row.decode(String.self, at: 0),
                    supplierId: try row.decode(String.self, at: 1),
                    materialId: try row.decode(String.self, at: 2),
                    quantity: try row.decode(Double.self, at: 3),
                    unit: try row.decode(String.self, at: 4),
                    unitPrice: try row.decodeIfPresent(Double.self, at: 5),
                    orderedOn: try row.decode(Day.self, at: 6),
                    requestedDate: try row.decode(Day.self, at: 7),
                    promisedDate: try row.decodeIfPresent(Day.self, at: 8),
                    confirmationHours: try row.decodeIfPresent(Double.self, at: 9),
                    repromisedDate: try row.decodeIfPresent(Day.self, at: 10),
                    cancelled: try row.decode(Bool.self, at: 11))
            )
        }
        var lines: [String: Int] = [:]
        for (slot, loaded) in loadedLines.enumerated() { lines[loaded.line.orderLineId] = slot }
        var receipts = try connection.query(Self.receiptsSQL, [ids]).decodeInParallel { row in
            ScopedReceipt(
                receipt: Receipt(
                    receiptId: try row.decode(String.self, at: 0),
                    orderLineId: try row.decode(String.self, at: 1),
                    supplierId: try row.decode(String.self, at: 2),
                    materialId: try row.decode(String.self, at: 3),
                    receivedOn: try row.decode(Day.self, at: 4),
                    quantity: try row.decode(Double.self, at: 5),
                    lotNumber: try row.decodeIfPresent(String.self, at: 6)),
                receivedAt: try row.decode(Double.self, at: 7),
                coaAcceptedOn: try row.decodeIfPresent(Day.self, at: 8))
        }
        receipts = receipts.sortedByIndex(by: ScopedReceipt.byLine)
        var lots: [ScopedReceipt] = []
        for scoped in receipts {
            let receipt = scoped.receipt
            guard let slot = lines[receipt.orderLineId] else { continue }
            if loadedLines[slot].line.cancelled {
                anomalies.append(
                    InputAnomaly(
                        table: "procurement.receipts", key: receipt.receiptId,
                        problem:
                            "receipt against cancelled order line \(receipt.orderLineId); left out of delivery figures"
                    ))
                continue
            }
            loadedLines[slot].line.receipts.append(receipt)
            // Lots received in the look-back of materials that have specifications: whether their CoA came.
            if receipt.receivedOn >= window.from, scope.specifiedMaterials.contains(receipt.materialId) {
                lots.append(scoped)
            }
        }
        loadedLines = loadedLines.sortedByIndex(by: OrderLine.inScopeOrder)
        for (_, line) in loadedLines { inputs[line.supplierId]?.orderLines.append(line) }
        lots = lots.sortedByIndex(by: ScopedReceipt.byArrival)
        for lot in lots {
            let receipt = lot.receipt
            inputs[receipt.supplierId]?.lots.append(
                LotCoAStatus(
                    receiptId: receipt.receiptId, supplierId: receipt.supplierId,
                    materialId: receipt.materialId,
                    lotNumber: receipt.lotNumber, receivedOn: receipt.receivedOn,
                    coaAcceptedOn: lot.coaAcceptedOn))
        }

        try connection.stream(Self.defectsSQL, bounds) { row in
            let defectId = try row.decode(String.self, at: 0)
            let quantity = try row.decode(Double.self, at: 6)
            guard quantity >= 0 else {
                anomalies.append(
                    InputAnomaly(
                        table: "procurement.defects", key: defectId, field: "defective_quantity",
                        problem: "negative defective quantity \(quantity); left out of PPM"))
                return
            }
            if let problem = InputRange.problem(quantity) {
                anomalies.append(
                    InputAnomaly(
                        table: "procurement.defects", key: defectId, field: "defective_quantity",
                        problem:
                            "defective quantity \(quantity) \(problem) (NaN: beyond a float8); left out of PPM"
                    ))
                return
            }
            guard let severity = Severity(defectSeverity: try row.decode(String.self, at: 5)),
                let disposition = Defect.Disposition(rawValue: try row.decode(String.self, at: 7))
            else {
                anomalies.append(
                    InputAnomaly(
                        table: "procurement.defects", key: defectId,
                        problem: "unknown severity or disposition"))
                return
            }
            let defect = Defect(
                defectId: defectId, receiptId: try row.decodeIfPresent(String.self, at: 1),
                supplierId: try row.decode(String.self, at: 2),
                materialId: try row.decode(String.self, at: 3),
                detectedOn: try row.decode(Day.self, at: 4), severity: severity, defectiveQuantity: quantity,
                disposition: disposition)
            inputs[defect.supplierId]?.defects.append(defect)
        }

        try connection.stream(Self.communicationsSQL, bounds) { row in
            let communicationId = try row.decode(String.self, at: 0)
            // Not decoded then: it may be any timestamp at all (`-infinity`, BC).
            if try row.decode(Bool.self, at: 6) {
                anomalies.append(
                    InputAnomaly(
                        table: "procurement.communications", key: communicationId, field: "responded_at",
                        problem: "answered before it was sent; left out of response times"))
                return
            }
            let message = Communication(
                communicationId: communicationId,
                supplierId: try row.decode(String.self, at: 1),
                kind: try row.decode(String.self, at: 2), sentAt: try row.decode(Date.self, at: 3),
                sentOn: try row.decode(Day.self, at: 4),
                respondedAt: try row.decodeIfPresent(Date.self, at: 5))
            inputs[message.supplierId]?.communications.append(message)
        }

        try connection.stream(
            Self.quotationsSQL, [window.asOf, ids, InputRange.earliestDay]
        ) { row in
            if let broken = try row.decodeIfPresent(Int.self, at: 8) {
                anomalies.append(
                    InputRule.anomaly(
                        Self.quotationRules, index: broken,
                        value: try row.decodeIfPresent(String.self, at: 9),
                        table: "procurement.quotations", key: try row.decode(String.self, at: 0),
                        action: .leftOut))
                return
            }
            let quotation = Quotation(
                quotationId: try row.decode(String.self, at: 0),
                supplierId: try row.decode(String.self, at: 1),
                materialId: try row.decode(String.self, at: 2), quotedOn: try row.decode(Day.self, at: 3),
                minQuantity: try row.decode(Double.self, at: 4),
                unitPrice: try row.decode(Double.self, at: 5),
                leadTimeDays: try row.decode(Int.self, at: 6),
                validUntil: try row.decodeIfPresent(Day.self, at: 7))
            inputs[quotation.supplierId]?.quotations.append(quotation)
        }

        let measurements = try connection.query(Self.measurementsSQL, [ids, window.asOf]).decodeInParallel {
            row -> LotMeasurement? in
            guard let verdict = Verdict(rawValue: try row.decode(String.self, at: 7)) else { return nil }
            return LotMeasurement(
                documentId: try row.decode(Int64.self, at: 0), supplierId: try row.decode(String.self, at: 1),
                materialId: try row.decode(String.self, at: 2),
                characteristic: try row.decode(String.self, at: 3),
                lotNumber: try row.decode(String.self, at: 4), lotDay: try row.decode(Day.self, at: 5),
                value: try row.decodeIfPresent(Double.self, at: 6), verdict: verdict,
                lowerLimit: try row.decodeIfPresent(Double.self, at: 8),
                upperLimit: try row.decodeIfPresent(Double.self, at: 9),
                target: try row.decodeIfPresent(Double.self, at: 10),
                unit: try row.decodeIfPresent(String.self, at: 11))
        }
        for measurement in measurements { inputs[measurement.supplierId]?.measurements.append(measurement) }
        // Sorted per supplier (see the lines above).
        for (id, input) in inputs {
            inputs[id]?.measurements = input.measurements.sortedByIndex(by: LotMeasurement.inSeriesOrder)
        }

        try connection.stream(Self.inspectionsSQL, [ids]) { row in
            let inspection = InspectionResult(
                receiptId: try row.decode(String.self, at: 1), materialId: try row.decode(String.self, at: 2),
                lotNumber: try row.decodeIfPresent(String.self, at: 3),
                characteristic: try row.decode(String.self, at: 4),
                value: try row.decode(Double.self, at: 5), unit: try row.decode(String.self, at: 6),
                measuredOn: try row.decode(Day.self, at: 7))
            inputs[try row.decode(String.self, at: 0)]?.inspections.append(inspection)
        }

        return suppliers.compactMap { inputs[$0.supplierId] }
    }

    // $1 supplier ids: the batch's rows from the run's scope (``RunScope``), in no order; the epoch seconds
    // of the order's and the receipt's timestamps order them.
    static let orderLinesSQL = """
        SELECT order_line_id, supplier_id, material_id, quantity, unit, unit_price, ordered_on, requested_date,
               promised_date, confirmation_hours, repromised_date, cancelled, date_part('epoch', ordered_at)
        FROM \(RunScope.linesTable)
        WHERE supplier_id = ANY($1::text[])
        """

    /// With the day the lot's first accepted CoA arrived (NULL: none by the end of the as-of day), for the
    /// lots whose CoA is missing. A receipt in the look-back puts its line in scope, so the scope's receipts
    /// hold every such lot.
    static let receiptsSQL = """
        SELECT receipt_id, order_line_id, supplier_id, material_id, received_on, quantity, lot_number,
               date_part('epoch', received_at), coa_accepted_on
        FROM \(RunScope.receiptsTable)
        WHERE supplier_id = ANY($1::text[])
        """

    // $1 from day, $2 as-of day, $3 time zone, $4 supplier ids; `bounds` as in ``RunScope/bounds``.
    static let defectsSQL = """
        WITH \(RunScope.bounds)
        SELECT d.defect_id, d.receipt_id, d.supplier_id, d.material_id, \(LocalDay.of("d.detected_at", zone: "$3")),
               d.severity, \(SafeSQL.float8("d.defective_quantity")), d.disposition
        FROM procurement.defects d, bounds b
        WHERE d.supplier_id = ANY($4::text[]) AND d.detected_at >= b.lo AND d.detected_at < b.hi
        ORDER BY d.supplier_id, d.detected_at, d.defect_id
        """

    static let communicationsSQL = """
        WITH \(RunScope.bounds)
        SELECT c.communication_id, c.supplier_id, c.kind, c.sent_at, \(LocalDay.of("c.sent_at", zone: "$3")),
               CASE WHEN c.responded_at < b.hi AND c.responded_at >= c.sent_at THEN c.responded_at END,
               coalesce(c.responded_at < c.sent_at, false)
        FROM procurement.communications c, bounds b
        WHERE c.supplier_id = ANY($4::text[]) AND c.sent_at >= b.lo AND c.sent_at < b.hi
        ORDER BY c.supplier_id, c.sent_at, c.communication_id
        """

    static let quotationsSQL = """
        SELECT quotation_id, supplier_id, material_id, quoted_at, min_quantity, unit_price, lead_time_days,
               \(SafeSQL.day("valid_until")), \(InputRule.firstBroken(quotationRules))
        FROM (SELECT quotation_id, supplier_id, material_id, quoted_at, \(SafeSQL.float8("min_quantity")) AS min_quantity,
                     \(SafeSQL.float8("unit_price")) AS unit_price, lead_time_days, valid_until
              FROM procurement.quotations) q
        WHERE supplier_id = ANY($2::text[]) AND quoted_at <= $1::date
        ORDER BY supplier_id, material_id, quoted_at, min_quantity, quotation_id
        """

    /// $3 the earliest plausible day; valid-until is clamped to the days read (`infinity`: open).
    static let quotationRules = [
        InputRule.day("quoted_at", earliest: "$3::date"), InputRule.magnitude("min_quantity"),
        InputRule.magnitude("unit_price", allowZero: true),
        InputRule(
            field: "lead_time_days", broken: "lead_time_days > \(InputRange.latestDaysAfterAsOf)",
            problem: "is more than ten years"),
    ]

    /// Every judged result of accepted CoAs known by the end of the as-of day, in no order
    /// (``LotMeasurement/inSeriesOrder`` sorts them).
    static let measurementsSQL = """
        SELECT m.document_id, m.supplier_id, m.material_id, m.characteristic, m.lot_number, m.lot_day,
               m.value_in_spec_unit, m.verdict, m.lower_limit, m.upper_limit, m.target, m.spec_unit
        FROM scorecard_store.coa_measurements m JOIN \(RunScope.acceptedDocumentsTable) USING (document_id)
        WHERE m.supplier_id = ANY($1::text[]) AND m.lot_day <= $2::date
        """

    /// Our own lab's results on lots received by the supplier, measured by the end of the as-of day.
    static let inspectionsSQL = """
        SELECT supplier_id, receipt_id, material_id, lot_number, characteristic, value, unit, measured_on
        FROM \(RunScope.inspectionsTable)
        WHERE supplier_id = ANY($1::text[])
        ORDER BY supplier_id, measured_at, receipt_id, characteristic
        """
}

/// An input row that breaks the model's assumptions: named in the log and the run summary, excluded
/// from the figures it would distort.
public struct InputAnomaly: Sendable, Hashable, CustomStringConvertible {
    /// What the run did with the row.
    public enum Action: String, Sendable, Hashable {
        /// Left out of the figures it would distort.
        case leftOut = "left_out"
        /// Used, with the field that broke the assumption set aside (said in `problem`).
        case used
    }

    public var table: String
    public var key: String
    /// The column that broke the assumption; nil when the row as a whole does.
    public var field: String?
    public var problem: String
    public var action: Action

    public init(table: String, key: String, field: String? = nil, problem: String, action: Action = .leftOut)
    {
        self.table = table
        self.key = key
        self.field = field
        self.problem = problem
        self.action = action
    }

    public var description: String {
        "\(table) \(key): \(problem); " + (action == .leftOut ? "row left out" : "used with a warning")
    }
}

extension Severity {
    /// Defect severities are critical/major/minor; a major nonconformance is a warning-level finding.
    init?(defectSeverity: String) {
        switch defectSeverity {
        case "critical": self = .critical
        case "major": self = .warning
        case "minor": self = .info
        default: return nil
        }
    }
}
