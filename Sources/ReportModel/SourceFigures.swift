/// One supplier × material's figures of the current window, as the run stored them
/// (`scorecard_store.supplier_material_figures`): what a material page compares its sources by.
public struct SourceFigures: Sendable, Hashable {
    public var materialId: String
    public var dueLines: Int
    public var otdRate: Double?
    public var otifRate: Double?
    public var avgDaysLate: Double?
    public var ppm: Double?
    public var lotsReceived: Int
    public var medianLeadTimeDays: Double?
    public var leadTimeLines: Int
    public var quotedLeadTimeDays: Double?
    public var typicalQuantity: Double?
    public var orderUnit: String?
    public var unitMismatch: Bool
    public var volumeTierMinQuantity: Double?
    public var volumeTierPrice: Double?
    public var volumeTierLeadTimeDays: Int?
    public var openLines: Int
    public var openQuantity: Double?
    public var openUnit: String?
    public var openValue: Double?

    public init(
        materialId: String, dueLines: Int = 0, otdRate: Double? = nil, otifRate: Double? = nil,
        avgDaysLate: Double? = nil, ppm: Double? = nil, lotsReceived: Int = 0,
        medianLeadTimeDays: Double? = nil,
        leadTimeLines: Int = 0, quotedLeadTimeDays: Double? = nil, typicalQuantity: Double? = nil,
        orderUnit: String? = nil, unitMismatch: Bool = false, volumeTierMinQuantity: Double? = nil,
        volumeTierPrice: Double? = nil, volumeTierLeadTimeDays: Int? = nil, openLines: Int = 0,
        openQuantity: Double? = nil, openUnit: String? = nil, openValue: Double? = nil
    ) {
        self.materialId = materialId
        self.dueLines = dueLines
        self.otdRate = otdRate
        self.otifRate = otifRate
        self.avgDaysLate = avgDaysLate
        self.ppm = ppm
        self.lotsReceived = lotsReceived
        self.medianLeadTimeDays = medianLeadTimeDays
        self.leadTimeLines = leadTimeLines
        self.quotedLeadTimeDays = quotedLeadTimeDays
        self.typicalQuantity = typicalQuantity
        self.orderUnit = orderUnit
        self.unitMismatch = unitMismatch
        self.volumeTierMinQuantity = volumeTierMinQuantity
        self.volumeTierPrice = volumeTierPrice
        self.volumeTierLeadTimeDays = volumeTierLeadTimeDays
        self.openLines = openLines
        self.openQuantity = openQuantity
        self.openUnit = openUnit
        self.openValue = openValue
    }
}

/// A supplier's line in the index's "Today" block, as the run ranked it (`scorecard_store.today_lines`).
public struct TodayEntry: Sendable, Hashable {
    /// 1 = first line.
    public var rank: Int
    /// `urgent`, `this_week` or `watch`.
    public var urgency: String
    /// Critical materials it is the only usable source of.
    public var soleSourced: [String]
    /// Its other critical materials.
    public var criticalMaterials: [String]
    /// Open order value over its materials (currency not recorded).
    public var openOrderValue: Double?

    public init(
        rank: Int, urgency: String, soleSourced: [String] = [], criticalMaterials: [String] = [],
        openOrderValue: Double? = nil
    ) {
        self.rank = rank
        self.urgency = urgency
        self.soleSourced = soleSourced
        self.criticalMaterials = criticalMaterials
        self.openOrderValue = openOrderValue
    }
}
