import Logging
import TestSupport
import Testing

@testable import Job

@Suite struct OneLineLogHandlerTests {
    @Test func messagesAndMetadataAreEscapedToOneLine() {
        let records = InMemoryLogHandler.Records()
        var logger = Logger(label: "test") { label in
            OneLineLogHandler(InMemoryLogHandler(label: label, records: records))
        }
        logger[metadataKey: "run.id"] = "7\nforged"
        logger.warning(
            "CoA rejected: SUP-A/a\nb.xml",
            metadata: [
                "coa.file": "SUP-A/x\n2026-01-01T00:00:00 critical : forged line",
                "list": ["a\rb"], "nested": ["k": "v\u{2028}w"],
            ])
        let entry = records.entries.first
        #expect(entry?.message == #"CoA rejected: SUP-A/a\nb.xml"#)
        #expect(
            entry?.metadata["coa.file"]?.description
                == #"SUP-A/x\n2026-01-01T00:00:00 critical : forged line"#)
        #expect(entry?.metadata["run.id"]?.description == #"7\nforged"#)
        let all = "\(entry?.message ?? "") \(entry?.metadata ?? [:])"
        #expect(!all.contains { $0.isNewline })
    }
}
