import Domain
import Foundation

/// Judges reported results against our specification: pass, edge, fail, or why no judgement is possible.
/// The rules are written out for supplier quality engineers in docs/units.md.
public struct ToleranceEvaluator: Sendable {
    /// The outer fraction of the tolerance, next to each limit, that counts as `edge` (0…0.5).
    public var edgeFraction: Double
    /// A supplier profile's unit spellings → ours (`"mPa*s": "mPa·s"`).
    public var unitAliases: [String: String]
    /// How the supplier writes decimals; `automatic` unless its profile says otherwise.
    public var decimalConvention: DecimalConvention
    /// A result without any unit is read in the specification's unit (the evaluation notes it);
    /// when false it is `unit_mismatch`.
    public var assumeSpecUnitWhenMissing: Bool

    public init(
        edgeFraction: Double = 0.10, unitAliases: [String: String] = [:],
        decimalConvention: DecimalConvention = .automatic, assumeSpecUnitWhenMissing: Bool = true
    ) {
        self.edgeFraction = edgeFraction
        self.unitAliases = unitAliases
        self.decimalConvention = decimalConvention
        self.assumeSpecUnitWhenMissing = assumeSpecUnitWhenMissing
    }

    /// The verdict for one reported result against the specification in force (nil: none in force),
    /// with the value read, converted to the specification's unit, its band position and a note.
    public func evaluate(_ result: ReportedResult, against spec: Specification?) -> Evaluation {
        let reported = ReportedValue.parse(result.reportedText, convention: decimalConvention)
        var evaluation = Evaluation(
            value: reported.number, qualifier: reported.qualifier, valueInSpecUnit: nil, verdict: .noSpec)
        guard let spec else {
            evaluation.note = ValueExcerpt.bounded("no specification in force for \(result.characteristic)")
            return evaluation
        }
        var limits: ToleranceLimits
        switch ToleranceLimits.make(spec, edgeFraction: edgeFraction) {
        case .success(let usable):
            limits = usable
        case .failure(.noLimits):
            evaluation.note = "the specification for \(spec.characteristic) states no limit"
            return evaluation
        case .failure(.notFinite):
            return evaluation.judged(
                .inconclusive,
                "the specification's limits are not numbers the scorecard judges (\(InputRange.judgedText))")
        case .failure(.inverted(let lower, let upper)):
            return evaluation.judged(
                .inconclusive,
                "the specification's lower limit \(noteNumber(lower)) is above its upper \(noteNumber(upper))"
            )
        }
        let unit = reportedUnit(result, reported, spec: spec)
        if case .success(let conversion) = unit.conversion {
            evaluation.supplierLimitsWider = supplierLimitsWider(result, conversion, limits)
        }
        if reported.kind == .outOfRange {
            return evaluation.judged(
                .inconclusive,
                "\(ValueExcerpt.quoted(result.reportedText)) is outside the range the scorecard judges "
                    + "(\(InputRange.judgedText)); not judged")
        }
        if let reason = notNumericReason(reported, text: result.reportedText) {
            return evaluation.judged(.notNumeric, reason)
        }
        let conversion: UnitConversion
        switch unit.conversion {
        case .success(let found): conversion = found
        case .failure(.unknown(let spelling)) where unit.reason == nil && spelling == spec.unit:
            return evaluation.judged(
                .unitMismatch, "the specification's unit '\(spelling)' is not in the unit table")
        case .failure(let mismatch): return evaluation.judged(.unitMismatch, unit.reason ?? "\(mismatch)")
        }
        evaluation.valueInSpecUnit = reported.number.map(conversion.convert)
        if let converted = evaluation.valueInSpecUnit, !InputRange.contains(converted) {
            evaluation.valueInSpecUnit = nil
            return evaluation.judged(
                .inconclusive,
                "\(ValueExcerpt.quoted(result.reportedText)) is \(noteNumber(converted)) \(conversion.to.symbol), outside "
                    + "the range the scorecard judges (\(InputRange.judgedText)); not judged")
        }
        limits.lowerBandApplies = ToleranceLimits.lowerBandApplies(
            lower: limits.lower, family: conversion.to.family)
        var judgement = QualifiedJudgement(
            value: reported, conversion: conversion, limits: limits, unit: conversion.to.symbol
        ).judge()
        if let assumption = unit.assumption {
            judgement.note = judgement.note.map { "\($0) (\(assumption))" } ?? assumption
        }
        evaluation.verdict = judgement.verdict
        evaluation.note = judgement.note.map(ValueExcerpt.bounded)
        evaluation.bandPosition = judgement.bandPosition
        return evaluation
    }

