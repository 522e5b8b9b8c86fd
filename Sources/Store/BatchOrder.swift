import Domain
import Scoring

// The orders the batch loader puts its rows in; the server returns them in no order (``InputLoader``).

extension LotMeasurement {
    /// Series order: material, characteristic, lot day, lot number, document (text by bytes).
    static func inSeriesOrder(_ a: LotMeasurement, _ b: LotMeasurement) -> Bool {
        if let order = a.materialId.byteOrder(b.materialId) { return order }
        if let order = a.characteristic.byteOrder(b.characteristic) { return order }
        if a.lotDay != b.lotDay { return a.lotDay < b.lotDay }
        if let order = a.lotNumber.byteOrder(b.lotNumber) { return order }
        return a.documentId < b.documentId
    }
}

extension OrderLine {
    /// By supplier, then time ordered (seconds since 1970), then line id (text by bytes).
    static func inScopeOrder(
        _ a: (orderedAt: Double, line: OrderLine), _ b: (orderedAt: Double, line: OrderLine)
    )
        -> Bool
    {
        if let order = a.line.supplierId.byteOrder(b.line.supplierId) { return order }
        if a.orderedAt != b.orderedAt { return a.orderedAt < b.orderedAt }
        return a.line.orderLineId.byteOrder(b.line.orderLineId) ?? false
    }
}
