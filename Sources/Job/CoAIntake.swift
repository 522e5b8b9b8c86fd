import CoA
import Dispatch
import Domain
import Foundation
import Logging
import Postgres
import Store

/// Reads new CoA files from the inbox, judges every result and stores documents and measurements.
///
/// Identity is the SHA-256 of the bytes: a file seen before at the same path is skipped, a renamed copy
/// is recorded as a duplicate, a changed file is new. Every file ends up `accepted`, `rejected` (with the
/// reason and place) or `duplicate`; the inbox is never modified.
struct CoAIntake {
    struct Counts: Sendable {
        var accepted = 0
        var rejected = 0
        var duplicate = 0
        /// Per supplier: rejected documents of this run (path, reason) for `coa_rejected` flags.
        var rejections: [Rejection] = []
        /// Measurement rows written with COPY, and the seconds spent in those COPYs (for the benchmark).
        var measurementRows = 0
        var measurementCopySeconds = 0.0
    }

    struct Rejection: Sendable {
        var supplierId: String?
        var path: String
        var reason: String
    }

    let connection: PostgresConnection
    let reader: CoAReader
    let evaluator: ToleranceEvaluator
    let supplierProfiles: [String: String]
    let maxBytes: Int
    let logger: Logger
    /// Files parsed per batch: bounds memory whatever the inbox holds.
    var batchSize = 256
    /// Listed files checked against the recorded ones per query. Most nights nearly every file is known:
    /// one query per parse batch was 392 round trips for nothing at a hundred thousand files.
    var knownCheckSize = 8_192
    /// Files of an imported archive: each dated by its own evidence and never counted as late
    /// (``ArchiveArrival``, `scorecard run --archive`).
    var archive = false
    /// When set, only the supplier folders it accepts are ingested (a shard intake, ``IntakeShard``).
    var supplierFolders: (@Sendable (String) -> Bool)? = nil
    /// The zone a receipt's timestamp is cut into its day in (`time_zone`).
    var timeZone = "UTC"
    /// Where the files being judged are recorded (a connection of its own), for the quarantine; nil
    /// records nothing (the benchmark).
    var attempts: CoAAttempts? = nil
    /// Called with each batch of listed files after the listing and before any of them is opened: tests
    /// swap files and folders here to play the rename race deterministically.
    var beforeReading: (@Sendable ([InboxScanner.Entry]) -> Void)? = nil

    /// The intake as the configuration sets it up (readers, edge band, supplier profiles, size limit).
    static func configured(
        _ configuration: Configuration, paths: ResourcePaths, connection: PostgresConnection, logger: Logger
    ) throws -> CoAIntake {
        var intake = CoAIntake(
            connection: connection, reader: try CoAReaders.make(configuration, paths: paths),
            evaluator: ToleranceEvaluator(edgeFraction: configuration.edgeFraction),
            supplierProfiles: configuration.supplierProfiles, maxBytes: configuration.maxDocumentBytes,
            logger: logger)
        intake.timeZone = configuration.timeZone
        return intake
    }

    func ingest(inbox: URL, runId: Int64, asOf: Day) throws -> Counts {
        let started = Date()
        let listing = try InboxScanner(inbox: inbox, supplierFolders: supplierFolders).scan()
        let entries = listing.entries
        for folder in listing.unreadableFolders {
            logger.error(
                "inbox folder cannot be read; its files wait for the next run",
                metadata: ["folder": "\(folder)"])
        }
        logger.info("CoA intake started", metadata: ["files": "\(entries.count)"])
        let store = CoADocumentStore(connection)
        let reference = try store.referenceData()
        var counts = Counts()
        let known = KnownFiles(connection)
        var skipped = 0
        for listed in entries.batches(of: knownCheckSize) {
            let unread = try notYetRead(Array(listed), known: known)
            for batch in try batchesToJudge(unread, store: store, runId: runId, counts: &counts) {
                skipped += try ingest(
                    batch: batch, listing: listing, store: store, reference: reference, runId: runId,
                    asOf: asOf, counts: &counts)
            }
        }
        // Files and bytes listed (known files included): the benchmark compares this rate with xmllint's.
        let megabytes = Double(entries.reduce(0) { $0 + $1.size }) / 1_000_000
        logger.info(
            "CoA intake finished",
            metadata: [
                "files": "\(entries.count)", "mb": "\(String(format: "%.1f", megabytes))",
                "seconds": "\(String(format: "%.2f", Date().timeIntervalSince(started)))",
                "accepted": "\(counts.accepted)", "rejected": "\(counts.rejected)",
                "duplicate": "\(counts.duplicate)", "changed_since_listing": "\(skipped)",
                "measurements": "\(counts.measurementRows)",
                "measurement_copy_seconds": "\(String(format: "%.2f", counts.measurementCopySeconds))",
            ])
        return counts
    }

