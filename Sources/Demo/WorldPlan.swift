import Domain

/// The part a supplier plays in the demo's stories; `nil` for the background crowd.
enum StoryRole: CaseIterable {
    case clean, volumeCollapse, drift, singleSource, quotationGap, silent, noisyCentred
}

/// A supplier and the habits its data is drawn from.
struct SupplierPlan {
    var number: Int
    var id: String
    var name: String
    var country: String
    var initials: String
    var role: StoryRole?
    /// Probability a line arrives by its due date.
    var onTime: Double
    var partialShare: Double
    var defectRate: Double
    /// Typical hours to answer a message.
    var responseHours: Double
    var unansweredShare: Double
    /// Share of answers that take several times longer than usual.
    var slowTailShare: Double
    /// Process standard deviation as a share of the tolerance width.
    var sigmaShare: Double
    /// Process centre off the middle of the tolerance, as a share of its width.
    var offsetShare: Double
    var decimalComma: Bool
    var unitAliases: Bool
    /// Its CoAs name the material only by its own part number.
    var partNumberOnly: Bool
    /// Its CoAs state release limits, and whether they are wider than ours.
    var statesLimits: Bool
    var widerLimits: Bool
    var repromiseShare: Double
    var cancelShare: Double
    var confirmHours: Double
    /// Share of its lots that come without a CoA.
    var missingCoAShare: Double
    /// The XML its CoAs are written in: ours, or its lab system's own (read through a profile).
    var dialect: CoADialect = .canonical
    var messagesPerMonth: Double

    var isStory: Bool { role != nil }
}

/// One version of a specification's limits.
struct SpecVersion {
    var lower: Double?
    var upper: Double?
    var target: Double?
    var validFrom: Day
    var validTo: Day?
}

/// A characteristic of a material with its specification history.
struct CharacteristicPlan {
    var template: Catalogue.Characteristic
    var versions: [SpecVersion]

    /// The version in force on a day (the first one before any version starts).
    func version(on day: Day) -> SpecVersion {
        for version in versions.reversed() where version.validFrom <= day { return version }
        return versions[0]
    }
}

struct MaterialPlan {
    var number: Int
    var id: String
    var name: String
    var criticality: String
    var unit: String
    var specified: Bool
    var characteristics: [CharacteristicPlan]
    var appearance: Bool
    var baseQuantity: Double
    var basePrice: Double
}

/// An approved-supplier-list entry and how we buy through it.
struct SourcePlan {
    var index: Int
    var supplier: Int
    var material: Int
    var partNumber: String?
    var status: String
    var approvedOn: Day
    var ordersPerMonth: Double
    var smallLeadDays: Int
    var volumeLeadDays: Int
    var unitPrice: Double
    var volumePriceFactor: Double
    var hasVolumeTier: Bool
    /// Last day we order through it; nil: never (pending).
    var ordersUntil: Day?
    var role: StoryRole?
    /// The characteristic whose lots drift toward the upper limit (drift story only).
    var driftCharacteristic: String?
}

/// Everything about the world that is small enough to keep: suppliers, materials, sources, stories.
/// Order lines and everything below them are regenerated per source from their own streams.
struct WorldPlan {
    let seed: UInt64
    let size: DemoSize
    let asOf: Day
    let historyStart: Day
    var suppliers: [SupplierPlan] = []
    var materials: [MaterialPlan] = []
    var sources: [SourcePlan] = []
    var stories: [PlantedStory] = []

    /// Stream tags, one per part of the world.
    enum Stream: UInt64 {
        case suppliers = 1
        case materials, sources, history, measurement, defect, communication, quotation,
            inspection, coa
    }

    init(seed: UInt64, size: DemoSize, asOf: Day) throws {
        let minimum = DemoSize.minimum
        guard size.suppliers >= minimum.suppliers, size.materials >= minimum.materials,
            size.years >= minimum.years
        else {
            throw DemoError.sizeTooSmall(
                "need at least \(minimum.suppliers) suppliers, \(minimum.materials) materials and "
                    + "\(minimum.years) year; got \(size.suppliers), \(size.materials), \(size.years)")
        }
        guard size.suppliers <= 9_999, size.materials <= 9_999 else {
            throw DemoError.sizeTooSmall("ids have four digits: at most 9,999 suppliers and materials")
        }
        self.seed = seed
        self.size = size
        self.asOf = asOf
        historyStart = asOf.advanced(by: -365 * size.years)
        makeSuppliers()
        makeMaterials()
        makeSources()
        describeStories()
    }

