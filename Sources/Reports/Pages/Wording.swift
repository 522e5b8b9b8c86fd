import Domain
import ReportModel

/// Plain names for stored codes, used where templates show them.
enum Wording {
    static func flagKind(_ kind: FlagKind) -> String {
        switch kind {
        case .priorityPositionRisk: "Priority-position risk"
        case .edgeOfToleranceDrift: "Drift toward a tolerance limit"
        case .outOfTolerance: "Out of tolerance"
        case .missingCoA: "Missing CoA"
        case .coaRejected: "CoA rejected"
        case .coaCredibility: "CoA credibility"
        case .singleSource: "Single source"
        case .scaleUpCostGap: "Scale-up cost gap"
        case .scaleUpLeadTimeGap: "Scale-up lead-time gap"
        case .slowResponse: "Slow response"
        }
    }

    /// `in_qualification` → "in qualification"; a decision not made reads "not assessed" ("no data" is
    /// kept for figures with nothing to measure).
    static func code(_ code: String?) -> String {
        guard let code, !code.isEmpty else { return "not assessed" }
        return code.replacingOccurrences(of: "_", with: " ")
    }

    /// Supplier-level readiness as the materials it holds for, never a bare yes.
    static func readiness(ready: [String], of materials: Int) -> String {
        guard materials > 0 else { return "not assessed" }
        let all = materials == 1 ? "its one material" : "any of its \(materials) materials"
        guard !ready.isEmpty else { return "not ready for volume with \(all)" }
        return "ready for volume with \(ready.joined(separator: ", ")) (\(ready.count) of \(materials))"
    }

    static func readiness(_ ready: Bool?) -> String {
        switch ready {
        case .some(true): "ready for volume"
        case .some(false): "not ready for volume"
        case .none: "not assessed"
        }
    }
}
