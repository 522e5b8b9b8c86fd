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
                    supplierId: try row.decode(String.self, column: "supplier_id"),
                    name: try row.decode(String.self, column: "name"),
                    country: try row.decodeIfPresent(String.self, column: "country"),
                    active: try row.decode(Bool.self, column: "active")))
        }
        return suppliers
    }

    /// Material id → criticality (`critical`, `major`, `minor`).
    public func materialCriticality() throws -> [String: MaterialCriticality] {
        var map: [String: MaterialCriticality] = [:]
        try connection.stream("SELECT material_id, criticality FROM procurement.materials") { row in
            if let criticality = MaterialCriticality(
                rawValue: try row.decode(String.self, column: "criticality"))
            {
                map[try row.decode(String.self, column: "material_id")] = criticality
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
            guard let status = ApprovedSource.Status(rawValue: try row.decode(String.self, column: "status"))
            else {
                return
            }
            sources.append(
                ApprovedSource(
                    supplierId: try row.decode(String.self, column: "supplier_id"),
                    materialId: try row.decode(String.self, column: "material_id"),
                    status: status,
                    supplierPartNumber: try row.decodeIfPresent(String.self, column: "supplier_part_number")))
        }
        return sources
    }

    /// Every specification version (readiness needs the specification unchanged over the window).
    public func specificationVersions() throws -> [SpecificationVersion] {
        var versions: [SpecificationVersion] = []
        try connection.stream(
            """
            SELECT material_id, characteristic, \(SafeSQL.day("valid_from")) AS valid_from,
                   \(SafeSQL.day("valid_to")) AS valid_to
            FROM procurement.specifications
            """
        ) { row in
            versions.append(
                SpecificationVersion(
                    materialId: try row.decode(String.self, column: "material_id"),
                    characteristic: try row.decode(String.self, column: "characteristic"),
                    validFrom: try row.decode(Day.self, column: "valid_from"),
                    validTo: try row.decodeIfPresent(Day.self, column: "valid_to")))
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
            guard
                let status = SupplierStatus(
                    rawValue: try row.decode(String.self, column: "recommended_status"))
            else { return }
            let id = try row.decode(String.self, column: "supplier_id")
            previous[id] = PreviousDecision(supplierId: id, status: status)
        }
        try connection.stream(
            """
            SELECT supplier_id, material_id, recommended_status FROM scorecard_store.material_decisions
            WHERE run_id = $1 AND recommended_status IS NOT NULL
            """, [last]
        ) { row in
            guard
                let status = SupplierStatus(
                    rawValue: try row.decode(String.self, column: "recommended_status"))
            else { return }
            previous[try row.decode(String.self, column: "supplier_id")]?.materialStatuses[
                try row.decode(String.self, column: "material_id")] = status
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
        var loadedLines = try connection.query(Self.orderLinesSQL, [ids]).decodeInParallel { raw in
            let row = raw.columns(OrderLineColumn.self)
            return (
                orderedAt: try row.decode(Double.self, .orderedAt),
                line: OrderLine(
                    orderLineId: try row.decode(String.self, .orderLineId),
                    supplierId: try row.decode(String.self, .supplierId),
                    materialId: try row.decode(String.self, .materialId),
                    quantity: try row.decode(Double.self, .quantity),
                    unit: try row.decode(String.self, .unit),
                    unitPrice: try row.decodeIfPresent(Double.self, .unitPrice),
                    orderedOn: try row.decode(Day.self, .orderedOn),
                    requestedDate: try row.decode(Day.self, .requestedDate),
                    promisedDate: try row.decodeIfPresent(Day.self, .promisedDate),
                    confirmationHours: try row.decodeIfPresent(Double.self, .confirmationHours),
                    repromisedDate: try row.decodeIfPresent(Day.self, .repromisedDate),
                    cancelled: try row.decode(Bool.self, .cancelled))
            )
        }
        var lines: [String: Int] = [:]
        for (slot, loaded) in loadedLines.enumerated() { lines[loaded.line.orderLineId] = slot }
        var receipts = try connection.query(Self.receiptsSQL, [ids]).decodeInParallel { raw in
            let row = raw.columns(ReceiptColumn.self)
            return ScopedReceipt(
                receipt: Receipt(
                    receiptId: try row.decode(String.self, .receiptId),
                    orderLineId: try row.decode(String.self, .orderLineId),
                    supplierId: try row.decode(String.self, .supplierId),
                    materialId: try row.decode(String.self, .materialId),
                    receivedOn: try row.decode(Day.self, .receivedOn),
                    quantity: try row.decode(Double.self, .quantity),
                    lotNumber: try row.decodeIfPresent(String.self, .lotNumber)),
                receivedAt: try row.decode(Double.self, .receivedAt),
                coaAcceptedOn: try row.decodeIfPresent(Day.self, .coaAcceptedOn))
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

        try connection.stream(Self.defectsSQL, bounds) { raw in
            let row = raw.columns(DefectColumn.self)
            let defectId = try row.decode(String.self, .defectId)
            let quantity = try row.decode(Double.self, .defectiveQuantity)
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
            guard let severity = Severity(defectSeverity: try row.decode(String.self, .severity)),
                let disposition = Defect.Disposition(rawValue: try row.decode(String.self, .disposition))
            else {
                anomalies.append(
                    InputAnomaly(
                        table: "procurement.defects", key: defectId,
                        problem: "unknown severity or disposition"))
                return
            }
            let defect = Defect(
                defectId: defectId, receiptId: try row.decodeIfPresent(String.self, .receiptId),
                supplierId: try row.decode(String.self, .supplierId),
                materialId: try row.decode(String.self, .materialId),
                detectedOn: try row.decode(Day.self, .detectedOn), severity: severity,
                defectiveQuantity: quantity,
                disposition: disposition)
            inputs[defect.supplierId]?.defects.append(defect)
        }

        try connection.stream(Self.communicationsSQL, bounds) { raw in
            let row = raw.columns(CommunicationColumn.self)
            let communicationId = try row.decode(String.self, .communicationId)
            // Not decoded then: it may be any timestamp at all (`-infinity`, BC).
            if try row.decode(Bool.self, .answeredBeforeSent) {
                anomalies.append(
                    InputAnomaly(
                        table: "procurement.communications", key: communicationId, field: "responded_at",
                        problem: "answered before it was sent; left out of response times"))
                return
            }
            let message = Communication(
                communicationId: communicationId,
                supplierId: try row.decode(String.self, .supplierId),
                kind: try row.decode(String.self, .kind), sentAt: try row.decode(Date.self, .sentAt),
                sentOn: try row.decode(Day.self, .sentOn),
                respondedAt: try row.decodeIfPresent(Date.self, .respondedAt))
            inputs[message.supplierId]?.communications.append(message)
        }

        try connection.stream(
            Self.quotationsSQL, [window.asOf, ids, InputRange.earliestDay]
        ) { raw in
            let row = raw.columns(QuotationColumn.self)
            if let broken = try row.decodeIfPresent(Int.self, .brokenRule) {
                anomalies.append(
                    InputRule.anomaly(
                        Self.quotationRules, index: broken,
                        value: try row.decodeIfPresent(String.self, .brokenValue),
                        table: "procurement.quotations", key: try row.decode(String.self, .quotationId),
                        action: .leftOut))
                return
            }
            let quotation = Quotation(
                quotationId: try row.decode(String.self, .quotationId),
                supplierId: try row.decode(String.self, .supplierId),
                materialId: try row.decode(String.self, .materialId),
                quotedOn: try row.decode(Day.self, .quotedAt),
                minQuantity: try row.decode(Double.self, .minQuantity),
                unitPrice: try row.decode(Double.self, .unitPrice),
                leadTimeDays: try row.decode(Int.self, .leadTimeDays),
                validUntil: try row.decodeIfPresent(Day.self, .validUntil))
            inputs[quotation.supplierId]?.quotations.append(quotation)
        }

        let measurements = try connection.query(Self.measurementsSQL, [ids, window.asOf]).decodeInParallel {
            raw -> LotMeasurement? in
            let row = raw.columns(MeasurementColumn.self)
            guard let verdict = Verdict(rawValue: try row.decode(String.self, .verdict)) else { return nil }
            return LotMeasurement(
                documentId: try row.decode(Int64.self, .documentId),
                supplierId: try row.decode(String.self, .supplierId),
                materialId: try row.decode(String.self, .materialId),
                characteristic: try row.decode(String.self, .characteristic),
                lotNumber: try row.decode(String.self, .lotNumber), lotDay: try row.decode(Day.self, .lotDay),
                value: try row.decodeIfPresent(Double.self, .valueInSpecUnit), verdict: verdict,
                lowerLimit: try row.decodeIfPresent(Double.self, .lowerLimit),
                upperLimit: try row.decodeIfPresent(Double.self, .upperLimit),
                target: try row.decodeIfPresent(Double.self, .target),
                unit: try row.decodeIfPresent(String.self, .specUnit))
        }
        for measurement in measurements { inputs[measurement.supplierId]?.measurements.append(measurement) }
        // Sorted per supplier (see the lines above).
        for (id, input) in inputs {
            inputs[id]?.measurements = input.measurements.sortedByIndex(by: LotMeasurement.inSeriesOrder)
        }

        try connection.stream(Self.inspectionsSQL, [ids]) { raw in
            let row = raw.columns(InspectionColumn.self)
            let inspection = InspectionResult(
                receiptId: try row.decode(String.self, .receiptId),
                materialId: try row.decode(String.self, .materialId),
                lotNumber: try row.decodeIfPresent(String.self, .lotNumber),
                characteristic: try row.decode(String.self, .characteristic),
                value: try row.decode(Double.self, .value), unit: try row.decode(String.self, .unit),
                measuredOn: try row.decode(Day.self, .measuredOn))
            inputs[try row.decode(String.self, .supplierId)]?.inspections.append(inspection)
        }

        return suppliers.compactMap { inputs[$0.supplierId] }
    }
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
