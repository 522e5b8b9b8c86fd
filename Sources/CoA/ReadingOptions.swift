/// A profile's say in how its values are read and judged.
public struct ReadingOptions: Sendable, Hashable {
    /// `decimalPoint`: `1,250` is 1250; `decimalComma`: `1.250` is 1250; `automatic`: docs/units.md §1.
    public var decimalConvention: DecimalConvention
    /// nil: the evaluator's own setting (true unless configured otherwise).
    public var assumeSpecUnitWhenMissing: Bool?

    public init(decimalConvention: DecimalConvention = .automatic, assumeSpecUnitWhenMissing: Bool? = nil) {
        self.decimalConvention = decimalConvention
        self.assumeSpecUnitWhenMissing = assumeSpecUnitWhenMissing
    }
}

extension ToleranceEvaluator {
    /// This evaluator as the certificate's profile asks it to read values.
    public func reading(_ options: ReadingOptions) -> ToleranceEvaluator {
        var adjusted = self
        adjusted.decimalConvention = options.decimalConvention
        if let assume = options.assumeSpecUnitWhenMissing { adjusted.assumeSpecUnitWhenMissing = assume }
        return adjusted
    }
}
