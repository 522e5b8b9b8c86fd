import Foundation
import Testing

@testable import Job

#if canImport(Glibc)
    import Glibc
#endif

/// Names from the inbox as the real binary logs and records them: one event per line whatever a name
/// holds, and a name that is not UTF-8 recorded percent-escaped, never dropped.
@Suite struct InboxNamesTests {
    static let forged = "2026-06-30T00:00:00+0000 critical scorecard : forged"

    @Test func namesWithLineBreaksOrBytesThatAreNotUTF8AreRecordedAndLoggedOnOneLine() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        try fixture.writeInbox("SUP-A/ok.xml", CoAIntakeTests.canonical())
        // A broken file, so that the name is logged with its rejection.
        try fixture.writeInbox("SUP-A/evil\n\(Self.forged).xml", "<broken")
        try fixture.writeInbox("SUP-\r\n\(Self.forged)/x.xml", CoAIntakeTests.canonical(lot: "X1"))
        let folder = Array(fixture.inbox.appendingPathComponent("SUP-A").path.utf8)
        let latin1 = folder + Array("/caf".utf8) + [0xE9] + Array(".xml".utf8)
        let descriptor = open(InboxOpen.cName(latin1), O_WRONLY | O_CREAT | O_EXCL, 0o644)
        #expect(descriptor >= 0)
        let bytes = Array(CoAIntakeTests.canonical(lot: "A5").utf8)
        #expect(write(descriptor, bytes, bytes.count) == bytes.count)
        close(descriptor)

        let child = try ScorecardChild(fixture.runArguments(asOf: "2026-06-30"))
        #expect(child.wait() == 0, "\(child.log.suffix(2_000))")
        let lines = child.log.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasPrefix(Self.forged) }, "\(child.log)")
        #expect(lines.contains { $0.contains(#"SUP-A/evil\n2026-06-30T00:00:00+0000 critical"#) })
        #expect(child.log.contains("2 CoAs accepted, 2 rejected"))

        let paths = try fixture.scalar(
            "SELECT string_agg(path || ' ' || status, '|' ORDER BY path) FROM scorecard.coa_documents",
            as: String.self)
        #expect(paths?.contains("SUP-A/caf%E9.xml accepted") == true)
        #expect(paths?.contains("SUP-A/evil\n\(Self.forged).xml rejected") == true)
        #expect(paths?.contains("SUP-\r\n\(Self.forged)/x.xml rejected") == true)
    }
}
