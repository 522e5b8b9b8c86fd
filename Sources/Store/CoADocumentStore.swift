import CoA
import Domain
import Foundation
import Postgres

/// What the intake needs from the database, and where it stores documents and measurements.
public struct CoADocumentStore {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Reference data the intake checks every document against (``CoAReferenceData``).
    public typealias ReferenceData = CoAReferenceData

    public func referenceData() throws -> ReferenceData {
        var data = ReferenceData()
        try connection.stream("SELECT supplier_id FROM procurement.suppliers") { row in
            data.supplierIds.insert(try row.decode(String.self, at: 0))
        }
        try connection.stream("SELECT material_id FROM procurement.materials") { row in
            data.materialIds.insert(try row.decode(String.self, at: 0))
        }
        try connection.stream(
            """
            SELECT supplier_id, supplier_part_number, material_id FROM procurement.approved_sources
            WHERE supplier_part_number IS NOT NULL
            """
        ) { row in
            data.partNumbers[try row.decode(String.self, column: "supplier_id"), default: [:]][
                try row.decode(String.self, column: "supplier_part_number")] =
                try row.decode(String.self, column: "material_id")
        }
        try connection.stream(
            """
            SELECT material_id, characteristic, unit, \(SafeSQL.float8("lower_limit")) AS lower_limit,
                   \(SafeSQL.float8("upper_limit")) AS upper_limit, \(SafeSQL.float8("target")) AS target,
                   \(SafeSQL.day("valid_from")) AS valid_from, \(SafeSQL.day("valid_to")) AS valid_to
            FROM procurement.specifications ORDER BY material_id, characteristic, valid_from
            """
        ) { row in
            let spec = Specification(
                materialId: try row.decode(String.self, column: "material_id"),
                characteristic: try row.decode(String.self, column: "characteristic"),
                unit: try row.decode(String.self, column: "unit"),
                lowerLimit: try row.decodeIfPresent(Double.self, column: "lower_limit"),
                upperLimit: try row.decodeIfPresent(Double.self, column: "upper_limit"),
                target: try row.decodeIfPresent(Double.self, column: "target"),
                validFrom: try row.decode(Day.self, column: "valid_from"),
                validTo: try row.decodeIfPresent(Day.self, column: "valid_to"))
            data.specifications[spec.materialId, default: [:]][spec.characteristic, default: []].append(spec)
        }
        return data
    }

    /// Documents already stored for these hashes: (sha256 → (path → document)).
    public func known(sha256s: [String]) throws -> [String: [String: KnownDocument]] {
        var known: [String: [String: KnownDocument]] = [:]
        try connection.stream(
            "SELECT sha256, path, document_id, status FROM scorecard_store.coa_documents WHERE sha256 = ANY($1::text[])",
            [PostgresArray(sha256s)]
        ) { row in
            let doc = KnownDocument(
                documentId: try row.decode(Int64.self, column: "document_id"),
                status: try row.decode(String.self, column: "status"))
            known[try row.decode(String.self, column: "sha256"), default: [:]][
                try row.decode(String.self, column: "path")] = doc
        }
        return known
    }

    /// The first receipt day of each of a supplier's lots: the day a specification is chosen by when the
    /// CoA gives no manufacture date.
    public func receiptDays(supplierId: String, lots: [String], timeZone: String) throws -> [String: Day] {
        var days: [String: Day] = [:]
        try connection.stream(
            """
            SELECT r.lot_number, \(LocalDay.of("min(r.received_at)", zone: "$3")) AS first_received_on
            FROM procurement.receipts r JOIN procurement.order_lines ol USING (order_line_id)
            WHERE ol.supplier_id = $1 AND r.lot_number = ANY($2::text[])
            GROUP BY r.lot_number
            """, [supplierId, PostgresArray(lots), timeZone]
        ) { row in
            days[try row.decode(String.self, column: "lot_number")] = try row.decode(
                Day.self, column: "first_received_on")
        }
        return days
    }