    /// Supplier numbers of the story roles, spread over the list so they do not sit together.
    static func storySupplierNumbers(count n: Int) -> [StoryRole: Int] {
        var numbers: [StoryRole: Int] = [:]
        for (i, role) in StoryRole.allCases.enumerated() {
            numbers[role] = (n >= 9 ? 2 : 1) + i * n / 7
        }
        return numbers
    }

    /// Material numbers of the fifteen story slots (see `storySlots`).
    static func storyMaterialNumbers(count m: Int) -> [Int] {
        (0..<15).map { 1 + $0 * m / 15 }
    }

    /// Which story supplier buys which story slot, and whether the slot is the critical drift or
    /// single-source material.
    static let storySlots: [StoryRole] = [
        .clean, .clean, .clean, .noisyCentred, .noisyCentred, .volumeCollapse, .volumeCollapse, .drift,
        .drift,
        .silent, .silent, .quotationGap, .quotationGap, .singleSource, .singleSource,
    ]
    static let driftSlot = 7
    static let singleSourceSlot = 13
    static let quotationGapSlot = 11
    static let collapseSlots = [5, 6]

    private mutating func makeSuppliers() {
        var random = DemoRandom(seed: seed, Stream.suppliers.rawValue)
        let roles = WorldPlan.storySupplierNumbers(count: size.suppliers)
        let roleByNumber = Dictionary(uniqueKeysWithValues: roles.map { ($0.value, $0.key) })
        for number in 1...size.suppliers {
            let stem = random.pick(Catalogue.nameStems)
            let trade = random.pick(Catalogue.nameTrades)
            let country = random.pick(Catalogue.countries)
            let initials = String(stem.prefix(1)) + String(trade.prefix(1))
            var plan = SupplierPlan(
                number: number, id: TextFormat.id("SUP", number, 4),
                name: "\(stem) \(trade) \(country.legalForm)", country: country.code,
                initials: initials.uppercased(), role: roleByNumber[number],
                onTime: random.uniform(0.9, 0.995), partialShare: random.uniform(0.02, 0.12),
                defectRate: size.defectShare * random.uniform(0.2, 1.8),
                responseHours: random.uniform(3, 20), unansweredShare: random.uniform(0.01, 0.04),
                slowTailShare: 0.05, sigmaShare: random.uniform(1.0 / 11, 1.0 / 8),
                offsetShare: random.uniform(-0.08, 0.08), decimalComma: random.chance(0.2),
                unitAliases: random.chance(0.3), partNumberOnly: random.chance(0.25),
                statesLimits: random.chance(0.6), widerLimits: random.chance(0.1),
                repromiseShare: random.uniform(0.03, 0.1), cancelShare: random.uniform(0.005, 0.02),
                confirmHours: random.uniform(3, 30), missingCoAShare: 0.03,
                messagesPerMonth: size.communicationsPerSupplierMonth * random.uniform(0.5, 1.5))
            if let role = plan.role { WorldPlan.shape(&plan, as: role) }
            // Some background suppliers never adopt our format: their German lab system's export is read through
            // profiles/acme-labs.json (chosen by the document's root and namespace, no configuration needed).
            // Fixed by number so the random streams, and so the rest of the world, stay as they were.
            if plan.role == nil && number % 17 == 3 { plan.dialect = .acmeLabs }
            if number == 1 {
                // The first supplier prints its own, wider release limits on every CoA: the intake records them beside ours.
                plan.statesLimits = true
                plan.widerLimits = true
            }
            suppliers.append(plan)
        }
    }

