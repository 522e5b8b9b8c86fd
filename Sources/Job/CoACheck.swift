import CoA
import Domain
import Foundation
import Logging
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
        if let profile, profile.hasSuffix(".json") {
            let url = URL(fileURLWithPath: profile)
            let loaded: CoAProfile
            do { loaded = try CoAProfile.load(contentsOf: url) } catch {
                throw JobError(.usage, "profile \(profile) cannot be used: \(error)")
            }
            configuration.profilesDirectory = url.deletingLastPathComponent().path
            profileName = loaded.name
        }
        if let profileName { configuration.supplierProfiles[supplier] = profileName }
        let reader = try CoAReaders.make(configuration, paths: paths)
        let evaluator = ToleranceEvaluator(edgeFraction: configuration.edgeFraction)

        var reference: CoADocumentStore.ReferenceData?
        var text = ""
        if database == nil {
            text +=
                "note: no database given (--database, DATABASE_URL or PGHOST); results are shown without our specifications\n\n"
        }
        if let database {
            do {
                let connection = try Database.connect(database, logger: logger)
                defer { connection.close() }
                reference = try CoADocumentStore(connection).referenceData()
            } catch {
                text += "note: no database (\(error)); results are shown without our specifications\n\n"
            }
        }
        var rejected = 0
        for file in files {
            let bytes: [UInt8]
            switch FileBytes.read(path: file, limit: configuration.maxDocumentBytes) {
            case .whole(let read):
                bytes = read
            case .tooLarge:
                text +=
                    "\(file): REJECTED: over the \(configuration.maxDocumentBytes)-byte limit (coa.max_bytes)\n\n"
                rejected += 1
                continue
            case .changedSize, .failed, nil:
                text += "\(file): REJECTED: cannot read the file (not a regular file, or unreadable)\n\n"
                rejected += 1
                continue
            }
            switch reader.read(bytes, profileName: profileName ?? configuration.supplierProfiles[supplier])
            {
            case .failure(let rejection):
                text += "\(file): REJECTED: \(rejection)\n\n"
                rejected += 1
            case .success(let certificate):
                text += describe(
                    certificate, file: file, supplier: supplier, reference: reference, evaluator: evaluator,
                    rejected: &rejected)
            }
        }
        return Outcome(text: text, rejectedFiles: rejected)
    }

    private func describe(
        _ certificate: Certificate, file: String, supplier: String,
        reference: CoADocumentStore.ReferenceData?,
        evaluator: ToleranceEvaluator, rejected: inout Int
    ) -> String {
        var text = "\(file): read as \(certificate.format)\n"
        text += "  supplier \(certificate.supplierId ?? "(not stated: the folder's)") · "
        text += "material \(certificate.materialId ?? "-") / part \(certificate.partNumber ?? "-") · "
        text +=
            "lot \(certificate.lotNumber ?? "-") · manufactured \(certificate.manufactured?.iso ?? "-") · "
        text += "issued \(certificate.issued?.iso ?? "-")\n"
        var materialId = certificate.materialId
        if let reference {
            switch CoAResolver(reference: reference).resolve(certificate, folder: supplier) {
            case .unresolved(let reason):
                text += "  WOULD BE REJECTED: \(reason)\n"
                rejected += 1
            case .resolved(let resolved):
                materialId = resolved.materialId
                text +=
                    "  → supplier \(resolved.supplierId), our material \(resolved.materialId), lot \(resolved.lotNumber)\n"
            }
        }
        let day = certificate.manufactured ?? certificate.issued ?? Day.today()
        for result in certificate.results {
            let spec = materialId.flatMap {
                reference?.specification(material: $0, characteristic: result.characteristic, on: day)
            }
            let evaluation = evaluator.evaluate(result, against: spec)
            let name =
                result.characteristic == result.reportedCharacteristic
                ? result.characteristic : "\(result.characteristic) (\"\(result.reportedCharacteristic)\")"
            var line =
                "  \(name): \(result.reportedText) \(result.unit ?? "")  →  \(evaluation.verdict.rawValue)"
            if let spec {
                line +=
                    "  [ours: \(spec.lowerLimit.map { "\($0)" } ?? "–") … \(spec.upperLimit.map { "\($0)" } ?? "–") \(spec.unit)]"
            }
            if result.supplierLower != nil || result.supplierUpper != nil {
                line +=
                    "  [supplier's: \(result.supplierLower.map { "\($0)" } ?? "–") … \(result.supplierUpper.map { "\($0)" } ?? "–")]"
            }
            if let position = evaluation.bandPosition { line += String(format: "  band %.2f", position) }
            if let note = evaluation.note { line += "  (\(note))" }
            text += line + "\n"
        }
        return text + "\n"
    }
}
