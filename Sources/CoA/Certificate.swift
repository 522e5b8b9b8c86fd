import Domain

/// A certificate of analysis as read from a supplier's document, in canonical terms, before any judgement.
/// Every reader (the canonical format, profile-driven supplier formats) produces this.
public struct Certificate: Sendable, Hashable {
    /// `canonical`, or the name of the profile that read it.
    public var format: String
    public var supplierId: String?
    public var supplierName: String?
    /// Our material id, when the document states it.
    public var materialId: String?
    /// The supplier's part number, resolved to our material through `procurement.approved_sources`.
    public var partNumber: String?
    public var materialName: String?
    public var lotNumber: String?
    public var manufactured: Day?
    public var expires: Day?
    public var lotQuantity: Double?
    public var lotUnit: String?
    public var purchaseOrder: String?
    public var issued: Day?
    public var approvedBy: String?
    public var approvedOn: Day?
    public var results: [ReportedResult]
    /// What the document gave that could not be read into a field (a date, a number, a limit).
    public var warnings: [ExtractionWarning] = []
    /// How the profile that read it says its values are to be read (the canonical format: defaults).
    public var options = ReadingOptions()

    public init(
        format: String, supplierId: String? = nil, supplierName: String? = nil, materialId: String? = nil,
        partNumber: String? = nil, materialName: String? = nil, lotNumber: String? = nil,
        manufactured: Day? = nil, expires: Day? = nil, lotQuantity: Double? = nil, lotUnit: String? = nil,
        purchaseOrder: String? = nil, issued: Day? = nil, approvedBy: String? = nil, approvedOn: Day? = nil,
        results: [ReportedResult] = []
    ) {
        self.format = format
        self.supplierId = supplierId
        self.supplierName = supplierName
        self.materialId = materialId
        self.partNumber = partNumber
        self.materialName = materialName
        self.lotNumber = lotNumber
        self.manufactured = manufactured
        self.expires = expires
        self.lotQuantity = lotQuantity
        self.lotUnit = lotUnit
        self.purchaseOrder = purchaseOrder
        self.issued = issued
        self.approvedBy = approvedBy
        self.approvedOn = approvedOn
        self.results = results
    }
}

/// One result line of a certificate, exactly as the supplier reported it (characteristic name already
/// mapped to ours through the profile's aliases).
public struct ReportedResult: Sendable, Hashable {
    /// Our characteristic name, e.g. `moisture`.
    public var characteristic: String
    /// The name as the supplier wrote it, e.g. `Moisture (KF)`.
    public var reportedCharacteristic: String
    public var unit: String?
    public var method: String?
    /// The value as written: `99,62`, `<1.0`, `ND`, `conforms`.
    public var reportedText: String
    /// The supplier's own release limits, when stated.
    public var supplierLower: Double?
    public var supplierUpper: Double?
    /// The supplier's lower limit excludes its own value (`> 0.2` rather than `≥ 0.2`).
    public var supplierLowerExclusive: Bool
    /// The supplier's upper limit excludes its own value (`< 0.4` rather than `≤ 0.4`).
    public var supplierUpperExclusive: Bool

    public init(
        characteristic: String, reportedCharacteristic: String? = nil, unit: String? = nil,
        method: String? = nil, reportedText: String, supplierLower: Double? = nil,
        supplierUpper: Double? = nil,
        supplierLowerExclusive: Bool = false, supplierUpperExclusive: Bool = false
    ) {
        self.characteristic = characteristic
        self.reportedCharacteristic = reportedCharacteristic ?? characteristic
        self.unit = unit
        self.method = method
        self.reportedText = reportedText
        self.supplierLower = supplierLower
        self.supplierUpper = supplierUpper
        self.supplierLowerExclusive = supplierLowerExclusive
        self.supplierUpperExclusive = supplierUpperExclusive
    }
}
