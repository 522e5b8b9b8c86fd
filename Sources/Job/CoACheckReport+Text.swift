import CoA
import Foundation

extension CoACheckReport {
    /// The report for a person: one block per file, one line per result and a line of what was read.
    public var text: String {
        var text = note.map { "note: \($0)\n\n" } ?? ""
        for profile in unusableProfiles {
            text += "profile \(profile.file) cannot be used (its documents are rejected):\n"
            text += profile.problems.map { "  \($0)\n" }.joined() + "\n"
        }
        for file in files { text += file.text + "\n" }
        return text
    }
}

extension CoACheckReport.FileEntry {
    var text: String {
        var text: String
        if let format {
            text = "\(file): read as \(format)\n"
        } else {
            let place = line.map { " at line \($0)" + (column.map { ", column \($0)" } ?? "") } ?? ""
            text = "\(file): REJECTED: \(reason ?? "unknown reason")\(place)\n"
        }
        if let fields { text += fields.text }
        for warning in warnings { text += "  warning: \(warning)\n" }
        if format != nil, status == "rejected" { text += "  REJECTED: \(reason ?? "unknown reason")\n" }
        if let resolved {
            text +=
                "  → supplier \(resolved.supplierId), our material \(resolved.materialId), lot \(resolved.lotNumber)\n"
        }
        if status == "wouldBeRejected" { text += "  WOULD BE REJECTED: \(reason ?? "unknown reason")\n" }
        if let lotDay, let lotDaySource {
            text += "  specifications in force on \(lotDay) (the \(lotDaySource))\n"
        }
        for result in results { text += result.text }
        return text
    }
}

extension CoACheckReport.Fields {
    var text: String {
        var text = "  supplier \(supplierId ?? "(not stated: the folder's)") · "
        text += "material \(materialId ?? "-") / part \(partNumber ?? "-") · "
        text += "lot \(lotNumber ?? "-") · manufactured \(manufactured ?? "-") · issued \(issued ?? "-")\n"
        var more: [String] = []
        if let supplierName { more.append("supplier name \(supplierName)") }
        if let materialName { more.append("material name \(materialName)") }
        if let expires { more.append("expires \(expires)") }
        if lotQuantity != nil || lotUnit != nil {
            more.append("lot quantity \(lotQuantity.map(CoACheckReport.number) ?? "-") \(lotUnit ?? "")")
        }
        if let purchaseOrder { more.append("PO \(purchaseOrder)") }
        if approvedBy != nil || approvedOn != nil {
            more.append("approved by \(approvedBy ?? "-") on \(approvedOn ?? "-")")
        }
        return more.isEmpty ? text : text + "  " + more.joined(separator: " · ") + "\n"
    }
}

extension CoACheckReport.ResultEntry {
    var text: String {
        let name =
            characteristic == reportedCharacteristic
            ? characteristic : "\(characteristic) (\"\(reportedCharacteristic)\")"
        var line = "  \(name): \(reportedText) \(unit ?? "")  →  \(verdict)"
        if let ours {
            line +=
                "  [ours: \(ours.lower.map { "\($0)" } ?? "–") … \(ours.upper.map { "\($0)" } ?? "–") \(ours.unit)]"
        }
        if let supplier {
            let lower = supplier.lower.map { (supplier.lowerExclusive ? ">" : "") + "\($0)" } ?? "–"
            let upper = supplier.upper.map { (supplier.upperExclusive ? "<" : "") + "\($0)" } ?? "–"
            line += "  [supplier's: \(lower) … \(upper)]"
        }
        if let bandPosition { line += String(format: "  band %.2f", bandPosition) }
        if let note { line += "  (\(note))" }
        var read = [
            "read as \(kind)" + (qualifier.map { " \($0)" } ?? "")
                + (value.map { " \(CoACheckReport.number($0))" } ?? "")
        ]
        if let valueInSpecUnit, let ours {
            read.append("in our unit \(CoACheckReport.number(valueInSpecUnit)) \(ours.unit)")
        }
        if let method { read.append("method \(method)") }
        if let ours {
            read.append(
                "our specification valid from \(ours.validFrom)" + (ours.validTo.map { " to \($0)" } ?? "")
                    + (ours.target.map { ", target \($0)" } ?? ""))
        }
        if supplierLimitsWider { read.append("the supplier's limits are wider than ours") }
        return line + "\n      " + read.joined(separator: " · ") + "\n"
    }
}

extension CoACheckReport {
    /// A number as a person reads it: no trailing zeros, no exponent for everyday magnitudes.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(format: "%.0f", value) : "\(value)"
    }

    /// The report for scripts.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
