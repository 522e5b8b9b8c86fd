/// The four parts of the overall score. Stored as text.
public enum ScorePart: String, Sendable, Hashable, CaseIterable {
    case quality, delivery, responsiveness, risk
}

/// One sub-score 0–100, or no data, with its configured and effective weight.
public struct SubScore: Sendable, Hashable {
    public var part: ScorePart
    /// nil: no data (then its weight is spread over the parts with data).
    public var value: Double?
    public var weight: Double
    /// weight / (sum of weights of the parts with data); 0 for a part without data.
    public var effectiveWeight: Double
    /// How the value was computed, with the figures.
    public var basis: String
}

/// The overall score 0–100 and grade, or none when no part has data.
public struct OverallScore: Sendable, Hashable {
    public enum Grade: String, Sendable, Hashable, CaseIterable {
        case a = "A"
        case b = "B"
        case c = "C"
        case d = "D"
    }

    /// Weighted mean of the sub-scores with data, rounded to one decimal; nil with no data at all.
    public var score: Double?
    public var grade: Grade?
    /// The score before the verdict's cap (docs/decisions.md), when a cap lowered it.
    public var uncappedScore: Double?
    public var parts: [SubScore]
    /// e.g. "no data for risk: its 15 % weight spread over quality, delivery, responsiveness".
    public var note: String?
}

/// Sub-score formulas (docs/decisions.md) on the `SupplierScore` figures of the current window.
struct OverallScoring {
    var config: DecisionConfig

    func score(_ s: SupplierScore) -> OverallScore {
        let parts = [quality(s), delivery(s), responsiveness(s), risk(s)]
        let total = parts.filter { $0.value != nil }.reduce(0) { $0 + $1.weight }
        let weighted = parts.map { p in
            var p = p
            p.effectiveWeight = p.value != nil && total > 0 ? p.weight / total : 0
            return p
        }
        let missing = weighted.filter { $0.value == nil }
        guard total > 0 else {
            return OverallScore(
                score: nil, grade: nil, parts: weighted, note: "no data in any part: no score")
        }
        let raw = weighted.reduce(0) { $0 + ($1.value ?? 0) * $1.effectiveWeight }
        let rounded = (raw * 10).rounded() / 10
        var note: String?
        if !missing.isEmpty {
            let names = missing.map(\.part.rawValue).joined(separator: ", ")
            let share = missing.reduce(0) { $0 + $1.weight } / weighted.reduce(0) { $0 + $1.weight }
            let rest = weighted.filter { $0.value != nil }.map(\.part.rawValue).joined(separator: ", ")
            note =
                "no data for \(names): \(missing.count == 1 ? "its" : "their") \(Fmt.percent(share)) weight spread over \(rest)"
        }
        return OverallScore(score: rounded, grade: grade(rounded), parts: weighted, note: note)
    }

    func grade(_ score: Double) -> OverallScore.Grade {
        if score >= config.gradeA { return .a }
        if score >= config.gradeB { return .b }
        if score >= config.gradeC { return .c }
        return .d
    }

    /// 100 at a rate of 1, 0 at `zero` and below, linear between.
    func points(_ rate: Double, zero: Double) -> Double {
        100 * min(1, max(0, (rate - zero) / (1 - zero)))
    }

    /// Mean of the quality components with data: PPM (100 at 0, 0 at `qualityZeroPPM`), lot acceptance
    /// (1 − lot rejection rate; 0 points at `lotAcceptanceZeroRate`), CoA conformance (0 points at
    /// `conformanceZeroRate`).
    func quality(_ s: SupplierScore) -> SubScore {
        var values: [Double] = []
        var basis: [String] = []
        if let ppm = s.ppm {
            values.append(100 * max(0, 1 - ppm / config.qualityZeroPPM))
            basis.append("PPM \(Fmt.number(ppm))")
        }
        if let r = s.lotRejectionRate {
            values.append(points(1 - r, zero: config.lotAcceptanceZeroRate))
            basis.append("lot rejection \(Fmt.percent(r))")
        }
        if let c = s.coaConformanceRate {
            values.append(points(c, zero: config.conformanceZeroRate))
            basis.append("CoA conformance \(Fmt.percent(c))")
        }
        return part(.quality, Stats.mean(values), config.weightQuality, basis)
    }

    /// Mean of the points of OTD and OTIF (0 points at `deliveryZeroRate`).
    func delivery(_ s: SupplierScore) -> SubScore {
        guard let otd = s.otdRate, let otif = s.otifRate else {
            return part(.delivery, nil, config.weightDelivery, [])
        }
        return part(
            .delivery,
            (points(otd, zero: config.deliveryZeroRate) + points(otif, zero: config.deliveryZeroRate)) / 2,
            config.weightDelivery,
            ["OTD \(Fmt.percent(otd))", "OTIF \(Fmt.percent(otif))"])
    }

    /// Points of the share of judged messages answered within the SLA (0 at `responsivenessZeroRate`).
    func responsiveness(_ s: SupplierScore) -> SubScore {
        guard let w = s.withinSLARate else {
            return part(.responsiveness, nil, config.weightResponsiveness, [])
        }
        return part(
            .responsiveness, points(w, zero: config.responsivenessZeroRate), config.weightResponsiveness,
            ["\(Fmt.percent(w)) within SLA"])
    }

    /// 100 − priority-position risk score; no data when the risk is `insufficient_data` or not computed.
    func risk(_ s: SupplierScore) -> SubScore {
        guard let r = s.riskScore, s.riskLevel != .insufficientData else {
            return part(.risk, nil, config.weightRisk, [])
        }
        let v = min(100, max(0, 100 - r))
        return part(.risk, v, config.weightRisk, ["priority-position risk \(Fmt.oneDecimal(r))"])
    }

    private func part(_ p: ScorePart, _ value: Double?, _ weight: Double, _ basis: [String]) -> SubScore {
        SubScore(
            part: p, value: value, weight: weight, effectiveWeight: 0,
            basis: value == nil ? "no data" : basis.joined(separator: ", "))
    }
}
