import Domain
import Postgres
import Scoring

/// The figures the pages draw, as the run computed them (SQL/009_stored_charts.sql).
extension ResultWriter {
    public func write(charts: [ControlChartRecord]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.control_charts",
            columns: [
                "run_id", "supplier_id", "material_id", "characteristic", "unit", "lower_limit",
                "upper_limit",
                "target", "edge_lower", "edge_upper", "centre", "sigma", "ewma_lambda", "ewma_l",
                "lot_numbers",
                "lot_days", "lot_values", "verdicts", "ewma", "ewma_lower", "ewma_upper", "flagged",
            ]
        ) { writer in
            for c in charts {
                let p = c.points
                try writer.appendRow([
                    runId, c.supplierId, c.materialId, c.characteristic, c.unit, c.lowerLimit, c.upperLimit,
                    c.target, c.edgeLower, c.edgeUpper, c.centre, c.sigma, c.lambda, c.sigmaMultiple,
                    PostgresArray(p.map(\.lotNumber)), PostgresArray(p.map(\.lotDay)),
                    PostgresArray(p.map(\.value)), PostgresArray(p.map(\.verdict.rawValue)),
                    PostgresArray(p.map(\.ewma)), PostgresArray(p.map(\.ewmaLower)),
                    PostgresArray(p.map(\.ewmaUpper)), PostgresArray(p.map(\.flagged)),
                ])
            }
        }
    }

    public func write(responseMonths months: [(supplierId: String, figures: MonthlyResponseFigures)]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.response_months",
            columns: [
                "run_id", "supplier_id", "month", "messages", "answered", "unanswered_overdue", "pending",
                "median_response_hours", "within_sla_rate",
            ]
        ) { writer in
            for (supplier, m) in months {
                let f = m.figures
                try writer.appendRow([
                    runId, supplier, m.month, f.messages, f.answered, f.unansweredOverdue, f.pending,
                    f.medianResponseHours, f.withinSLARate,
                ])
            }
        }
    }

    public func write(sourcing: [MaterialSourcing]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.material_sourcing",
            columns: [
                "run_id", "material_id", "criticality", "sources", "usable_sources", "required_sources",
                "single_sourced",
            ]
        ) { writer in
            for s in sourcing {
                try writer.appendRow([
                    runId, s.materialId, s.criticality?.rawValue, s.sources, s.usableSources,
                    s.requiredSources,
                    s.singleSourced,
                ])
            }
        }
    }
}
