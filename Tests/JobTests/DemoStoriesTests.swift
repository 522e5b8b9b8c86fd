import Demo
import Domain
import Foundation
import Job
import Logging
import Testing

/// The standard demo world through the real job: every planted story comes out with the right kind, and the
/// clean and the noisy-but-centred suppliers stay quiet.
@Suite(.serialized) struct DemoStoriesTests {
    @Test func plantedStoriesAreFlaggedAndTheQuietStayQuiet() throws {
        let fixture = try JobFixture()
        let asOf = Day(year: 2026, month: 11, day: 23)
        let connection = try fixture.connect()
        let summary = try DemoLoader(connection: connection, logger: Logger(label: "test"))
            .load(DemoWorld(asOf: asOf), inbox: fixture.inbox)
        connection.close()
        _ = try fixture.run(asOf: asOf.iso)
        func story(_ kind: PlantedStory.Kind) throws -> PlantedStory {
            try #require(summary.stories(kind).first)
        }
        func flags(_ supplier: String, _ kind: String) throws -> [String] {
            let text = try fixture.scalar(
                """
                SELECT string_agg(severity || ' ' || coalesce(material_id, '-') || ' ' || coalesce(characteristic, '-'), '; '
                    ORDER BY material_id, characteristic)
                FROM scorecard.supplier_flags WHERE supplier_id = $1 AND kind = $2
                """, [supplier, kind], as: String.self)
            return text.map { $0.components(separatedBy: "; ") } ?? []
        }

        let collapse = try story(.volumeCollapse)
        #expect(try flags(collapse.supplierId, "priority_position_risk") == ["critical - -"])
        #expect(
            try fixture.score("priority_risk_level", supplier: collapse.supplierId, as: String.self) == "high"
        )

        let drift = try story(.drift)
        #expect(
            try flags(drift.supplierId, "edge_of_tolerance_drift").contains {
                $0.hasSuffix("\(drift.materialId ?? "") assay")
            })

        let silent = try story(.silent)
        #expect(try flags(silent.supplierId, "slow_response") == ["critical - -"])

        let single = try story(.singleSource)
        #expect(
            try fixture.scalar(
                "SELECT string_agg(material_id, ',') FROM scorecard.supplier_flags WHERE kind = 'single_source'",
                as: String.self) == single.materialId)

        let gap = try story(.quotationGap)
        let material = gap.materialId ?? ""
        #expect(try flags(gap.supplierId, "scale_up_cost_gap").contains { $0.contains(material) })
        #expect(try flags(gap.supplierId, "scale_up_lead_time_gap").contains { $0.contains(material) })
        #expect(
            try fixture.scalar(
                "SELECT count(DISTINCT supplier_id) FROM scorecard.supplier_flags WHERE kind LIKE 'scale_up_%'",
                as: Int.self) == 1)

        // Quiet: no flag but rejected CoAs (none are planted on them) on the clean and noisy suppliers.
        for quiet in [try story(.clean), try story(.noisyCentred)] {
            #expect(
                try fixture.scalar(
                    "SELECT count(*) FROM scorecard.supplier_flags WHERE supplier_id = $1",
                    [quiet.supplierId],
                    as: Int.self) == 0, "\(quiet.supplierId)")
        }
        let clean = try story(.clean)
        #expect(try fixture.score("scale_up_ready", supplier: clean.supplierId, as: Bool.self) == true)
        #expect(
            try fixture.score("recommended_status", supplier: clean.supplierId, as: String.self)
                == "qualified")
        #expect(try fixture.score("grade", supplier: clean.supplierId, as: String.self) == "A")
        #expect(
            try fixture.score("recommended_status", supplier: collapse.supplierId, as: String.self)
                == "probation")
    }
}
