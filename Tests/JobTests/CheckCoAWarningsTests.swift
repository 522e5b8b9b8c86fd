import Foundation
import Job
import Logging
import Testing

/// What a profile could not read is printed by `check-coa`, with the day that chose the specification.
@Suite struct CheckCoAWarningsTests {
    @Test func anUnreadableDateIsPrintedAndTheLotDayNamesItsSource() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <acme:Certificate xmlns:acme="http://acme.example/coa/2">
              <acme:Header><acme:Lot>A1</acme:Lot><acme:Article>ZN-200</acme:Article>
                <acme:Produced>30.02.2026</acme:Produced><acme:Signed by="K. Mayer">10.05.2026</acme:Signed></acme:Header>
              <acme:Tests><acme:Test name="Gehalt" unit="%"><acme:Result>99,7</acme:Result></acme:Test></acme:Tests>
            </acme:Certificate>
            """
        let file = work.appendingPathComponent("a.xml")
        try Data(document.utf8).write(to: file)
        let outcome = try CoACheck(
            configuration: Configuration(), paths: ResourcePaths(home: JobFixture.repositoryRoot),
            logger: Logger(label: "test")
        ).check(files: [file.path], supplier: "SUP-A", profile: nil, database: nil)
        #expect(
            outcome.text.contains(
                "  warning: document.manufactured: '30.02.2026' is not a day: month 2 of 2026 has 28 days (dd.MM.yyyy); read as not stated\n"
            ), "\(outcome.text)")
        #expect(
            outcome.text.contains("specifications in force on 2026-05-10 (the certificate's issue date)"),
            "\(outcome.text)"
        )
    }
}
