import Domain

/// The verdict for one readable value against usable limits, qualified values included.
///
/// A qualified value stands for the set of values it allows: `<b` everything below b, `>b` everything
/// above. Entirely outside the limits: `fail`. Entirely inside: in spec, and then `edge` or `pass` by
/// the bound b itself. Partly inside: `inconclusive`. On ratio scales (contents, concentrations) a
/// `<b` with b > 0 and a non-detect start at zero, since an amount cannot be negative; temperatures
/// have no such floor. A lower limit of exactly zero on such a scale has no edge band (see
/// `ToleranceLimits.lowerBandApplies`).
struct QualifiedJudgement {
    let value: ReportedValue
    let conversion: UnitConversion
    let limits: ToleranceLimits
    let unit: String

    struct Outcome {
        var verdict: Verdict
        var note: String?
        var bandPosition: Double?
    }

    func judge() -> Outcome {
        guard let number = value.number else { return notDetectedWithoutLimit() }
        let bound = conversion.convert(number)
        let position = limits.bandPosition(bound)
        switch value.qualifier.direction {
        case .exact:
            if limits.isBelowLower(bound) {
                return Outcome(
                    verdict: .fail, note: "\(exactText(bound)) is below \(lowerText)", bandPosition: position)
            }
            if limits.isAboveUpper(bound) {
                return Outcome(
                    verdict: .fail, note: "\(exactText(bound)) is above \(upperText)", bandPosition: position)
            }
            return inSpec(bound, position)
        case .below:
            return below(number: number, bound: bound, position: position)
        case .above:
            return above(bound: bound, position: position)
        }
    }

    /// `reported <2 mg/kg`, or `reported <2000 µg/kg (2 mg/kg)` when the units differ.
    private var reportedText: String {
        let symbol = value.qualifier == .notDetected ? "ND <" : value.qualifier.rawValue
        let number = value.number ?? 0
        guard isConverted else { return "reported \(symbol)\(amount(number))" }
        return
            "reported \(symbol)\(noteNumber(number)) \(conversion.from.symbol) (\(amount(conversion.convert(number))))"
    }

    /// `1.1 mg/kg`, or `1.1 mg/kg (reported 0.00011 %)` when the units differ.
    private func exactText(_ bound: Double) -> String {
        guard isConverted, let number = value.number else { return amount(bound) }
        return "\(amount(bound)) (reported \(noteNumber(number)) \(conversion.from.symbol))"
    }

    private var isConverted: Bool { conversion.from != conversion.to }

    private func below(number: Double, bound: Double, position: Double?) -> Outcome {
        let inclusive = value.qualifier == .lessOrEqual
        if let lower = limits.lower, inclusive ? bound < lower - limits.slack : bound <= lower + limits.slack
        {
            return Outcome(
                verdict: .fail, note: "\(reportedText): entirely below \(lowerText)", bandPosition: position)
        }
        let floor = number > 0 ? amountFloor : nil
        if let floor, limits.isAboveUpper(floor) {
            return Outcome(
                verdict: .fail, note: "\(reportedText): entirely above \(upperText)", bandPosition: position)
        }
        if limits.isAboveUpper(bound) {
            return Outcome(
                verdict: .inconclusive, note: "\(reportedText): the value may be above \(upperText)",
                bandPosition: position)
        }
        if let lower = limits.lower, (floor.map { $0 < lower - limits.slack }) ?? true {
            return Outcome(
                verdict: .inconclusive, note: "\(reportedText): the value may be below \(lowerText)",
                bandPosition: position)
        }
        return inSpec(bound, position)
    }

    private func above(bound: Double, position: Double?) -> Outcome {
        let inclusive = value.qualifier == .greaterOrEqual
        if let upper = limits.upper, inclusive ? bound > upper + limits.slack : bound >= upper - limits.slack
        {
            return Outcome(
                verdict: .fail, note: "\(reportedText): entirely above \(upperText)", bandPosition: position)
        }
        if limits.upper != nil {
            return Outcome(
                verdict: .inconclusive, note: "\(reportedText): the value may be above \(upperText)",
                bandPosition: position)
        }
        if limits.isBelowLower(bound) {
            return Outcome(
                verdict: .inconclusive, note: "\(reportedText): the value may be below \(lowerText)",
                bandPosition: position)
        }
        return inSpec(bound, position)
    }

    /// `ND` with no stated limit: an amount too small to detect, below any positive lower limit.
    private func notDetectedWithoutLimit() -> Outcome {
        guard let floor = amountFloor else {
            return Outcome(verdict: .inconclusive, note: "not detected is not a value on a \(unit) scale")
        }
        if limits.isBelowLower(floor) {
            return Outcome(verdict: .fail, note: "not detected: below \(lowerText)")
        }
        if limits.isAboveUpper(floor) {
            return Outcome(verdict: .fail, note: "not detected: the upper limit \(upperText) is below zero")
        }
        return Outcome(verdict: .pass)
    }

    private func inSpec(_ bound: Double, _ position: Double?) -> Outcome {
        let subject = value.qualifier == .none ? exactText(bound) : "\(reportedText): the bound"
        switch limits.edgeSide(bound) {
        case .lower?:
            let band = limits.lowerBandEnd.map { " (up to \(amount($0)))" } ?? ""
            return Outcome(
                verdict: .edge, note: "\(subject) is in the edge band next to \(lowerText)\(band)",
                bandPosition: position)
        case .upper?:
            let band = limits.upperBandStart.map { " (from \(amount($0)))" } ?? ""
            return Outcome(
                verdict: .edge, note: "\(subject) is in the edge band next to \(upperText)\(band)",
                bandPosition: position)
        case nil:
            return Outcome(verdict: .pass, bandPosition: position)
        }
    }

    /// Zero of the reported unit in the specification's unit, for ratio scales only.
    private var amountFloor: Double? {
        conversion.from.family == .temperature ? nil : conversion.convert(0)
    }

    private func amount(_ number: Double) -> String {
        unit.isEmpty ? noteNumber(number) : "\(noteNumber(number)) \(unit)"
    }
    private var lowerText: String { "the lower limit \(limits.lower.map(amount) ?? "")" }
    private var upperText: String { "the upper limit \(limits.upper.map(amount) ?? "")" }
}
