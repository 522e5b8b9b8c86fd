import CoA
import Domain
import Foundation
import Postgres
import Reports
import Scoring
import Store

/// Reads a committed run back from PostgreSQL into the HTML view model. Only stored numbers are shown;
/// the control charts' EWMA line is recomputed from stored lots with the stored centre and sigma through
/// the one EWMA definition in `Scoring`.
struct ReportModelLoader {
    let connection: PostgresConnection
    var chartLots = 60
    var scoring = ScoringConfig()
    var evaluator = ToleranceEvaluator()

    /// Reads the whole report of `runId`. `materialPagesReady` is called as soon as what the material
    /// pages show is read, before the suppliers' charts and deliveries, so the caller can render them
    /// meanwhile.
    func load(runId: Int64, materialPagesReady: (MaterialPagesInput) -> Void = { _ in }) throws
        -> ScorecardReport
    {
        let ledger = RunLedger(connection)
        let previousRun = try ledger.latestSucceeded(before: runId)
        // The shard intakes this run was the first to score: their documents belong to its night.
        let intakes = try ledger.intakesSinceLastNightly(before: runId)
        let run = try runInfo(runId, previous: previousRun, intakes: intakes)
        let flags = try flagsBySupplier(runId)
        let materials = try materials()
        let previous = try previousStanding(of: previousRun)
        // The suppliers' scores first, without their charts, deliveries and documents: that is all the
        // material pages need, and they are rendered while the rest is read.
        var suppliers: [SupplierReport] = []
        try connection.stream(
            """
            SELECT supplier_id, supplier_name, due_lines, otd_rate, otif_rate, avg_days_late, lots_received, ppm,
                   lot_rejection_rate, coa_conformance_rate, coa_edge_rate, missing_coa_lots, messages,
                   median_response_hours, within_sla_rate, unanswered_overdue, priority_risk_score, priority_risk_level,
                   overall_score, grade, recommended_status, status_reasons::text, scale_up_ready
            FROM scorecard_store.supplier_scores WHERE run_id = $1 ORDER BY supplier_id
            """, [runId]
        ) { row in
            let id = try row.decode(String.self, at: 0)
            let level = try row.decodeIfPresent(String.self, at: 17)
            let reasons =
                (try? JSONDecoder().decode(
                    [String].self, from: Data(try row.decode(String.self, at: 21).utf8))) ?? []
            suppliers.append(
                SupplierReport(
                    supplierId: id, name: try row.decode(String.self, at: 1),
                    overallScore: try row.decodeIfPresent(Double.self, at: 18),
                    grade: try row.decodeIfPresent(String.self, at: 19),
                    recommendedStatus: try row.decodeIfPresent(String.self, at: 20), statusReasons: reasons,
                    scaleUpReady: try row.decodeIfPresent(Bool.self, at: 22),
                    delivery: Reports.DeliveryFigures(
                        dueLines: try row.decode(Int.self, at: 2),
                        otdRate: try row.decodeIfPresent(Double.self, at: 3),
                        otifRate: try row.decodeIfPresent(Double.self, at: 4),
                        avgDaysLate: try row.decodeIfPresent(Double.self, at: 5)),
                    quality: Reports.QualityFigures(
                        lotsReceived: try row.decode(Int.self, at: 6),
                        ppm: try row.decodeIfPresent(Double.self, at: 7),
                        lotRejectionRate: try row.decodeIfPresent(Double.self, at: 8),
                        coaConformanceRate: try row.decodeIfPresent(Double.self, at: 9),
                        coaEdgeRate: try row.decodeIfPresent(Double.self, at: 10),
                        missingCoALots: try row.decode(Int.self, at: 11)),
                    responsiveness: Reports.ResponsivenessFigures(
                        messages: try row.decode(Int.self, at: 12),
                        medianResponseHours: try row.decodeIfPresent(Double.self, at: 13),
                        withinSLARate: try row.decodeIfPresent(Double.self, at: 14),
                        unansweredOverdue: try row.decode(Int.self, at: 15)),
                    priorityRisk: level.map {
                        PriorityRisk(score: try? row.decodeIfPresent(Double.self, at: 16) ?? nil, level: $0)
                    },
                    previous: previous[id], flags: flags[id] ?? []))
        }
        materialPagesReady(
            MaterialPagesInput(ScorecardReport(run: run, suppliers: suppliers, materials: materials)))
        var charts = try controlCharts(runId, asOf: run.asOf)
        var months = try monthlyDelivery(runId)
        var sizes = try orderSizes(runId)
        var documents = try documentsBySupplier(runId)
        for index in suppliers.indices {
            let id = suppliers[index].supplierId
            suppliers[index].monthlyDelivery = months.removeValue(forKey: id) ?? []
            suppliers[index].lateness = sizes.removeValue(forKey: id) ?? []
            suppliers[index].controlCharts = charts.removeValue(forKey: id) ?? []
            suppliers[index].documents = documents.removeValue(forKey: id) ?? []
        }
        return ScorecardReport(
            run: run, suppliers: suppliers, materials: materials,
            rejectedDocuments: try rejectedDocuments(runIds: [runId] + intakes))
    }

