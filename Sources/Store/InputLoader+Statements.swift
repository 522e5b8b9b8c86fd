import Domain
import Postgres

/// The statements ``InputLoader/load(_:in:anomalies:)`` reads a batch with, each beside its columns: the
/// select list is written from the column set and the rows are decoded by it.
extension InputLoader {
    enum OrderLineColumn: Int, PostgresColumns {
        case orderLineId, supplierId, materialId, quantity, unit, unitPrice, orderedOn, requestedDate
        case promisedDate, confirmationHours, repromisedDate, cancelled, orderedAt

        var expression: String {
            switch self {
            case .orderedAt: "date_part('epoch', ordered_at)"
            default: name
            }
        }
    }

    // $1 supplier ids: the batch's rows from the run's scope (``RunScope``), in no order; the epoch seconds
    // of the order's and the receipt's timestamps order them.
    static let orderLinesSQL = """
        SELECT \(OrderLineColumn.selectList)
        FROM \(RunScope.linesTable)
        WHERE supplier_id = ANY($1::text[])
        """

    enum ReceiptColumn: Int, PostgresColumns {
        case receiptId, orderLineId, supplierId, materialId, receivedOn, quantity, lotNumber, receivedAt
        case coaAcceptedOn

        var expression: String {
            switch self {
            case .receivedAt: "date_part('epoch', received_at)"
            default: name
            }
        }
    }

    /// With the day the lot's first accepted CoA arrived (NULL: none by the end of the as-of day), for the
    /// lots whose CoA is missing. A receipt in the look-back puts its line in scope, so the scope's receipts
    /// hold every such lot.
    static let receiptsSQL = """
        SELECT \(ReceiptColumn.selectList)
        FROM \(RunScope.receiptsTable)
        WHERE supplier_id = ANY($1::text[])
        """

    enum DefectColumn: Int, PostgresColumns {
        case defectId, receiptId, supplierId, materialId, detectedOn, severity, defectiveQuantity, disposition

        var expression: String {
            switch self {
            case .detectedOn: LocalDay.of("d.detected_at", zone: "$3")
            case .defectiveQuantity: SafeSQL.float8("d.defective_quantity")
            default: "d.\(name)"
            }
        }
    }

    // $1 from day, $2 as-of day, $3 time zone, $4 supplier ids; `bounds` as in ``RunScope/bounds``.
    static let defectsSQL = """
        WITH \(RunScope.bounds)
        SELECT \(DefectColumn.selectList)
        FROM procurement.defects d, bounds b
        WHERE d.supplier_id = ANY($4::text[]) AND d.detected_at >= b.lo AND d.detected_at < b.hi
        ORDER BY d.supplier_id, d.detected_at, d.defect_id
        """

    enum CommunicationColumn: Int, PostgresColumns {
        case communicationId, supplierId, kind, sentAt, sentOn, respondedAt, answeredBeforeSent

        var expression: String {
            switch self {
            case .sentOn: LocalDay.of("c.sent_at", zone: "$3")
            // Only an answer known by the end of the as-of day, and never one before the message.
            case .respondedAt:
                "CASE WHEN c.responded_at < b.hi AND c.responded_at >= c.sent_at THEN c.responded_at END"
            case .answeredBeforeSent: "coalesce(c.responded_at < c.sent_at, false)"
            default: "c.\(name)"
            }
        }
    }

    static let communicationsSQL = """
        WITH \(RunScope.bounds)
        SELECT \(CommunicationColumn.selectList)
        FROM procurement.communications c, bounds b
        WHERE c.supplier_id = ANY($4::text[]) AND c.sent_at >= b.lo AND c.sent_at < b.hi
        ORDER BY c.supplier_id, c.sent_at, c.communication_id
        """

    enum QuotationColumn: Int, PostgresColumns {
        case quotationId, supplierId, materialId, quotedAt, minQuantity, unitPrice, leadTimeDays, validUntil
        case brokenRule, brokenValue

        var expression: String {
            switch self {
            case .validUntil: SafeSQL.day("valid_until")
            case .brokenRule: InputRule.firstBrokenIndex(InputLoader.quotationRules)
            case .brokenValue: InputRule.firstBrokenValue(InputLoader.quotationRules)
            default: name
            }
        }
    }

    static let quotationsSQL = """
        SELECT \(QuotationColumn.selectList)
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

    enum MeasurementColumn: Int, PostgresColumns {
        case documentId, supplierId, materialId, characteristic, lotNumber, lotDay, valueInSpecUnit, verdict
        case lowerLimit, upperLimit, target, specUnit

        var expression: String { "m.\(name)" }
    }

    /// Every judged result of accepted CoAs known by the end of the as-of day, in no order
    /// (``LotMeasurement/inSeriesOrder`` sorts them).
    static let measurementsSQL = """
        SELECT \(MeasurementColumn.selectList)
        FROM scorecard_store.coa_measurements m JOIN \(RunScope.acceptedDocumentsTable) USING (document_id)
        WHERE m.supplier_id = ANY($1::text[]) AND m.lot_day <= $2::date
        """

    enum InspectionColumn: Int, PostgresColumns {
        case supplierId, receiptId, materialId, lotNumber, characteristic, value, unit, measuredOn
    }

    /// Our own lab's results on lots received by the supplier, measured by the end of the as-of day.
    static let inspectionsSQL = """
        SELECT \(InspectionColumn.selectList)
        FROM \(RunScope.inspectionsTable)
        WHERE supplier_id = ANY($1::text[])
        ORDER BY supplier_id, measured_at, receipt_id, characteristic
        """
}
