/// The stored capability of one characteristic of one material from one supplier
/// (`scorecard_store.characteristic_capability`), as the material pages compare sources by it.
public struct CharacteristicCapability: Sendable, Hashable {
    public var materialId: String
    public var characteristic: String
    /// Lots with a result for the characteristic.
    public var lots: Int
    /// Cpk over the recent lots; nil when too few or no limits.
    public var recentCpk: Double?
    public var recentLots: Int

    public init(materialId: String, characteristic: String, lots: Int, recentCpk: Double?, recentLots: Int) {
        self.materialId = materialId
        self.characteristic = characteristic
        self.lots = lots
        self.recentCpk = recentCpk
        self.recentLots = recentLots
    }
}