    /// The run's figures; its document counts include `intakes`, the shard intakes it was the first to
    /// score, so the page tells what the night ingested (the runs table keeps each run's own counts).
    private func runInfo(_ runId: Int64, previous: StoredRun?, intakes: [Int64]) throws -> RunInfo {
        let result = try connection.query(
            """
            SELECT r.as_of, r.status, r.started_at, r.finished_at, r.suppliers_scored,
                   r.documents_accepted + coalesce(i.accepted, 0), r.documents_rejected + coalesce(i.rejected, 0),
                   r.flags_raised, r.error
            FROM scorecard_store.runs r
            LEFT JOIN LATERAL (SELECT sum(documents_accepted)::int AS accepted, sum(documents_rejected)::int AS rejected
                               FROM scorecard_store.runs WHERE run_id = ANY($2::bigint[])) i ON true
            WHERE r.run_id = $1
            """, [runId, PostgresArray(intakes)])
        guard let row = result.first(where: { _ in true }) else { throw StoreError.missing("run \(runId)") }
        return RunInfo(
            runId: runId, asOf: try row.decode(Day.self, at: 0), status: try row.decode(String.self, at: 1),
            startedAt: try row.decode(Date.self, at: 2),
            finishedAt: try row.decodeIfPresent(Date.self, at: 3),
            counts: Reports.RunCounts(
                suppliersScored: try row.decodeIfPresent(Int.self, at: 4) ?? 0,
                documentsAccepted: try row.decodeIfPresent(Int.self, at: 5) ?? 0,
                documentsRejected: try row.decodeIfPresent(Int.self, at: 6) ?? 0,
                flagsRaised: try row.decodeIfPresent(Int.self, at: 7) ?? 0),
            previousRunId: previous?.runId, previousAsOf: previous?.asOf,
            error: try row.decodeIfPresent(String.self, at: 8))
    }

    private func flagsBySupplier(_ runId: Int64) throws -> [String: [Flag]] {
        var flags: [String: [Flag]] = [:]
        let decoder = JSONDecoder()
        try connection.stream(
            """
            SELECT supplier_id, material_id, characteristic, kind, severity, message, evidence::text
            FROM scorecard_store.flags WHERE run_id = $1 ORDER BY flag_id
            """, [runId]
        ) { row in
            guard let kind = FlagKind(rawValue: try row.decode(String.self, at: 3)),
                let severity = Severity(rawValue: try row.decode(String.self, at: 4))
            else { return }
            let evidence =
                (try? decoder.decode(JSONValue.self, from: Data(try row.decode(String.self, at: 6).utf8)))
                ?? .null
            let flag = Flag(
                supplierId: try row.decodeIfPresent(String.self, at: 0),
                materialId: try row.decodeIfPresent(String.self, at: 1),
                characteristic: try row.decodeIfPresent(String.self, at: 2), kind: kind, severity: severity,
                message: try row.decode(String.self, at: 5), evidence: evidence)
            flags[flag.supplierId ?? "", default: []].append(flag)
        }
        return flags
    }

