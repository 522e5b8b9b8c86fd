/// The vocabulary the demo world is drawn from: characteristics with their usual tolerances, material
/// families, supplier names. Realistic enough that a buyer reading the demo recognises the trade.
enum Catalogue {
    /// A measurable characteristic and the tolerance a specification usually gives it.
    struct Characteristic {
        var name: String
        var unit: String
        var lower: Double?
        var upper: Double?
        var decimals: Int
        /// Below this a lab reports `<limit` (one-sided impurities).
        var detectionLimit: Double?
        /// Another name for the unit some suppliers print (same scale), e.g. `ppm` for `mg/kg`.
        var unitAlias: String?
        var method: String?
    }

    static let assay = Characteristic(
        name: "assay", unit: "%", lower: 99.0, upper: 100.5, decimals: 2, method: "USP 591")
    static let moisture = Characteristic(
        name: "moisture", unit: "%", upper: 0.5, decimals: 2, method: "Karl Fischer")
    static let lead = Characteristic(
        name: "lead", unit: "mg/kg", upper: 10, decimals: 1, detectionLimit: 1.0, unitAlias: "ppm",
        method: "ICP-MS")
    static let arsenic = Characteristic(
        name: "arsenic", unit: "mg/kg", upper: 3, decimals: 2, detectionLimit: 0.1, unitAlias: "ppm",
        method: "ICP-MS")
    static let ph = Characteristic(name: "pH", unit: "pH", lower: 6.0, upper: 8.0, decimals: 2)
    static let viscosity = Characteristic(
        name: "viscosity", unit: "mPa.s", lower: 800, upper: 1200, decimals: 0, unitAlias: "cP",
        method: "Brookfield")
    static let density = Characteristic(
        name: "density", unit: "g/cm3", lower: 0.95, upper: 1.05, decimals: 3)
    static let particleSize = Characteristic(
        name: "particle_size_d50", unit: "µm", lower: 20, upper: 40, decimals: 1, method: "Laser diffraction")
    static let residueOnIgnition = Characteristic(
        name: "residue_on_ignition", unit: "%", upper: 0.1, decimals: 3)
    static let iron = Characteristic(
        name: "iron", unit: "mg/kg", upper: 20, decimals: 1, detectionLimit: 0.5, unitAlias: "ppm")

    /// A family of materials: names, the characteristics their specifications use, their order sizes.
    struct Family {
        var names: [String]
        /// Always specified.
        var core: [Characteristic]
        /// Each added with some probability.
        var optional: [Characteristic]
        /// Whether CoAs carry a textual appearance result.
        var appearance: Bool
        var unit: String
        var baseQuantities: [Double]
        var priceRange: ClosedRange<Double>
    }

    static let powders = Family(
        names: [
            "Zinc oxide", "Microcrystalline cellulose", "Calcium carbonate", "Magnesium stearate",
            "Titanium dioxide", "Talc", "Sodium chloride", "Citric acid anhydrous", "Sorbitol",
            "Lactose monohydrate", "Colloidal silica", "Kaolin", "Sodium bicarbonate", "Maize starch",
            "Calcium phosphate", "Xanthan gum",
        ],
        core: [assay, moisture, lead], optional: [arsenic, particleSize, residueOnIgnition, iron],
        appearance: true, unit: "kg", baseQuantities: [25, 50, 100, 200, 500, 1_000],
        priceRange: 1.2...38)

    static let liquids = Family(
        names: [
            "Glycerol", "Propylene glycol", "Ethanol 96 %", "Polysorbate 80", "Silicone oil",
            "Sodium hydroxide solution 50 %", "Isopropyl myristate", "Sorbitol solution 70 %",
            "Lactic acid 90 %", "Benzyl alcohol",
        ],
        core: [assay, density, viscosity], optional: [ph, lead],
        appearance: true, unit: "kg", baseQuantities: [200, 500, 1_000, 2_000],
        priceRange: 0.9...14)

    static let packaging = Family(
        names: [
            "HDPE granulate", "PET preform 28 g", "Corrugated carton 400x300", "LDPE film 50 µm",
            "Aluminium cap 28 mm", "Label stock", "Glass vial 10 ml", "PP closure 38 mm",
        ],
        core: [density], optional: [moisture],
        appearance: false, unit: "pcs", baseQuantities: [5_000, 10_000, 20_000, 50_000],
        priceRange: 0.02...0.6)

    static let families = [powders, liquids, packaging]
    /// Family weights: mostly chemicals, some packaging.
    static let familyWeights = [0.55, 0.25, 0.2]

    static let grades = [
        "USP", "Ph. Eur.", "food grade", "technical", "fine", "coarse", "type A", "type B", "FCC",
        "high purity",
    ]

    static let nameStems = [
        "Nordwerk", "Alpine", "Rhône", "Baltic", "Meridian", "Cascade", "Hanse", "Tessin", "Vistula",
        "Danube", "Lakeside", "Kestrel", "Orion", "Helvetia", "Iberia", "Atlas", "Pioneer", "Summit",
        "Riverbend", "Stellar", "Granite", "Emerald", "Harbour", "Polaris", "Westfield", "Keystone",
        "Aurora", "Beacon", "Crescent", "Falcon",
    ]
    static let nameTrades = [
        "Chemicals", "Minerals", "Ingredients", "Polymers", "Packaging", "Specialties", "Pharma Supply",
        "Fine Chemicals", "Materials", "Industries",
    ]
    /// Country and the legal form its companies carry.
    static let countries: [(code: String, legalForm: String)] = [
        ("DE", "GmbH"), ("CH", "AG"), ("FR", "SA"), ("IT", "S.p.A."), ("NL", "B.V."), ("PL", "Sp. z o.o."),
        ("US", "Inc."), ("GB", "Ltd"), ("IN", "Pvt. Ltd"), ("CN", "Co., Ltd"), ("ES", "S.L."),
        ("AT", "GmbH"),
    ]
    static let approvers = [
        "J. Weber", "M. Rossi", "A. Kowalski", "S. Dubois", "L. Jansen", "R. Patel", "K. Müller",
        "E. Novak", "T. Smith", "C. García",
    ]
    static let defectDescriptions = [
        "Torn bags on arrival", "Foreign particles found at sampling", "Lot label missing or illegible",
        "Caking, material not free-flowing", "Wrong quantity on pallet", "Colour off standard",
        "Seal broken on container", "Moisture above our incoming check", "Damaged pallet, wet cartons",
        "CoA values inconsistent with label",
    ]
}
