import Domain
import Foundation

/// A certificate as judged, the rows Store writes: the document (accepted, rejected or a duplicate,
/// with why) and its measurements against the specification in force.
public enum DocumentStatus: String, Sendable {
    case accepted, rejected, duplicate
}

/// A row of `scorecard_store.coa_documents`.
public struct CoADocumentRecord: Sendable {
    public var documentId: Int64
    public var sha256: String
    public var path: String
    public var supplierId: String?
    public var format: String?
    public var status: DocumentStatus
    public var reason: String?
    public var errorLine: Int?
    public var errorColumn: Int?
    public var duplicateOf: Int64?
    public var materialId: String?
    public var lotNumber: String?
    public var manufactured: Day?
    public var issued: Day?
    public var purchaseOrder: String?
    /// What the profile could not read into a field; stored as a JSON array.
    public var warnings: [ExtractionWarning] = []
    public var sizeBytes: Int
    /// The bytes as received, or a ``RawExcerpt`` of a document that is not XML; nil for duplicates.
    public var raw: [UInt8]?
    /// When the file arrived (its modification time, never later than now; for an archive's file, the
    /// arrival its own dates give, see `ArchiveArrival`).
    public var receivedAt: Date
    /// Imported from an archive (`scorecard run --archive`): never counted as late.
    public var importedFromArchive = false
    /// The file's modification time when it is not `receivedAt` (an archive's file): what the intake's
    /// quick check compares.
    public var fileModifiedAt: Date?

    public init(
        documentId: Int64, sha256: String, path: String, supplierId: String?, status: DocumentStatus,
        sizeBytes: Int,
        receivedAt: Date
    ) {
        self.receivedAt = receivedAt
        self.documentId = documentId
        self.sha256 = sha256
        self.path = path
        self.supplierId = supplierId
        self.status = status
        self.sizeBytes = sizeBytes
    }
}

/// A row of `scorecard_store.coa_measurements`.
public struct MeasurementRecord: Sendable {
    public var documentId: Int64
    public var position: Int
    public var supplierId: String
    public var materialId: String
    public var lotNumber: String
    public var lotDay: Day
    public var characteristic: String
    public var reportedCharacteristic: String
    public var method: String?
    public var reportedText: String
    public var qualifier: String?
    public var value: Double?
    public var unit: String?
    public var valueInSpecUnit: Double?
    public var specUnit: String?
    public var lowerLimit: Double?
    public var upperLimit: Double?
    public var target: Double?
    public var specValidFrom: Day?
    public var supplierLower: Double?
    public var supplierUpper: Double?
    public var supplierLimitsWider: Bool
    public var bandPosition: Double?
    public var verdict: Verdict
    public var note: String?

    public init(
        documentId: Int64, position: Int, supplierId: String, materialId: String, lotNumber: String,
        lotDay: Day,
        result: ReportedResult, evaluation: Evaluation, specification: Specification?
    ) {
        self.documentId = documentId
        self.position = position
        self.supplierId = supplierId
        self.materialId = materialId
        self.lotNumber = lotNumber
        self.lotDay = lotDay
        characteristic = result.characteristic
        reportedCharacteristic = result.reportedCharacteristic
        method = result.method
        reportedText = result.reportedText
        qualifier = evaluation.qualifier == .none ? nil : evaluation.qualifier.rawValue
        value = evaluation.value
        unit = result.unit
        valueInSpecUnit = evaluation.valueInSpecUnit
        specUnit = specification?.unit
        lowerLimit = specification?.lowerLimit
        upperLimit = specification?.upperLimit
        target = specification?.target
        specValidFrom = specification?.validFrom
        supplierLower = result.supplierLower
        supplierUpper = result.supplierUpper
        supplierLimitsWider = evaluation.supplierLimitsWider
        bandPosition = evaluation.bandPosition
        verdict = evaluation.verdict
        self.note = evaluation.note
    }
}
