import Foundation
import Logging
import TestSupport
import Testing

@testable import Job

#if canImport(Glibc)
    import Glibc
#endif

/// An inbox with one good CoA and one target file, a secret outside the inbox, and a nightly run whose
/// intake calls a hook between listing and reading: the rename race, played deterministically.
struct InboxRace {
    let fixture: JobFixture
    /// Text that must never reach the database, the log or the pages.
    let secretText = "TOPSECRET-\(UUID().uuidString)"
    let secretFolder: URL

    var target: URL { fixture.inbox.appendingPathComponent("SUP-A/target.xml") }
    var secretFile: URL { secretFolder.appendingPathComponent("secret.xml") }

    init() throws {
        fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        secretFolder = fixture.directory.appendingPathComponent("secret")
        try FileManager.default.createDirectory(at: secretFolder, withIntermediateDirectories: true)
        // Looks like XML, so that a parser would quote it if it were ever read.
        try Data("<?xml version=\"1.0\"?><\(secretText)>\(secretText)</\(secretText)>".utf8).write(
            to: secretFile)
        try fixture.writeInbox("SUP-A/good.xml", CoAIntakeTests.canonical())
        try fixture.writeInbox("SUP-A/target.xml", CoAIntakeTests.canonical(lot: "A2"))
    }

    /// A nightly run as of 2026-06-30 whose intake calls `hook` once, before reading its first batch.
    func run(hook: @escaping @Sendable () -> Void) throws -> (RunSummary, InMemoryLogHandler.Records) {
        let (logger, records) = InMemoryLogHandler.logger()
        var run = NightlyRun(configuration: fixture.configuration(), paths: fixture.paths, logger: logger)
        let once = Once()
        run.beforeReadingInbox = { _ in once.run(hook) }
        let summary = try run.run(asOf: try JobFixture.day("2026-06-30"), database: fixture.conninfo)
        return (summary, records)
    }

    /// The run went on: it succeeded and the good file was accepted.
    func expectTheRunWentOn(_ summary: RunSummary, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(summary.status == "succeeded", sourceLocation: sourceLocation)
        #expect(
            try fixture.scalar(
                "SELECT status FROM scorecard.coa_documents WHERE path = 'SUP-A/good.xml'", as: String.self)
                == "accepted", sourceLocation: sourceLocation)
    }

    /// The target was skipped for the night: not recorded, a warning names it.
    func expectTargetWaits(
        _ records: InMemoryLogHandler.Records, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard_store.coa_documents WHERE path = 'SUP-A/target.xml'",
                as: Int.self) == 0, sourceLocation: sourceLocation)
        #expect(
            records.entries.contains {
                $0.level == .warning && $0.message.contains("changed since it was listed")
                    && $0.metadata["coa.file"]?.description == "SUP-A/target.xml"
            }, sourceLocation: sourceLocation)
    }

    /// `needle` appears nowhere: not in the stored documents (raw bytes, reasons, paths), flags, or log.
    func expectNowhere(
        _ needle: String, _ records: InMemoryLogHandler.Records,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let stored = try fixture.scalar(
            """
            SELECT count(*) FROM scorecard_store.coa_documents
            WHERE position(convert_to($1, 'UTF8') IN coalesce(raw, ''::bytea)) > 0
               OR strpos(coalesce(reason, ''), $1) > 0 OR strpos(path, $1) > 0
            """, [needle], as: Int.self)
        #expect(stored == 0, sourceLocation: sourceLocation)
        let flagged = try fixture.scalar(
            "SELECT count(*) FROM scorecard.supplier_flags WHERE strpos(message || evidence::text, $1) > 0",
            [needle], as: Int.self)
        #expect(flagged == 0, sourceLocation: sourceLocation)
        let logged = records.entries.contains { entry in
            entry.message.contains(needle) || entry.metadata.values.contains { "\($0)".contains(needle) }
        }
        #expect(!logged, sourceLocation: sourceLocation)
    }

    /// Replaces the target by a symbolic link to `destination`.
    func linkTarget(to destination: String) {
        unlink(target.path)
        #expect(symlink(destination, target.path) == 0)
    }

    /// Peak resident memory of this process so far, in KiB.
    static func peakKiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}

/// Runs a closure at most once, from whichever thread calls first.
final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    func run(_ body: () -> Void) {
        let first = lock.withLock {
            defer { done = true }
            return !done
        }
        if first { body() }
    }
}