    /// Story suppliers behave exactly as their story says; nothing else of note is planted on them.
    private static func shape(_ plan: inout SupplierPlan, as role: StoryRole) {
        plan.decimalComma = false
        plan.unitAliases = false
        plan.partNumberOnly = false
        plan.widerLimits = false
        plan.statesLimits = true
        plan.missingCoAShare = 0
        plan.unansweredShare = 0
        plan.slowTailShare = 0
        plan.offsetShare = 0
        plan.sigmaShare = 1.0 / 10
        plan.partialShare = 0.03
        plan.defectRate = 0.01
        plan.messagesPerMonth = 3
        plan.repromiseShare = 0.03
        plan.cancelShare = 0.01
        switch role {
        case .clean:
            plan.onTime = 1
            plan.partialShare = 0
            plan.defectRate = 0
            plan.responseHours = 2
            plan.sigmaShare = 1.0 / 12
            plan.repromiseShare = 0
            plan.cancelShare = 0
            plan.confirmHours = 4
        case .noisyCentred:
            plan.onTime = 0.97
            plan.partialShare = 0.02
            plan.defectRate = 0
            plan.responseHours = 6
            plan.sigmaShare = 1.0 / 7
            plan.confirmHours = 8
        case .volumeCollapse:
            plan.onTime = 0.98
            plan.repromiseShare = 0.02
            plan.responseHours = 8
            plan.confirmHours = 6
        case .drift:
            plan.onTime = 0.95
            plan.responseHours = 10
            plan.confirmHours = 8
        case .silent:
            plan.onTime = 0.92
            plan.responseHours = 12
            plan.confirmHours = 12
        case .quotationGap:
            plan.onTime = 0.94
            plan.responseHours = 9
            plan.confirmHours = 10
        case .singleSource:
            plan.onTime = 0.93
            plan.responseHours = 10
            plan.confirmHours = 10
        }
    }

    private mutating func makeMaterials() {
        let storyNumbers = WorldPlan.storyMaterialNumbers(count: size.materials)
        let slotByNumber = Dictionary(uniqueKeysWithValues: storyNumbers.enumerated().map { ($1, $0) })
        for number in 1...size.materials {
            var random = DemoRandom(seed: seed, Stream.materials.rawValue, UInt64(number))
            let slot = slotByNumber[number]
            let familyIndex = slot == nil ? random.weighted(Catalogue.familyWeights) : 0
            let family = Catalogue.families[familyIndex]
            let name = random.pick(family.names) + " " + random.pick(Catalogue.grades)
            var criticality = ["critical", "major", "minor"][random.weighted([0.2, 0.45, 0.35])]
            var specified = random.chance(size.specifiedShare)
            var templates = family.core
            for optional in family.optional where random.chance(0.35) { templates.append(optional) }
            // Spec versions change on a few ordinary materials, well before the recent windows.
            var changesOn: Day? = nil
            if let slot {
                specified = true
                criticality =
                    slot == WorldPlan.driftSlot || slot == WorldPlan.singleSourceSlot ? "critical" : "major"
            } else if random.chance(0.06) {
                changesOn = asOf.advanced(by: -random.int(200...330))
            }
            let firstValid = historyStart.advanced(by: -random.int(30...400))
            let characteristics = templates.map { template in
                WorldPlan.characteristic(template, from: firstValid, changesOn: changesOn)
            }
            materials.append(
                MaterialPlan(
                    number: number, id: TextFormat.id("MAT", number, 4), name: name,
                    criticality: criticality, unit: family.unit, specified: specified,
                    characteristics: specified ? characteristics : [], appearance: family.appearance,
                    // The collapse supplier's two materials share one order size, so "large orders" (the
                    // largest quarter by quantity, docs/metrics.md) means the same across both.
                    baseQuantity: slot.map(WorldPlan.collapseSlots.contains) == true
                        ? 200 : random.pick(family.baseQuantities),
                    basePrice: random.uniform(family.priceRange.lowerBound, family.priceRange.upperBound)))
        }
    }

