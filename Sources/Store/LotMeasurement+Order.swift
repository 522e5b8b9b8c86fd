import Domain
import Scoring

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
