import Domain
import Foundation
import Postgres
import Scoring

/// Writes one run's results with COPY. Call inside the run's results transaction.
public struct ResultWriter {
    let connection: PostgresConnection
    let runId: Int64

    public init(_ connection: PostgresConnection, runId: Int64) {
        self.connection = connection
        self.runId = runId
    }

    public func write(scores: [(score: SupplierScore, decision: SupplierDecision)], names: [String: String])
        throws
    {
        _ = try connection.copyIn(
            table: "scorecard_store.supplier_scores",
            columns: [
                "run_id", "supplier_id", "supplier_name", "due_lines", "otd_rate", "otif_rate",
                "avg_days_late",
                "lots_received", "received_quantity", "defective_quantity", "ppm", "lot_rejection_rate",
                "coa_results", "coa_conformance_rate", "coa_edge_rate", "missing_coa_lots", "messages",
                "median_response_hours", "within_sla_rate", "unanswered_overdue", "open_lines", "late_lines",
                "repromise_rate", "avg_days_moved", "median_confirmation_hours", "avg_lead_time_days",
                "avg_quoted_lead_time_days", "lead_time_cv", "rejected_lots", "unlinked_defects",
                "pending_coa_lots",
                "answered_messages", "pending_messages", "unanswered_share", "priority_risk_score",
                "priority_risk_level", "overall_score", "grade", "score_parts", "score_note",
                "recommended_status",
                "status_reasons", "scale_up_ready", "action", "ready_materials", "verdict_risk",
                "uncapped_score",
            ]
        ) { writer in
            for (s, d) in scores {
                try writer.appendRow([
                    runId, s.supplierId, names[s.supplierId] ?? s.supplierId, s.dueLines, s.otdRate,
                    s.otifRate,
                    s.avgDaysLate, s.lotsReceived, s.receivedQuantity, s.defectiveQuantity, s.ppm,
                    s.lotRejectionRate, s.coaResults, s.coaConformanceRate, s.coaEdgeRate, s.missingCoALots,
                    s.messages, s.medianResponseHours, s.withinSLARate, s.unansweredOverdue, s.openLines,
                    s.lateLines, s.repromiseRate, s.avgDaysMoved, s.medianConfirmationHours,
                    s.avgLeadTimeDays,
                    s.avgQuotedLeadTimeDays, s.leadTimeCV, s.rejectedLots, s.unlinkedDefects,
                    s.pendingCoALots,
                    s.answeredMessages, s.pendingMessages, s.unansweredShare, s.riskScore,
                    s.riskLevel?.rawValue, d.overall.score, d.overall.grade?.rawValue,
                    d.overall.partsJSON.jsonText,
                    d.overall.note, d.status.status.rawValue, d.status.reasonsJSON.jsonText,
                    !d.readyMaterials.isEmpty, d.status.action,
                    JSONValue.array(d.readyMaterials.map { .string($0) }).jsonText, d.risk.rawValue,
                    d.overall.uncappedScore,
                ])
            }
        }
    }