    /// Reserves document ids, so documents and their measurements can both be written with COPY.
    public func reserveDocumentIds(_ count: Int) throws -> [Int64] {
        guard count > 0 else { return [] }
        var ids: [Int64] = []
        ids.reserveCapacity(count)
        try connection.stream(
            "SELECT nextval(pg_get_serial_sequence('scorecard_store.coa_documents', 'document_id')) FROM generate_series(1, $1)",
            [count]
        ) { row in ids.append(try row.decode(Int64.self, at: 0)) }
        return ids
    }

    /// Writes document rows with one COPY (their measurements follow with ``insertMeasurements(_:)``, timed
    /// on their own by the intake).
    public func insert(documents: [CoADocumentRecord], runId: Int64) throws {
        guard !documents.isEmpty else { return }
        _ = try connection.copyIn(
            table: "scorecard_store.coa_documents",
            columns: DocumentColumn.self
        ) { writer in
            for d in documents {
                try writer.appendRow { row in
                    try row.append(d.documentId, DocumentColumn.documentId)
                    try row.append(d.sha256, DocumentColumn.sha256)
                    try row.append(d.path, DocumentColumn.path)
                    try row.append(d.supplierId, DocumentColumn.supplierId)
                    try row.append(d.format, DocumentColumn.format)
                    try row.append(d.status.rawValue, DocumentColumn.status)
                    try row.append(d.reason, DocumentColumn.reason)
                    try row.append(d.errorLine, DocumentColumn.errorLine)
                    try row.append(d.errorColumn, DocumentColumn.errorColumn)
                    try row.append(d.duplicateOf, DocumentColumn.duplicateOf)
                    try row.append(d.materialId, DocumentColumn.materialId)
                    try row.append(d.lotNumber, DocumentColumn.lotNumber)
                    try row.append(d.manufactured, DocumentColumn.manufactured)
                    try row.append(d.issued, DocumentColumn.issued)
                    try row.append(d.purchaseOrder, DocumentColumn.purchaseOrder)
                    try row.append(d.sizeBytes, DocumentColumn.sizeBytes)
                    try row.append(d.raw, DocumentColumn.raw)
                    try row.append(runId, DocumentColumn.runId)
                    try row.append(d.receivedAt, DocumentColumn.receivedAt)
                    try row.append(d.warningsJSON, DocumentColumn.warnings)
                    try row.append(d.importedFromArchive, DocumentColumn.importedFromArchive)
                    try row.append(d.fileModifiedAt, DocumentColumn.fileModifiedAt)
                }
            }
        }
    }
}

extension CoADocumentStore {
    /// Writes judged results with one COPY.
    public func insertMeasurements(_ measurements: [MeasurementRecord]) throws {
        guard !measurements.isEmpty else { return }
        _ = try connection.copyIn(
            table: "scorecard_store.coa_measurements",
            columns: MeasurementColumn.self
        ) { writer in
            // Field by field with their own types, not an array of existentials per row: this COPY carries
            // hundreds of thousands of rows.
            for m in measurements {
                try writer.appendRow { row in
                    try row.append(m.documentId, MeasurementColumn.documentId)
                    try row.append(m.position, MeasurementColumn.position)
                    try row.append(m.supplierId, MeasurementColumn.supplierId)
                    try row.append(m.materialId, MeasurementColumn.materialId)
                    try row.append(m.lotNumber, MeasurementColumn.lotNumber)
                    try row.append(m.lotDay, MeasurementColumn.lotDay)
                    try row.append(m.characteristic, MeasurementColumn.characteristic)
                    try row.append(m.reportedCharacteristic, MeasurementColumn.reportedCharacteristic)
                    try row.append(m.method, MeasurementColumn.method)
                    try row.append(m.reportedText, MeasurementColumn.reportedText)
                    try row.append(m.qualifier, MeasurementColumn.qualifier)
                    try row.append(m.value, MeasurementColumn.value)
                    try row.append(m.unit, MeasurementColumn.unit)
                    try row.append(m.valueInSpecUnit, MeasurementColumn.valueInSpecUnit)
                    try row.append(m.specUnit, MeasurementColumn.specUnit)
                    try row.append(m.lowerLimit, MeasurementColumn.lowerLimit)
                    try row.append(m.upperLimit, MeasurementColumn.upperLimit)
                    try row.append(m.target, MeasurementColumn.target)
                    try row.append(m.specValidFrom, MeasurementColumn.specValidFrom)
                    try row.append(m.supplierLower, MeasurementColumn.supplierLower)
                    try row.append(m.supplierUpper, MeasurementColumn.supplierUpper)
                    try row.append(m.supplierLimitsWider, MeasurementColumn.supplierLimitsWider)
                    try row.append(m.bandPosition, MeasurementColumn.bandPosition)
                    try row.append(m.verdict.rawValue, MeasurementColumn.verdict)
                    try row.append(m.note, MeasurementColumn.note)
                }
            }
        }
    }

