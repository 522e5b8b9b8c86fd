import CoA
import Domain
import Foundation
import Logging
import Postgres
import Store

/// `scorecard check-coa`: reads CoA files the way the nightly intake would and explains what it extracted
/// and how each result is judged. Writes nothing, anywhere. For onboarding a supplier's format.
public struct CoACheck {
    public struct Outcome: Sendable {
        public var text: String
        public var rejectedFiles: Int
        public var report: CoACheckReport
    }

    let configuration: Configuration
    let paths: ResourcePaths
    let logger: Logger

    public init(configuration: Configuration, paths: ResourcePaths, logger: Logger) {
        self.configuration = configuration
        self.paths = paths
        self.logger = logger
    }

    /// - Parameters:
    ///   - profile: a profile file path, or the name of a profile in the profiles folder; nil: automatic.
    ///   - database: when reachable, specifications and approved sources are read from it (read-only);
    ///     otherwise results are shown unjudged (`no_spec`) and the output says so.
    public func check(files: [String], supplier: String, profile: String?, database: String?) throws
        -> Outcome
    {
        var configuration = configuration
        var profileName = profile
        // A file is loaded alone, beside the shipped and configured profiles (it replaces one of the
        // same name): its neighbours in the folder are not part of the check.
        var profileFiles: [URL] = []
        if let profile, profile.hasSuffix(".json") {
            let url = URL(fileURLWithPath: profile)
            profileFiles = [url]
            switch ProfileLibrary.loadOne(url) {
            case .success(let loaded): profileName = loaded.name
            case .failure(let unusable): profileName = unusable.name
            }
        }
        if let profileName { configuration.supplierProfiles[supplier] = profileName }
        let reader = try CoAReaders.make(configuration, paths: paths, files: profileFiles)
        let evaluator = ToleranceEvaluator(edgeFraction: configuration.edgeFraction)

        var reference: CoADocumentStore.ReferenceData?
        // Kept open while the files are described: a lot without a manufacture date takes its day from
        // its first receipt, as in the intake.
        var store: CoADocumentStore?
        var connection: PostgresConnection?
        var report = CoACheckReport()
        if database == nil {
            report.note =
                "no database given (--database, DATABASE_URL or PGHOST); results are shown without our specifications"
        }
        if let database {
            do {
                let opened = try Database.connect(database, logger: logger)
                connection = opened
                store = CoADocumentStore(opened)
                reference = try store?.referenceData()
            } catch {
                report.note = "no database (\(error)); results are shown without our specifications"
            }
        }
        defer { connection?.close() }
        report.unusableProfiles = reader.unusableProfiles.map {
            CoACheckReport.UnusableProfileEntry(file: $0.file, name: $0.name, problems: $0.error.problems)
        }
        var rejected = 0
        for file in files {
            var bytes: [UInt8] = []
            var unread: String?
            switch FileBytes.read(path: file, limit: configuration.maxDocumentBytes) {
            case .whole(let read):
                bytes = read
            case .tooLarge:
                unread = "over the \(configuration.maxDocumentBytes)-byte limit (coa.max_bytes)"
            case .changedSize, .failed, nil:
                unread = "cannot read the file (not a regular file, or unreadable)"
            }
            if let unread {
                report.files.append(CoACheckReport.FileEntry(file: file, status: "rejected", reason: unread))
                rejected += 1
                continue
            }
            let entry: CoACheckReport.FileEntry
            switch reader.read(bytes, profileName: profileName ?? configuration.supplierProfiles[supplier])
            {
            case .failure(let rejection):
                var rejectedEntry = CoACheckReport.FileEntry(
                    file: file, status: "rejected", reason: rejection.reason, line: rejection.line,
                    column: rejection.column)
                // What was read before the rejection (a document without results still has its header).
                if let certificate = rejection.certificate {
                    rejectedEntry.format = certificate.format
                    rejectedEntry.fields = CoACheckReport.Fields(certificate)
                    rejectedEntry.warnings = certificate.warnings
                }
                entry = rejectedEntry
            case .success(let certificate):
                entry = describe(
                    certificate, file: file, supplier: supplier, reference: reference, store: store,
                    evaluator: evaluator)
            }
            if entry.status == "rejected" || entry.status == "wouldBeRejected" { rejected += 1 }
            report.files.append(entry)
        }
        return Outcome(text: report.text, rejectedFiles: rejected, report: report)
    }

