import Domain
import ReportModel

/// Plain names for stored codes, used where templates show them: a buyer reads these, the codes stay in
/// the quality engineer's details.
enum Wording {
    /// A flag's heading, in a buyer's words.
    static func flagKind(_ kind: FlagKind) -> String {
        switch kind {
        case .priorityPositionRisk: "Our orders may be losing priority at this supplier"
        case .edgeOfToleranceDrift: "Results drifting toward a specification limit"
        case .outOfTolerance: "Results outside the specification"
        case .missingCoA: "Deliveries without a certificate of analysis"
        case .coaRejected: "Certificates we could not accept"
        case .coaCredibility: "Certificates that look implausible"
        case .singleSource: "Only one usable source for a critical material"
        case .scaleUpCostGap: "Volume price well above what we pay today"
        case .scaleUpLeadTimeGap: "Volume lead time well above what we wait today"
        case .slowResponse: "Slow answers to our messages"
        }
    }

    /// One sentence under the heading: what the finding means for the buyer.
    static func flagMeaning(_ kind: FlagKind) -> String {
        switch kind {
        case .priorityPositionRisk:
            "Deliveries got later while our order volume grew, especially for large orders: check open orders and confirm dates."
        case .edgeOfToleranceDrift:
            "Lots are still within the specification, but the trend is heading for a limit: ask for the cause before a lot fails."
        case .outOfTolerance:
            "At least one lot failed the specification: block or inspect the affected lots."
        case .missingCoA:
            "Lots arrived without the certificate that proves their quality: ask the supplier to send them."
        case .coaRejected:
            "Certificates arrived that could not be read or matched: ask the supplier to resend them."
        case .coaCredibility:
            "The reported results vary too little or repeat exactly, which real measurements rarely do: ask for raw data."
        case .singleSource:
            "If this supplier fails, the material has no approved alternative: qualify a second source."
        case .scaleUpCostGap:
            "The quoted price for larger volumes is far above what small orders cost: negotiate before scaling up."
        case .scaleUpLeadTimeGap:
            "The quoted lead time for larger volumes is far longer than today's: plan stock before scaling up."
        case .slowResponse:
            "Our questions wait too long for an answer: escalate to the account manager."
        }
    }

    /// A recommended status in words, as a decision ("put on probation").
    static func statusDecision(_ status: String?) -> String {
        switch status {
        case "probation": "put on probation"
        case "conditional": "keep conditional"
        case "in_qualification": "still in qualification"
        case "qualified": "qualified"
        default: "not assessed"
        }
    }

    /// A risk level with what it is about: "delivery-priority risk: high".
    static func deliveryPriorityRisk(_ level: String?) -> String {
        switch level {
        case "insufficient_data", nil: "delivery-priority risk: too few orders to judge"
        case let level?: "delivery-priority risk: " + code(level)
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

    /// The kind of problem a stored rejection reason names, for the one-line summary per supplier; the
    /// reason itself stays beside each file. Read from the reason's opening words, which the intake writes.
    static func rejectionKind(_ reason: String) -> String {
        let text = reason.lowercased()
        let kinds: [(prefixes: [String], kind: String)] = [
            (["not well-formed", "the document has no root", "not readable as utf-8"], "malformed"),
            (
                [
                    "unsafe xml", "too deeply nested", "too many ", "too large",
                    "over the time budget",
                ],
                "unsafe or oversized"
            ),
            (
                ["not valid against", "cannot validate", "profile '", "the document contains no results"],
                "not in the agreed format"
            ),
            (["same bytes as"], "duplicate"),
            (["no unit reported", "the value carries the unit"], "unit problem"),
        ]
        for (prefixes, kind) in kinds where prefixes.contains(where: { text.hasPrefix($0) }) { return kind }
        if text.hasPrefix("file is ") && text.contains("byte limit") { return "unsafe or oversized" }
        if text.hasPrefix("material ") && text.contains("not in procurement.materials") {
            return "unknown material"
        }
        if text.contains("not an approved source") { return "not an approved source" }
        if text.contains("specification") { return "no specification in force" }
        if text.contains("lot") { return "unknown lot" }
        return "other problem"
    }
}

extension Wording {
    /// A stored reason in a buyer's words: the risk is named by what it is about, and its 0–100 figure
    /// says which end is bad (a supplier score of 100 is best, a risk of 100 is worst).
    static func plain(_ reason: String) -> String {
        guard reason.contains("priority-position risk") else { return reason }
        return reason.replacingOccurrences(of: "priority-position risk", with: "delivery-priority risk")
            .replacingOccurrences(of: "(score ", with: "(0–100, higher is worse: ")
    }
}
