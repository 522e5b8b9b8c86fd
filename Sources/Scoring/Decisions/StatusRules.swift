import Domain
import Foundation

/// The figures one status is decided from, for a supplier or a supplier × material.
struct StatusFigures {
    /// Lots received in the look-back (current and baseline windows).
    var lots: Int
    /// Judged due lines in the look-back.
    var judgedLines: Int
    /// Current window.
    var otd: Double?
    var ppm: Double?
    var conformance: Double?
    /// Judged due lines and lots received in the current window: the limits need enough of them.
    var currentLines: Int
    var currentLots: Int
    /// The scorer's flags concerning this scope (exposure flags are not about performance: left out).
    var flags: [Flag]
}

/// in_qualification → probation → conditional → qualified, first match wins. Limits in `DecisionConfig`.
struct StatusRules {
    var config: DecisionConfig

    static let exposureKinds: Set<FlagKind> = [.singleSource, .scaleUpCostGap, .scaleUpLeadTimeGap]

    func recommend(_ f: StatusFigures, supplierId: String, materialId: String?) -> StatusRecommendation {
        let flags = f.flags.filter { !Self.exposureKinds.contains($0.kind) }
        let critical = Self.summaries(flags.filter { $0.severity == .critical })
        let warnings = Self.summaries(flags.filter { $0.severity == .warning })
        func result(_ s: SupplierStatus, _ reasons: [String]) -> StatusRecommendation {
            StatusRecommendation(supplierId: supplierId, materialId: materialId, status: s, reasons: reasons)
        }

        if f.lots < config.qualificationMinLots || f.judgedLines < config.qualificationMinDueLines {
            let head =
                "\(f.lots) \(f.lots == 1 ? "lot" : "lots") and \(f.judgedLines) judged due "
                + "\(f.judgedLines == 1 ? "line" : "lines") in the look-back (qualification needs "
                + "\(config.qualificationMinLots) and \(config.qualificationMinDueLines))"
            return result(.inQualification, [head] + critical)
        }

        // Too small a sample judges nothing: OTD 50 % over two lines is a coin toss, not a finding.
        let otdJudged = f.currentLines >= config.limitsMinDueLines
        let lotsJudged = f.currentLots >= config.limitsMinLots
        let otd = otdJudged ? f.otd : nil
        let ppm = lotsJudged ? f.ppm : nil
        let conformance = lotsJudged ? f.conformance : nil

        var probation = critical
        if let otd, otd < config.probationOTD {
            probation.append("OTD \(Fmt.percent(otd)) (probation below \(Fmt.percent(config.probationOTD)))")
        }
        if let ppm, ppm > config.probationPPM {
            probation.append("PPM \(Fmt.number(ppm)) (probation above \(Fmt.number(config.probationPPM)))")
        }
        if let c = conformance, c < config.probationConformance {
            probation.append(
                "CoA conformance \(Fmt.percent(c)) (probation below \(Fmt.percent(config.probationConformance)))"
            )
        }
        if !probation.isEmpty { return result(.probation, probation) }

        var conditional = warnings
        if let otd, otd < config.conditionalOTD {
            conditional.append("OTD \(Fmt.percent(otd)) (below \(Fmt.percent(config.conditionalOTD)))")
        }
        if let ppm, ppm > config.conditionalPPM {
            conditional.append("PPM \(Fmt.number(ppm)) (above \(Fmt.number(config.conditionalPPM)))")
        }
        if let c = conformance, c < config.conditionalConformance {
            conditional.append(
                "CoA conformance \(Fmt.percent(c)) (below \(Fmt.percent(config.conditionalConformance)))")
        }
        if !conditional.isEmpty { return result(.conditional, conditional) }

        var good: [String] = []
        let lines = "\(f.currentLines) \(f.currentLines == 1 ? "line" : "lines")"
        let lots = "\(f.currentLots) \(f.currentLots == 1 ? "lot" : "lots")"
        let few = "too few to judge"
        good.append(
            f.otd.map { "OTD \(Fmt.percent($0))" + (otdJudged ? "" : " over \(lines) (\(few))") }
                ?? "OTD no data")
        good.append(
            f.ppm.map { "PPM \(Fmt.number($0))" + (lotsJudged ? "" : " over \(lots) (\(few))") }
                ?? "PPM no data")
        good.append(
            f.conformance.map {
                "CoA conformance \(Fmt.percent($0))" + (lotsJudged ? "" : " over \(lots) (\(few))")
            }
                ?? "CoA conformance no data")
        good.append("no open flags")
        return result(.qualified, good)
    }

