import CoA
import Dispatch
import Domain
import Foundation
import Logging
import Postgres
import Scoring
import Store

/// One nightly run end to end: lock → record the run → ingest CoAs → score → commit all results at once
/// → render HTML from what was committed.
///
/// Ingestion and results share one transaction: a run that dies leaves nothing of itself but its
/// `running` row, which the next run marks failed; the previous results stay visible throughout.
public struct NightlyRun {
    public let configuration: Configuration
    public let paths: ResourcePaths
    public let logger: Logger
    /// Suppliers scored per batch: bounds memory whatever the number of suppliers.
    public var supplierBatchSize = 200
    /// An intake of this many new documents refreshes the planner's statistics before scoring (a first
    /// night's backlog); a usual night's few hundred leave it to autovacuum.
    static let analyzeAfterDocuments = 5_000
    /// Tests only: called with each batch of inbox files between the listing and the reading
    /// (``CoAIntake/beforeReading``).
    var beforeReadingInbox: (@Sendable ([InboxScanner.Entry]) -> Void)? = nil
    /// A CoA archive to import before the inbox (`--archive DIR`, laid out as the inbox): its files are
    /// dated by their own evidence and never counted as late (``ArchiveArrival``).
    public var archive: String? = nil

    public init(configuration: Configuration, paths: ResourcePaths, logger: Logger) {
        self.configuration = configuration
        self.paths = paths
        self.logger = logger
    }

    public func run(asOf: Day, database: String) throws -> RunSummary {
        let started = Date()
        // Exclusive: refused while another run, a reprocess or any shard intake (shared) holds it, so every
        // `running` row left in the ledger below is abandoned, intakes' included.
        let locks = try Database.takeLocks([(JobLocks.run, .exclusive)], database: database, logger: logger) {
            _ in "another scorecard run or a shard intake holds the run lock; this run did nothing"
        }
        defer { locks.close() }
        let connection = try Database.connect(database, logger: logger)
        defer { connection.close() }
        // Autocommit, outside the run's transaction: what the intake is judging survives a crash.
        let attemptsConnection = try Database.connect(database, logger: logger)
        defer { attemptsConnection.close() }
        try Database.requireCurrentSchema(connection, migrations: paths.sqlDirectory)
        try ErpOdoo.requireReadable(connection)
        let ledger = RunLedger(connection)
        let abandoned = try ledger.failAbandonedRuns()
        if abandoned > 0 { logger.warning("marked \(abandoned) abandoned run(s) failed") }
        let runId = try ledger.start(asOf: asOf)
        try ledger.recordTimeZone(runId, configuration.timeZone)
        let current = DayWindow.current(asOf: asOf, days: configuration.scoring.currentWindowDays)
        try ledger.recordWindows(
            runId, current: current,
            baseline: DayWindow.before(current, days: configuration.scoring.baselineWindowDays))
        var logger = logger
        logger[metadataKey: "run.id"] = "\(runId)"
        logger.info("run started", metadata: ["as_of": "\(asOf)"])

        var summary = RunSummary(runId: runId, asOf: asOf)
        do {
            try connection.inTransaction {
                var intake = CoAIntake.Counts()
                if let archive {
                    intake = try ingest(
                        connection, folder: URL(fileURLWithPath: archive), archive: true,
                        attempts: CoAAttempts(attemptsConnection), runId: runId, asOf: asOf, logger: logger)
                }
                intake.add(
                    try ingest(
                        connection, folder: URL(fileURLWithPath: configuration.inbox), archive: false,
                        attempts: CoAAttempts(attemptsConnection), runId: runId, asOf: asOf, logger: logger))
                summary.notices = try recordNotices(connection, runId: runId, asOf: asOf, logger: logger)
                if intake.accepted + intake.rejected >= Self.analyzeAfterDocuments {
                    try TableStatistics.refresh(connection, tables: TableStatistics.intakeTables)
                }
                summary.counts.documentsAccepted = intake.accepted
                summary.counts.documentsRejected = intake.rejected
                summary.counts.documentsDuplicate = intake.duplicate
                let scored = try score(
                    connection, runId: runId, asOf: asOf,
                    rejections: intake.rejections + (try shardIntakeRejections(connection, runId: runId)),
                    logger: logger)
                summary.counts.suppliersScored = scored.suppliers
                summary.counts.flagsRaised = scored.flags
                summary.counts.inputAnomalies = scored.anomalies.count
                summary.anomalies = scored.anomalies
                try ledger.succeed(runId, counts: summary.counts)
                try Database.requireHeld(locks)
            }
        } catch {
            throw Database.failure(of: "run", runId, error, ledger: ledger, logger: logger)
        }
        summary.status = "succeeded"

        do {
            let rendered = try ReportPublisher(connection: connection, paths: paths, logger: logger)
                .publish(runId: runId, to: URL(fileURLWithPath: configuration.reports))
            summary.pagesRendered = rendered
            try? ledger.recordRenderError(runId, error: nil)
        } catch {
            let message = "\(error)"
            try? ledger.recordRenderError(runId, error: message)
            summary.renderError = message
        }
        summary.seconds = Date().timeIntervalSince(started)
        logger.info("\(summary.line)")
        if let renderError = summary.renderError {
            throw JobError(
                .renderFailed,
                "run \(runId) stored its results but the HTML could not be written to \(configuration.reports): "
                    + "\(renderError); fix it and run `scorecard render`")
        }
        return summary
    }

