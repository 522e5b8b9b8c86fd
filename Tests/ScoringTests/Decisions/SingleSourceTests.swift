import Domain
import Testing

@testable import Scoring

@Suite struct SingleSourceTests {
    let check = SingleSourceCheck(config: DecisionConfig())

    @Test func criticalMaterialWithOneUsableSourceIsFlaggedOnce() throws {
        let sources = [
            ApprovedSource(
                supplierId: "SUP-0012", materialId: "MAT-0031", status: .approved,
                supplierPartNumber: "AC-1234"),
            ApprovedSource(supplierId: "SUP-0040", materialId: "MAT-0031", status: .pending),
            ApprovedSource(supplierId: "SUP-0041", materialId: "MAT-0031", status: .blocked),
            // Two usable sources: approved and conditional.
            ApprovedSource(supplierId: "SUP-0001", materialId: "MAT-0002", status: .approved),
            ApprovedSource(supplierId: "SUP-0002", materialId: "MAT-0002", status: .conditional),
            // Not critical: one source is fine.
            ApprovedSource(supplierId: "SUP-0003", materialId: "MAT-0003", status: .approved),
        ]
        let criticality: [String: MaterialCriticality] = [
            "MAT-0031": .critical, "MAT-0002": .critical, "MAT-0003": .major,
        ]
        let flags = check.flags(sources: sources, criticality: criticality)
        #expect(flags.count == 1)
        let f = try #require(flags.first)
        #expect(f.kind == .singleSource)
        #expect(f.supplierId == "SUP-0012")
        #expect(f.materialId == "MAT-0031")
        #expect(f.severity == .warning)
        #expect(
            f.message
                == "MAT-0031 is critical and has one approved or conditional source: SUP-0012 (approved, part AC-1234); "
                + "also listed but not usable: SUP-0040 (pending), SUP-0041 (blocked); 2 needed.")
        guard case .object(let e) = f.evidence else {
            Issue.record("evidence is not an object")
            return
        }
        #expect(e["usable_sources"] == 1)
        #expect(e["required_sources"] == 2)
        guard case .array(let listed)? = e["sources"] else {
            Issue.record("no sources in evidence")
            return
        }
        #expect(listed.count == 3)
    }

    @Test func criticalMaterialWithoutAnyUsableSourceIsCritical() throws {
        let flags = check.flags(
            sources: [ApprovedSource(supplierId: "SUP-0040", materialId: "MAT-0031", status: .blocked)],
            criticality: ["MAT-0031": .critical, "MAT-0099": .critical])
        #expect(flags.map(\.materialId) == ["MAT-0031", "MAT-0099"])
        let f = try #require(flags.first)
        #expect(f.supplierId == nil)
        #expect(f.severity == .critical)
        #expect(
            f.message
                == "MAT-0031 is critical and has 0 approved or conditional sources; also listed but not usable: "
                + "SUP-0040 (blocked); 2 needed.")
        #expect(
            flags[1].message == "MAT-0099 is critical and has 0 approved or conditional sources; 2 needed.")
    }

    @Test func twoConditionalSourcesAreEnough() {
        let flags = check.flags(
            sources: [
                ApprovedSource(supplierId: "A", materialId: "M", status: .conditional),
                ApprovedSource(supplierId: "B", materialId: "M", status: .conditional),
            ], criticality: ["M": .critical])
        #expect(flags.isEmpty)
    }
}