    /// A characteristic's specification; where it changes, the new version tightens the limits (an
    /// upper limit halves, a two-sided range loses a tenth of its width on each side).
    private static func characteristic(
        _ template: Catalogue.Characteristic, from firstValid: Day, changesOn: Day?
    ) -> CharacteristicPlan {
        let target = template.lower.flatMap { lower in template.upper.map { (lower + $0) / 2 } }
        let first = SpecVersion(
            lower: template.lower, upper: template.upper, target: target, validFrom: firstValid,
            validTo: changesOn)
        guard let changesOn else { return CharacteristicPlan(template: template, versions: [first]) }
        var second = first
        second.validFrom = changesOn
        second.validTo = nil
        if let lower = template.lower, let upper = template.upper {
            let width = upper - lower
            second.lower = lower + width / 10
            second.upper = upper - width / 10
        } else if let upper = template.upper {
            second.upper = upper / 2
        }
        return CharacteristicPlan(template: template, versions: [first, second])
    }

    private mutating func makeSources() {
        var random = DemoRandom(seed: seed, Stream.sources.rawValue)
        let storyNumbers = WorldPlan.storyMaterialNumbers(count: size.materials)
        let roleNumbers = WorldPlan.storySupplierNumbers(count: size.suppliers)
        let background = suppliers.indices.filter { suppliers[$0].role == nil }
        // Every background supplier first gets one source (a shuffled deck), then the rest are drawn with
        // uneven weights: a few large suppliers, many small ones.
        var deck = background
        for i in stride(from: deck.count - 1, to: 0, by: -1) { deck.swapAt(i, random.int(0...i)) }
        let weights = background.map { _ in random.uniform(0.3, 3) }
        var cumulative: [Double] = []
        var running = 0.0
        for weight in weights {
            running += weight
            cumulative.append(running)
        }
        func drawBackground(_ random: inout DemoRandom, excluding taken: [Int]) -> Int {
            if let next = deck.popLast(), !taken.contains(next) { return next }
            while true {
                let x = random.unit() * running
                var low = 0
                var high = cumulative.count - 1
                while low < high {
                    let mid = (low + high) / 2
                    if cumulative[mid] > x { high = mid } else { low = mid + 1 }
                }
                if !taken.contains(background[low]) { return background[low] }
            }
        }

        for material in materials.indices {
            let number = materials[material].number
            var taken: [Int] = []
            if let slot = storyNumbers.firstIndex(of: number) {
                let role = WorldPlan.storySlots[slot]
                let supplier = (roleNumbers[role] ?? 1) - 1
                taken.append(supplier)
                addSource(
                    &random, supplier: supplier, material: material, status: "approved", role: role,
                    slot: slot)
                let extra =
                    slot == WorldPlan.driftSlot
                    ? 1 : slot == WorldPlan.singleSourceSlot ? 0 : random.int(0...1)
                for _ in 0..<extra {
                    let other = drawBackground(&random, excluding: taken)
                    taken.append(other)
                    addSource(
                        &random, supplier: other, material: material, status: "approved", role: nil, slot: nil
                    )
                }
                continue
            }
            let critical = materials[material].criticality == "critical"
            let wanted = critical ? 2 + (random.chance(0.3) ? 1 : 0) : 1 + random.weighted([0.4, 0.45, 0.15])
            let count = min(wanted, background.count)
            for k in 0..<count {
                let supplier = drawBackground(&random, excluding: taken)
                taken.append(supplier)
                // Critical materials keep two usable sources, so only the planted one is single-sourced.
                let status =
                    critical && k < 2
                    ? "approved"
                    : ["approved", "conditional", "pending", "blocked"][
                        random.weighted([0.85, 0.08, 0.04, 0.03])]
                addSource(
                    &random, supplier: supplier, material: material, status: status, role: nil, slot: nil)
            }
        }
    }

