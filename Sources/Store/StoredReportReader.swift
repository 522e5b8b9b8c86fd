import Domain
import Foundation
import Postgres
import ReportModel

/// Reads a committed run back from PostgreSQL into the pages' model: the report's SQL, in one place.
/// Only stored figures come out: charts, bands, limits, flagged lots and single-source counts are the
/// run's, never recomputed here.
public struct StoredReportReader {
    let connection: PostgresConnection

    public init(connection: PostgresConnection) {
        self.connection = connection
    }

    /// Reads the whole report of `runId`. `materialPagesReady` is called as soon as what the material
    /// pages show is read, before the suppliers' charts and deliveries, so the caller can render them
    /// meanwhile.
    public func load(runId: Int64, materialPagesReady: (MaterialPagesInput) -> Void = { _ in }) throws
        -> ScorecardReport
    {
        let ledger = RunLedger(connection)
        let previousRun = try ledger.latestSucceeded(before: runId)
        // The shard intakes this run was the first to score: their documents belong to its night.
        let intakes = try ledger.intakesSinceLastNightly(before: runId)
        let run = try runInfo(runId, previous: previousRun, intakes: intakes)
        let flags = try flagsBySupplier(runId)
        let materials = try materials(runId)
        let previous = try previousStanding(of: previousRun)
        var verdicts = try materialVerdicts(runId)
        var capabilities = try capabilities(runId)
        var figures = try sourceFigures(runId)
        let today = try todayEntries(runId)
        // The suppliers' scores first, without their charts, deliveries and documents: that is all the
        // material pages need, and they are rendered while the rest is read.
        var suppliers: [SupplierReport] = []
        try connection.stream(
            """
            SELECT supplier_id, supplier_name, due_lines, otd_rate, otif_rate, avg_days_late, lots_received, ppm,
                   lot_rejection_rate, coa_conformance_rate, coa_edge_rate, missing_coa_lots, messages,
                   median_response_hours, within_sla_rate, unanswered_overdue, priority_risk_score, priority_risk_level,
                   overall_score, grade, recommended_status, status_reasons::text AS status_reasons, scale_up_ready,
                   action, ready_materials::text AS ready_materials, verdict_risk, coa_collected_since,
                   open_order_value
            FROM scorecard_store.supplier_scores WHERE run_id = $1 ORDER BY supplier_id
            """, [runId]
        ) { row in
            let id = try row.decode(String.self, column: "supplier_id")
            let level = try row.decodeIfPresent(String.self, column: "priority_risk_level")
            let reasons =
                (try? JSONDecoder().decode(
                    [String].self, from: Data(try row.decode(String.self, column: "status_reasons").utf8)))
                ?? []
            var report =
                (SupplierReport(
                    supplierId: id, name: try row.decode(String.self, column: "supplier_name"),
                    overallScore: try row.decodeIfPresent(Double.self, column: "overall_score"),
                    grade: try row.decodeIfPresent(String.self, column: "grade"),
                    recommendedStatus: try row.decodeIfPresent(String.self, column: "recommended_status"),
                    statusReasons: reasons,
                    scaleUpReady: try row.decodeIfPresent(Bool.self, column: "scale_up_ready"),
                    delivery: ReportModel.DeliveryFigures(
                        dueLines: try row.decode(Int.self, column: "due_lines"),
                        otdRate: try row.decodeIfPresent(Double.self, column: "otd_rate"),
                        otifRate: try row.decodeIfPresent(Double.self, column: "otif_rate"),
                        avgDaysLate: try row.decodeIfPresent(Double.self, column: "avg_days_late")),
                    quality: ReportModel.QualityFigures(
                        lotsReceived: try row.decode(Int.self, column: "lots_received"),
                        ppm: try row.decodeIfPresent(Double.self, column: "ppm"),
                        lotRejectionRate: try row.decodeIfPresent(Double.self, column: "lot_rejection_rate"),
                        coaConformanceRate: try row.decodeIfPresent(
                            Double.self, column: "coa_conformance_rate"),
                        coaEdgeRate: try row.decodeIfPresent(Double.self, column: "coa_edge_rate"),
                        missingCoALots: try row.decode(Int.self, column: "missing_coa_lots")),
                    responsiveness: ReportModel.ResponsivenessFigures(
                        messages: try row.decode(Int.self, column: "messages"),
                        medianResponseHours: try row.decodeIfPresent(
                            Double.self, column: "median_response_hours"),
                        withinSLARate: try row.decodeIfPresent(Double.self, column: "within_sla_rate"),
                        unansweredOverdue: try row.decode(Int.self, column: "unanswered_overdue")),
                    priorityRisk: level.map {
                        PriorityRisk(
                            score: try? row.decodeIfPresent(Double.self, column: "priority_risk_score")
                                ?? nil, level: $0)
                    },
                    previous: previous[id], flags: flags[id] ?? []))
            report.action = try row.decodeIfPresent(String.self, column: "action")
            report.readyMaterials =
                (try? JSONDecoder().decode(
                    [String].self,
                    from: Data((try row.decodeIfPresent(String.self, column: "ready_materials") ?? "[]").utf8)
                ))
                ?? []
            report.verdictRisk = try row.decodeIfPresent(String.self, column: "verdict_risk")
            report.quality.coaCollectedSince = try row.decodeIfPresent(
                Day.self, column: "coa_collected_since")
            report.materialVerdicts = verdicts.removeValue(forKey: id) ?? []
            report.capabilities = capabilities.removeValue(forKey: id) ?? []
            report.materialFigures = figures.removeValue(forKey: id) ?? []
            report.today = today[id]
            report.openOrderValue = try row.decodeIfPresent(Double.self, column: "open_order_value")
            suppliers.append(report)
        }
        materialPagesReady(
            MaterialPagesInput(ScorecardReport(run: run, suppliers: suppliers, materials: materials)))
        var charts = try controlCharts(runId)
        var responses = try monthlyResponse(runId)
        var months = try monthlyDelivery(runId)
        var sizes = try orderSizes(runId)
        var documents = try documentsBySupplier(runId)
        for index in suppliers.indices {
            let id = suppliers[index].supplierId
            suppliers[index].monthlyDelivery = months.removeValue(forKey: id) ?? []
            suppliers[index].lateness = sizes.removeValue(forKey: id) ?? []
            suppliers[index].controlCharts = charts.removeValue(forKey: id) ?? []
            suppliers[index].monthlyResponse = responses.removeValue(forKey: id) ?? []
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
                   r.documents_accepted + coalesce(i.accepted, 0) AS documents_accepted,
                   r.documents_rejected + coalesce(i.rejected, 0) AS documents_rejected,
                   r.flags_raised, r.error, r.current_first, r.current_last, r.baseline_first, r.baseline_last
            FROM scorecard_store.runs r
            LEFT JOIN LATERAL (SELECT sum(documents_accepted)::int AS accepted, sum(documents_rejected)::int AS rejected
                               FROM scorecard_store.runs WHERE run_id = ANY($2::bigint[])) i ON true
            WHERE r.run_id = $1
            """, [runId, PostgresArray(intakes)])
        guard let row = result.first(where: { _ in true }) else { throw StoreError.missing("run \(runId)") }
        var windows: RunWindows?
        if let currentFirst = try row.decodeIfPresent(Day.self, column: "current_first"),
            let currentLast = try row.decodeIfPresent(Day.self, column: "current_last"),
            let baselineFirst = try row.decodeIfPresent(Day.self, column: "baseline_first"),
            let baselineLast = try row.decodeIfPresent(Day.self, column: "baseline_last")
        {
            windows = RunWindows(
                currentFirst: currentFirst, currentLast: currentLast, baselineFirst: baselineFirst,
                baselineLast: baselineLast)
        }
        var info = RunInfo(
            runId: runId, asOf: try row.decode(Day.self, column: "as_of"),
            status: try row.decode(String.self, column: "status"),
            startedAt: try row.decode(Date.self, column: "started_at"),
            finishedAt: try row.decodeIfPresent(Date.self, column: "finished_at"),
            counts: ReportModel.RunCounts(
                suppliersScored: try row.decodeIfPresent(Int.self, column: "suppliers_scored") ?? 0,
                documentsAccepted: try row.decodeIfPresent(Int.self, column: "documents_accepted") ?? 0,
                documentsRejected: try row.decodeIfPresent(Int.self, column: "documents_rejected") ?? 0,
                flagsRaised: try row.decodeIfPresent(Int.self, column: "flags_raised") ?? 0),
            previousRunId: previous?.runId, previousAsOf: previous?.asOf,
            error: try row.decodeIfPresent(String.self, column: "error"))
        info.windows = windows
        info.notices = try RunNotices(connection).notices(runId: runId).map(\.text)
        return info
    }

    private func flagsBySupplier(_ runId: Int64) throws -> [String: [Flag]] {
        var flags: [String: [Flag]] = [:]
        let decoder = JSONDecoder()
        try connection.stream(
            """
            SELECT supplier_id, material_id, characteristic, kind, severity, message, evidence::text AS evidence
            FROM scorecard_store.flags WHERE run_id = $1 ORDER BY flag_id
            """, [runId]
        ) { row in
            guard let kind = FlagKind(rawValue: try row.decode(String.self, column: "kind")),
                let severity = Severity(rawValue: try row.decode(String.self, column: "severity"))
            else { return }
            let evidence =
                (try? decoder.decode(
                    JSONValue.self, from: Data(try row.decode(String.self, column: "evidence").utf8)))
                ?? .null
            let flag = Flag(
                supplierId: try row.decodeIfPresent(String.self, column: "supplier_id"),
                materialId: try row.decodeIfPresent(String.self, column: "material_id"),
                characteristic: try row.decodeIfPresent(String.self, column: "characteristic"), kind: kind,
                severity: severity,
                message: try row.decode(String.self, column: "message"), evidence: evidence)
            flags[flag.supplierId ?? "", default: []].append(flag)
        }
        return flags
    }

    /// Each supplier × material verdict of the run, by supplier.
    private func materialVerdicts(_ runId: Int64) throws -> [String: [MaterialVerdict]] {
        let decoder = JSONDecoder()
        struct Condition: Decodable {
            var state: String
            var detail: String
        }
        return try bySupplier(
            """
            SELECT supplier_id, material_id, recommended_status, status_reasons::text AS status_reasons, readiness_state,
                   readiness_conditions::text AS readiness_conditions, inspection_level, skip_lot_candidate, action
            FROM scorecard_store.material_decisions WHERE run_id = $1 ORDER BY supplier_id, material_id
            """, runId
        ) { row in
            let reasons =
                (try? decoder.decode(
                    [String].self, from: Data(try row.decode(String.self, column: "status_reasons").utf8)))
                ?? []
            let conditions =
                (try? decoder.decode(
                    [Condition].self,
                    from: Data(
                        (try row.decodeIfPresent(String.self, column: "readiness_conditions") ?? "[]").utf8)))
                ?? []
            return MaterialVerdict(
                materialId: try row.decode(String.self, column: "material_id"),
                status: try row.decodeIfPresent(String.self, column: "recommended_status"),
                reasons: reasons,
                readiness: try row.decodeIfPresent(String.self, column: "readiness_state"),
                missing: conditions.filter { $0.state != "met" }.map(\.detail),
                inspectionLevel: try row.decodeIfPresent(String.self, column: "inspection_level"),
                skipLot: try row.decodeIfPresent(Bool.self, column: "skip_lot_candidate") ?? false,
                action: try row.decodeIfPresent(String.self, column: "action"))
        }
    }

    /// Each characteristic's stored Cpk, by supplier, for the material pages' side-by-side sources.
    private func capabilities(_ runId: Int64) throws -> [String: [CharacteristicCapability]] {
        try bySupplier(
            """
            SELECT supplier_id, material_id, characteristic, lots, recent_cpk, recent_n
            FROM scorecard_store.characteristic_capability WHERE run_id = $1
            ORDER BY supplier_id, material_id, characteristic
            """, runId
        ) { row in
            CharacteristicCapability(
                materialId: try row.decode(String.self, column: "material_id"),
                characteristic: try row.decode(String.self, column: "characteristic"),
                lots: try row.decodeIfPresent(Int.self, column: "lots") ?? 0,
                recentCpk: try row.decodeIfPresent(Double.self, column: "recent_cpk"),
                recentLots: try row.decodeIfPresent(Int.self, column: "recent_n") ?? 0)
        }
    }

    private func previousStanding(of previous: StoredRun?) throws -> [String: PreviousStanding] {
        var standing: [String: PreviousStanding] = [:]
        guard let previous else { return standing }
        var previousFlags: [String: [PreviousFlag]] = [:]
        try connection.stream(
            """
            SELECT supplier_id, material_id, characteristic, kind, severity, message
            FROM scorecard_store.flags WHERE run_id = $1 AND supplier_id IS NOT NULL ORDER BY flag_id
            """, [previous.runId]
        ) { row in
            guard let kind = FlagKind(rawValue: try row.decode(String.self, column: "kind")),
                let severity = Severity(rawValue: try row.decode(String.self, column: "severity"))
            else { return }
            previousFlags[try row.decode(String.self, column: "supplier_id"), default: []].append(
                PreviousFlag(
                    kind: kind, severity: severity,
                    materialId: try row.decodeIfPresent(String.self, column: "material_id"),
                    characteristic: try row.decodeIfPresent(String.self, column: "characteristic"),
                    message: try row.decode(String.self, column: "message")))
        }
        try connection.stream(
            """
            SELECT s.supplier_id, s.priority_risk_level,
                   (SELECT count(*) FROM scorecard_store.flags f WHERE f.run_id = s.run_id AND f.supplier_id = s.supplier_id)
                       AS flag_count,
                   s.overall_score, s.grade, s.recommended_status
            FROM scorecard_store.supplier_scores s WHERE s.run_id = $1
            """, [previous.runId]
        ) { row in
            let id = try row.decode(String.self, column: "supplier_id")
            standing[id] = PreviousStanding(
                overallScore: try row.decodeIfPresent(Double.self, column: "overall_score"),
                grade: try row.decodeIfPresent(String.self, column: "grade"),
                recommendedStatus: try row.decodeIfPresent(String.self, column: "recommended_status"),
                riskLevel: try row.decodeIfPresent(String.self, column: "priority_risk_level"),
                flagCount: try row.decode(Int.self, column: "flag_count"), flags: previousFlags[id] ?? [])
        }
        return standing
    }

    /// The run's stored control charts (SQL/009_stored_charts.sql), exactly as scoring computed them.
    func controlCharts(_ runId: Int64) throws -> [String: [ControlChart]] {
        struct Key: Hashable {
            var supplierId: String
            var materialId: String
            var characteristic: String
        }
        var series: [Key: ControlChart] = [:]
        var order: [Key] = []
        try connection.stream(
            """
            SELECT supplier_id, material_id, characteristic, unit, lower_limit, upper_limit, edge_lower, edge_upper,
                   centre, ewma_lower[cardinality(ewma_lower)] AS last_ewma_lower,
                   ewma_upper[cardinality(ewma_upper)] AS last_ewma_upper
            FROM scorecard_store.control_charts WHERE run_id = $1
            ORDER BY supplier_id, material_id, characteristic
            """, [runId]
        ) { row in
            let key = Key(
                supplierId: try row.decode(String.self, column: "supplier_id"),
                materialId: try row.decode(String.self, column: "material_id"),
                characteristic: try row.decode(String.self, column: "characteristic"))
            series[key] = ControlChart(
                materialId: key.materialId, characteristic: key.characteristic,
                unit: try row.decodeIfPresent(String.self, column: "unit") ?? "",
                specLower: try row.decodeIfPresent(Double.self, column: "lower_limit"),
                specUpper: try row.decodeIfPresent(Double.self, column: "upper_limit"),
                edgeLower: try row.decodeIfPresent(Double.self, column: "edge_lower"),
                edgeUpper: try row.decodeIfPresent(Double.self, column: "edge_upper"),
                baselineMean: try row.decodeIfPresent(Double.self, column: "centre"),
                ewmaLowerLimit: try row.decodeIfPresent(Double.self, column: "last_ewma_lower"),
                ewmaUpperLimit: try row.decodeIfPresent(Double.self, column: "last_ewma_upper"))
            order.append(key)
        }
        guard !series.isEmpty else { return [:] }
        // The points in no particular order (a server sort would hold back the first row); each carries
        // its position on the chart.
        var positions: [Key: [Int]] = [:]
        try connection.stream(
            """
            SELECT c.supplier_id, c.material_id, c.characteristic, p.lot_number, p.lot_day, p.value, p.verdict, p.ewma,
                   p.flagged, p.position
            FROM scorecard_store.control_charts c
            CROSS JOIN LATERAL unnest(c.lot_numbers, c.lot_days, c.lot_values, c.verdicts, c.ewma, c.flagged)
                WITH ORDINALITY AS p(lot_number, lot_day, value, verdict, ewma, flagged, position)
            WHERE c.run_id = $1
            """, [runId]
        ) { row in
            let key = Key(
                supplierId: try row.decode(String.self, column: "supplier_id"),
                materialId: try row.decode(String.self, column: "material_id"),
                characteristic: try row.decode(String.self, column: "characteristic"))
            guard let verdict = Verdict(rawValue: try row.decode(String.self, column: "verdict")) else {
                return
            }
            series[key]?.points.append(
                ControlChartPoint(
                    lotNumber: try row.decode(String.self, column: "lot_number"),
                    lotDay: try row.decode(Day.self, column: "lot_day"),
                    value: try row.decode(Double.self, column: "value"), verdict: verdict,
                    ewma: try row.decodeIfPresent(Double.self, column: "ewma"),
                    flagged: try row.decode(Bool.self, column: "flagged")))
            positions[key, default: []].append(try row.decode(Int.self, column: "position"))
        }
        var charts: [String: [ControlChart]] = [:]
        for key in order {
            guard var chart = series[key] else { continue }
            if let at = positions[key], at != at.sorted() {
                chart.points = zip(at, chart.points).sorted { $0.0 < $1.0 }.map(\.1)
            }
            charts[key.supplierId, default: []].append(chart)
        }
        return charts
    }

    /// Responsiveness per month as the run stored it.
    func monthlyResponse(_ runId: Int64) throws -> [String: [MonthlyResponse]] {
        try bySupplier(
            """
            SELECT supplier_id, month, messages, median_response_hours, within_sla_rate,
                   unanswered_overdue + pending AS unanswered
            FROM scorecard_store.response_months WHERE run_id = $1 ORDER BY supplier_id, month
            """, runId
        ) { row in
            MonthlyResponse(
                month: try row.decode(Day.self, column: "month"),
                messages: try row.decode(Int.self, column: "messages"),
                medianResponseHours: try row.decodeIfPresent(
                    Double.self, column: "median_response_hours"),
                withinSLARate: try row.decodeIfPresent(Double.self, column: "within_sla_rate"),
                unanswered: try row.decode(Int.self, column: "unanswered"))
        }
    }

    private func monthlyDelivery(_ runId: Int64) throws -> [String: [MonthlyDelivery]] {
        try bySupplier(
            """
            SELECT supplier_id, month, otd_rate, otif_rate, due_lines FROM scorecard_store.delivery_months
            WHERE run_id = $1 ORDER BY supplier_id, month
            """, runId
        ) { row in
            MonthlyDelivery(
                month: try row.decode(Day.self, column: "month"),
                otdRate: try row.decodeIfPresent(Double.self, column: "otd_rate"),
                otifRate: try row.decodeIfPresent(Double.self, column: "otif_rate"),
                lines: try row.decode(Int.self, column: "due_lines"))
        }
    }

    private func orderSizes(_ runId: Int64) throws -> [String: [OrderSizeBucket]] {
        try bySupplier(
            """
            SELECT supplier_id, label, lines, otd_rate, avg_days_late FROM scorecard_store.delivery_order_sizes
            WHERE run_id = $1 ORDER BY supplier_id, bucket
            """, runId
        ) { row in
            OrderSizeBucket(
                label: try row.decode(String.self, column: "label"),
                lines: try row.decode(Int.self, column: "lines"),
                otdRate: try row.decodeIfPresent(Double.self, column: "otd_rate"),
                avgDaysLate: try row.decodeIfPresent(Double.self, column: "avg_days_late"))
        }
    }

    /// The supplier's most recent documents (known by the end of the run's as-of day), newest first.
    private func documentsBySupplier(_ runId: Int64, limit: Int = 50) throws -> [String: [CoADocumentSummary]]
    {
        try bySupplier(
            """
            SELECT d.supplier_id, d.document_id, d.path, d.status, d.lot_number, d.material_id,
                   \(LocalDay.of("d.received_at", zone: "d.time_zone")) AS ingested_on,
                   count(m.position) AS results, count(m.position) FILTER (WHERE m.verdict = 'fail') AS failed_results,
                   count(m.position) FILTER (WHERE m.verdict = 'edge') AS edge_results, d.reason,
                   d.warnings::text AS warnings
            FROM (SELECT d.supplier_id, d.document_id, d.path, d.status, d.lot_number, d.material_id, d.received_at,
                         d.reason, d.warnings, coalesce(r.time_zone, 'UTC') AS time_zone,
                         row_number() OVER (PARTITION BY d.supplier_id ORDER BY d.received_at DESC, d.document_id DESC) AS k
                  FROM scorecard_store.coa_documents d, scorecard_store.runs r
                  WHERE r.run_id = $1
                    AND d.received_at < \(LocalDay.start("r.as_of + 1", zone: "coalesce(r.time_zone, 'UTC')"))
                    AND d.supplier_id IS NOT NULL) d
            LEFT JOIN scorecard_store.coa_measurements m USING (document_id)
            WHERE d.k <= $2
            GROUP BY d.supplier_id, d.document_id, d.path, d.status, d.lot_number, d.material_id, d.received_at, d.reason,
                     d.warnings, d.time_zone
            ORDER BY d.supplier_id, d.received_at DESC, d.document_id DESC
            """, runId, [limit]
        ) { row in
            var document = CoADocumentSummary(
                documentId: try row.decode(String.self, column: "document_id"),
                path: try row.decode(String.self, column: "path"),
                status: try row.decode(String.self, column: "status"),
                lotNumber: try row.decodeIfPresent(String.self, column: "lot_number"),
                materialId: try row.decodeIfPresent(String.self, column: "material_id"),
                ingestedOn: try row.decodeIfPresent(Day.self, column: "ingested_on"),
                results: try row.decode(Int.self, column: "results"),
                failedResults: try row.decode(Int.self, column: "failed_results"),
                edgeResults: try row.decode(Int.self, column: "edge_results"),
                reason: try row.decodeIfPresent(String.self, column: "reason"))
            document.warnings = Self.warningLines(try row.decodeIfPresent(String.self, column: "warnings"))
            return document
        }
    }

    /// A document's stored warnings (`[{"field", "written", "problem"}]`) as lines; an entry that is not
    /// such an object is kept as its JSON text, so nothing stored is hidden.
    static func warningLines(_ json: String?) -> [String] {
        guard let json, let value = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)),
            case .array(let items) = value
        else { return [] }
        return items.map { item in
            guard case .object(let object) = item else { return "\(item)" }
            func text(_ key: String) -> String? {
                if case .string(let s)? = object[key] { return s }
                return nil
            }
            let field = text("field") ?? "field"
            let written = text("written").map { " '\($0)'" } ?? ""
            return "\(field)\(written): \(text("problem") ?? "not read")"
        }
    }

    func materials(_ runId: Int64) throws -> [MaterialReport] {
        var materials: [MaterialReport] = []
        var index: [String: Int] = [:]
        try connection.stream(
            """
            SELECT m.material_id, m.name, m.criticality, a.supplier_id, s.name AS supplier_name, a.status, a.supplier_part_number,
                   ms.single_sourced, ms.usable_sources, ms.required_sources
            FROM procurement.materials m
            LEFT JOIN scorecard_store.material_sourcing ms ON ms.run_id = $1 AND ms.material_id = m.material_id
            LEFT JOIN procurement.approved_sources a ON a.material_id = m.material_id
            LEFT JOIN procurement.suppliers s ON s.supplier_id = a.supplier_id
            ORDER BY m.material_id, a.supplier_id
            """, [runId]
        ) { row in
            let id = try row.decode(String.self, column: "material_id")
            if index[id] == nil {
                index[id] = materials.count
                materials.append(
                    MaterialReport(
                        materialId: id, name: try row.decode(String.self, column: "name"),
                        criticality: try row.decode(String.self, column: "criticality"), sources: [],
                        isSingleSourced: try row.decodeIfPresent(Bool.self, column: "single_sourced")
                            ?? false,
                        usableSources: try row.decodeIfPresent(Int.self, column: "usable_sources"),
                        requiredSources: try row.decodeIfPresent(Int.self, column: "required_sources")))
            }
            if let supplier = try row.decodeIfPresent(String.self, column: "supplier_id"),
                let slot = index[id]
            {
                materials[slot].sources.append(
                    MaterialSource(
                        supplierId: supplier,
                        supplierName: try row.decodeIfPresent(String.self, column: "supplier_name")
                            ?? supplier,
                        status: try row.decode(String.self, column: "status"),
                        supplierPartNumber: try row.decodeIfPresent(
                            String.self, column: "supplier_part_number")))
            }
        }
        return materials
    }

    /// Rows of `sql` (the run id as $1, `more` after it), made by `make` and grouped by their `supplier_id` column in the
    /// order they come.
    private func bySupplier<T>(
        _ sql: String, _ runId: Int64, _ more: [(any PostgresEncodable)?] = [],
        _ make: (PostgresRow) throws -> T
    ) throws -> [String: [T]] {
        var grouped: [String: [T]] = [:]
        try connection.stream(sql, [runId] + more) { row in
            grouped[try row.decode(String.self, column: "supplier_id"), default: []].append(try make(row))
        }
        return grouped
    }

    /// Rejected documents of the run and of the shard intakes it was the first to score.
    private func rejectedDocuments(runIds: [Int64]) throws -> [RejectedDocument] {
        try CoADocumentStore(connection).rejected(runIds: runIds).map {
            RejectedDocument(path: $0.path, supplierId: $0.supplierId, reason: $0.reason)
        }
    }
}
