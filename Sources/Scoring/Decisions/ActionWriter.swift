import Domain

/// "What to do" for a verdict that is not qualified: one plain sentence derived from its findings, in
/// the order the reasons list them.
struct ActionWriter {
    var supplierId: String

    func action(for status: StatusRecommendation) -> String? {
        let scope = status.materialId.map { "\($0) from \(supplierId)" } ?? "\(supplierId)"
        let steps = Self.unique(status.findings.compactMap(step))
        switch status.status {
        case .qualified: return nil
        case .inQualification:
            let what = status.materialId.map { "\(supplierId) for \($0)" } ?? supplierId
            let head =
                "Keep qualifying \(what): no volume orders until it has the lots and lines qualification needs"
            return sentence([head] + steps)
        case .conditional:
            let head =
                status.materialId.map { "Do not raise volume of \($0) with \(supplierId) yet" }
                ?? "Do not raise volume with \(supplierId) yet"
            return sentence([head] + steps + ["review at the next run"])
        case .probation:
            let tighten =
                status.materialId.map { "tighten inspection of \($0) to 100 % of lots" }
                ?? "tighten inspection of the materials on probation to 100 % of lots"
            return sentence(["Hold scale-up orders for \(scope)"] + steps + [tighten])
        }
    }

    /// The step a finding asks for.
    func step(_ f: Finding) -> String? {
        let of = f.materialId.map { " of \($0)" } ?? ""
        let s = supplierId
        switch f.kind {
        case .qualification: return nil
        case .otd: return "ask \(s) for a delivery recovery plan and expedite the open lines\(of)"
        case .ppm, .lotRejection:
            return "ask \(s) for a corrective action (8D) on the defects\(of) and sort incoming lots"
        case .conformance: return "ask \(s) for a corrective action on the nonconforming CoA results\(of)"
        case .capability:
            let c = f.characteristic.map { " for \($0)" } ?? ""
            return "ask \(s) for a capability improvement plan\(c)\(of)"
        case .flag(let kind):
            switch kind {
            case .outOfTolerance:
                return
                    "quarantine the failing lots\(of) and ask \(s) for a root cause and corrective action (8D)"
            case .edgeOfToleranceDrift:
                let c = f.characteristic ?? "the drifting characteristic"
                return
                    "ask \(s) for the \(c) trend\(of) and any process or raw-material change since it began"
            case .missingCoA:
                return "ask \(s) for the missing CoAs\(of) and hold those lots until they arrive"
            case .coaRejected: return "ask \(s) to resend the rejected CoAs in the agreed format"
            case .coaCredibility:
                return "test the next lots\(of) in our own lab and ask \(s) for the raw data behind its CoAs"
            case .slowResponse:
                return
                    "escalate the unanswered messages to \(s)'s account manager and agree answers within the SLA"
            case .priorityPositionRisk:
                return "confirm \(s)'s capacity and allocation for our volume orders before placing more"
            case .scaleUpCostGap, .scaleUpLeadTimeGap:
                return "renegotiate the volume tier\(of) with \(s) before scale-up"
            case .singleSource: return "qualify a second source\(of)"
            }
        }
    }

    private func sentence(_ parts: [String]) -> String {
        parts.joined(separator: "; ") + "."
    }

    private static func unique(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }
}
