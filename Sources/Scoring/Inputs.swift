import Domain
import Foundation

// The plain inputs of one scoring run, loaded by the Store from procurement.* and scorecard.coa_*.
// Timestamps that metrics count in days arrive already converted to days in the configured time zone.

public struct SupplierInfo: Sendable, Hashable {
    public var supplierId: String
    public var name: String
    public var country: String?
    public var active: Bool

    public init(supplierId: String, name: String, country: String? = nil, active: Bool = true) {
        self.supplierId = supplierId
        self.name = name
        self.country = country
        self.active = active
    }
}

/// A receipt against an order line.
public struct Receipt: Sendable, Hashable {
    public var receiptId: String
    public var orderLineId: String
    public var supplierId: String
    public var materialId: String
    public var receivedOn: Day
    public var quantity: Double
    public var lotNumber: String?

    public init(
        receiptId: String, orderLineId: String, supplierId: String, materialId: String, receivedOn: Day,
        quantity: Double, lotNumber: String? = nil
    ) {
        self.receiptId = receiptId
        self.orderLineId = orderLineId
        self.supplierId = supplierId
        self.materialId = materialId
        self.receivedOn = receivedOn
        self.quantity = quantity
        self.lotNumber = lotNumber
    }
}

/// An order line with all its receipts (sorted by day).
public struct OrderLine: Sendable, Hashable {
    public var orderLineId: String
    public var supplierId: String
    public var materialId: String
    public var quantity: Double
    public var unit: String
    public var unitPrice: Double?
    public var orderedOn: Day
    public var requestedDate: Day
    public var promisedDate: Day?
    /// Hours from ordering to the supplier's confirmation; nil when not confirmed.
    public var confirmationHours: Double?
    public var repromisedDate: Day?
    public var cancelled: Bool
    public var receipts: [Receipt]

    /// The date a line is judged against: the supplier's first promise, else our requested date.
    public var due: Day { promisedDate ?? requestedDate }

    public init(
        orderLineId: String, supplierId: String, materialId: String, quantity: Double, unit: String,
        unitPrice: Double? = nil, orderedOn: Day, requestedDate: Day, promisedDate: Day? = nil,
        confirmationHours: Double? = nil, repromisedDate: Day? = nil, cancelled: Bool = false,
        receipts: [Receipt] = []
    ) {
        self.orderLineId = orderLineId
        self.supplierId = supplierId
        self.materialId = materialId
        self.quantity = quantity
        self.unit = unit
        self.unitPrice = unitPrice
        self.orderedOn = orderedOn
        self.requestedDate = requestedDate
        self.promisedDate = promisedDate
        self.confirmationHours = confirmationHours
        self.repromisedDate = repromisedDate
        self.cancelled = cancelled
        self.receipts = receipts
    }
}

/// A nonconformance report.
public struct Defect: Sendable, Hashable {
    public enum Disposition: String, Sendable, Hashable, CaseIterable {
        case reject, `return`, rework
        case useAsIs = "use_as_is"
        /// Rejected and returned lots count as lot rejections.
        public var rejectsLot: Bool { self == .reject || self == .return }
    }

    public var defectId: String
    public var receiptId: String?
    public var supplierId: String
    public var materialId: String
    public var detectedOn: Day
    public var severity: Severity
    public var defectiveQuantity: Double
    public var disposition: Disposition

    public init(
        defectId: String, receiptId: String?, supplierId: String, materialId: String, detectedOn: Day,
        severity: Severity, defectiveQuantity: Double, disposition: Disposition
    ) {
        self.defectId = defectId
        self.receiptId = receiptId
        self.supplierId = supplierId
        self.materialId = materialId
        self.detectedOn = detectedOn
        self.severity = severity
        self.defectiveQuantity = defectiveQuantity
        self.disposition = disposition
    }
}

/// One of our messages that expects an answer (`procurement.communications`).
public struct Communication: Sendable, Hashable {
    public var communicationId: String
    public var supplierId: String
    public var kind: String
    public var sentAt: Date
    /// The day it was sent, in the configured time zone (which window it falls in).
    public var sentOn: Day
    public var respondedAt: Date?

    public init(
        communicationId: String, supplierId: String, kind: String, sentAt: Date, sentOn: Day,
        respondedAt: Date?
    ) {
        self.communicationId = communicationId
        self.supplierId = supplierId
        self.kind = kind
        self.sentAt = sentAt
        self.sentOn = sentOn
        self.respondedAt = respondedAt
    }
}

/// A price and lead time for one quantity tier.
public struct Quotation: Sendable, Hashable {
    public var quotationId: String
    public var supplierId: String
    public var materialId: String
    public var quotedOn: Day
    public var minQuantity: Double
    public var unitPrice: Double
    public var leadTimeDays: Int
    public var validUntil: Day?

