import Domain

/// The rules that make one verdict out of the separate decisions, so that status, readiness,
/// inspection, grade and risk cannot disagree (docs/decisions.md, "One verdict"):
///
/// - the supplier's status is the worst of its own figures and flags and of its materials' statuses;
/// - a material is ready for volume only when it is qualified, the supplier is not on probation, and no
///   warning or critical flag is open on it or on the supplier as a whole (`single_source` excepted);
/// - probation or an open critical flag on a material tightens its inspection and rules out reduced and
///   skip-lot; conditional or an open warning rules out reduced and skip-lot;
/// - the score is capped by the status: probation or an open critical flag at the top of grade C,
///   conditional at the top of grade B.
struct VerdictRules {
    var config: DecisionConfig

    /// Ordered so that `max` is the worst for the supplier as a whole.
    static func rank(_ s: SupplierStatus) -> Int {
        switch s {
        case .inQualification: 0
        case .qualified: 1
        case .conditional: 2
        case .probation: 3
        }
    }

    /// The supplier's status: its own (whole-supplier figures and every flag) unless a material is
    /// worse, whose findings then join the reasons, named by material.
    func supplierStatus(own: StatusRecommendation, materials: [StatusRecommendation]) -> StatusRecommendation
    {
        guard own.status != .inQualification else { return own }
        let worst = materials.max { Self.rank($0.status) < Self.rank($1.status) }
        guard let worst, Self.rank(worst.status) > Self.rank(own.status) else { return own }
        var out = own
        out.status = worst.status
        let lifted = materials.filter { $0.status == worst.status }.flatMap { m in
            m.findings.map { f in
                var f = f
                if let material = m.materialId, !f.text.contains(material) {
                    f.text = "\(material): \(f.text)"
                }
                return f
            }
        }
        let known = Set(own.findings.map(\.text))
        let added = lifted.filter { !known.contains($0.text) }
        out.findings = added + (own.status == .qualified ? [] : own.findings)
        out.reasons = out.findings.map(\.text)
        return out
    }

    /// The flags that concern a material's verdict: its own and the supplier's flags without a material.
    static func concerning(_ flags: [Flag], material: String) -> [Flag] {
        flags.filter { $0.materialId == material || $0.materialId == nil }
    }

    /// The two readiness conditions that tie readiness to the verdict.
    func gates(
        material: String, status: StatusRecommendation, supplier: StatusRecommendation, flags: [Flag]
    ) -> [ReadinessCondition] {
        let statusCondition: ReadinessCondition
        switch (supplier.status, status.status) {
        case (.probation, _):
            statusCondition = ReadinessCondition(
                key: "qualified", state: .notMet,
                detail: "the supplier is on probation: " + supplier.reasons.prefix(3).joined(separator: ", "))
        case (_, .qualified):
            statusCondition = ReadinessCondition(
                key: "qualified", state: .met, detail: "\(material) qualified")
        case (_, .inQualification):
            statusCondition = ReadinessCondition(
                key: "qualified", state: .noData,
                detail: "\(material) in qualification: " + status.reasons.prefix(1).joined())
        case (_, let s):
            statusCondition = ReadinessCondition(
                key: "qualified", state: .notMet,
                detail: "\(material) \(s.rawValue): " + status.reasons.prefix(3).joined(separator: ", "))
        }
        let open = Self.concerning(flags, material: material).filter {
            $0.kind != .singleSource && $0.severity >= .warning
        }
        let flagCondition =
            open.isEmpty
            ? ReadinessCondition(
                key: "no_open_flags", state: .met,
                detail:
                    "no warning or critical flag open on \(material) or the supplier (single source aside)")
            : ReadinessCondition(
                key: "no_open_flags", state: .notMet,
                detail: "open: " + StatusRules.summaries(open).joined(separator: ", "))
        return [statusCondition, flagCondition]
    }

    /// Inspection as the verdict allows it.
    func inspection(_ i: InspectionRecommendation, status: StatusRecommendation, flags: [Flag])
        -> InspectionRecommendation
    {
        var out = i
        let worst = flags.filter {
            $0.materialId == i.materialId && !StatusRules.exposureKinds.contains($0.kind)
        }
        .map(\.severity).max()
        let why = status.reasons.first.map { ": \($0)" } ?? ""
        if status.status == .probation || worst == .critical {
            if i.level == .normal || i.level == .reduced {
                out.level = .tightened
                out.reasons.append(
                    "tightened, not \(i.level.rawValue), while on probation or a critical flag is open\(why)")
            }
            out.skipLotCandidate = false
        } else if status.status == .conditional || worst == .warning {
            if i.level == .reduced {
                out.level = .normal
                out.reasons.append("normal, not reduced, while conditional\(why)")
            }
            if i.skipLotCandidate { out.reasons.append("no skip-lot while conditional") }
            out.skipLotCandidate = false
        } else if status.status == .inQualification {
            if i.skipLotCandidate { out.reasons.append("no skip-lot in qualification") }
            out.skipLotCandidate = false
        }
        return out
    }

    /// The score capped by the status and open critical flags; the cap is said in the note.
    func capped(_ score: OverallScore, status: SupplierStatus, flags: [Flag]) -> OverallScore {
        guard let value = score.score else { return score }
        let critical = flags.contains {
            $0.severity == .critical && !StatusRules.exposureKinds.contains($0.kind)
        }
        let cap: (limit: Double, grade: OverallScore.Grade, why: String)?
        if status == .probation || critical {
            cap = (config.gradeB - 0.1, .c, status == .probation ? "probation" : "an open critical flag")
        } else if status == .conditional {
            cap = (config.gradeA - 0.1, .b, "conditional status")
        } else {
            cap = nil
        }
        guard let cap, value > cap.limit || (score.grade.map { $0.rawValue < cap.grade.rawValue } ?? false)
        else { return score }
        var out = score
        out.uncappedScore = value
        out.score = min(value, (cap.limit * 10).rounded(.down) / 10)
        let graded = OverallScoring(config: config).grade(out.score ?? value)
        out.grade = graded.rawValue < cap.grade.rawValue ? cap.grade : graded
        let capNote =
            "capped at \(Fmt.oneDecimal(out.score ?? value)) (grade \(cap.grade.rawValue) at best) by "
            + "\(cap.why); \(Fmt.oneDecimal(value)) uncapped"
        out.note = [score.note, capNote].compactMap { $0 }.joined(separator: "; ")
        return out
    }

    /// The supplier's risk for people: the priority-position risk, raised by the open flags' severity.
    static func risk(level: RiskLevel?, flags: [Flag]) -> VerdictRisk {
        let worst = flags.filter { !StatusRules.exposureKinds.contains($0.kind) }.map(\.severity).max()
        if worst == .critical || level == .high { return .high }
        if worst == .warning || level == .medium { return .medium }
        if level == .low { return .low }
        return .unknown
    }
}

/// The verdict's risk for a supplier: `high` with a critical flag or high priority-position risk,
/// `medium` with a warning or medium risk, `low` otherwise, `unknown` without the data to say low.
public enum VerdictRisk: String, Sendable, Hashable {
    case high, medium, low, unknown
}
