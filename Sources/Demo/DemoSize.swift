/// How big a demo world is, and how dense its history. Densities are per approved source or supplier, so a
/// scaled world keeps the character of the standard one.
public struct DemoSize: Sendable, Hashable {
    public var suppliers: Int
    public var materials: Int
    /// Years of history ending at the as-of date.
    public var years: Int
    /// Average order lines per active approved source and month (story sources use their own rates).
    public var orderLinesPerSourceMonth: Double
    /// Share of materials with specifications; their lots come with CoA files.
    public var specifiedShare: Double
    /// Average share of receipts with a nonconformance report.
    public var defectShare: Double
    /// Average messages expecting an answer per supplier and month.
    public var communicationsPerSupplierMonth: Double
    /// Share of background suppliers' CoA files that are broken or rejectable.
    public var brokenCoAShare: Double
    /// Share of lots with a CoA that our own lab also tests.
    public var inspectedShare: Double

    public init(
        suppliers: Int, materials: Int, years: Int, orderLinesPerSourceMonth: Double = 1.0,
        specifiedShare: Double = 0.85, defectShare: Double = 0.03, communicationsPerSupplierMonth: Double = 3,
        brokenCoAShare: Double = 0.012, inspectedShare: Double = 0.15
    ) {
        self.suppliers = suppliers
        self.materials = materials
        self.years = years
        self.orderLinesPerSourceMonth = orderLinesPerSourceMonth
        self.specifiedShare = specifiedShare
        self.defectShare = defectShare
        self.communicationsPerSupplierMonth = communicationsPerSupplierMonth
        self.brokenCoAShare = brokenCoAShare
        self.inspectedShare = inspectedShare
    }

    /// About 40 suppliers, 150 materials, two years: the README demo (roughly 6,000 order lines).
    public static let standard = DemoSize(suppliers: 40, materials: 150, years: 2)

    /// The benchmark world of docs/scaling.md: 1,000 suppliers, 3,000 materials, three years, about 1,000,000 order
    /// lines, 50,000 defects, 200,000 messages and 100,000 CoA files, a few percent of them broken.
    public static let large = DemoSize(
        suppliers: 1_000, materials: 3_000, years: 3, orderLinesPerSourceMonth: 5.4,
        specifiedShare: 0.086, defectShare: 0.045, communicationsPerSupplierMonth: 5.6,
        brokenCoAShare: 0.03, inspectedShare: 0.05)

    /// The standard densities with other counts, for tests and benchmarks.
    public static func scaled(suppliers: Int, materials: Int, years: Int = 2) -> DemoSize {
        var size = DemoSize.standard
        size.suppliers = suppliers
        size.materials = materials
        size.years = years
        return size
    }

    /// The smallest world that holds every planted story with its own suppliers and materials: seven story
    /// suppliers plus three in the background, so a critical material can have three sources.
    public static let minimum = (suppliers: 10, materials: 20, years: 1)
}