    private func ingest(
        _ connection: PostgresConnection, folder inbox: URL, archive: Bool, attempts: CoAAttempts,
        runId: Int64,
        asOf: Day, logger: Logger
    ) throws -> CoAIntake.Counts {
        guard FileManager.default.fileExists(atPath: inbox.path) else {
            if archive { throw JobError(.usage, "--archive \(inbox.path) is not a folder") }
            logger.notice("no inbox folder at \(inbox.path): no CoAs ingested")
            return CoAIntake.Counts()
        }
        var intake = try CoAIntake.configured(
            configuration, paths: paths, connection: connection, logger: logger)
        for unusable in intake.reader.unusableProfiles {
            logger.error(
                "CoA profile cannot be used; its documents are rejected",
                metadata: ["profile.file": "\(unusable.file)", "problem": "\(unusable.error.message)"])
        }
        intake.attempts = attempts
        intake.archive = archive
        if !archive { intake.beforeReading = beforeReadingInbox }
        if archive { logger.info("importing a CoA archive", metadata: ["folder": "\(inbox.path)"]) }
        return try intake.ingest(inbox: inbox, runId: runId, asOf: asOf)
    }

    /// Records (and logs) the notices this night's intake calls for: a bulk arrival of certificates for
    /// lots received long before.
    private func recordNotices(_ connection: PostgresConnection, runId: Int64, asOf: Day, logger: Logger)
        throws
        -> [RunNotices.Notice]
    {
        let bulk = BulkArrival(
            minimumFiles: configuration.bulkArrivalFiles, ageDays: configuration.bulkArrivalDays)
        let store = RunNotices(connection)
        let arrivals = try store.oldLotArrivals(
            runId: runId, before: bulk.cutoff(asOf: asOf), timeZone: configuration.timeZone)
        let notices = bulk.notices(arrivals, asOf: asOf)
        for notice in notices { logger.notice("\(notice.text)", metadata: ["notice": "\(notice.kind)"]) }
        try store.write(notices, runId: runId)
        return notices
    }

    /// Documents the shard intakes since the previous nightly run rejected (`scorecard intake`): this run
    /// is the first to score them, so it raises their `coa_rejected` flags. Its own counts stay its own.
    private func shardIntakeRejections(_ connection: PostgresConnection, runId: Int64) throws
        -> [CoAIntake.Rejection]
    {
        let intakes = try RunLedger(connection).intakesSinceLastNightly(before: runId)
        return try CoADocumentStore(connection).rejected(runIds: intakes).map {
            CoAIntake.Rejection(supplierId: $0.supplierId, path: $0.path, reason: $0.reason)
        }
    }