    /// Reads, judges and stores one batch; returns how many of its files were skipped as changed.
    private func ingest(
        batch: [InboxScanner.Entry], listing: InboxScanner.Listing, store: CoADocumentStore,
        reference: CoADocumentStore.ReferenceData, runId: Int64, asOf: Day, counts: inout Counts
    ) throws -> Int {
        var changed = 0
        let judged = try recordingAttempt(batch, runId: runId) {
            let read = readAndParse(batch, in: listing)
            for skipped in read.changed {
                logger.warning(
                    "CoA file changed since it was listed; it waits for the next run",
                    metadata: ["coa.file": "\(skipped.entry.relativePath)", "why": "\(skipped.why)"])
            }
            changed = read.changed.count
            let files = read.files
            let known = try store.known(sha256s: files.map(\.sha256))
            return try judge(
                files, known: known, reference: reference, asOf: asOf, counts: &counts,
                lotDays: { try receiptDays(for: $0, store: store) },
                reserveIds: { try store.reserveDocumentIds($0) })
        }
        try store.insert(documents: judged.documents, runId: runId)
        let copyStarted = Date()
        try store.insertMeasurements(judged.measurements)
        counts.measurementCopySeconds += Date().timeIntervalSince(copyStarted)
        counts.measurementRows += judged.measurements.count
        return changed
    }

    /// What a batch comes to: its document rows and their measurements, ready to store.
    struct Judged {
        var documents: [CoADocumentRecord] = []
        var measurements: [MeasurementRecord] = []
    }