    private func previousStanding(of previous: StoredRun?) throws -> [String: PreviousStanding] {
        var standing: [String: PreviousStanding] = [:]
        guard let previous else { return standing }
        try connection.stream(
            """
            SELECT s.supplier_id, s.priority_risk_level,
                   (SELECT count(*) FROM scorecard_store.flags f WHERE f.run_id = s.run_id AND f.supplier_id = s.supplier_id),
                   s.overall_score, s.grade, s.recommended_status
            FROM scorecard_store.supplier_scores s WHERE s.run_id = $1
            """, [previous.runId]
        ) { row in
            standing[try row.decode(String.self, at: 0)] = PreviousStanding(
                overallScore: try row.decodeIfPresent(Double.self, at: 3),
                grade: try row.decodeIfPresent(String.self, at: 4),
                recommendedStatus: try row.decodeIfPresent(String.self, at: 5),
                riskLevel: try row.decodeIfPresent(String.self, at: 1),
                flagCount: try row.decode(Int.self, at: 2))
        }
        return standing
    }

    /// One chart per stored capability series of the run, with the most recent `chartLots` lots.
    private func controlCharts(_ runId: Int64, asOf: Day) throws -> [String: [ControlChart]] {
        struct Series {
            var chart: ControlChart
            var centre: Double?
            var sigma: Double
            var signalLots: Set<String>
            var values: [(lot: String, day: Day, value: Double, verdict: Verdict, documentId: Int64)] = []
        }
        struct Key: Hashable {
            var supplierId: String
            var materialId: String
            var characteristic: String
        }
        var series: [Key: Series] = [:]
        var order: [Key] = []
        try connection.stream(
            """
            SELECT supplier_id, material_id, characteristic, unit, lower_limit, upper_limit, baseline_mean,
                   sigma_used, ewma_signal_lot, trend_signal_lot
            FROM scorecard_store.characteristic_capability WHERE run_id = $1
            ORDER BY supplier_id, material_id, characteristic
            """, [runId]
        ) { row in
            let key = Key(
                supplierId: try row.decode(String.self, at: 0),
                materialId: try row.decode(String.self, at: 1),
                characteristic: try row.decode(String.self, at: 2))
            let lower = try row.decodeIfPresent(Double.self, at: 4)
            let upper = try row.decodeIfPresent(Double.self, at: 5)
            var bands: (lower: Double?, upper: Double?) = (nil, nil)
            if lower != nil || upper != nil {
                bands = evaluator.edgeBands(
                    for: Specification(
                        materialId: "", characteristic: "", unit: "", lowerLimit: lower, upperLimit: upper,
                        validFrom: Day(daysSinceEpoch: 0)))
            }
            let chart = ControlChart(
                materialId: try row.decode(String.self, at: 1),
                characteristic: try row.decode(String.self, at: 2),
                unit: try row.decodeIfPresent(String.self, at: 3) ?? "", specLower: lower, specUpper: upper,
                edgeLower: bands.lower, edgeUpper: bands.upper,
                baselineMean: try row.decodeIfPresent(Double.self, at: 6))
            series[key] = Series(
                chart: chart, centre: chart.baselineMean, sigma: try row.decode(Double.self, at: 7),
                signalLots: Set([8, 9].compactMap { try? row.decodeIfPresent(String.self, at: $0) }))
            order.append(key)
        }
        guard !series.isEmpty else { return [:] }
        // Every lot of every charted series: the planner's nested loop probed coa_documents once per lot
        // (370,000 probes at a thousand suppliers, 2.2 s); hash joins over the accepted documents take half.
        // Inside the report's transaction (ReportPublisher), so the setting ends with it. The as-of day is a
        // parameter, not a join with the run: the join hid it from the planner, which then built its hash
        // on the 370,000 lots instead of the documents (0.66 → 0.36 s, and the first row comes sooner).
        try connection.execute("SET LOCAL enable_nestloop = off")
        defer { _ = try? connection.execute("SET LOCAL enable_nestloop = on") }
        try connection.stream(
            """
            SELECT m.supplier_id, m.material_id, m.characteristic, m.lot_number, m.lot_day, m.value_in_spec_unit,
                   m.verdict, m.document_id
            FROM scorecard_store.coa_measurements m
            JOIN scorecard_store.coa_documents d USING (document_id)
            JOIN scorecard_store.characteristic_capability c
              ON c.run_id = $1 AND c.supplier_id = m.supplier_id AND c.material_id = m.material_id
             AND c.characteristic = m.characteristic
            WHERE d.status = 'accepted' AND m.value_in_spec_unit IS NOT NULL AND m.lot_day <= $2::date
              AND m.verdict IN ('pass', 'edge', 'fail')
            """, [runId, asOf]
        ) { row in
            let key = Key(
                supplierId: try row.decode(String.self, at: 0),
                materialId: try row.decode(String.self, at: 1),
                characteristic: try row.decode(String.self, at: 2))
            guard let verdict = Verdict(rawValue: try row.decode(String.self, at: 6)) else { return }
            series[key]?.values.append(
                (
                    try row.decode(String.self, at: 3), try row.decode(Day.self, at: 4),
                    try row.decode(Double.self, at: 5), verdict, try row.decode(Int64.self, at: 7)
                ))
        }
        var charts: [String: [ControlChart]] = [:]
        for key in order {
            guard var entry = series[key] else { continue }
            // In lot order, sorted here rather than by the server (whose sort of every lot held back the
            // first row): day, lot number by UTF-8 bytes as PostgreSQL's "C" collation, then document.
            entry.values.sort { a, b in
                if a.day != b.day { return a.day < b.day }
                return a.lot.byteOrder(b.lot) ?? (a.documentId < b.documentId)
            }
            var ewma: [Double?] = Array(repeating: nil, count: entry.values.count)
            if let centre = entry.centre, entry.sigma > 0 {
                let chart = EWMAChart(
                    lambda: scoring.ewmaLambda, sigmaMultiple: scoring.ewmaL, centre: centre,
                    sigma: entry.sigma)
                let points = chart.run(entry.values.map(\.value))
                ewma = points.map(\.ewma)
                if let last = points.last {
                    entry.chart.ewmaLowerLimit = last.lowerLimit
                    entry.chart.ewmaUpperLimit = last.upperLimit
                }
            }
            let start = max(0, entry.values.count - chartLots)
            entry.chart.points = entry.values.indices.dropFirst(start).map { i in
                let v = entry.values[i]
                return ControlChartPoint(
                    lotNumber: v.lot, lotDay: v.day, value: v.value, verdict: v.verdict, ewma: ewma[i],
                    flagged: v.verdict == .fail || entry.signalLots.contains(v.lot))
            }
            charts[key.supplierId, default: []].append(entry.chart)
        }
        return charts
    }

