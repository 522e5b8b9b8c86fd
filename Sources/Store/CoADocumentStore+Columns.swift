import Postgres

/// The columns of the tables the intake writes, declared once: the COPY column lists are these, and every
/// value names its column as it is appended.
extension CoADocumentStore {
    /// The columns of `scorecard_store.coa_documents`, in the order the rows give them.
    enum DocumentColumn: Int, PostgresColumns {
        case documentId, sha256, path, supplierId, format, status, reason, errorLine, errorColumn
        case duplicateOf, materialId, lotNumber, manufactured, issued, purchaseOrder, sizeBytes, raw, runId
        case receivedAt, warnings, importedFromArchive, fileModifiedAt
    }

    /// The columns of `scorecard_store.coa_measurements`, in the order the rows give them.
    enum MeasurementColumn: Int, PostgresColumns {
        case documentId, position, supplierId, materialId, lotNumber, lotDay, characteristic
        case reportedCharacteristic, method, reportedText, qualifier, value, unit, valueInSpecUnit, specUnit
        case lowerLimit, upperLimit, target, specValidFrom, supplierLower, supplierUpper
        case supplierLimitsWider, bandPosition, verdict, note
    }
}