    private func describe(
        _ certificate: Certificate, file: String, supplier: String,
        reference: CoADocumentStore.ReferenceData?, store: CoADocumentStore?, evaluator: ToleranceEvaluator
    ) -> CoACheckReport.FileEntry {
        var entry = CoACheckReport.FileEntry(
            file: file, status: "read", format: certificate.format,
            fields: CoACheckReport.Fields(certificate),
            warnings: certificate.warnings)
        let today = configuration.today
        var receiptDay: Day?
        var lotDays: [String: [String: Day]] = [:]
        var judged: [MeasurementRecord]?
        var materialId: String?
        if let reference {
            if let lot = CoAJudge.receiptLot(of: certificate, folder: supplier) {
                receiptDay = try? store?.receiptDays(
                    supplierId: lot.supplierId, lots: [lot.lotNumber], timeZone: configuration.timeZone
                )[lot.lotNumber]
                lotDays = receiptDay.map { [lot.supplierId: [lot.lotNumber: $0]] } ?? [:]
            }
            // The intake's own judgement, with the same lot day and specifications: nothing is stored.
            var document = CoADocumentRecord(
                documentId: 0, sha256: "", path: file, supplierId: supplier, status: .rejected, sizeBytes: 0,
                receivedAt: Date())
            let measurements = CoAJudge(reference: reference, evaluator: evaluator).judge(
                .success(certificate), into: &document, lotDays: lotDays, asOf: today)
            if document.status == .accepted {
                judged = measurements
                entry.status = "accepted"
                materialId = document.materialId
                entry.resolved = CoACheckReport.Resolved(
                    supplierId: supplier, materialId: document.materialId ?? "-",
                    lotNumber: document.lotNumber ?? "-")
            } else {
                entry.status = "wouldBeRejected"
                entry.reason = document.reason ?? "unknown reason"
            }
        }
        let lotDay = certificate.lotDay(receiptDay: receiptDay, fallback: today)
        entry.lotDay = lotDay.day.iso
        entry.lotDaySource = lotDay.source.rawValue
        let reading = evaluator.reading(certificate.options)
        for (index, result) in certificate.results.enumerated() {
            let evaluation = reading.evaluate(result, against: nil)
            var line = CoACheckReport.ResultEntry(
                characteristic: result.characteristic, reportedCharacteristic: result.reportedCharacteristic,
                reportedText: result.reportedText,
                kind: ReportedValue.parse(
                    result.reportedText, convention: certificate.options.decimalConvention
                )
                .kind.rawValue,
                qualifier: evaluation.qualifier == .none ? nil : evaluation.qualifier.rawValue,
                value: evaluation.value, unit: result.unit, method: result.method,
                supplier: result.supplierLower == nil && result.supplierUpper == nil
                    ? nil
                    : CoACheckReport.SupplierLimits(
                        lower: result.supplierLower, lowerExclusive: result.supplierLowerExclusive,
                        upper: result.supplierUpper, upperExclusive: result.supplierUpperExclusive),
                supplierLimitsWider: false, verdict: evaluation.verdict.rawValue, note: evaluation.note)
            if let judged, index < judged.count {
                let m = judged[index]
                line.valueInSpecUnit = m.valueInSpecUnit
                line.supplierLimitsWider = m.supplierLimitsWider
                line.bandPosition = m.bandPosition
                line.verdict = m.verdict.rawValue
                line.note = m.note
                if let validFrom = m.specValidFrom {
                    let version = reference?.specifications[m.materialId]?[m.characteristic]?.first {
                        $0.validFrom == validFrom
                    }
                    line.ours = CoACheckReport.OurLimits(
                        lower: m.lowerLimit, upper: m.upperLimit, target: m.target, unit: m.specUnit ?? "",
                        validFrom: validFrom.iso, validTo: version?.validTo?.iso)
                } else if m.verdict == .noSpec, let reference, let materialId {
                    line.note = Self.whyNoSpecification(
                        for: result, material: materialId, lotDay: lotDay, reference: reference)
                }
            } else {
                line.bandPosition = evaluation.bandPosition
            }
            entry.results.append(line)
        }
        return entry
    }

    /// "No specification" said precisely: an unmapped characteristic is not the same problem as a
    /// specification whose versions are not in force on the lot's day.
    static func whyNoSpecification(
        for result: ReportedResult, material: String, lotDay: LotDay,
        reference: CoADocumentStore.ReferenceData
    ) -> String {
        guard let versions = reference.specifications[material]?[result.characteristic], !versions.isEmpty
        else {
            let known = (reference.specifications[material] ?? [:]).keys.sorted().joined(separator: ", ")
            let mapped =
                result.characteristic == result.reportedCharacteristic
                ? "'\(result.characteristic)' (not mapped by the profile's aliases)"
                : "'\(result.characteristic)' (mapped from '\(result.reportedCharacteristic)')"
            return "\(material) has no specification for \(mapped)"
                + (known.isEmpty ? "" : "; its characteristics: \(known)")
        }
        let spans = versions.map { "\($0.validFrom.iso) to \($0.validTo?.iso ?? "open")" }.joined(
            separator: ", ")
        return
            "no version of \(material) \(result.characteristic) is in force on \(lotDay.day.iso) (the \(lotDay.source.rawValue)); versions: \(spans)"
    }
}