    public func write(flags: [Flag]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.flags",
            columns: [
                "run_id", "flag_id", "supplier_id", "material_id", "characteristic", "kind", "severity",
                "message",
                "evidence",
            ]
        ) { writer in
            for (index, flag) in flags.enumerated() {
                let evidence = flag.evidence.jsonText
                try writer.appendRow([
                    runId, index + 1, flag.supplierId, flag.materialId, flag.characteristic,
                    flag.kind.rawValue,
                    flag.severity.rawValue, flag.message, evidence,
                ])
            }
        }
    }

    public func write(capabilities: [CharacteristicCapability]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.characteristic_capability",
            columns: [
                "run_id", "supplier_id", "material_id", "characteristic", "unit", "lower_limit",
                "upper_limit", "lots",
                "first_lot_day", "last_lot_day", "baseline_n", "baseline_mean", "baseline_sd", "baseline_cp",
                "baseline_cpk", "recent_n", "recent_mean", "recent_sd", "recent_cp", "recent_cpk",
                "sigma_used",
                "edge_share_baseline", "edge_share_recent", "monitored", "ewma", "ewma_lower_limit",
                "ewma_upper_limit", "ewma_signal_lot", "trend_signal_lot", "edge_share_signal",
                "drift_direction",
                "recent_slope_per_lot", "projected_lots_to_limit", "drift_p_value", "drift_test",
                "drift_shift_sigmas",
            ]
        ) { writer in
            for c in capabilities {
                try writer.appendRow([
                    runId, c.supplierId, c.materialId, c.characteristic, c.unit, c.lowerLimit, c.upperLimit,
                    c.lots,
                    c.firstLotDay, c.lastLotDay, c.baseline.n, c.baseline.mean, c.baseline.sd, c.baseline.cp,
                    c.baseline.cpk, c.recent.n, c.recent.mean, c.recent.sd, c.recent.cp, c.recent.cpk,
                    c.sigmaUsed,
                    c.edgeShareBaseline, c.edgeShareRecent, c.monitored, c.ewma, c.ewmaLowerLimit,
                    c.ewmaUpperLimit, c.ewmaSignalLot, c.trendSignalLot, c.edgeShareSignal,
                    c.driftDirection?.rawValue, c.recentSlopePerLot, c.projectedLotsToLimit, c.driftPValue,
                    c.driftTest?.rawValue, c.driftShiftSigmas,
                ])
            }
        }
    }

    public func write(monthly: [(supplierId: String, figures: MonthlyDeliveryFigures)]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.delivery_months",
            columns: [
                "run_id", "supplier_id", "month", "due_lines", "otd_rate", "otif_rate", "avg_days_late",
            ]
        ) { writer in
            for (supplier, m) in monthly {
                try writer.appendRow([
                    runId, supplier, m.month, m.dueLines, m.otdRate, m.otifRate, m.avgDaysLate,
                ])
            }
        }
    }

    public func write(orderSizes: [(supplierId: String, figures: OrderSizeFigures)]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.delivery_order_sizes",
            columns: ["run_id", "supplier_id", "bucket", "label", "lines", "otd_rate", "avg_days_late"]
        ) { writer in
            for (supplier, o) in orderSizes {
                try writer.appendRow([runId, supplier, o.bucket, o.label, o.lines, o.otdRate, o.avgDaysLate])
            }
        }
    }

    /// One row of `scorecard_store.material_decisions`, its jsonb columns already as JSON text: built by
    /// ``rows(of:)`` on the scoring threads (the 40 MB of JSON a large night writes), sent by
    /// ``write(materialDecisions:)``.
    public struct MaterialDecisionRow: Sendable {
        var supplierId: String
        var materialId: String
        var status: String?
        var statusReasons: String
        var scaleUpReady: Bool?
        var readinessConditions: String?
        var inspectionLevel: String?
        var skipLotCandidate: Bool?
        var switchingScore: Int?
        var inspectionReasons: String?
        var inspectionSteps: String?
        var action: String?
        var readinessState: String?
    }

    /// Per material of one supplier's decision: status, readiness and inspection level, joined by material.
    public static func rows(of d: SupplierDecision) -> [MaterialDecisionRow] {
        let statuses = Dictionary(
            d.materialStatuses.compactMap { s in s.materialId.map { ($0, s) } },
            uniquingKeysWith: { a, _ in a })
        let readiness = Dictionary(d.readiness.map { ($0.materialId, $0) }, uniquingKeysWith: { a, _ in a })
        let inspection = Dictionary(d.inspection.map { ($0.materialId, $0) }, uniquingKeysWith: { a, _ in a })
        return Set(statuses.keys).union(readiness.keys).union(inspection.keys).sorted().map { material in
            let s = statuses[material]
            let r = readiness[material]
            let i = inspection[material]
            return MaterialDecisionRow(
                supplierId: d.supplierId, materialId: material, status: s?.status.rawValue,
                statusReasons: (s?.reasonsJSON ?? .array([])).jsonText, scaleUpReady: r?.ready,
                readinessConditions: r.map(\.conditionsJSON.jsonText), inspectionLevel: i?.level.rawValue,
                skipLotCandidate: i?.skipLotCandidate, switchingScore: i?.switchingScore,
                inspectionReasons: i.map { JSONValue.array($0.reasons.map { .string($0) }).jsonText },
                inspectionSteps: i.map(\.stepsJSON.jsonText), action: s?.action,
                readinessState: r?.state.rawValue)
        }
    }

    /// Per supplier and material: status, readiness and inspection level (rows from ``rows(of:)``).
    public func write(materialDecisions rows: [MaterialDecisionRow]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.material_decisions",
            columns: [
                "run_id", "supplier_id", "material_id", "recommended_status", "status_reasons",
                "scale_up_ready",
                "readiness_conditions", "inspection_level", "skip_lot_candidate", "switching_score",
                "inspection_reasons", "inspection_steps", "action", "readiness_state",
            ]
        ) { writer in
            for row in rows {
                try writer.appendRow { fields in
                    try fields.append(runId)
                    try fields.append(row.supplierId)
                    try fields.append(row.materialId)
                    try fields.append(row.status)
                    try fields.append(row.statusReasons)
                    try fields.append(row.scaleUpReady)
                    try fields.append(row.readinessConditions)
                    try fields.append(row.inspectionLevel)
                    try fields.append(row.skipLotCandidate)
                    try fields.append(row.switchingScore)
                    try fields.append(row.inspectionReasons)
                    try fields.append(row.inspectionSteps)
                    try fields.append(row.action)
                    try fields.append(row.readinessState)
                }
            }
        }
    }

    public func write(statusChanges changes: [StatusChange]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.status_changes",
            columns: ["run_id", "supplier_id", "material_id", "from_status", "to_status", "line"]
        ) { writer in
            for c in changes {
                try writer.appendRow([
                    runId, c.supplierId, c.materialId, c.from.rawValue, c.to.rawValue, c.line,
                ])
            }
        }
    }
}
