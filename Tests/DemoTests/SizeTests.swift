import Demo
import Domain
import Foundation
import Testing

@Suite struct SizeTests {
    @Test func standardWorldIsNearItsTargetSizes() throws {
        let world = try standardWorld.get()
        let counts = world.summary.counts
        #expect(counts["suppliers"] == 40)
        #expect(counts["materials"] == 150)
        #expect((4_000...10_000).contains(counts["order_lines"] ?? 0))
        #expect((counts["receipts"] ?? 0) > (counts["order_lines"] ?? 0) * 8 / 10)
        #expect((50...600).contains(counts["defects"] ?? 0))
        #expect((2_000...4_500).contains(counts["communications"] ?? 0))
        #expect((counts["quotations"] ?? 0) > (counts["approved_sources"] ?? 0))
        #expect((counts["inspection_results"] ?? 0) > 500)
        // Most lots come with a CoA; a few files are broken.
        #expect(world.summary.coaFiles > (counts["receipts"] ?? 0) * 6 / 10)
        #expect((3...world.summary.coaFiles / 20).contains(world.summary.brokenCoAFiles))
        #expect(world.summary.stories.count == PlantedStory.Kind.allCases.count)
    }

    @Test func everySupplierHasAnApprovedSource() throws {
        let world = try standardWorld.get()
        let withSources = Set(try world.rows("approved_sources").compactMap { $0["supplier_id"] ?? nil })
        #expect(withSources.count == 40)
    }

    @Test func smallCustomSizeWorksAndKeepsItsStories() throws {
        let size = DemoSize.scaled(suppliers: 10, materials: 20, years: 1)
        let world = try GeneratedWorld.make(seed: 99, size: size)
        defer { try? FileManager.default.removeItem(at: world.inbox) }
        var checker = ConstraintChecker()
        checker.check(order: world.order, tables: world.tables)
        #expect(checker.violations == [])
        #expect(world.summary.counts["suppliers"] == 10)
        #expect(world.summary.counts["materials"] == 20)
        #expect(Set(world.summary.stories.map(\.supplierId)).count == 7)
        let earliest = try world.rows("order_lines").compactMap { $0["ordered_at"].flatMap { $0?.day } }.min()
        #expect(try #require(earliest) >= demoAsOf.advanced(by: -365))
    }

    @Test func tooSmallSizeIsRefused() {
        let size = DemoSize.scaled(suppliers: 9, materials: 20)
        var sink = CountingSink()
        #expect(throws: DemoError.self) {
            try DemoWorld(size: size, asOf: demoAsOf).generate(
                into: &sink, inbox: FileManager.default.temporaryDirectory.appendingPathComponent("never"))
        }
        #expect(sink.rows.isEmpty)
    }

    @Test func largeSizeIsIssueEightsWorld() {
        #expect(DemoSize.large.suppliers == 1_000)
        #expect(DemoSize.large.materials == 3_000)
        #expect(DemoSize.large.years == 3)
    }
}

@Suite struct InboxErrorTests {
    @Test func unwritableInboxNamesThePath() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent(
            "demo-blocker-\(UUID().uuidString)")
        try Data("not a folder".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        var sink = CountingSink()
        let world = DemoWorld(size: .scaled(suppliers: 10, materials: 20, years: 1), asOf: demoAsOf)
        do {
            _ = try world.generate(into: &sink, inbox: blocker.appendingPathComponent("inbox"))
            Issue.record("generation into a path under a file succeeded")
        } catch DemoError.cannotWrite(let path, _) {
            #expect(path.hasPrefix(blocker.path + "/inbox/SUP-"))
        }
    }
}
