import Domain

/// What the material pages show, which is known before the suppliers' figures are read: the job renders
/// the material pages while it still reads the charts and the deliveries for the supplier pages.
public struct MaterialPagesInput: Sendable, Hashable {
    /// A supplier scored in the run: its page exists (the material pages link to it) and its flags name
    /// it.
    public struct ScoredSupplier: Sendable, Hashable {
        public var supplierId: String
        public var name: String
        public var flags: [Flag]
        public var verdicts: [MaterialVerdict]
        public var capabilities: [CharacteristicCapability]
        /// Per material, the stored figures of the current window.
        public var figures: [SourceFigures]

        public init(
            supplierId: String, name: String, flags: [Flag], verdicts: [MaterialVerdict] = [],
            capabilities: [CharacteristicCapability] = [], figures: [SourceFigures] = []
        ) {
            self.supplierId = supplierId
            self.name = name
            self.flags = flags
            self.verdicts = verdicts
            self.capabilities = capabilities
            self.figures = figures
        }
    }

    public var run: RunInfo
    public var materials: [MaterialReport]
    /// In the order of the supplier pages.
    public var suppliers: [ScoredSupplier]

    public init(run: RunInfo, materials: [MaterialReport], suppliers: [ScoredSupplier]) {
        self.run = run
        self.materials = materials
        self.suppliers = suppliers
    }

    /// The material part of a whole report.
    public init(_ report: ScorecardReport) {
        self.init(
            run: report.run, materials: report.materials,
            suppliers: report.suppliers.map {
                ScoredSupplier(
                    supplierId: $0.supplierId, name: $0.name, flags: $0.flags, verdicts: $0.materialVerdicts,
                    capabilities: $0.capabilities, figures: $0.materialFigures)
            })
    }
}