    /// One short phrase per flag kind and material, e.g. "2 out-of-tolerance lots of MAT-0031".
    static func summaries(_ flags: [Flag]) -> [String] {
        var order: [String] = []
        var groups: [String: [Flag]] = [:]
        let ranked = flags.sorted(by: Flag.deterministicOrder).sorted { rank($0.kind) < rank($1.kind) }
        for f in ranked {
            let key = f.kind.rawValue + "|" + (f.materialId ?? "")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(f)
        }
        return order.compactMap { key in
            guard let group = groups[key], let first = group.first else { return nil }
            let of = first.materialId.map { " of \($0)" } ?? ""
            let on = first.materialId.map { " on \($0)" } ?? ""
            switch first.kind {
            case .outOfTolerance:
                let lots = Set(group.flatMap(Self.lotNumbers))
                let n = lots.isEmpty ? group.count : lots.count
                return "\(n) out-of-tolerance \(n == 1 ? "lot" : "lots")\(of)"
            case .edgeOfToleranceDrift:
                let chars = group.compactMap(\.characteristic).sorted().joined(separator: ", ")
                return "\(chars.isEmpty ? "a characteristic" : chars)\(of) drifting toward a limit"
            case .missingCoA:
                let n = group.reduce(0) { $0 + Self.evidenceLots($1).count }
                return n > 0
                    ? "\(n) \(n == 1 ? "lot" : "lots")\(of) without a CoA in time" : "missing CoAs\(on)"
            case .coaRejected: return "rejected CoAs\(on)"
            case .coaCredibility: return "doubtful CoAs\(on)"
            case .slowResponse:
                guard case .object(let e) = first.evidence,
                    case .number(let median)? = e["median_response_hours"]
                else { return "slow responses" }
                return "slow responses (median \(Fmt.hours(median)))"
            case .priorityPositionRisk:
                guard case .object(let e) = first.evidence, case .string(let level)? = e["level"] else {
                    return "priority-position risk"
                }
                let score = e["score"].flatMap { v -> String? in
                    guard case .number(let n) = v else { return nil }
                    return " (score \(Fmt.oneDecimal(n)))"
                }
                return "priority-position risk \(level)\(score ?? "")"
            default: return first.kind.rawValue.replacingOccurrences(of: "_", with: " ") + on
            }
        }
    }

    /// Lot findings first, then CoA trust, then delivery and responsiveness (a stable sort keeps the
    /// deterministic order within a kind).
    private static func rank(_ kind: FlagKind) -> Int {
        let order: [FlagKind] = [
            .outOfTolerance, .edgeOfToleranceDrift, .coaCredibility, .coaRejected, .missingCoA,
            .priorityPositionRisk, .slowResponse,
        ]
        return order.firstIndex(of: kind) ?? order.count
    }

    private static func evidenceLots(_ flag: Flag) -> [JSONValue] {
        guard case .object(let o) = flag.evidence, case .array(let lots)? = o["lots"] else { return [] }
        return lots
    }

    private static func lotNumbers(_ flag: Flag) -> [String] {
        evidenceLots(flag).compactMap { lot in
            guard case .object(let l) = lot, case .string(let n)? = l["lot_number"] else { return nil }
            return n
        }
    }
}
