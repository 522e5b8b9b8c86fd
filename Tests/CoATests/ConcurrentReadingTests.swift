import CoA
import Dispatch
import Foundation
import Testing

/// One `CoAReader` (one compiled XSD, the profiles) shared by every thread, as the intake uses it: each
/// document must be read exactly as a lone thread reads it, valid, invalid, profiled or hostile alike.
@Suite struct ConcurrentReadingTests {
    /// Collects results from many threads; the lock makes the writes safe.
    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int: Result<Certificate, CoARejection>] = [:]
        func set(_ index: Int, _ value: Result<Certificate, CoARejection>) {
            lock.withLock { values[index] = value }
        }
        var all: [Int: Result<Certificate, CoARejection>] { lock.withLock { values } }
    }

    @Test func manyThreadsReadAsOneDoes() throws {
        let profile = try CoAProfile.load(contentsOf: FixtureFiles.url("worked-example/acme-labs.json"))
        let reader = try CoAReader(profiles: [profile])
        var documents = [
            try FixtureFiles.bytes("canonical/example.xml"),
            try FixtureFiles.bytes("canonical/extended.xml"),
            try FixtureFiles.bytes("canonical/invalid-value-missing.xml"),
            try FixtureFiles.bytes("worked-example/acme-coa.xml"),
            try FixtureFiles.bytes("hostile/defusedxml/xmlbomb.xml"),
            try FixtureFiles.bytes("hostile/libxml2-tests/truncated-utf16.xml"),
        ]
        documents.append(Array(try FixtureFiles.bytes("canonical/example.xml").prefix(200)))  // broken
        let alone = documents.map { reader.read($0) }
        // The same documents, interleaved, 50 times over: validation contexts and parsers on every thread.
        let rounds = 50
        let outcomes = Outcomes()
        let shared = documents
        DispatchQueue.concurrentPerform(iterations: shared.count * rounds) { index in
            outcomes.set(index, reader.read(shared[index % shared.count]))
        }
        let all = outcomes.all
        #expect(all.count == documents.count * rounds)
        for (index, result) in all {
            #expect(result == alone[index % documents.count], "document \(index % documents.count)")
        }
        // And the lone readings are what they should be: three read, four rejected.
        #expect(alone.filter { if case .success = $0 { true } else { false } }.count == 3)
        guard case .failure(let invalid) = alone[2] else {
            Issue.record("an invalid canonical document was read")
            return
        }
        #expect(invalid.reason.contains("coa-1.xsd"))
    }
}