    public init(
        quotationId: String, supplierId: String, materialId: String, quotedOn: Day, minQuantity: Double,
        unitPrice: Double, leadTimeDays: Int, validUntil: Day? = nil
    ) {
        self.quotationId = quotationId
        self.supplierId = supplierId
        self.materialId = materialId
        self.quotedOn = quotedOn
        self.minQuantity = minQuantity
        self.unitPrice = unitPrice
        self.leadTimeDays = leadTimeDays
        self.validUntil = validUntil
    }
}

/// One judged CoA result of one lot, in the specification's unit (from scorecard.coa_measurements).
public struct LotMeasurement: Sendable, Hashable {
    public var documentId: Int64
    public var supplierId: String
    public var materialId: String
    public var characteristic: String
    public var lotNumber: String
    /// Manufacture date, else the CoA's issue date, else the day it was ingested: the series order.
    public var lotDay: Day
    /// nil for results that are not numeric.
    public var value: Double?
    public var verdict: Verdict
    public var lowerLimit: Double?
    public var upperLimit: Double?
    public var target: Double?
    public var unit: String?

    public init(
        documentId: Int64, supplierId: String, materialId: String, characteristic: String, lotNumber: String,
        lotDay: Day, value: Double?, verdict: Verdict, lowerLimit: Double?, upperLimit: Double?,
        target: Double? = nil, unit: String? = nil
    ) {
        self.documentId = documentId
        self.supplierId = supplierId
        self.materialId = materialId
        self.characteristic = characteristic
        self.lotNumber = lotNumber
        self.lotDay = lotDay
        self.value = value
        self.verdict = verdict
        self.lowerLimit = lowerLimit
        self.upperLimit = upperLimit
        self.target = target
        self.unit = unit
    }
}

/// A received lot of a material that has specifications, and whether an accepted CoA covers it.
public struct LotCoAStatus: Sendable, Hashable {
    public var receiptId: String
    public var supplierId: String
    public var materialId: String
    public var lotNumber: String?
    public var receivedOn: Day
    /// The day the first accepted CoA for this lot was ingested; nil when none.
    public var coaAcceptedOn: Day?

    public init(
        receiptId: String, supplierId: String, materialId: String, lotNumber: String?, receivedOn: Day,
        coaAcceptedOn: Day?
    ) {
        self.receiptId = receiptId
        self.supplierId = supplierId
        self.materialId = materialId
        self.lotNumber = lotNumber
        self.receivedOn = receivedOn
        self.coaAcceptedOn = coaAcceptedOn
    }
}

/// One of our own lab's results on a received lot (`procurement.inspection_results`, joined to the
/// receipt for its lot and material), in the specification's unit.
public struct InspectionResult: Sendable, Hashable {
    public var receiptId: String
    public var materialId: String
    public var lotNumber: String?
    public var characteristic: String
    public var value: Double
    public var unit: String
    public var measuredOn: Day

    public init(
        receiptId: String, materialId: String, lotNumber: String?, characteristic: String, value: Double,
        unit: String, measuredOn: Day
    ) {
        self.receiptId = receiptId
        self.materialId = materialId
        self.lotNumber = lotNumber
        self.characteristic = characteristic
        self.value = value
        self.unit = unit
        self.measuredOn = measuredOn
    }
}

/// How much a material matters (`procurement.materials.criticality`).
public enum MaterialCriticality: String, Sendable, Hashable, CaseIterable {
    case critical, major, minor
}

/// Everything one supplier's score is computed from. Order lines and receipts cover the look-back
/// (current plus baseline window); measurement series cover each series' baseline lots and recent lots.
public struct SupplierInputs: Sendable {
    public var supplier: SupplierInfo
    public var orderLines: [OrderLine]
    public var defects: [Defect]
    public var communications: [Communication]
    public var quotations: [Quotation]
    public var measurements: [LotMeasurement]
    public var lots: [LotCoAStatus]
    /// Criticality of the materials in these inputs; a material not listed is treated as not critical.
    public var materialCriticality: [String: MaterialCriticality]
    /// Our lab's results on this supplier's lots (optional feed), for the CoA credibility check.
    public var inspections: [InspectionResult]

    public init(
        supplier: SupplierInfo, orderLines: [OrderLine] = [], defects: [Defect] = [],
        communications: [Communication] = [], quotations: [Quotation] = [],
        measurements: [LotMeasurement] = [],
        lots: [LotCoAStatus] = [], materialCriticality: [String: MaterialCriticality] = [:],
        inspections: [InspectionResult] = []
    ) {
        self.supplier = supplier
        self.orderLines = orderLines
        self.defects = defects
        self.communications = communications
        self.quotations = quotations
        self.measurements = measurements
        self.lots = lots
        self.materialCriticality = materialCriticality
        self.inspections = inspections
    }

    func isCritical(_ materialId: String) -> Bool { materialCriticality[materialId] == .critical }
}
