/// A story deliberately planted in the demo world, so tests (and people) can check the job tells it.
public struct PlantedStory: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// On-time delivery collapses on large orders after our monthly volume grows about fivefold.
        case volumeCollapse = "volume_collapse"
        /// Lots of one material drift toward the upper limit of one characteristic, still in spec.
        case drift
        /// A critical material with exactly one approved source.
        case singleSource = "single_source"
        /// A volume-tier quotation above the small-batch price, 30 days' lead time against 10.
        case quotationGap = "quotation_gap"
        /// A supplier that stops answering messages in the recent window.
        case silent
        /// On time, in full, centred lots, quick answers: ready for volume.
        case clean
        /// Wide but centred scatter, in control, no drift: must stay quiet.
        case noisyCentred = "noisy_centred"
    }

    public var kind: Kind
    public var supplierId: String
    public var materialId: String?
    public var characteristic: String?
    public var description: String

    public init(
        kind: Kind, supplierId: String, materialId: String? = nil, characteristic: String? = nil,
        description: String
    ) {
        self.kind = kind
        self.supplierId = supplierId
        self.materialId = materialId
        self.characteristic = characteristic
        self.description = description
    }
}

/// What a generation produced.
public struct DemoSummary: Sendable {
    /// Rows written per table (`suppliers`, `order_lines`, …, without the schema).
    public var counts: [String: Int]
    /// CoA files written into the inbox, broken ones included.
    public var coaFiles: Int
    /// Files deliberately malformed or rejectable (bad XML, unknown material, missing lot).
    public var brokenCoAFiles: Int
    public var stories: [PlantedStory]

    public init(
        counts: [String: Int] = [:], coaFiles: Int = 0, brokenCoAFiles: Int = 0, stories: [PlantedStory] = []
    ) {
        self.counts = counts
        self.coaFiles = coaFiles
        self.brokenCoAFiles = brokenCoAFiles
        self.stories = stories
    }

    /// The planted stories of one kind.
    public func stories(_ kind: PlantedStory.Kind) -> [PlantedStory] {
        stories.filter { $0.kind == kind }
    }
}
