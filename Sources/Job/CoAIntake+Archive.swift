import CoA
import Domain
import Foundation
import Store

extension CoAIntake {
    /// The field an archive's arrival warning names in a document's warnings.
    static let arrivalField = "arrival"

    /// Dates a document of an imported archive by its own evidence (``ArchiveArrival``) and marks it
    /// imported; the file's time is kept for the quick check. A document without usable dates keeps the
    /// file's time, with a warning in its record.
    static func dateFromArchive(
        _ document: inout CoADocumentRecord, modified: Date?, now: Date, receiptDays: [String: [String: Day]],
        timeZone: String
    ) {
        let lot = document.lotNumber.map(CoAResolver.trimmed)
        let receiptDay = lot.flatMap { lot in document.supplierId.flatMap { receiptDays[$0]?[lot] } }
        let zone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current
        let found = ArchiveArrival.of(
            issued: document.issued, receiptDay: receiptDay, manufactured: document.manufactured,
            modified: modified, now: now, timeZone: zone)
        document.importedFromArchive = true
        document.fileModifiedAt = modified
        document.receivedAt = found.arrival
        if let problem = found.problem {
            document.warnings.append(
                ExtractionWarning(
                    field: Self.arrivalField, written: document.issued?.iso ?? "", problem: problem))
        }
    }

    /// Logs the arrival warning ``dateFromArchive(_:modified:now:receiptDays:timeZone:)`` recorded, naming the file.
    func logArchiveArrival(of document: CoADocumentRecord) {
        guard archive, let warning = document.warnings.last(where: { $0.field == Self.arrivalField }) else {
            return
        }
        logger.warning(
            "archived CoA dated by the file's time",
            metadata: ["coa.file": "\(document.path)", "problem": "\(warning.problem)"])
    }
}

extension CoAIntake.Counts {
    /// Adds another intake's counts (an archive's and the inbox's of one night).
    mutating func add(_ other: CoAIntake.Counts) {
        accepted += other.accepted
        rejected += other.rejected
        duplicate += other.duplicate
        rejections += other.rejections
        measurementRows += other.measurementRows
        measurementCopySeconds += other.measurementCopySeconds
    }
}