    private func monthlyDelivery(_ runId: Int64) throws -> [String: [MonthlyDelivery]] {
        var months: [String: [MonthlyDelivery]] = [:]
        try connection.stream(
            """
            SELECT supplier_id, month, otd_rate, otif_rate, due_lines FROM scorecard_store.delivery_months
            WHERE run_id = $1 ORDER BY supplier_id, month
            """, [runId]
        ) { row in
            months[try row.decode(String.self, at: 0), default: []].append(
                MonthlyDelivery(
                    month: try row.decode(Day.self, at: 1),
                    otdRate: try row.decodeIfPresent(Double.self, at: 2),
                    otifRate: try row.decodeIfPresent(Double.self, at: 3),
                    lines: try row.decode(Int.self, at: 4)))
        }
        return months
    }

    private func orderSizes(_ runId: Int64) throws -> [String: [OrderSizeBucket]] {
        var sizes: [String: [OrderSizeBucket]] = [:]
        try connection.stream(
            """
            SELECT supplier_id, label, lines, otd_rate, avg_days_late FROM scorecard_store.delivery_order_sizes
            WHERE run_id = $1 ORDER BY supplier_id, bucket
            """, [runId]
        ) { row in
            sizes[try row.decode(String.self, at: 0), default: []].append(
                OrderSizeBucket(
                    label: try row.decode(String.self, at: 1), lines: try row.decode(Int.self, at: 2),
                    otdRate: try row.decodeIfPresent(Double.self, at: 3),
                    avgDaysLate: try row.decodeIfPresent(Double.self, at: 4)))
        }
        return sizes
    }

