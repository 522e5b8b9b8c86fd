import Domain
import Postgres
import Scoring

/// The figures the pages draw, as the run computed them (SQL/009_stored_charts.sql).
extension ResultWriter {
    public func write(charts: [ControlChartRecord]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.control_charts",
            columns: ChartColumn.self
        ) { writer in
            for c in charts {
                let p = c.points
                try writer.appendRow { row in
                    try row.append(runId, ChartColumn.runId)
                    try row.append(c.supplierId, ChartColumn.supplierId)
                    try row.append(c.materialId, ChartColumn.materialId)
                    try row.append(c.characteristic, ChartColumn.characteristic)
                    try row.append(c.unit, ChartColumn.unit)
                    try row.append(c.lowerLimit, ChartColumn.lowerLimit)
                    try row.append(c.upperLimit, ChartColumn.upperLimit)
                    try row.append(c.target, ChartColumn.target)
                    try row.append(c.edgeLower, ChartColumn.edgeLower)
                    try row.append(c.edgeUpper, ChartColumn.edgeUpper)
                    try row.append(c.centre, ChartColumn.centre)
                    try row.append(c.sigma, ChartColumn.sigma)
                    try row.append(c.lambda, ChartColumn.ewmaLambda)
                    try row.append(c.sigmaMultiple, ChartColumn.ewmaL)
                    try row.append(PostgresArray(p.map(\.lotNumber)), ChartColumn.lotNumbers)
                    try row.append(PostgresArray(p.map(\.lotDay)), ChartColumn.lotDays)
                    try row.append(PostgresArray(p.map(\.value)), ChartColumn.lotValues)
                    try row.append(PostgresArray(p.map(\.verdict.rawValue)), ChartColumn.verdicts)
                    try row.append(PostgresArray(p.map(\.ewma)), ChartColumn.ewma)
                    try row.append(PostgresArray(p.map(\.ewmaLower)), ChartColumn.ewmaLower)
                    try row.append(PostgresArray(p.map(\.ewmaUpper)), ChartColumn.ewmaUpper)
                    try row.append(PostgresArray(p.map(\.flagged)), ChartColumn.flagged)
                }
            }
        }
    }

    public func write(responseMonths months: [(supplierId: String, figures: MonthlyResponseFigures)]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.response_months",
            columns: ResponseMonthColumn.self
        ) { writer in
            for (supplier, m) in months {
                let f = m.figures
                try writer.appendRow { row in
                    try row.append(runId, ResponseMonthColumn.runId)
                    try row.append(supplier, ResponseMonthColumn.supplierId)
                    try row.append(m.month, ResponseMonthColumn.month)
                    try row.append(f.messages, ResponseMonthColumn.messages)
                    try row.append(f.answered, ResponseMonthColumn.answered)
                    try row.append(f.unansweredOverdue, ResponseMonthColumn.unansweredOverdue)
                    try row.append(f.pending, ResponseMonthColumn.pending)
                    try row.append(f.medianResponseHours, ResponseMonthColumn.medianResponseHours)
                    try row.append(f.withinSLARate, ResponseMonthColumn.withinSlaRate)
                }
            }
        }
    }

    public func write(sourcing: [MaterialSourcing]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.material_sourcing",
            columns: SourcingColumn.self
        ) { writer in
            for s in sourcing {
                try writer.appendRow { row in
                    try row.append(runId, SourcingColumn.runId)
                    try row.append(s.materialId, SourcingColumn.materialId)
                    try row.append(s.criticality?.rawValue, SourcingColumn.criticality)
                    try row.append(s.sources, SourcingColumn.sources)
                    try row.append(s.usableSources, SourcingColumn.usableSources)
                    try row.append(s.requiredSources, SourcingColumn.requiredSources)
                    try row.append(s.singleSourced, SourcingColumn.singleSourced)
                }
            }
        }
    }
}
