import Demo
import Domain
import Foundation
import Testing

/// Each planted story must be plain in the raw rows and files, before any scoring.
@Suite struct StoryTests {
    func story(_ kind: PlantedStory.Kind, in world: GeneratedWorld) throws -> PlantedStory {
        try #require(world.summary.stories(kind).first)
    }

    @Test func storyIdsAreStableAndDistinct() throws {
        let world = try standardWorld.get()
        let ids = Dictionary(uniqueKeysWithValues: world.summary.stories.map { ($0.kind, $0.supplierId) })
        #expect(ids[.clean] == "SUP-0002")
        #expect(ids[.volumeCollapse] == "SUP-0007")
        #expect(ids[.drift] == "SUP-0013")
        #expect(ids[.singleSource] == "SUP-0019")
        #expect(ids[.quotationGap] == "SUP-0024")
        #expect(ids[.silent] == "SUP-0030")
        #expect(ids[.noisyCentred] == "SUP-0036")
        #expect(Set(ids.values).count == 7)
        #expect(try story(.drift, in: world).materialId == "MAT-0071")
        #expect(try story(.singleSource, in: world).materialId == "MAT-0131")
        #expect(try DemoWorld(asOf: demoAsOf).plantedStories() == world.summary.stories)
    }

    /// Due lines of a supplier with their first receipt day, as docs/metrics.md defines them.
    struct DueLine {
        var due: Day
        var firstReceipt: Day?
        var quantity: Double
        var ordered: Day
        var confirmHours: Double?
        var onTime: Bool { firstReceipt.map { $0 <= due } ?? false }
    }

    func dueLines(_ supplier: String, in world: GeneratedWorld) throws -> [DueLine] {
        var first: [String: Day] = [:]
        for r in try world.rows("receipts") {
            guard let line = r["order_line_id"] ?? nil, let day = (r["received_at"] ?? nil)?.day else {
                continue
            }
            first[line] = min(first[line] ?? day, day)
        }
        return try world.rows("order_lines").compactMap { l -> DueLine? in
            guard l["supplier_id"] == supplier, l["cancelled"] == "f", let id = l["order_line_id"] ?? nil,
                let due = ((l["promised_date"] ?? nil) ?? (l["requested_date"] ?? nil))?.day,
                let quantity = Double((l["quantity"] ?? nil) ?? ""), let orderedText = l["ordered_at"] ?? nil,
                let ordered = orderedText.day
            else { return nil }
            var hours: Double? = nil
            if let confirmed = l["confirmed_at"] ?? nil, let c = confirmed.day {
                hours = Double(ordered.distance(to: c)) * 24 + hourOfDay(confirmed) - hourOfDay(orderedText)
            }
            return DueLine(
                due: due, firstReceipt: first[id], quantity: quantity, ordered: ordered, confirmHours: hours)
        }
    }

    func hourOfDay(_ timestamp: String) -> Double {
        let t = timestamp.split(separator: "T").last.map { $0.split(separator: ":") } ?? []
        guard t.count >= 2, let h = Double(t[0]), let m = Double(t[1]) else { return 0 }
        return h + m / 60
    }

    func share(_ lines: [DueLine]) -> Double {
        lines.isEmpty ? -1 : Double(lines.filter(\.onTime).count) / Double(lines.count)
    }