    private mutating func addSource(
        _ random: inout DemoRandom, supplier: Int, material: Int, status: String, role: StoryRole?, slot: Int?
    ) {
        let plan = suppliers[supplier]
        let materialPlan = materials[material]
        let smallLead = random.int(7...21)
        var source = SourcePlan(
            index: sources.count, supplier: supplier, material: material,
            partNumber: plan.partNumberOnly || role != nil || random.chance(0.95)
                ? plan.initials + "-" + String(1_000 + (materialPlan.number * 7 + plan.number * 13) % 9_000)
                : nil,
            status: status, approvedOn: historyStart.advanced(by: -random.int(30...400)),
            ordersPerMonth: size.orderLinesPerSourceMonth * random.uniform(0.5, 1.5),
            smallLeadDays: smallLead, volumeLeadDays: smallLead + random.int(1...4),
            unitPrice: materialPlan.basePrice * random.uniform(0.9, 1.1),
            volumePriceFactor: random.uniform(0.82, 0.92), hasVolumeTier: random.chance(0.6),
            ordersUntil: asOf, role: role, driftCharacteristic: nil)
        switch status {
        case "pending": source.ordersUntil = nil
        case "blocked": source.ordersUntil = asOf.advanced(by: -random.int(200...500))
        default: break
        }
        if let role, let slot {
            source.hasVolumeTier = true
            switch role {
            case .clean:
                source.ordersPerMonth = 2
                source.smallLeadDays = 10
                source.volumeLeadDays = 12
                source.volumePriceFactor = 0.88
            case .noisyCentred:
                source.ordersPerMonth = 2
            case .volumeCollapse:
                source.ordersPerMonth = 3
                source.smallLeadDays = 10
                source.volumeLeadDays = 14
            case .drift:
                source.ordersPerMonth = slot == WorldPlan.driftSlot ? 2.2 : 1
                source.smallLeadDays = 12
                source.volumeLeadDays = 15
                if slot == WorldPlan.driftSlot { source.driftCharacteristic = Catalogue.assay.name }
            case .silent:
                source.ordersPerMonth = 1.5
            case .quotationGap:
                source.ordersPerMonth = 2
                if slot == WorldPlan.quotationGapSlot {
                    source.smallLeadDays = 10
                    source.volumeLeadDays = 30
                    source.volumePriceFactor = 1.08
                }
            case .singleSource:
                source.ordersPerMonth = 2
            }
        }
        sources.append(source)
    }

    private mutating func describeStories() {
        let storyNumbers = WorldPlan.storyMaterialNumbers(count: size.materials)
        func supplierId(_ role: StoryRole) -> String {
            TextFormat.id("SUP", WorldPlan.storySupplierNumbers(count: size.suppliers)[role] ?? 0, 4)
        }
        func materialId(_ slot: Int) -> String { TextFormat.id("MAT", storyNumbers[slot], 4) }
        stories = [
            PlantedStory(
                kind: .volumeCollapse, supplierId: supplierId(.volumeCollapse), materialId: materialId(5),
                description: "Monthly volume grows about fivefold in the last 90 days; large orders then "
                    + "arrive late (small ones stay on time), confirmations slow down, lead time passes the quote"
            ),
            PlantedStory(
                kind: .drift, supplierId: supplierId(.drift), materialId: materialId(WorldPlan.driftSlot),
                characteristic: Catalogue.assay.name,
                description: "Assay (99.0–100.5 %) centred for the first lots, then the last 14 lots climb "
                    + "steadily into the upper edge band, all still in spec"),
            PlantedStory(
                kind: .singleSource, supplierId: supplierId(.singleSource),
                materialId: materialId(WorldPlan.singleSourceSlot),
                description: "A critical material with exactly one approved source"),
            PlantedStory(
                kind: .quotationGap, supplierId: supplierId(.quotationGap),
                materialId: materialId(WorldPlan.quotationGapSlot),
                description:
                    "Volume-tier quotation 8 % above the small-batch price, 30 days' lead time against 10"),
            PlantedStory(
                kind: .silent, supplierId: supplierId(.silent),
                description: "Answers within hours until 60 days ago, then leaves every message unanswered"),
            PlantedStory(
                kind: .clean, supplierId: supplierId(.clean), materialId: materialId(0),
                description:
                    "On time and in full, centred lots (Cp 2), answers within hours: ready for volume"),
            PlantedStory(
                kind: .noisyCentred, supplierId: supplierId(.noisyCentred), materialId: materialId(3),
                description: "Wide but centred scatter (Cp about 1.2), in control, no drift: must stay quiet"),
        ]
    }
}