    private func notNumericReason(_ reported: ReportedValue, text: String) -> String? {
        guard !reported.isNumeric else { return nil }  // before building the quote: most values are numbers
        let quoted = ValueExcerpt.quoted(text)
        switch reported.kind {
        case .numeric, .notDetected, .outOfRange: return nil
        case .textualPass: return "textual result \(quoted) states conformance; not judged numerically"
        case .textualFail: return "textual result \(quoted) states non-conformance; not judged numerically"
        case .textual: return "textual result \(quoted) where a number was expected"
        case .unparseable: return "\(quoted) is not a readable number"
        }
    }

    private struct ResolvedUnit {
        var conversion: Result<UnitConversion, UnitMismatch>
        /// Replaces the mismatch's own description when set.
        var reason: String?
        /// Set when the specification's unit was assumed.
        var assumption: String?
    }

    /// The unit column wins; a unit written in the value text must agree with it.
    private func reportedUnit(_ result: ReportedResult, _ reported: ReportedValue, spec: Specification)
        -> ResolvedUnit
    {
        let column = UnitCatalog.isMissing(result.unit) ? nil : result.unit
        let inText = UnitCatalog.isMissing(reported.unitText) ? nil : reported.unitText
        if let column, let inText {
            let agree = UnitCatalog.conversion(from: inText, to: column, aliases: unitAliases)
            guard case .success(let conversion) = agree, conversion.from == conversion.to else {
                let mismatch = UnitMismatch.unknown(inText)
                return ResolvedUnit(
                    conversion: .failure(mismatch),
                    reason: "the value carries the unit '\(inText)' but the result's unit is '\(column)'")
            }
        }
        if let stated = column ?? inText {
            return ResolvedUnit(
                conversion: UnitCatalog.conversion(from: stated, to: spec.unit, aliases: unitAliases))
        }
        let specUnit = spec.unit.trimmingSet([" "])
        guard assumeSpecUnitWhenMissing else {
            return ResolvedUnit(
                conversion: .failure(.unknown("")),
                reason: "no unit reported; the specification is in '\(specUnit)'")
        }
        return ResolvedUnit(
            conversion: UnitCatalog.conversion(from: spec.unit, to: spec.unit, aliases: unitAliases),
            assumption: specUnit.isEmpty
                ? nil : "no unit reported: read in the specification's unit \(specUnit)")
    }

    /// The supplier's stated limits reach beyond ours on a side where both state one.
    private func supplierLimitsWider(
        _ result: ReportedResult, _ conversion: UnitConversion, _ limits: ToleranceLimits
    ) -> Bool {
        if let theirs = result.supplierLower, theirs.isFinite, let ours = limits.lower,
            conversion.convert(theirs) < ours - limits.slack
        {
            return true
        }
        if let theirs = result.supplierUpper, theirs.isFinite, let ours = limits.upper,
            conversion.convert(theirs) > ours + limits.slack
        {
            return true
        }
        return false
    }
}

extension Evaluation {
    fileprivate func judged(_ verdict: Verdict, _ note: String) -> Evaluation {
        var copy = self
        copy.verdict = verdict
        copy.note = ValueExcerpt.bounded(note)
        return copy
    }
}

/// A number for a note: `1000`, not `1000.0`; `1.1`, not `1.1000000000000001` after a conversion.
func noteNumber(_ value: Double) -> String {
    guard value.isFinite, value != 0 else { return value == 0 ? "0" : "\(value)" }
    let scale = pow(10, 11 - floor(log10(abs(value))))
    let rounded = scale.isFinite && scale > 0 ? (value * scale).rounded() / scale : value
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
    return "\(rounded)"
}
