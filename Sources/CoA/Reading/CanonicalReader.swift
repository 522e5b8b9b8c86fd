import XML

/// Reads a certificate in the canonical format from a document already validated against coa-1.xsd, by
/// walking the tree: the schema guarantees the shape, so no XPath is needed (the profile route costs
/// several times the parse). Elements of other namespaces (extensions) are skipped.
enum CanonicalReader {
    static func certificate(from document: XMLDocument) -> Certificate {
        var certificate = Certificate(format: "canonical")
        guard let root = document.root else { return certificate }
        for element in root.elements where element.hasNamespace(CoAReader.canonicalNamespace) {
            switch element.name {
            case "Supplier":
                certificate.supplierId = text(element.attribute("id"))
                certificate.supplierName = text(element.text)
            case "Material":
                certificate.materialId = text(element.attribute("materialId"))
                certificate.partNumber = text(element.attribute("partNumber"))
                certificate.materialName = text(element.text)
            case "Lot":
                certificate.lotNumber = text(element.attribute("number"))
                certificate.manufactured = text(element.attribute("manufactured")).flatMap(day)
                certificate.expires = text(element.attribute("expires")).flatMap(day)
                certificate.lotQuantity = text(element.attribute("quantity")).flatMap(decimal)
                certificate.lotUnit = text(element.attribute("unit"))
            case "PurchaseOrder":
                certificate.purchaseOrder = text(element.text)
            case "Issued":
                certificate.issued = text(element.text).flatMap(day)
            case "Results":
                certificate.results = element.elements.compactMap(result)
            case "Approval":
                certificate.approvedBy = text(element.attribute("by"))
                certificate.approvedOn = text(element.attribute("date")).flatMap(day)
            default:
                continue
            }
        }
        return certificate
    }

    private static func result(_ element: XMLNode) -> ReportedResult? {
        guard element.hasNamespace(CoAReader.canonicalNamespace), element.name == "Result",
            let characteristic = text(element.attribute("characteristic"))
        else { return nil }
        var result = ReportedResult(
            characteristic: characteristic, unit: text(element.attribute("unit")),
            method: text(element.attribute("method")), reportedText: "")
        for child in element.elements where child.hasNamespace(CoAReader.canonicalNamespace) {
            switch child.name {
            case "Value":
                result.reportedText = collapse(child.text)
            case "Specification":
                result.supplierLower = text(child.attribute("min")).flatMap(decimal)
                result.supplierUpper = text(child.attribute("max")).flatMap(decimal)
            default:
                continue
            }
        }
        return result
    }

    /// Collapsed text, nil when empty.
    private static func text(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let collapsed = collapse(raw)
        return collapsed.isEmpty ? nil : collapsed
    }
}
