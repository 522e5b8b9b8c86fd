import CoA
import Domain

/// Everything `check-coa` found in its files, in one structure: printed as text for a person or as JSON
/// (`--format json`) for scripts, so both show the same facts.
public struct CoACheckReport: Sendable, Codable {
    public var note: String?
    public var unusableProfiles: [UnusableProfileEntry] = []
    public var files: [FileEntry] = []

    public struct UnusableProfileEntry: Sendable, Codable {
        public var file: String
        public var name: String
        public var problems: [String]
    }

    public struct FileEntry: Sendable, Codable {
        public var file: String
        /// `read` (no database to judge with), `accepted`, `wouldBeRejected` or `rejected` (not read).
        public var status: String
        public var reason: String?
        public var line: Int?
        public var column: Int?
        public var format: String?
        public var fields: Fields?
        public var warnings: [ExtractionWarning] = []
        /// Who, what and which lot the intake would record it for.
        public var resolved: Resolved?
        public var lotDay: String?
        /// Which date chose the specifications: the manufacture date, the first receipt, …
        public var lotDaySource: String?
        public var results: [ResultEntry] = []
    }

    /// Every document field a profile or the canonical format can give.
    public struct Fields: Sendable, Codable {
        public var supplierId, supplierName, materialId, partNumber, materialName, lotNumber: String?
        public var manufactured, expires, issued, approvedOn: String?
        public var lotQuantity: Double?
        public var lotUnit, purchaseOrder, approvedBy: String?
    }

    public struct Resolved: Sendable, Codable {
        public var supplierId: String
        public var materialId: String
        public var lotNumber: String
    }

    public struct ResultEntry: Sendable, Codable {
        public var characteristic: String
        public var reportedCharacteristic: String
        public var reportedText: String
        /// How the value was read: `numeric`, `not_detected`, `textual_pass`, …
        public var kind: String
        public var qualifier: String?
        public var value: Double?
        public var unit: String?
        public var method: String?
        public var valueInSpecUnit: Double?
        public var ours: OurLimits?
        public var supplier: SupplierLimits?
        public var supplierLimitsWider: Bool
        public var bandPosition: Double?
        public var verdict: String
        public var note: String?
    }

    public struct OurLimits: Sendable, Codable {
        public var lower, upper, target: Double?
        public var unit: String
        public var validFrom: String
        public var validTo: String?
    }

    public struct SupplierLimits: Sendable, Codable {
        public var lower: Double?
        public var lowerExclusive: Bool
        public var upper: Double?
        public var upperExclusive: Bool
    }
}

extension CoACheckReport.Fields {
    init(_ c: Certificate) {
        self.init(
            supplierId: c.supplierId, supplierName: c.supplierName, materialId: c.materialId,
            partNumber: c.partNumber, materialName: c.materialName, lotNumber: c.lotNumber,
            manufactured: c.manufactured?.iso, expires: c.expires?.iso, issued: c.issued?.iso,
            approvedOn: c.approvedOn?.iso, lotQuantity: c.lotQuantity, lotUnit: c.lotUnit,
            purchaseOrder: c.purchaseOrder, approvedBy: c.approvedBy)
    }
}
