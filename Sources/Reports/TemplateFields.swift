import ReportModel

/// A page part that lists its own fields for the templates, so ``TemplateContext`` need not reflect it.
///
/// For the rows a night renders by the ten thousand (a supplier page lists 50 CoA documents, 12 months,
/// 12 response months): reflecting each with `Mirror` was a quarter of the rendering. The result must be
/// what reflection gives (nil optionals left out): `TemplateFieldsTests` compares the two for every
/// conforming type, so a field added to the struct and forgotten here fails a test.
protocol TemplateFields {
    var templateFields: [String: Any] { get }
}

extension SupplierPage.DocumentRow: TemplateFields {
    var templateFields: [String: Any] {
        var fields: [String: Any] = [
            "anchor": anchor, "documentId": documentId, "path": path, "status": status, "rejected": rejected,
            "lot": lot, "material": material, "ingestedOn": ingestedOn, "results": results, "failed": failed,
            "edge": edge, "warnings": warnings,
        ]
        if let reason { fields["reason"] = reason }
        return fields
    }
}

extension SupplierPage.MonthRow: TemplateFields {
    var templateFields: [String: Any] { ["month": month, "lines": lines, "otd": otd, "otif": otif] }
}

extension SupplierPage.ResponseRow: TemplateFields {
    var templateFields: [String: Any] {
        [
            "month": month, "messages": messages, "median": median, "withinSLA": withinSLA,
            "unanswered": unanswered,
        ]
    }
}

extension SupplierPage.BucketRow: TemplateFields {
    var templateFields: [String: Any] {
        ["label": label, "lines": lines, "otd": otd, "avgDaysLate": avgDaysLate]
    }
}

extension SupplierPage.Figure: TemplateFields {
    var templateFields: [String: Any] { ["label": label, "value": value, "noData": noData] }
}
