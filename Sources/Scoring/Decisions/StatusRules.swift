import Domain
import Foundation

/// The figures one status is decided from, for a supplier or a supplier × material: counts, so that
/// every limit is judged with the sampling error of its estimate.
struct StatusFigures {
    /// Lots received in the look-back (current and baseline windows).
    var lots: Int
    /// Judged due lines in the look-back, and those on time.
    var judgedLines: Int
    var judgedOnTime = 0
    /// Current window: judged due lines and those on time.
    var currentLines: Int
    var onTimeLines: Int
    /// Current window: lots received, rejected, units received and defective, CoA results and passes.
    var currentLots: Int
    var rejectedLots: Int
    var receivedQuantity: Double
    var defectiveQuantity: Double
    var coaResults: Int
    var coaPasses: Int
    /// Cpk per characteristic over the latest lots of the look-back.
    var capabilities: [LotCapability] = []
    /// The flags concerning this scope; exposure flags are not about performance and judge nothing.
    var flags: [Flag]
}

/// in_qualification → probation → conditional → qualified, first match wins. Limits in `DecisionConfig`;
/// a limit counts as passed only when the one-sided confidence bound of the estimate is past it.
struct StatusRules {
    var config: DecisionConfig

    static let exposureKinds: Set<FlagKind> = [.singleSource, .scaleUpCostGap, .scaleUpLeadTimeGap]

    func recommend(_ f: StatusFigures, supplierId: String, materialId: String?) -> StatusRecommendation {
        let flags = f.flags.filter { !Self.exposureKinds.contains($0.kind) }
        let critical = Self.findings(flags.filter { $0.severity == .critical }, severity: .critical)
        let warnings = Self.findings(flags.filter { $0.severity == .warning }, severity: .warning)
        func result(_ s: SupplierStatus, _ findings: [Finding], _ notes: [String] = [])
            -> StatusRecommendation
        {
            StatusRecommendation(
                supplierId: supplierId, materialId: materialId, status: s,
                reasons: findings.map(\.text) + notes, findings: findings)
        }

        if f.lots < config.qualificationMinLots || f.judgedLines < config.qualificationMinDueLines {
            let head =
                "\(f.lots) \(f.lots == 1 ? "lot" : "lots") and \(f.judgedLines) judged due "
                + "\(f.judgedLines == 1 ? "line" : "lines") in the look-back (qualification needs "
                + "\(config.qualificationMinLots) and \(config.qualificationMinDueLines))"
            return result(
                .inQualification,
                [Finding(kind: .qualification, materialId: materialId, severity: .info, text: head)]
                    + critical)
        }

        let figures = FigureJudge(config: config, figures: f, materialId: materialId)
        let probation = critical + figures.findings(.critical)
        if !probation.isEmpty { return result(.probation, probation) }
        let conditional = warnings + figures.findings(.warning)
        if !conditional.isEmpty { return result(.conditional, conditional) }
        // Exposure flags judge nothing here, but the reasons must not call them absent.
        let exposure = f.flags.filter { Self.exposureKinds.contains($0.kind) }
        let scope = materialId.map { " on \($0)" } ?? ""
        let note =
            exposure.isEmpty
            ? "no open flags\(scope)"
            : "no open quality, delivery or response flags\(scope); exposure: "
                + Self.summaries(exposure).joined(separator: ", ")
        return result(.qualified, [], figures.plainFigures() + [note])
    }

    /// One finding per flag kind and material, worded as ``summaries(_:)``.
    static func findings(_ flags: [Flag], severity: Severity) -> [Finding] {
        groups(flags).compactMap { group in
            guard let first = group.first, let text = summary(group) else { return nil }
            return Finding(
                kind: .flag(first.kind), materialId: first.materialId,
                characteristic: group.compactMap(\.characteristic).sorted().first, severity: severity,
                text: text)
        }
    }

    /// One short phrase per flag kind and material, e.g. "2 out-of-tolerance lots of MAT-0031".
    static func summaries(_ flags: [Flag]) -> [String] { groups(flags).compactMap(summary) }

    /// Flags grouped by kind and material, lot findings first.
    static func groups(_ flags: [Flag]) -> [[Flag]] {
        var order: [String] = []
        var groups: [String: [Flag]] = [:]
        let ranked = flags.sorted(by: Flag.deterministicOrder).sorted { rank($0.kind) < rank($1.kind) }
        for f in ranked {
            let key = f.kind.rawValue + "|" + (f.materialId ?? "")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(f)
        }
        return order.compactMap { groups[$0] }
    }

    static func summary(_ group: [Flag]) -> String? {
        guard let first = group.first else { return nil }
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