    @Test func volumeCollapseOnLargeOrdersAfterFivefoldGrowth() throws {
        let world = try standardWorld.get()
        let supplier = try story(.volumeCollapse, in: world).supplierId
        let lines = try dueLines(supplier, in: world)
        let asOf = world.asOf
        let current = lines.filter { $0.due > asOf.advanced(by: -90) && $0.due <= asOf }
        let baseline = lines.filter { $0.due > asOf.advanced(by: -270) && $0.due <= asOf.advanced(by: -90) }
        #expect(current.count >= 8 && baseline.count >= 8)
        // Largest quarter of the due lines by quantity, over both windows.
        let quantities = (current + baseline).map(\.quantity).sorted()
        let cut = quantities[quantities.count * 3 / 4]
        let currentLarge = current.filter { $0.quantity >= cut }
        let currentSmall = current.filter { $0.quantity < cut }
        #expect(currentLarge.count >= 5)
        #expect(share(currentLarge) < 0.4)
        #expect(share(currentSmall) >= 0.8)
        #expect(share(baseline) >= 0.85)
        // Monthly volume ordered: last 90 days against the 180 before.
        let ordered = lines.map { ($0.ordered, $0.quantity) }
        let recent = ordered.filter { $0.0 > asOf.advanced(by: -90) }.map(\.1).reduce(0, +) / 3
        let before =
            ordered.filter { $0.0 > asOf.advanced(by: -270) && $0.0 <= asOf.advanced(by: -90) }
            .map(\.1).reduce(0, +) / 6
        #expect(recent / before >= 4 && recent / before <= 8, "volume grew \(recent / before)×")
        // Confirmations slow down.
        let recentHours = current.compactMap(\.confirmHours).sorted()
        let baselineHours = baseline.compactMap(\.confirmHours).sorted()
        #expect(recentHours[recentHours.count / 2] > 3 * baselineHours[baselineHours.count / 2])
        // Actual lead time of recent large orders passes the 14 days quoted for the volume tier.
        let leads = currentLarge.compactMap { l in l.firstReceipt.map { l.ordered.distance(to: $0) } }
        let meanLead = leads.isEmpty ? 0 : Double(leads.reduce(0, +)) / Double(leads.count)
        #expect(meanLead > 20)
        print(
            "volume collapse \(supplier): volume ×\(recent / before); on time large \(share(currentLarge)) "
                + "(n \(currentLarge.count)), small \(share(currentSmall)) (n \(currentSmall.count)), "
                + "baseline \(share(baseline)) (n \(baseline.count)); confirmation median "
                + "\(recentHours[recentHours.count / 2]) h against \(baselineHours[baselineHours.count / 2]) h; "
                + "large-order lead \(meanLead) d against 14 quoted")
    }

