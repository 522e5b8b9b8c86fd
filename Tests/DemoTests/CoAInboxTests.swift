import Demo
import Domain
import Foundation
import Testing

/// The inbox agrees with the rows: each good CoA names a real lot of its supplier, on the right order line
/// and material, and the files show the variety a real inbox has.
@Suite struct CoAInboxTests {
    struct LotRow {
        var line: String
        var received: Day
        var material: String
    }

    @Test func goodCoAsMatchTheirReceiptsAndOrderLines() throws {
        let world = try standardWorld.get()
        var lineMaterial: [String: (supplier: String, material: String)] = [:]
        for l in try world.rows("order_lines") {
            guard let id = l["order_line_id"] ?? nil, let s = l["supplier_id"] ?? nil,
                let m = l["material_id"] ?? nil
            else { continue }
            lineMaterial[id] = (s, m)
        }
        var lots: [String: LotRow] = [:]  // supplier|lot
        for r in try world.rows("receipts") {
            guard let lot = r["lot_number"] ?? nil, let line = r["order_line_id"] ?? nil,
                let owner = lineMaterial[line], let received = (r["received_at"] ?? nil)?.day
            else { continue }
            let key = owner.supplier + "|" + lot
            #expect(lots[key] == nil, "lot \(key) twice")
            lots[key] = LotRow(line: line, received: received, material: owner.material)
        }
        var partNumbers: [String: String] = [:]  // supplier|part → material
        for s in try world.rows("approved_sources") {
            guard let supplier = s["supplier_id"] ?? nil, let part = s["supplier_part_number"] ?? nil,
                let material = s["material_id"] ?? nil
            else { continue }
            partNumbers[supplier + "|" + part] = material
        }

        var checked = 0
        var decimalComma = 0
        var aliasUnits = 0
        var qualifiers = 0
        var partNumberOnly = 0
        var widerLimits = 0
        for supplier in try world.rows("suppliers").compactMap({ $0["supplier_id"] ?? nil }) {
            guard FileManager.default.fileExists(atPath: world.inbox.appendingPathComponent(supplier).path)
            else { continue }
            for file in try CoAFile.all(in: world.inbox, supplier: supplier) {
                let complete = file.text.hasSuffix("</CertificateOfAnalysis>\n")
                guard complete, let lot = file.attribute("number", of: "Lot") else { continue }
                let materialId = file.attribute("materialId", of: "Material")
                if materialId?.hasPrefix("MAT-9") == true { continue }
                #expect(file.attribute("id", of: "Supplier") == supplier)
                #expect(file.path.hasSuffix("/" + supplier + "/" + lot + ".xml"))
                let row = try #require(lots[supplier + "|" + lot], "no receipt for \(supplier) \(lot)")
                #expect(file.text.contains("<PurchaseOrder>\(row.line)</PurchaseOrder>"))
                let made = try #require(file.attribute("manufactured", of: "Lot").flatMap { Day(iso: $0) })
                #expect(made <= row.received)
                if let materialId {
                    #expect(materialId == row.material)
                } else {
                    let part = try #require(file.attribute("partNumber", of: "Material"))
                    #expect(partNumbers[supplier + "|" + part] == row.material)
                    partNumberOnly += 1
                }
                if file.text.range(of: "<Value>[0-9]+,[0-9]+</Value>", options: .regularExpression) != nil {
                    decimalComma += 1
                }
                if file.text.contains("unit=\"ppm\"") || file.text.contains("unit=\"cP\"") { aliasUnits += 1 }
                if file.text.contains("<Value>&lt;") { qualifiers += 1 }
                // The supplier's own limits, 20 % of the width wider than ours (lead, assay, moisture).
                if ["max=\"12.0\"", "min=\"98.70\"", "max=\"0.60\""].contains(where: file.text.contains) {
                    widerLimits += 1
                }
                checked += 1
            }
        }
        #expect(checked > 3_000)
        #expect(decimalComma > 50)
        #expect(aliasUnits > 50)
        #expect(qualifiers > 10)
        #expect(partNumberOnly > 50)
        #expect(widerLimits > 0)
    }

    @Test func canonicalFileHasTheIssueFourShape() throws {
        let world = try standardWorld.get()
        let clean = try #require(world.summary.stories(.clean).first)
        let file = try #require(try CoAFile.all(in: world.inbox, supplier: clean.supplierId).first)
        let lines = file.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.first == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        #expect(lines.dropFirst().first == "<CertificateOfAnalysis xmlns=\"urn:supplier-scorecard:coa:1\">")
        for prefix in [
            "<Supplier id=\"\(clean.supplierId)\">", "<Material partNumber=\"", "<Lot number=\"",
            "<PurchaseOrder>OL-",
            "<Issued>", "<Results>", "<Result characteristic=\"assay\" unit=\"%\" method=\"USP 591\">",
            "<Specification min=\"99.00\" max=\"100.50\"/>", "<Approval by=\"", "</CertificateOfAnalysis>",
        ] {
            #expect(lines.contains { $0.hasPrefix(prefix) }, "missing \(prefix)")
        }
        #expect(file.value(of: "appearance") == "conforms")
    }
}
