import Domain
import ReportModel
import Testing

@testable import Reports

@Suite struct WordingTests {
    /// The intake's own reasons, as the demo stores them, fall into the kinds the resend request counts.
    @Test(arguments: [
        ("not well-formed XML: Premature end of data in tag Result line 17", "malformed"),
        (
            "not valid against coa-1.xsd: Element '{urn:supplier-scorecard:coa:1}PurchaseOrder': …",
            "not in the agreed format"
        ),
        ("material MAT-90094 is not in procurement.materials", "unknown material"),
        ("same bytes as SUP-A/A1.xml", "duplicate"),
        ("too many nodes: 1000001 (coa.max_nodes)", "unsafe or oversized"),
        ("no unit reported; the specification is in '%'", "unit problem"),
        ("something new", "other problem"),
    ])
    func rejectionReasonsHaveAKind(reason: String, kind: String) {
        #expect(Wording.rejectionKind(reason) == kind)
    }

    @Test func rejectionsCollapseToOneRequestPerSupplier() {
        let groups = RejectionGroup.groups(
            [
                RejectedDocument(
                    path: "SUP-0033/a.xml", supplierId: "SUP-0033", reason: "not well-formed XML: x"),
                RejectedDocument(
                    path: "SUP-0033/b.xml", supplierId: "SUP-0033", reason: "not well-formed XML: y"),
                RejectedDocument(
                    path: "SUP-0033/c.xml", supplierId: "SUP-0033", reason: "not well-formed XML: z"),
                RejectedDocument(
                    path: "SUP-0033/d.xml", supplierId: "SUP-0033",
                    reason: "material MAT-9 is not in procurement.materials"),
                RejectedDocument(
                    path: "stray.xml", supplierId: nil, reason: "file is not in a supplier folder"),
            ], names: ["SUP-0033": "Iberia Fine Chemicals GmbH"])
        #expect(
            groups.map(\.summary) == [
                "Ask SUP-0033 to resend 4 CoA files: 3 malformed, 1 unknown material",
                "Ask the senders to resend 1 CoA file: 1 other problem",
            ])
        #expect(groups.first?.files.count == 4)
        #expect(groups.first?.supplier == "Iberia Fine Chemicals GmbH (SUP-0033)")
    }

    @Test func everyFlagKindHasAPlainHeadingWithoutItsCode() {
        for kind in FlagKind.allCases {
            #expect(!Wording.flagKind(kind).contains("_"), "\(kind)")
            #expect(!Wording.flagMeaning(kind).isEmpty, "\(kind)")
        }
        #expect(Set(FlagKind.allCases.map(Wording.flagKind)).count == FlagKind.allCases.count)
    }

    @Test func storedRiskReasonsSayWhichEndIsBad() {
        #expect(
            Wording.plain("priority-position risk high (score 100)")
                == "delivery-priority risk high (0–100, higher is worse: 100)")
        #expect(Wording.plain("OTD 52 % over 29 lines") == "OTD 52 % over 29 lines")
        #expect(Wording.deliveryPriorityRisk("high") == "delivery-priority risk: high")
        #expect(
            Wording.deliveryPriorityRisk("insufficient_data")
                == "delivery-priority risk: too few orders to judge")
    }
}