    /// Sorts read files into new documents and duplicates (of stored documents in `known`, or of an
    /// earlier file of the batch) and judges the new ones. Everything here but the two closures is CPU
    /// work; `scorecard bench-intake` runs it with no database writes.
    /// - Parameters:
    ///   - lotDays: receipt days of lots without a manufacture date (a database read).
    ///   - reserveIds: `count` fresh document ids.
    func judge(
        _ files: [ReadFile], known: [String: [String: KnownDocument]],
        reference: CoADocumentStore.ReferenceData, asOf: Day, counts: inout Counts,
        lotDays: ([ReadFile]) throws -> [String: [String: Day]], reserveIds: (Int) throws -> [Int64]
    ) throws -> Judged {
        var fresh: [ReadFile] = []
        var duplicates: [(ReadFile, Int64)] = []
        var seenInBatch: [String: Int] = [:]
        for file in files {
            if let paths = known[file.sha256] {
                if paths[file.entry.relativePath] != nil { continue }  // read on an earlier night
                let original = paths.values.first { $0.status != "duplicate" } ?? paths.values.first
                if let original { duplicates.append((file, original.documentId)) }
                continue
            }
            if let index = seenInBatch[file.sha256] {
                duplicates.append((file, -Int64(index) - 1))  // resolved to the batch original's id below
                continue
            }
            seenInBatch[file.sha256] = fresh.count
            fresh.append(file)
        }
        let now = Date()
        let ids = try reserveIds(fresh.count + duplicates.count)
        let days = try lotDays(fresh)
        // Judging is independent per document (the reference data is read-only): on all cores too.
        let judge = CoAJudge(reference: reference, evaluator: evaluator)
        let outcomes = ResultSlots<(CoADocumentRecord, [MeasurementRecord])>(count: fresh.count)
        let freshFiles = fresh
        let (archive, zone) = (archive, timeZone)
        DispatchQueue.concurrentPerform(iterations: freshFiles.count) { index in
            let file = freshFiles[index]
            TestHooks.abortIfAsked(judging: file.entry.relativePath)
            var document = CoADocumentRecord(
                documentId: ids[index], sha256: file.sha256, path: file.entry.relativePath,
                supplierId: file.entry.supplierFolder, status: .rejected, sizeBytes: file.entry.size,
                receivedAt: min(file.entry.modified ?? now, now))
            document.raw = file.raw
            let measurements = judge.judge(file.parsed, into: &document, lotDays: days, asOf: asOf)
            if archive {
                Self.dateFromArchive(
                    &document, modified: file.entry.modified, now: now, receiptDays: days, timeZone: zone)
            }
            outcomes[index] = (document, measurements)
        }
        var judged = Judged()
        judged.documents.reserveCapacity(ids.count)
        for index in fresh.indices {
            guard let (document, measurements) = outcomes[index] else { continue }
            judged.measurements += measurements
            logArchiveArrival(of: document)
            if document.status == .accepted {
                counts.accepted += 1
            } else {
                counts.rejected += 1
                counts.rejections.append(
                    Rejection(
                        supplierId: document.supplierId, path: document.path, reason: document.reason ?? ""))
                logger.warning(
                    "CoA rejected",
                    metadata: ["coa.file": "\(document.path)", "reason": "\(document.reason ?? "")"])
            }
            judged.documents.append(document)
        }
        var pathsById: [Int64: String] = [:]
        for document in judged.documents { pathsById[document.documentId] = document.path }
        for (offset, (file, originalId)) in duplicates.enumerated() {
            var document = CoADocumentRecord(
                documentId: ids[fresh.count + offset], sha256: file.sha256, path: file.entry.relativePath,
                supplierId: file.entry.supplierFolder, status: .duplicate, sizeBytes: file.entry.size,
                receivedAt: min(file.entry.modified ?? now, now))
            let duplicateOf = originalId >= 0 ? originalId : ids[Int(-originalId - 1)]
            document.importedFromArchive = archive
            document.duplicateOf = duplicateOf
            document.reason = "same bytes as \(pathsById[duplicateOf] ?? "document \(duplicateOf)")"
            judged.documents.append(document)
            counts.duplicate += 1
        }
        return judged
    }

    /// Leaves out files recorded at the same path with the same size and modification time: read on an
    /// earlier night (rsync's quick check). Only those are read and hashed, so a night costs what arrived,
    /// not the whole inbox's history. A rewritten file changes its time and is read again.
    private func notYetRead(_ batch: [InboxScanner.Entry], known: KnownFiles) throws -> [InboxScanner.Entry] {
        let records = try known.records(paths: batch.map(\.relativePath))
        return batch.filter { entry in
            guard let record = records[entry.relativePath], let modified = entry.modified else { return true }
            // received_at keeps microseconds; the file system gives nanoseconds.
            return record.sizeBytes != entry.size
                || abs(record.receivedAt.timeIntervalSince(modified)) > 0.001
        }
    }

    // MARK: - Reading and parsing

    struct ReadFile: Sendable {
        var entry: InboxScanner.Entry
        /// SHA-256 of the bytes read (of the first `maxBytes + 1` of an oversized file).
        var sha256: String
        /// What `coa_documents.raw` keeps: the bytes, or a ``RawExcerpt`` of a file that is not XML at
        /// all; nil when nothing could be read.
        var raw: [UInt8]?
        /// The certificate, or why the file cannot be one (unreadable and oversized files included).
        var parsed: Result<Certificate, CoARejection>
    }

    /// A listed file not read tonight because it is not what was listed any more.
    struct ChangedFile: Sendable {
        var entry: InboxScanner.Entry
        var why: String
    }

