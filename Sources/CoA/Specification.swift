import Domain

/// Our tolerance range for one characteristic of one material (`procurement.specifications`), versioned.
public struct Specification: Sendable, Hashable {
    public var materialId: String
    public var characteristic: String
    public var unit: String
    /// nil: no limit on that side.
    public var lowerLimit: Double?
    public var upperLimit: Double?
    public var target: Double?
    public var validFrom: Day
    /// Exclusive; nil while in force.
    public var validTo: Day?

    public init(
        materialId: String, characteristic: String, unit: String, lowerLimit: Double?, upperLimit: Double?,
        target: Double? = nil, validFrom: Day, validTo: Day? = nil
    ) {
        self.materialId = materialId
        self.characteristic = characteristic
        self.unit = unit
        self.lowerLimit = lowerLimit
        self.upperLimit = upperLimit
        self.target = target
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public func isInForce(on day: Day) -> Bool {
        validFrom <= day && (validTo.map { day < $0 } ?? true)
    }
}
