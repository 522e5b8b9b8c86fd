import Domain

/// A CoA file in the project's canonical format (namespace `urn:supplier-scorecard:coa:1`), written the way
/// a supplier's system would: its own number style, unit spellings and release limits. Broken variants are
/// the rejections a real inbox shows.
/// The XML dialect a supplier's CoAs are written in.
enum CoADialect: Sendable, Hashable {
    /// Our canonical format (urn:supplier-scorecard:coa:1).
    case canonical
    /// A supplier lab system's own export, read through profiles/acme-labs.json.
    case acmeLabs
}

enum CoADocument {
    static let namespace = "urn:supplier-scorecard:coa:1"

    static func xml(
        plan: WorldPlan, source: SourcePlan, line: OrderLine, receipt: Receipt, lot: String,
        measured: [LotQuality.Measured], broken: LotQuality.BrokenKind?
    ) -> String {
        let supplier = plan.suppliers[source.supplier]
        let material = plan.materials[source.material]
        let issued = receipt.manufactured.advanced(
            by: min(
                2,
                dayOf(receipt.received).daysSinceEpoch
                    - receipt.manufactured.daysSinceEpoch))
        let approver = Catalogue.approvers[(supplier.number + material.number) % Catalogue.approvers.count]
        if supplier.dialect == .acmeLabs && broken == nil {
            return acmeLabs(
                source: source, material: material, line: line, receipt: receipt, lot: lot,
                measured: measured,
                issued: issued, approver: approver)
        }

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<CertificateOfAnalysis xmlns=\"\(namespace)\">\n"
        out += "  <Supplier id=\"\(supplier.id)\">\(TextFormat.xml(supplier.name))</Supplier>\n"
        var materialAttributes = ""
        if broken == .unknownMaterial {
            materialAttributes =
                " partNumber=\"XX-\(material.number)\" materialId=\"MAT-9\(TextFormat.padded(material.number, 4))\""
        } else {
            if let part = source.partNumber {
                materialAttributes += " partNumber=\"\(TextFormat.xml(part))\""
            }
            if !supplier.partNumberOnly || source.partNumber == nil {
                materialAttributes += " materialId=\"\(material.id)\""
            }
        }
        out += "  <Material\(materialAttributes)>\(TextFormat.xml(material.name))</Material>\n"
        if broken != .missingLot {
            out +=
                "  <Lot number=\"\(TextFormat.xml(lot))\" manufactured=\"\(TextFormat.day(receipt.manufactured))\""
            out += " expires=\"\(TextFormat.day(receipt.manufactured.advanced(by: 730)))\""
            out += " quantity=\"\(TextFormat.fixed(receipt.quantity, 0))\" unit=\"\(material.unit)\"/>\n"
        }
        out += "  <PurchaseOrder>\(line.id)</PurchaseOrder>\n"
        out += "  <Issued>\(TextFormat.day(issued))</Issued>\n"
        out += "  <Results>\n"
        for m in measured {
            let template = m.characteristic.template
            let unit = supplier.unitAliases ? (template.unitAlias ?? template.unit) : template.unit
            out += "    <Result characteristic=\"\(template.name)\" unit=\"\(TextFormat.xml(unit))\""
            if let method = template.method { out += " method=\"\(TextFormat.xml(method))\"" }
            out += ">\n      <Value>\(TextFormat.xml(valueText(m, supplier: supplier)))</Value>\n"
            if supplier.statesLimits {
                out += "      <Specification"
                let widen = supplier.widerLimits ? 0.2 : 0
                let width = (m.version.upper ?? 0) - (m.version.lower ?? 0)
                if let lower = m.version.lower {
                    out += " min=\"\(TextFormat.fixed(lower - widen * width, template.decimals))\""
                }
                if let upper = m.version.upper {
                    let wider = m.version.lower == nil ? upper * (1 + widen) : upper + widen * width
                    out += " max=\"\(TextFormat.fixed(wider, template.decimals))\""
                }
                out += "/>\n"
            }
            out += "    </Result>\n"
        }
        if material.appearance {
            out += "    <Result characteristic=\"appearance\"><Value>conforms</Value></Result>\n"
        }
        out += "  </Results>\n"
        out += "  <Approval by=\"\(TextFormat.xml(approver))\" date=\"\(TextFormat.day(issued))\"/>\n"
        out += "</CertificateOfAnalysis>\n"
        if broken == .malformed {
            // Cut off mid-transfer: no closing tags.
            let utf8 = Array(out.utf8)
            return String(decoding: utf8[0..<(utf8.count * 3 / 5)], as: UTF8.self)
        }
        return out
    }

