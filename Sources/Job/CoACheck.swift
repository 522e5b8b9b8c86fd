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
        var text = ""
        if database == nil {
            text +=
                "note: no database given (--database, DATABASE_URL or PGHOST); results are shown without our specifications\n\n"
        }
        if let database {
            do {
                let opened = try Database.connect(database, logger: logger)
                connection = opened
                store = CoADocumentStore(opened)
                reference = try store?.referenceData()
            } catch {
                text += "note: no database (\(error)); results are shown without our specifications\n\n"
            }
        }
        defer { connection?.close() }
        for unusable in reader.unusableProfiles {
            text += "profile \(unusable.file) cannot be used (its documents are rejected):\n"
            text += unusable.error.problems.map { "  \($0)\n" }.joined() + "\n"
        }
        var rejected = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                text += "\(file): REJECTED: cannot read the file\n\n"
                rejected += 1
                continue
            }
            switch reader.read(
                [UInt8](data), profileName: profileName ?? configuration.supplierProfiles[supplier])
            {
            case .failure(let rejection):
                text += "\(file): REJECTED: \(rejection)\n\n"
                rejected += 1
            case .success(let certificate):
                text += describe(
                    certificate, file: file, supplier: supplier, reference: reference, store: store,
                    evaluator: evaluator, rejected: &rejected)
            }
        }
        return Outcome(text: text, rejectedFiles: rejected)
    }

    private func describe(
        _ certificate: Certificate, file: String, supplier: String,
        reference: CoADocumentStore.ReferenceData?, store: CoADocumentStore?,
        evaluator: ToleranceEvaluator, rejected: inout Int
    ) -> String {
        var text = "\(file): read as \(certificate.format)\n"
        text += "  supplier \(certificate.supplierId ?? "(not stated: the folder's)") · "
        text += "material \(certificate.materialId ?? "-") / part \(certificate.partNumber ?? "-") · "
        text +=
            "lot \(certificate.lotNumber ?? "-") · manufactured \(certificate.manufactured?.iso ?? "-") · "
        text += "issued \(certificate.issued?.iso ?? "-")\n"
        for warning in certificate.warnings { text += "  warning: \(warning)\n" }
        let today = configuration.today
        var receiptDay: Day?
        var lotDays: [String: [String: Day]] = [:]
        var judged: [MeasurementRecord]?
        if let reference {
            if case .resolved(let resolved) = CoAResolver(reference: reference).resolve(
                certificate, folder: supplier),
                certificate.manufactured == nil
            {
                receiptDay = try? store?.receiptDays(
                    supplierId: resolved.supplierId, lots: [resolved.lotNumber],
                    timeZone: configuration.timeZone
                )[resolved.lotNumber]
                lotDays = receiptDay.map { [resolved.supplierId: [resolved.lotNumber: $0]] } ?? [:]
            }
            // The intake's own judgement, with the same lot day and specifications: nothing is stored.
            var document = CoADocumentRecord(
                documentId: 0, sha256: "", path: file, supplierId: supplier, status: .rejected, sizeBytes: 0,
                receivedAt: Date())
            let measurements = CoAJudge(reference: reference, evaluator: evaluator).judge(
                .success(certificate), into: &document, lotDays: lotDays, asOf: today)
            if document.status == .accepted {
                judged = measurements
                text +=
                    "  → supplier \(supplier), our material \(document.materialId ?? "-"), lot \(document.lotNumber ?? "-")\n"
            } else {
                text += "  WOULD BE REJECTED: \(document.reason ?? "unknown reason")\n"
                rejected += 1
            }
        }
        let lotDay = certificate.lotDay(receiptDay: receiptDay, fallback: today)
        text += "  specifications in force on \(lotDay.day.iso) (the \(lotDay.source.rawValue))\n"
        if let judged {
            for m in judged {
                text += Self.line(
                    characteristic: m.characteristic, reported: m.reportedCharacteristic,
                    text: m.reportedText,
                    unit: m.unit, verdict: m.verdict,
                    ours: m.specValidFrom == nil ? nil : (m.lowerLimit, m.upperLimit, m.specUnit ?? ""),
                    supplier: (m.supplierLower, m.supplierUpper), band: m.bandPosition, note: m.note)
            }
        } else {
            for result in certificate.results {
                let evaluation = evaluator.reading(certificate.options).evaluate(result, against: nil)
                text += Self.line(
                    characteristic: result.characteristic, reported: result.reportedCharacteristic,
                    text: result.reportedText, unit: result.unit, verdict: evaluation.verdict, ours: nil,
                    supplier: (result.supplierLower, result.supplierUpper), band: evaluation.bandPosition,
                    note: evaluation.note)
            }
        }
        return text + "\n"
    }

    /// One result as `check-coa` prints it: what was read, the verdict, our limits and the supplier's.
    static func line(
        characteristic: String, reported: String, text: String, unit: String?, verdict: Verdict,
        ours: (lower: Double?, upper: Double?, unit: String)?, supplier: (lower: Double?, upper: Double?),
        band: Double?, note: String?
    ) -> String {
        let name = characteristic == reported ? characteristic : "\(characteristic) (\"\(reported)\")"
        var line = "  \(name): \(text) \(unit ?? "")  →  \(verdict.rawValue)"
        if let ours {
            line +=
                "  [ours: \(ours.lower.map { "\($0)" } ?? "–") … \(ours.upper.map { "\($0)" } ?? "–") \(ours.unit)]"
        }
        if supplier.lower != nil || supplier.upper != nil {
            line +=
                "  [supplier's: \(supplier.lower.map { "\($0)" } ?? "–") … \(supplier.upper.map { "\($0)" } ?? "–")]"
        }
        if let band { line += String(format: "  band %.2f", band) }
        if let note { line += "  (\(note))" }
        return line + "\n"
    }
}
