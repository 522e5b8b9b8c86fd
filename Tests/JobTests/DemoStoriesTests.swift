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

        // One verdict: the invariants hold on every stored row, and each story's verdict says so.
        let broken = try VerdictInvariantQueries.violations(fixture)
        #expect(broken.isEmpty, "\(broken)")
        #expect(try fixture.score("verdict_risk", supplier: collapse.supplierId, as: String.self) == "high")
        #expect(try fixture.score("action", supplier: collapse.supplierId, as: String.self) != nil)
        #expect(try fixture.score("ready_materials", supplier: clean.supplierId, as: String.self) != "[]")
        #expect(try fixture.score("action", supplier: clean.supplierId, as: String.self) == nil)
        #expect(try fixture.score("verdict_risk", supplier: silent.supplierId, as: String.self) == "high")
        #expect(
            try fixture.scalar(
                """
                SELECT recommended_status FROM scorecard.material_decisions
                WHERE supplier_id = $1 AND material_id = $2
                """, [drift.supplierId, drift.materialId ?? ""], as: String.self) != "qualified")
        print(
            "demo verdicts: "
                + (try fixture.scalar(
                    """
                    SELECT string_agg(supplier_id || ' ' || recommended_status || ' ' || coalesce(grade, '-')
                        || ' ready ' || ready_materials::text || ' risk ' || coalesce(verdict_risk, '-')
                        || ' ' || status_reasons::text || ' DO ' || coalesce(action, '-'), E'\n'
                        ORDER BY supplier_id)
                    FROM scorecard.supplier_scorecards
                    """, as: String.self) ?? ""))
    }

    /// Another generated world through the real job (seed 7; `VERDICT_WORLD_SIZE=medium` for 250
    /// suppliers): the verdict invariants hold on every stored row.
    @Test func verdictInvariantsHoldOnAGeneratedWorld() throws {
        let fixture = try JobFixture()
        let asOf = Day(year: 2026, month: 11, day: 23)
        var size = DemoSize.standard
        if ProcessInfo.processInfo.environment["VERDICT_WORLD_SIZE"] == "medium" {
            // As `scorecard demo --size medium`: the large world's densities with 250 suppliers.
            size = DemoSize.large
            size.suppliers = 250
            size.materials = 750
        }
        let connection = try fixture.connect()
        _ = try DemoLoader(connection: connection, logger: Logger(label: "test"))
            .load(DemoWorld(seed: 7, size: size, asOf: asOf), inbox: fixture.inbox)
        connection.close()
        _ = try fixture.run(asOf: asOf.iso)
        let broken = try VerdictInvariantQueries.violations(fixture)
        #expect(broken.isEmpty, "\(broken)")
    }
}