    /// A stored document to judge again.
    public struct StoredDocument: Sendable {
        public var record: CoADocumentRecord
        public var raw: [UInt8]
    }

    /// Documents to re-process: rejected ones (that kept their bytes whole, not a ``RawExcerpt``), or
    /// accepted ones with results that had no specification in force; optionally of one supplier or by id.
    public func documentsToReprocess(
        rejected: Bool, withoutSpecification: Bool, supplierId: String?, ids: [Int64]
    ) throws -> [StoredDocument] {
        var documents: [StoredDocument] = []
        try connection.stream(
            """
            SELECT d.document_id, d.sha256, d.path, d.supplier_id, d.status, d.size_bytes, d.received_at, d.raw
            FROM scorecard_store.coa_documents d
            WHERE d.raw IS NOT NULL AND d.status <> 'duplicate'
              AND ($3::text IS NULL OR d.supplier_id = $3)
              AND (($1 AND d.status = 'rejected')
                   OR ($2 AND d.status = 'accepted' AND EXISTS (SELECT 1 FROM scorecard_store.coa_measurements m
                        WHERE m.document_id = d.document_id AND m.verdict = 'no_spec'))
                   OR d.document_id = ANY($4::bigint[]))
            ORDER BY d.document_id
            """, [rejected, withoutSpecification, supplierId, PostgresArray(ids)]
        ) { row in
            guard let status = DocumentStatus(rawValue: try row.decode(String.self, column: "status")) else {
                return
            }
            let record = CoADocumentRecord(
                documentId: try row.decode(Int64.self, column: "document_id"),
                sha256: try row.decode(String.self, column: "sha256"),
                path: try row.decode(String.self, column: "path"),
                supplierId: try row.decodeIfPresent(String.self, column: "supplier_id"),
                status: status, sizeBytes: try row.decode(Int.self, column: "size_bytes"),
                receivedAt: try row.decode(Date.self, column: "received_at"))
            let raw = try row.decode([UInt8].self, column: "raw")
            // An excerpt is not the document: there is nothing to read again.
            guard !RawExcerpt.isExcerpt(raw) else { return }
            documents.append(StoredDocument(record: record, raw: raw))
        }
        return documents
    }

    /// Replaces a document's judgement and measurements, keeping what it was in the history.
    public func replace(_ document: CoADocumentRecord, measurements: [MeasurementRecord]) throws {
        try connection.execute(
            """
            INSERT INTO scorecard_store.coa_document_history (document_id, old_status, old_reason, old_format, new_status, new_reason)
            SELECT document_id, status, reason, format, $2, $3 FROM scorecard_store.coa_documents WHERE document_id = $1
            """, [document.documentId, document.status.rawValue, document.reason])
        try connection.execute(
            "DELETE FROM scorecard_store.coa_measurements WHERE document_id = $1", [document.documentId])
        try connection.execute(
            """
            UPDATE scorecard_store.coa_documents SET status = $2, reason = $3, error_line = $4, error_column = $5,
                format = $6, material_id = $7, lot_number = $8, manufactured = $9, issued = $10,
                purchase_order = $11, warnings = $12::jsonb, reprocessed_at = clock_timestamp()
            WHERE document_id = $1
            """,
            [
                document.documentId, document.status.rawValue, document.reason, document.errorLine,
                document.errorColumn, document.format, document.materialId, document.lotNumber,
                document.manufactured,
                document.issued, document.purchaseOrder, document.warningsJSON,
            ])
        try insertMeasurements(measurements)
    }
}

public struct KnownDocument: Sendable, Hashable {
    public var documentId: Int64
    public var status: String
}
