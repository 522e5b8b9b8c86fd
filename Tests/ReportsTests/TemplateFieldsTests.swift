import ReportModel
import Testing

@testable import Reports

/// The hand-listed fields of the rows rendered by the thousand must be exactly what reflection finds.
@Suite struct TemplateFieldsTests {
    /// Keys and the text of each value, for comparing `[String: Any]`.
    private func shape(_ value: Any) -> [String: String] {
        guard let fields = value as? [String: Any] else { return ["<not fields>": "\(value)"] }
        return fields.mapValues { "\($0)" }
    }

    private func expectListedAsReflected(_ value: any TemplateFields) {
        #expect(shape(value.templateFields) == shape(TemplateContext.reflect(value)), "\(type(of: value))")
    }

    @Test func everyListedRowMatchesReflection() {
        let document = SupplierPage.DocumentRow(
            anchor: "doc-1", documentId: "1", path: "SUP-A/a.xml", status: "accepted", rejected: false,
            lot: "L1",
            material: "MAT-1", ingestedOn: "2026-05-01", results: "3", failed: "0", edge: "1", reason: nil,
            warnings: ["manufactured '31/02/2026': not a day"])
        expectListedAsReflected(document)
        var rejected = document
        rejected.rejected = true
        rejected.reason = "not XML"
        expectListedAsReflected(rejected)
        expectListedAsReflected(
            SupplierPage.MonthRow(month: "2026-05", lines: "4", otd: "75 %", otif: "50 %"))
        expectListedAsReflected(
            SupplierPage.ResponseRow(
                month: "2026-05", messages: "3", median: "6 h", withinSLA: "100 %", unanswered: "0"))
        expectListedAsReflected(
            SupplierPage.BucketRow(label: "large", lines: "2", otd: "50 %", avgDaysLate: "3.0"))
        expectListedAsReflected(SupplierPage.Figure(label: "OTD", value: "75 %", noData: false))
    }

    /// A type whose listed fields differ from its stored ones on purpose: `make` must take the list, so
    /// this fails if the fast path is ever bypassed (for the real rows both give the same answer).
    private struct Listed: TemplateFields {
        var stored = "reflected"
        var templateFields: [String: Any] { ["listed": true] }
    }

    @Test func makeTakesTheListedFieldsNotTheReflectedOnes() {
        #expect(shape(TemplateContext.make(Listed())) == ["listed": "true"])
        #expect(shape(TemplateContext.reflect(Listed())) == ["stored": "reflected"])
    }
}
