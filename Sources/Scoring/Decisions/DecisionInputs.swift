import Domain

/// One entry of the approved supplier list (`procurement.approved_sources`). The job reads it and
/// never edits it.
public struct ApprovedSource: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case approved, conditional, pending, blocked

        /// Approved and conditional sources can deliver today; pending and blocked cannot.
        public var isUsable: Bool { self == .approved || self == .conditional }
    }

    public var supplierId: String
    public var materialId: String
    public var status: Status
    public var supplierPartNumber: String?

    public init(supplierId: String, materialId: String, status: Status, supplierPartNumber: String? = nil) {
        self.supplierId = supplierId
        self.materialId = materialId
        self.status = status
        self.supplierPartNumber = supplierPartNumber
    }
}

/// One version of a specification (`procurement.specifications`): enough to tell whether the
/// specification changed over a window.
public struct SpecificationVersion: Sendable, Hashable {
    public var materialId: String
    public var characteristic: String
    public var validFrom: Day
    /// Exclusive; nil while in force.
    public var validTo: Day?

    public init(materialId: String, characteristic: String, validFrom: Day, validTo: Day? = nil) {
        self.materialId = materialId
        self.characteristic = characteristic
        self.validFrom = validFrom
        self.validTo = validTo
    }
}

/// What the previous run recommended for one supplier (read back from storage).
public struct PreviousDecision: Sendable, Hashable {
    public var supplierId: String
    public var status: SupplierStatus
    /// Material id → status of that supplier × material.
    public var materialStatuses: [String: SupplierStatus]

    public init(supplierId: String, status: SupplierStatus, materialStatuses: [String: SupplierStatus] = [:])
    {
        self.supplierId = supplierId
        self.status = status
        self.materialStatuses = materialStatuses
    }
}