    private func score(
        _ connection: PostgresConnection, runId: Int64, asOf: Day, rejections: [CoAIntake.Rejection],
        logger: Logger
    ) throws -> (suppliers: Int, flags: Int, anomalies: [InputAnomaly]) {
        var scoring = configuration.scoring
        scoring.timeZone = TimeZone(identifier: configuration.timeZone) ?? scoring.timeZone
        let window = InputLoader.Window(
            from: asOf.advanced(by: -(scoring.currentWindowDays + scoring.baselineWindowDays) + 1),
            asOf: asOf,
            timeZone: configuration.timeZone)
        let started = Date()
        try SessionSettings.tuneBigTransaction(connection)
        let loader = InputLoader(
            connection, window: window, maxReceivedFactor: configuration.maxReceivedFactor)
        let scope = try loader.collectScope()
        let suppliers = try loader.supplierIds()
        logger.info("scoring started", metadata: ["suppliers": "\(suppliers.count)"])
        let criticality = try loader.materialCriticality()
        let scorer = Scorer(config: scoring)
        let decider = DecisionMaker(config: configuration.decisions, scoring: scoring)
        let sources = try loader.approvedSources()
        let specifications = try loader.specificationVersions()
        let previous = try loader.previousDecisions(before: runId)
        let writer = ResultWriter(connection, runId: runId)
        var anomalies = try SpecificationCheck(connection).anomalies(asOf: asOf) + scope.anomalies
        var flags: [Flag] = rejections.map { rejection in
            Flag(
                supplierId: rejection.supplierId, kind: .coaRejected, severity: .warning,
                message: "CoA \(rejection.path) was rejected: \(rejection.reason)",
                evidence: ["path": .string(rejection.path), "reason": .string(rejection.reason)])
        }
        // Exposure across suppliers: once per material, not per supplier.
        flags += decider.singleSourceFlags(sources: sources, criticality: criticality)
        // Each supplier's verdict sees the run-level flags naming it (rejected CoAs; single source, which
        // never changes a status), so that its reasons and readiness agree with the flags on its page.
        let exposure = Dictionary(grouping: flags.filter { $0.supplierId != nil }) { $0.supplierId ?? "" }
        let sourcing = decider.materialSourcing(sources: sources, criticality: criticality)
        try writer.write(sourcing: sourcing)
        var todayCandidates: [TodayCandidate] = []
        try writer.pruneJudgedLines()
        let bands = ChartBands(evaluator: ToleranceEvaluator(edgeFraction: configuration.edgeFraction))
        var changes: [StatusChange] = []
        for batch in suppliers.batches(of: supplierBatchSize).map(Array.init) {
            var inputs = try loader.load(batch, in: scope, anomalies: &anomalies)
            for index in inputs.indices { inputs[index].materialCriticality = criticality }
            var scores: [(score: SupplierScore, decision: SupplierDecision)] = []
            var decisions: [ResultWriter.MaterialDecisionRow] = []
            var capabilities: [CharacteristicCapability] = []
            var monthly: [(supplierId: String, figures: MonthlyDeliveryFigures)] = []
            var sizes: [(supplierId: String, figures: OrderSizeFigures)] = []
            var charts: [ControlChartRecord] = []
            var responses: [(supplierId: String, figures: MonthlyResponseFigures)] = []
            var judgedLines: [ResultWriter.JudgedLine] = []
            var materialFigures: [MaterialFigures] = []
            // Each supplier is scored on its own (the inputs are read-only): on every core, while the
            // database waits for the next batch's queries anyway. The decisions' JSON and the charts' marks
            // and bands are made there too.
            let outcomes = ResultSlots<
                (SupplierResult, SupplierDecision, [ResultWriter.MaterialDecisionRow], [ControlChartRecord])
            >(
                count: inputs.count)
            let batchInputs = inputs
            DispatchQueue.concurrentPerform(iterations: batchInputs.count) { index in
                let input = batchInputs[index]
                let result = scorer.score(input, asOf: asOf)
                let decision = decider.decide(
                    result: result, inputs: input, specifications: specifications,
                    previous: previous[input.supplier.supplierId],
                    exposure: exposure[input.supplier.supplierId] ?? [])
                outcomes[index] = (
                    result, decision, ResultWriter.rows(of: decision),
                    bands.filled(result.charts.markingFlaggedLots(result.flags + decision.flags))
                )
            }
            for (index, input) in inputs.enumerated() {
                guard let (result, decision, rows, marked) = outcomes[index] else { continue }
                scores.append((result.score, decision))
                todayCandidates.append(TodayCandidate(decision, score: result.score))
                decisions += rows
                changes += decision.changes
                flags.append(contentsOf: result.flags)
                flags.append(contentsOf: decision.flags)
                capabilities.append(contentsOf: result.capabilities)
                let id = input.supplier.supplierId
                monthly += result.monthlyDelivery.map { (id, $0) }
                sizes += result.deliveryByOrderSize.map { (id, $0) }
                charts += marked
                responses += result.monthlyResponse.map { (id, $0) }
                judgedLines += ResultWriter.judgedLines(of: result, supplierId: id)
                materialFigures += decision.materialFigures
            }
            try writer.write(
                scores: scores,
                names: Dictionary(uniqueKeysWithValues: batch.map { ($0.supplierId, $0.name) }))
            try writer.write(materialDecisions: decisions)
            try writer.write(capabilities: capabilities)
            try writer.write(monthly: monthly)
            try writer.write(orderSizes: sizes)
            try writer.write(charts: charts)
            try writer.write(responseMonths: responses)
            try writer.write(judgedLines: judgedLines)
            try writer.write(materialFigures: materialFigures)
        }
        for anomaly in anomalies {
            logger.warning(
                anomaly.action == .leftOut ? "input row left out" : "input row used with a warning",
                metadata: ["row": "\(anomaly)"])
        }
        try writer.write(anomalies: anomalies)
        try writer.write(flags: flags)
        try writer.write(
            today: TodayRanking.rank(todayCandidates, flags: flags, sources: sources, sourcing: sourcing))
        try writer.write(statusChanges: changes)
        for change in changes { logger.notice("\(change.line)") }
        logger.info(
            "scoring finished",
            metadata: [
                "suppliers": "\(suppliers.count)", "flags": "\(flags.count)",
                "seconds": "\(String(format: "%.2f", Date().timeIntervalSince(started)))",
            ])
        return (suppliers.count, flags.count, anomalies)
    }
}

/// What a run did, for the log's summary line and the CLI.
public struct RunSummary: Sendable {
    public var runId: Int64
    public var asOf: Day
    public var status = "running"
    public var counts = RunCounts()
    public var anomalies: [InputAnomaly] = []
    /// What an operator must know to read the run right (a bulk arrival of old lots' certificates).
    public var notices: [RunNotices.Notice] = []
    public var pagesRendered = 0
    public var renderError: String?
    public var seconds = 0.0

    public var line: String {
        let leftOut = anomalies.count(where: { $0.action == .leftOut })
        return "run \(runId) \(status) as of \(asOf): \(counts.suppliersScored) suppliers scored, "
            + "\(counts.documentsAccepted) CoAs accepted, \(counts.documentsRejected) rejected, "
            + "\(counts.documentsDuplicate) duplicates, \(counts.flagsRaised) flags raised, "
            + "\(leftOut) input rows left out, \(anomalies.count - leftOut) used with a warning, "
            + "\(pagesRendered) pages, "
            + String(format: "%.1f s", seconds)
            + notices.map { "; " + $0.text }.joined()
    }
}