    /// The supplier's most recent documents (known by the end of the run's as-of day), newest first.
    private func documentsBySupplier(_ runId: Int64, limit: Int = 50) throws -> [String: [CoADocumentSummary]]
    {
        var documents: [String: [CoADocumentSummary]] = [:]
        try connection.stream(
            """
            SELECT d.supplier_id, d.document_id, d.path, d.status, d.lot_number, d.material_id,
                   (d.received_at AT TIME ZONE 'UTC')::date,
                   count(m.position), count(m.position) FILTER (WHERE m.verdict = 'fail'),
                   count(m.position) FILTER (WHERE m.verdict = 'edge'), d.reason
            FROM (SELECT d.supplier_id, d.document_id, d.path, d.status, d.lot_number, d.material_id, d.received_at,
                         d.reason,
                         row_number() OVER (PARTITION BY d.supplier_id ORDER BY d.received_at DESC, d.document_id DESC) AS k
                  FROM scorecard_store.coa_documents d, scorecard_store.runs r
                  WHERE r.run_id = $1 AND d.received_at < (r.as_of + 1)::timestamp AT TIME ZONE 'UTC'
                    AND d.supplier_id IS NOT NULL) d
            LEFT JOIN scorecard_store.coa_measurements m USING (document_id)
            WHERE d.k <= $2
            GROUP BY d.supplier_id, d.document_id, d.path, d.status, d.lot_number, d.material_id, d.received_at, d.reason
            ORDER BY d.supplier_id, d.received_at DESC, d.document_id DESC
            """, [runId, limit]
        ) { row in
            documents[try row.decode(String.self, at: 0), default: []].append(
                CoADocumentSummary(
                    documentId: try row.decode(String.self, at: 1), path: try row.decode(String.self, at: 2),
                    status: try row.decode(String.self, at: 3),
                    lotNumber: try row.decodeIfPresent(String.self, at: 4),
                    materialId: try row.decodeIfPresent(String.self, at: 5),
                    ingestedOn: try row.decodeIfPresent(Day.self, at: 6),
                    results: try row.decode(Int.self, at: 7),
                    failedResults: try row.decode(Int.self, at: 8),
                    edgeResults: try row.decode(Int.self, at: 9),
                    reason: try row.decodeIfPresent(String.self, at: 10)))
        }
        return documents
    }

    private func materials() throws -> [MaterialReport] {
        var materials: [MaterialReport] = []
        var index: [String: Int] = [:]
        try connection.stream(
            """
            SELECT m.material_id, m.name, m.criticality, a.supplier_id, s.name, a.status, a.supplier_part_number
            FROM procurement.materials m
            LEFT JOIN procurement.approved_sources a USING (material_id)
            LEFT JOIN procurement.suppliers s ON s.supplier_id = a.supplier_id
            ORDER BY m.material_id, a.supplier_id
            """
        ) { row in
            let id = try row.decode(String.self, at: 0)
            if index[id] == nil {
                index[id] = materials.count
                materials.append(
                    MaterialReport(
                        materialId: id, name: try row.decode(String.self, at: 1),
                        criticality: try row.decode(String.self, at: 2), sources: [], isSingleSourced: false))
            }
            if let supplier = try row.decodeIfPresent(String.self, at: 3), let slot = index[id] {
                materials[slot].sources.append(
                    MaterialSource(
                        supplierId: supplier,
                        supplierName: try row.decodeIfPresent(String.self, at: 4) ?? supplier,
                        status: try row.decode(String.self, at: 5),
                        supplierPartNumber: try row.decodeIfPresent(String.self, at: 6)))
            }
        }
        // Single-sourced: a critical material with fewer than two approved or conditional sources.
        for i in materials.indices {
            let usable = materials[i].sources.filter { $0.status == "approved" || $0.status == "conditional" }
            materials[i].isSingleSourced = materials[i].criticality == "critical" && usable.count < 2
        }
        return materials
    }

    /// Rejected documents of the run and of the shard intakes it was the first to score.
    private func rejectedDocuments(runIds: [Int64]) throws -> [RejectedDocument] {
        try CoADocumentStore(connection).rejected(runIds: runIds).map {
            RejectedDocument(path: $0.path, supplierId: $0.supplierId, reason: $0.reason)
        }
    }
}
