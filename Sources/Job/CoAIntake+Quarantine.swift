import CoA
import Foundation
import Store

/// Quarantine: a file that was being judged when a run died (a crash in a parser, a trap on a value) must
/// not crash the next night the same way.
///
/// Before a batch is judged its paths are recorded in ``CoAAttempts`` (autocommit, outside the run's
/// transaction), and deleted once it was judged. A file with one attempt left is judged alone the next
/// night, so only the culprit of a batch reaches a second attempt; a file with two is quarantined:
/// recorded as rejected with the reason, and not judged again until it changes.
extension CoAIntake {
    /// The attempts a file may take before it is quarantined.
    static let attemptsBeforeQuarantine = 2

    /// The files not yet read, in the batches to judge them in: files that were being judged when a run
    /// died come first, one per batch; files with ``attemptsBeforeQuarantine`` attempts are quarantined
    /// here (recorded in the run's transaction) and left out.
    func batchesToJudge(
        _ entries: [InboxScanner.Entry], store: CoADocumentStore, runId: Int64, counts: inout Counts
    ) throws -> [[InboxScanner.Entry]] {
        guard let attempts, !entries.isEmpty else { return entries.batches(of: batchSize).map(Array.init) }
        let pending = try attempts.pending(paths: entries.map(\.relativePath))
        var suspects: [InboxScanner.Entry] = []
        var quarantined: [(InboxScanner.Entry, CoAAttempts.Pending)] = []
        var rest: [InboxScanner.Entry] = []
        for entry in entries {
            guard let attempt = pending[entry.relativePath] else {
                rest.append(entry)
                continue
            }
            if attempt.attempts >= Self.attemptsBeforeQuarantine {
                quarantined.append((entry, attempt))
            } else {
                suspects.append(entry)
            }
        }
        try quarantine(quarantined, store: store, runId: runId, counts: &counts)
        return suspects.map { [$0] } + rest.batches(of: batchSize).map(Array.init)
    }

    /// Records each file as rejected with the reason, and forgets its attempts, both in the run's
    /// transaction: a run that dies before it commits quarantines them again the next night.
    private func quarantine(
        _ files: [(InboxScanner.Entry, CoAAttempts.Pending)], store: CoADocumentStore, runId: Int64,
        counts: inout Counts
    ) throws {
        guard !files.isEmpty else { return }
        let ids = try store.reserveDocumentIds(files.count)
        let now = Date()
        var documents: [CoADocumentRecord] = []
        for ((entry, attempt), id) in zip(files, ids) {
            let received = min(entry.modified ?? now, now)
            // Not a hash (the file is not read again): unique per path, size and time, as a changed file is new.
            let identity =
                "quarantined:\(entry.relativePath):\(entry.size):\(Int64(received.timeIntervalSince1970 * 1e6))"
            var document = CoADocumentRecord(
                documentId: id, sha256: identity, path: entry.relativePath, supplierId: entry.supplierFolder,
                status: .rejected, sizeBytes: entry.size, receivedAt: received)
            let runs = attempt.runIds.map(String.init).joined(separator: ", ")
            document.reason =
                "quarantined: the job ended \(attempt.attempts) times while judging this file "
                + "(runs \(runs)); it is skipped until the file changes"
            documents.append(document)
            counts.rejected += 1
            counts.rejections.append(
                Rejection(supplierId: document.supplierId, path: document.path, reason: document.reason ?? "")
            )
            logger.error(
                "CoA quarantined",
                metadata: ["coa.file": "\(document.path)", "reason": "\(document.reason ?? "")"])
        }
        try store.insert(documents: documents, runId: runId)
        try CoAAttempts(connection).finish(paths: documents.map(\.path))
    }

    /// Runs `judging` (reading, parsing and judging `batch`) with its attempt recorded. A thrown error is
    /// no crash: the attempt is forgotten then too.
    func recordingAttempt<T>(_ batch: [InboxScanner.Entry], runId: Int64, _ judging: () throws -> T) throws
        -> T
    {
        guard let attempts else { return try judging() }
        let paths = batch.map(\.relativePath)
        try attempts.start(paths: paths, runId: runId)
        let value: T
        do {
            value = try judging()
        } catch {
            try? attempts.finish(paths: paths)
            throw error
        }
        try attempts.finish(paths: paths)
        return value
    }
}
