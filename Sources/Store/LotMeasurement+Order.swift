import Domain
import Scoring

extension LotMeasurement {
    /// Series order: material, characteristic, lot day, lot number, document. Text compares by UTF-8
    /// bytes, as PostgreSQL's "C" collation does, so the order never depends on the server's locale.
    static func inSeriesOrder(_ a: LotMeasurement, _ b: LotMeasurement) -> Bool {
        if let order = byteOrder(a.materialId, b.materialId) { return order }
        if let order = byteOrder(a.characteristic, b.characteristic) { return order }
        if a.lotDay != b.lotDay { return a.lotDay < b.lotDay }
        if let order = byteOrder(a.lotNumber, b.lotNumber) { return order }
        return a.documentId < b.documentId
    }
}

/// Whether `a` sorts before `b` by UTF-8 bytes; nil when their bytes are equal.
private func byteOrder(_ a: String, _ b: String) -> Bool? {
    a.utf8.elementsEqual(b.utf8) ? nil : a.utf8.lexicographicallyPrecedes(b.utf8)
}
