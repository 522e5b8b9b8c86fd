import Domain
import Foundation
import Postgres
import Scoring

/// Writes one run's results with COPY. Call inside the run's results transaction.
public struct ResultWriter {
    private let connection: PostgresConnection
    private let runId: Int64

    public init(_ connection: PostgresConnection, runId: Int64) {
        self.connection = connection
        self.runId = runId
    }

    public func write(scores: [SupplierScore], names: [String: String]) throws {
        _ = try connection.copyIn(
            table: "scorecard.supplier_scores",
            columns: [
                "run_id", "supplier_id", "supplier_name", "due_lines", "otd_rate", "otif_rate", "avg_days_late",
                "lots_received", "received_quantity", "defective_quantity", "ppm", "lot_rejection_rate",
                "coa_results", "coa_conformance_rate", "coa_edge_rate", "missing_coa_lots", "messages",
                "median_response_hours", "within_sla_rate", "unanswered_overdue",
            ]
        ) { writer in
            for s in scores {
                try writer.appendRow([
                    runId, s.supplierId, names[s.supplierId] ?? s.supplierId, s.dueLines, s.otdRate, s.otifRate,
                    s.avgDaysLate, s.lotsReceived, s.receivedQuantity, s.defectiveQuantity, s.ppm,
                    s.lotRejectionRate, s.coaResults, s.coaConformanceRate, s.coaEdgeRate, s.missingCoALots,
                    s.messages, s.medianResponseHours, s.withinSLARate, s.unansweredOverdue,
                ])
            }
        }
    }

    public func write(flags: [Flag]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        _ = try connection.copyIn(
            table: "scorecard.flags",
            columns: [
                "run_id", "flag_id", "supplier_id", "material_id", "characteristic", "kind", "severity", "message",
                "evidence",
            ]
        ) { writer in
            for (index, flag) in flags.enumerated() {
                let evidence = String(decoding: try encoder.encode(flag.evidence), as: UTF8.self)
                try writer.appendRow([
                    runId, index + 1, flag.supplierId, flag.materialId, flag.characteristic, flag.kind.rawValue,
                    flag.severity.rawValue, flag.message, evidence,
                ])
            }
        }
    }
}
