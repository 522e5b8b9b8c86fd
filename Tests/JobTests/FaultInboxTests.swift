import Foundation
import Job
import Testing

/// 10,000 broken files in one inbox: every one recorded as rejected with its reason, the run completes,
/// and the job's memory stays bounded (peak resident memory of the child, from /usr/bin/time).
@Suite struct FaultInboxTests {
    static let files = 10_000

    /// Three kinds of broken, each file's bytes distinct (a shared hash would make it a duplicate).
    static func broken(_ index: Int) -> String {
        switch index % 3 {
        case 0:
            "<?xml version=\"1.0\"?><CertificateOfAnalysis xmlns=\"urn:supplier-scorecard:coa:1\"><Lot n=\"\(index)\">"
        case 1: "not XML at all, file \(index)\n"
        default: "<!DOCTYPE x [<!ENTITY e \"\(index)\">]><x>&e;</x>"
        }
    }

    @Test func tenThousandBrokenFilesAreAllRejectedInBoundedMemory() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let folder = fixture.inbox.appendingPathComponent("SUP-A/flood")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<Self.files {
            try Data(Self.broken(index).utf8).write(
                to: folder.appendingPathComponent(String(format: "broken-%05d.xml", index)))
        }
        let child = try ScorecardChild(fixture.runArguments(asOf: "2026-06-30"), measureMemory: true)
        let status = child.wait()
        #expect(status == 0, "\(child.log.suffix(2_000))")
        #expect(child.log.contains("0 CoAs accepted, \(Self.files) rejected"))
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard.coa_documents WHERE status = 'rejected' AND reason <> ''",
                as: Int.self) == Self.files)
        // Each kind keeps its own reason; the entity file is refused, never expanded.
        #expect(
            try fixture.scalar(
                "SELECT count(DISTINCT left(reason, 20)) FROM scorecard.coa_documents", as: Int.self)
                ?? 0 >= 2)
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard.coa_measurements", as: Int.self) == 0)
        // The scores were written alongside; the rejections became flags.
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard.supplier_scorecards", as: Int.self) == 2)
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard.supplier_flags WHERE kind = 'coa_rejected'", as: Int.self)
                ?? 0 > 0)
        // Files are parsed in batches of 256: memory follows the batch, not the inbox. The bound is generous
        // for a debug build; the measured figure is in docs/scaling.md.
        let peak = try #require(child.peakKiB)
        print("10,000 broken files: peak resident memory \(peak / 1024) MiB")
        #expect(peak < 300 * 1024)
    }
}