    /// A German lab system's export (profiles/acme-labs.json): its own namespace, dd.mm.yyyy dates, decimal
    /// commas, German test names and `Gew.-%`, limits as child elements, the material by article number.
    static func acmeLabs(
        source: SourcePlan, material: MaterialPlan, line: OrderLine, receipt: Receipt, lot: String,
        measured: [LotQuality.Measured], issued: Day, approver: String
    ) -> String {
        func german(_ day: Day) -> String {
            let (y, m, d) = day.components
            return "\(TextFormat.padded(d, 2)).\(TextFormat.padded(m, 2)).\(y)"
        }
        func comma(_ text: String) -> String { text.swapping(".", for: ",") }
        let names = ["moisture": "Moisture (KF)", "assay": "Gehalt"]
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<acme:Certificate xmlns:acme=\"http://acme.example/coa/2\">\n  <acme:Header>\n"
        out += "    <acme:Lot>\(TextFormat.xml(lot))</acme:Lot>\n"
        if let part = source.partNumber {
            out += "    <acme:Article>\(TextFormat.xml(part))</acme:Article>\n"
        } else {
            out += "    <acme:Material>\(material.id)</acme:Material>\n"
        }
        out += "    <acme:Order>\(line.id)</acme:Order>\n"
        out += "    <acme:Produced>\(german(receipt.manufactured))</acme:Produced>\n"
        out += "    <acme:Signed by=\"\(TextFormat.xml(approver))\">\(german(issued))</acme:Signed>\n"
        out += "  </acme:Header>\n  <acme:Tests>\n"
        for m in measured {
            let template = m.characteristic.template
            let unit = template.unit == "%" ? "Gew.-%" : template.unit
            out += "    <acme:Test name=\"\(TextFormat.xml(names[template.name] ?? template.name))\""
            out += " unit=\"\(TextFormat.xml(unit))\">\n"
            var value = TextFormat.fixed(m.value, template.decimals)
            if let limit = template.detectionLimit, m.value < limit {
                value = "<" + TextFormat.fixed(limit, template.decimals)
            }
            out += "      <acme:Result>\(TextFormat.xml(comma(value)))</acme:Result>\n"
            if let lower = m.version.lower {
                out +=
                    "      <acme:Limit type=\"min\">\(comma(TextFormat.fixed(lower, template.decimals)))</acme:Limit>\n"
            }
            if let upper = m.version.upper {
                out +=
                    "      <acme:Limit type=\"max\">\(comma(TextFormat.fixed(upper, template.decimals)))</acme:Limit>\n"
            }
            out += "    </acme:Test>\n"
        }
        if material.appearance {
            out +=
                "    <acme:Test name=\"Aussehen\">\n      <acme:Result>entspricht</acme:Result>\n    </acme:Test>\n"
        }
        out += "  </acme:Tests>\n</acme:Certificate>\n"
        return out
    }

    /// The value as the supplier prints it: below the detection limit as `<limit`, its decimal separator.
    static func valueText(_ m: LotQuality.Measured, supplier: SupplierPlan) -> String {
        let template = m.characteristic.template
        let text: String
        if let limit = template.detectionLimit, m.value < limit {
            text = "<" + TextFormat.fixed(limit, template.decimals)
        } else {
            text = TextFormat.fixed(m.value, template.decimals)
        }
        return supplier.decimalComma ? text.swapping(".", for: ",") : text
    }
}

extension String {
    /// Plain character replacement (no Foundation).
    fileprivate func swapping(_ old: Character, for new: Character) -> String {
        String(map { $0 == old ? new : $0 })
    }
}
