import Domain

/// Turns a read (or unreadable) certificate into its document row and judged measurements: the one place
/// where a CoA is accepted or rejected, used by the nightly intake, `scorecard reprocess` and `check-coa`.
public struct CoAJudge: Sendable {
    public let reference: CoAReferenceData
    public let evaluator: ToleranceEvaluator

    public init(reference: CoAReferenceData, evaluator: ToleranceEvaluator) {
        self.reference = reference
        self.evaluator = evaluator
    }

    /// The lot whose first receipt day ``judge(_:into:lotDays:asOf:)`` needs, keyed as the resolver keys
    /// it (the folder's supplier, the trimmed lot number): only a certificate without a manufacture date.
    public static func receiptLot(of certificate: Certificate, folder: String?) -> (
        supplierId: String, lotNumber: String
    )? {
        guard certificate.manufactured == nil else { return nil }
        return lot(of: certificate, folder: folder)
    }

    /// The lot a certificate names, keyed as the resolver keys it.
    public static func lot(of certificate: Certificate, folder: String?) -> (
        supplierId: String, lotNumber: String
    )? {
        guard let folder, let lot = certificate.lotNumber.map(CoAResolver.trimmed), !lot.isEmpty else {
            return nil
        }
        return (folder, lot)
    }

    /// Fills the status, reason and identified fields of `document`; returns its measurements (none
    /// unless accepted). `lotDays`: supplier → lot → first receipt day, for lots without a manufacture date.
    public func judge(
        _ parsed: Result<Certificate, CoARejection>, into document: inout CoADocumentRecord,
        lotDays: [String: [String: Day]], asOf: Day
    ) -> [MeasurementRecord] {
        document.status = .rejected
        switch parsed {
        case .failure(let rejection):
            document.reason = rejection.reason
            document.errorLine = rejection.line
            document.errorColumn = rejection.column
            return []
        case .success(let certificate):
            document.format = certificate.format
            document.warnings = certificate.warnings
            document.lotNumber = certificate.lotNumber
            document.manufactured = certificate.manufactured
            document.issued = certificate.issued
            document.purchaseOrder = certificate.purchaseOrder
            switch CoAResolver(reference: reference).resolve(certificate, folder: document.supplierId) {
            case .unresolved(let reason):
                document.reason = reason
                document.materialId = certificate.materialId
                return []
            case .resolved(let resolved):
                document.status = .accepted
                document.reason = nil
                document.errorLine = nil
                document.errorColumn = nil
                document.materialId = resolved.materialId
                let lotDay = certificate.lotDay(
                    receiptDay: lotDays[resolved.supplierId]?[resolved.lotNumber], fallback: asOf
                ).day
                return certificate.results.enumerated().map { position, result in
                    let spec = reference.specification(
                        material: resolved.materialId, characteristic: result.characteristic, on: lotDay)
                    return MeasurementRecord(
                        documentId: document.documentId, position: position + 1,
                        supplierId: resolved.supplierId,
                        materialId: resolved.materialId, lotNumber: resolved.lotNumber, lotDay: lotDay,
                        result: result,
                        evaluation: evaluator.reading(certificate.options).evaluate(result, against: spec),
                        specification: spec)
                }
            }
        }
    }
}
