import CoA
import Domain
import Foundation
import Logging
import Store

/// `scorecard bench-intake`: the nightly intake's own code on every file of an inbox, without storing
/// anything: list, read, SHA-256, safe parse, XSD validation or profile mapping, unit conversion and
/// tolerance judging, in the intake's batches on all cores. What it leaves out is the database's share:
/// the known-file look-ups, document ids and the COPY of documents and measurements (measured by the COPY
/// benchmark). The reference data (suppliers, materials, specifications) is read once before the clock
/// starts; receipt days of lots without a manufacture date are read per batch, as the intake does.
public struct CoAIntakeBenchmark {
    /// What one pass over the inbox did and how long it took.
    public struct Figures: Sendable, Hashable {
        public var files = 0
        public var bytes = 0
        public var accepted = 0
        public var rejected = 0
        public var duplicate = 0
        public var measurements = 0
        public var seconds = 0.0
    }

    let configuration: Configuration
    let paths: ResourcePaths
    let logger: Logger

    public init(configuration: Configuration, paths: ResourcePaths, logger: Logger) {
        self.configuration = configuration
        self.paths = paths
        self.logger = logger
    }

    /// Runs the intake over `inbox` `repeats` times (the reference data read once) and returns each pass.
    public func run(inbox: URL, database: String, asOf: Day, repeats: Int = 1) throws -> [Figures] {
        let connection = try Database.connect(database, logger: logger)
        defer { connection.close() }
        let store = CoADocumentStore(connection)
        let reference = try store.referenceData()
        let intake = try CoAIntake.configured(
            configuration, paths: paths, connection: connection, logger: logger)
        return try (0..<max(repeats, 1)).map { _ in
            try pass(intake, inbox: inbox, store: store, reference: reference, asOf: asOf)
        }
    }

    private func pass(
        _ intake: CoAIntake, inbox: URL, store: CoADocumentStore, reference: CoADocumentStore.ReferenceData,
        asOf: Day
    ) throws -> Figures {
        let started = DispatchTime.now()
        let listing = try InboxScanner(inbox: inbox).scan()
        let entries = listing.entries
        var counts = CoAIntake.Counts()
        var figures = Figures()
        var nextId: Int64 = 1
        for batch in entries.batches(of: intake.batchSize) {
            let judged = try intake.judge(
                intake.readAndParse(Array(batch), in: listing).files, known: [:], reference: reference,
                asOf: asOf,
                counts: &counts,
                lotDays: { try intake.receiptDays(for: $0, store: store) },
                reserveIds: { count in
                    defer { nextId += Int64(count) }
                    return (0..<Int64(count)).map { nextId + $0 }
                })
            figures.measurements += judged.measurements.count
        }
        figures.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        figures.files = entries.count
        figures.bytes = entries.reduce(0) { $0 + $1.size }
        figures.accepted = counts.accepted
        figures.rejected = counts.rejected
        figures.duplicate = counts.duplicate
        return figures
    }
}