    struct ReadBatch: Sendable {
        var files: [ReadFile] = []
        var changed: [ChangedFile] = []
    }

    /// Reads, hashes and parses `entries` on all cores, one file per iteration: each file's work is
    /// independent, and each libxml2 parser and validation context stays on the thread that made it.
    /// The bytes hashed and parsed are the bytes read, once, through ``InboxReader``.
    /// A file later found known or a duplicate has then been parsed for nothing: rare, and cheaper than a
    /// second parallel pass once the database has said which files are new.
    func readAndParse(_ entries: [InboxScanner.Entry], in listing: InboxScanner.Listing) -> ReadBatch {
        beforeReading?(entries)
        let inbox = InboxReader(listing: listing, entries: entries, limit: maxBytes)
        let results = ResultSlots<ReadOutcome>(count: entries.count)
        let reader = reader
        let supplierProfiles = supplierProfiles
        let maxBytes = maxBytes
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            let entry = entries[index]
            let profile = entry.supplierFolder.flatMap { supplierProfiles[$0] }
            results[index] = Self.readAndParse(
                entry, from: inbox, reader: reader, profile: profile, maxBytes: maxBytes)
        }
        var batch = ReadBatch()
        for index in entries.indices {
            switch results[index] {
            case .file(let file): batch.files.append(file)
            case .changed(let changed): batch.changed.append(changed)
            case nil: batch.changed.append(ChangedFile(entry: entries[index], why: "not read"))
            }
        }
        return batch
    }

    private enum ReadOutcome {
        case file(ReadFile)
        case changed(ChangedFile)
    }

    private static func readAndParse(
        _ entry: InboxScanner.Entry, from inbox: InboxReader, reader: CoAReader, profile: String?,
        maxBytes: Int
    ) -> ReadOutcome {
        switch inbox.read(entry) {
        case .changed(let why):
            return .changed(ChangedFile(entry: entry, why: why))
        case .unreadable(let reason):
            return .file(
                ReadFile(
                    entry: entry, sha256: "unreadable:\(entry.relativePath)", raw: nil,
                    parsed: .failure(CoARejection(reason: reason))))
        case .tooLarge(let sha256, let prefix):
            // Identified by the bytes read; the rest of the file is never read or held.
            let reason = "file is \(entry.size) bytes, over the \(maxBytes)-byte limit (coa.max_bytes)"
            return .file(
                ReadFile(
                    entry: entry, sha256: sha256, raw: RawExcerpt.of(prefix, size: entry.size),
                    parsed: .failure(CoARejection(reason: reason, documentIsXML: false))))
        case .read(let bytes):
            let parsed = reader.read(bytes, profileName: profile)
            var raw = bytes
            if case .failure(let rejection) = parsed, !rejection.documentIsXML {
                raw = RawExcerpt.of(bytes.prefix(FileBytes.prefixKept), size: bytes.count)
            }
            return .file(ReadFile(entry: entry, sha256: SHA256.hex(of: bytes), raw: raw, parsed: parsed))
        }
    }

    /// The receipt days `judge` needs: only lots without a manufacture date.
    func receiptDays(for files: [ReadFile], store: CoADocumentStore) throws -> [String: [String: Day]] {
        var lotsBySupplier: [String: Set<String>] = [:]
        for file in files {
            // An archive's file without an issue date is dated by its lot's receipt: every lot then.
            guard case .success(let certificate) = file.parsed,
                let lot = archive
                    ? CoAJudge.lot(of: certificate, folder: file.entry.supplierFolder)
                    : CoAJudge.receiptLot(of: certificate, folder: file.entry.supplierFolder)
            else { continue }
            lotsBySupplier[lot.supplierId, default: []].insert(lot.lotNumber)
        }
        var days: [String: [String: Day]] = [:]
        for (supplier, lots) in lotsBySupplier {
            days[supplier] = try store.receiptDays(
                supplierId: supplier, lots: lots.sorted(), timeZone: timeZone)
        }
        return days
    }
}