    @Test func driftClimbsIntoTheUpperEdgeBandWhileStayingInSpec() throws {
        let world = try standardWorld.get()
        let story = try story(.drift, in: world)
        let material = try #require(story.materialId)
        let spec = try #require(
            world.rows("specifications").first {
                $0["material_id"] == material && $0["characteristic"] == "assay"
            })
        let lower = try #require(Double((spec["lower_limit"] ?? nil) ?? ""))
        let upper = try #require(Double((spec["upper_limit"] ?? nil) ?? ""))
        #expect(lower == 99 && upper == 100.5)
        let lots = try CoAFile.all(in: world.inbox, supplier: story.supplierId)
            .filter { $0.attribute("materialId", of: "Material") == material }
            .compactMap { file -> (Day, Double)? in
                guard let made = file.attribute("manufactured", of: "Lot").flatMap({ Day(iso: $0) }),
                    let value = file.value(of: "assay").flatMap(Double.init)
                else { return nil }
                return (made, value)
            }
            .sorted { $0.0 < $1.0 }
            .map(\.1)
        #expect(lots.count >= 24)
        #expect(lots.allSatisfy { $0 >= lower && $0 <= upper })
        let width = upper - lower
        let first10 = lots.prefix(10)
        let mean10 = first10.reduce(0, +) / 10
        #expect(abs(mean10 - (lower + upper) / 2) < 0.1 * width)
        let last3 = lots.suffix(3)
        #expect(last3.allSatisfy { $0 >= upper - 0.1 * width }, "last lots in the edge band: \(Array(last3))")
        let last14 = Array(lots.suffix(14))
        #expect(last14.last ?? 0 > (last14.first ?? 0) + 0.25 * width)
        // Steady: the second half of the drift sits above the first half.
        let firstHalf = last14.prefix(7).reduce(0, +) / 7
        let secondHalf = last14.suffix(7).reduce(0, +) / 7
        #expect(secondHalf > firstHalf + 0.1 * width)
        print(
            "drift \(story.supplierId) \(material) assay, \(lots.count) lots: \(lots.map { String($0) }.joined(separator: " "))"
        )
    }

    @Test func singleSourcedCriticalMaterialHasExactlyOneApprovedSource() throws {
        let world = try standardWorld.get()
        let story = try story(.singleSource, in: world)
        let material = try #require(story.materialId)
        let sources = try world.rows("approved_sources").filter { $0["material_id"] == material }
        #expect(sources.count == 1)
        #expect(sources.first?["supplier_id"] == story.supplierId)
        #expect(sources.first?["status"] == "approved")
        let criticality = try world.rows("materials").first { $0["material_id"] == material }?["criticality"]
        #expect(criticality == "critical")
        // Every other critical material has at least two usable sources: only the planted one is exposed.
        let usable = try world.rows("approved_sources").filter {
            ["approved", "conditional"].contains($0["status"] ?? nil)
        }
        var counts: [String: Int] = [:]
        for s in usable { counts[(s["material_id"] ?? nil) ?? "", default: 0] += 1 }
        let exposed = try world.rows("materials").filter { $0["criticality"] == "critical" }
            .compactMap { $0["material_id"] ?? nil }.filter { (counts[$0] ?? 0) < 2 }
        #expect(exposed == [material])
    }

    @Test func quotationGapVolumeTierDearerAndSlower() throws {
        let world = try standardWorld.get()
        let story = try story(.quotationGap, in: world)
        let quotes = try world.rows("quotations")
            .filter { $0["supplier_id"] == story.supplierId && $0["material_id"] == story.materialId }
            .compactMap { q -> (Double, Double, Int, String)? in
                guard let min = Double((q["min_quantity"] ?? nil) ?? ""),
                    let price = Double((q["unit_price"] ?? nil) ?? ""),
                    let lead = Int((q["lead_time_days"] ?? nil) ?? ""), let at = q["quoted_at"] ?? nil
                else { return nil }
                return (min, price, lead, at)
            }
        let latest = try #require(quotes.map(\.3).max())
        let current = quotes.filter { $0.3 == latest }.sorted { $0.0 < $1.0 }
        #expect(current.count == 2)
        let small = try #require(current.first)
        let volume = try #require(current.last)
        #expect(volume.1 > small.1)
        #expect(small.2 == 10 && volume.2 == 30)
        // Elsewhere a volume tier is cheaper: the gap is the exception.
        let gaps = try volumeTierGaps(in: world)
        #expect(gaps == [story.supplierId + "|" + (story.materialId ?? "")])
    }

    /// Source pairs whose current volume tier is not below the small-batch price or quotes twice the lead.
    func volumeTierGaps(in world: GeneratedWorld) throws -> [String] {
        var byPair: [String: [(Double, Double, Int, String)]] = [:]
        for q in try world.rows("quotations") {
            guard let s = q["supplier_id"] ?? nil, let m = q["material_id"] ?? nil,
                let min = Double((q["min_quantity"] ?? nil) ?? ""),
                let price = Double((q["unit_price"] ?? nil) ?? ""),
                let lead = Int((q["lead_time_days"] ?? nil) ?? ""), let at = q["quoted_at"] ?? nil
            else { continue }
            byPair[s + "|" + m, default: []].append((min, price, lead, at))
        }
        return byPair.compactMap { pair, quotes in
            guard let latest = quotes.map(\.3).max() else { return nil }
            let current = quotes.filter { $0.3 == latest }.sorted { $0.0 < $1.0 }
            guard current.count == 2, let small = current.first, let volume = current.last else { return nil }
            return volume.1 >= small.1 || volume.2 >= 2 * small.2 ? pair : nil
        }.sorted()
    }

    @Test func silentSupplierStopsAnswering() throws {
        let world = try standardWorld.get()
        let supplier = try story(.silent, in: world).supplierId
        let messages = try world.rows("communications").filter { $0["supplier_id"] == supplier }
        let cutoff = world.asOf.advanced(by: -60)
        let recent = messages.filter { ($0["sent_at"] ?? nil)?.day.map { $0 >= cutoff } ?? false }
        let older = messages.filter { ($0["sent_at"] ?? nil)?.day.map { $0 < cutoff } ?? false }
        #expect(recent.count >= 5)
        #expect(recent.allSatisfy { ($0["responded_at"] ?? nil) == nil })
        #expect(older.count >= 20)
        #expect(older.allSatisfy { ($0["responded_at"] ?? nil) != nil })
    }

    @Test func cleanSupplierIsOnTimeCentredQuickAndHasHistory() throws {
        let world = try standardWorld.get()
        let story = try story(.clean, in: world)
        let lines = try dueLines(story.supplierId, in: world).filter { $0.due <= world.asOf }
        #expect(lines.count >= 30)
        #expect(lines.allSatisfy { $0.onTime })
        #expect(try world.rows("defects").filter { $0["supplier_id"] == story.supplierId }.isEmpty)
        let messages = try world.rows("communications").filter { $0["supplier_id"] == story.supplierId }
        #expect(messages.allSatisfy { ($0["responded_at"] ?? nil) != nil })
        // Lead time stable: coefficient of variation at most 0.2.
        let leads = lines.compactMap { l in l.firstReceipt.map { Double(l.ordered.distance(to: $0)) } }
        let mean = leads.reduce(0, +) / Double(leads.count)
        let variance = leads.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(leads.count - 1)
        #expect(variance.squareRoot() / mean <= 0.2)
        try expectCentredLots(of: story, in: world, atLeast: 10, maxSigmaShare: 1.0 / 9)
    }

    @Test func noisySupplierIsWideButCentredAndInSpec() throws {
        let world = try standardWorld.get()
        let story = try story(.noisyCentred, in: world)
        #expect(try world.rows("defects").filter { $0["supplier_id"] == story.supplierId }.isEmpty)
        let spread = try expectCentredLots(of: story, in: world, atLeast: 20, maxSigmaShare: 1.0 / 5)
        #expect(spread > 1.0 / 10, "noisy means wider than the clean supplier")
    }

    /// Checks the two-sided characteristics of a story's material: every lot in spec, the mean within 10 %
    /// of the width from the middle. Returns the largest standard deviation as a share of the width.
    @discardableResult
    func expectCentredLots(
        of story: PlantedStory, in world: GeneratedWorld, atLeast: Int, maxSigmaShare: Double
    )
        throws -> Double
    {
        let material = try #require(story.materialId)
        let specs = try world.rows("specifications").filter { $0["material_id"] == material }
        let files = try CoAFile.all(in: world.inbox, supplier: story.supplierId)
            .filter { $0.attribute("materialId", of: "Material") == material }
        #expect(files.count >= atLeast)
        var widest = 0.0
        for spec in specs {
            guard let name = spec["characteristic"] ?? nil,
                let lower = Double((spec["lower_limit"] ?? nil) ?? ""),
                let upper = Double((spec["upper_limit"] ?? nil) ?? "")
            else { continue }
            let values = files.compactMap { $0.value(of: name).flatMap(Double.init) }
            #expect(values.count == files.count)
            #expect(values.allSatisfy { $0 >= lower && $0 <= upper }, "\(name) out of spec")
            let mean = values.reduce(0, +) / Double(values.count)
            #expect(abs(mean - (lower + upper) / 2) < 0.1 * (upper - lower), "\(name) off centre")
            let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1))
                .squareRoot()
            #expect(sd / (upper - lower) <= maxSigmaShare, "\(name) too wide")
            widest = max(widest, sd / (upper - lower))
        }
        return widest
    }

    @Test func brokenCoAFilesOfEachKindAreInTheInbox() throws {
        let world = try standardWorld.get()
        var malformed = 0
        var unknownMaterial = 0
        var missingLot = 0
        for supplier in try world.rows("suppliers").compactMap({ $0["supplier_id"] ?? nil }) {
            let folder = world.inbox.appendingPathComponent(supplier)
            guard FileManager.default.fileExists(atPath: folder.path) else { continue }
            for file in try CoAFile.all(in: world.inbox, supplier: supplier) {
                if file.text.contains("<acme:Certificate") && file.text.hasSuffix("</acme:Certificate>\n") {
                    continue  // a supplier's own lab format, complete: not broken
                }
                if !file.text.hasSuffix("</CertificateOfAnalysis>\n") {
                    malformed += 1
                } else if file.attribute("materialId", of: "Material")?.hasPrefix("MAT-9") == true {
                    unknownMaterial += 1
                } else if !file.text.contains("<Lot ") {
                    missingLot += 1
                }
            }
        }
        #expect(malformed > 0 && unknownMaterial > 0 && missingLot > 0)
        #expect(malformed + unknownMaterial + missingLot == world.summary.brokenCoAFiles)
    }
}

@Suite struct DialectTests {
    @Test func someBackgroundSuppliersSendTheirLabSystemsFormat() throws {
        let world = try standardWorld.get()
        var acme: [String: Int] = [:]
        for supplier in try world.rows("suppliers").compactMap({ $0["supplier_id"] ?? nil }) {
            let folder = world.inbox.appendingPathComponent(supplier)
            guard FileManager.default.fileExists(atPath: folder.path) else { continue }
            for file in try CoAFile.all(in: world.inbox, supplier: supplier)
            where file.text.contains("<acme:Certificate xmlns:acme=\"http://acme.example/coa/2\">") {
                acme[supplier, default: 0] += 1
                #expect(
                    file.text.contains("<acme:Test name=\"Gehalt\" unit=\"Gew.-%\">")
                        || !file.text.contains("Gehalt"))
            }
        }
        // Suppliers 3, 20 and 37 of the standard world (never a story supplier).
        #expect(acme.keys.sorted() == ["SUP-0003", "SUP-0020", "SUP-0037"])
        #expect(acme.values.allSatisfy { $0 > 50 })
    }
}
