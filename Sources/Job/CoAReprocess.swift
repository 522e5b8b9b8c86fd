import CoA
import Domain
import Foundation
import Logging
import Postgres
import Store

/// `scorecard reprocess`: judges stored documents again after their cause was fixed (a profile added, a
/// supplier or material or specification loaded). The stored bytes are read, not the inbox. The previous
/// judgement is kept in `scorecard.coa_document_history`. Takes the run lock: never beside a nightly run.
public struct CoAReprocess {
    public struct Outcome: Sendable {
        public var reprocessed = 0
        public var accepted = 0
        public var rejected = 0
        public var line: String {
            "reprocessed \(reprocessed) documents: \(accepted) accepted, \(rejected) rejected"
        }
    }

    let configuration: Configuration
    let paths: ResourcePaths
    let logger: Logger

    public init(configuration: Configuration, paths: ResourcePaths, logger: Logger) {
        self.configuration = configuration
        self.paths = paths
        self.logger = logger
    }

    public func run(
        database: String, rejected: Bool, withoutSpecification: Bool, supplierId: String?, ids: [Int64],
        asOf: Day
    ) throws -> Outcome {
        let locks = try Database.takeLocks([(JobLocks.run, .exclusive)], database: database, logger: logger) {
            _ in "a scorecard run holds the run lock; reprocess after it"
        }
        defer { locks.close() }
        let connection = try Database.connect(database, logger: logger)
        defer { connection.close() }
        try Database.requireCurrentSchema(connection, migrations: paths.sqlDirectory)
        let store = CoADocumentStore(connection)
        let reader = try CoAReaders.make(configuration, paths: paths)
        let judge = CoAJudge(
            reference: try store.referenceData(),
            evaluator: ToleranceEvaluator(edgeFraction: configuration.edgeFraction))
        let documents = try store.documentsToReprocess(
            rejected: rejected, withoutSpecification: withoutSpecification, supplierId: supplierId, ids: ids)
        var outcome = Outcome()
        try connection.inTransaction {
            for stored in documents {
                var document = stored.record
                let profile = document.supplierId.flatMap { configuration.supplierProfiles[$0] }
                let parsed = reader.read(stored.raw, profileName: profile)
                var lotDays: [String: [String: Day]] = [:]
                if case .success(let certificate) = parsed,
                    let lot = CoAJudge.receiptLot(of: certificate, folder: document.supplierId)
                {
                    lotDays[lot.supplierId] = try store.receiptDays(
                        supplierId: lot.supplierId, lots: [lot.lotNumber], timeZone: configuration.timeZone)
                }
                let measurements = judge.judge(parsed, into: &document, lotDays: lotDays, asOf: asOf)
                try store.replace(document, measurements: measurements)
                outcome.reprocessed += 1
                if document.status == .accepted { outcome.accepted += 1 } else { outcome.rejected += 1 }
                logger.info(
                    "CoA reprocessed",
                    metadata: [
                        "coa.file": "\(document.path)", "status": "\(document.status.rawValue)",
                        "reason": "\(document.reason ?? "")",
                    ])
            }
            try Database.requireHeld(locks)
        }
        return outcome
    }
}
