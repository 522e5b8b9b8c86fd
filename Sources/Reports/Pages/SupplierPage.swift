import Domain
import ReportModel

/// What `supplier.mustache` sees. Strings are plain text; only `*Markup` values are pre-rendered SVG.
struct SupplierPage {
    struct Figure {
        var label: String
        var value: String
        var noData: Bool
    }

    struct FigureGroup {
        var title: String
        var figures: [Figure]
    }

    struct FlagView {
        var severity: String
        var kind: String
        var meaning: String
        var kindCode: String
        var message: String
        var material: String?
        var materialLink: String?
        var characteristic: String?
        var evidence: [EvidenceView.Row]
    }

    struct MonthRow {
        var month: String
        var lines: String
        var otd: String
        var otif: String
    }

    struct BucketRow {
        var label: String
        var lines: String
        var otd: String
        var avgDaysLate: String
    }

    struct ChartView {
        var title: String
        var materialId: String
        var materialLink: String
        var characteristic: String
        var unit: String
        var lots: Int
        var limits: String
        var flaggedLots: String?
        var chartMarkup: Markup?
    }

    struct ResponseRow {
        var month: String
        var messages: String
        var median: String
        var withinSLA: String
        var unanswered: String
    }

    struct DocumentRow {
        var anchor: String
        var documentId: String
        var path: String
        var status: String
        var rejected: Bool
        var lot: String
        var material: String
        var ingestedOn: String
        var results: String
        var failed: String
        var edge: String
        var reason: String?
        var warnings: [String]
    }

    struct VerdictRow {
        var materialId: String
        var materialLink: String
        var status: String
        var reasons: String
        var readiness: String
        var missing: [String]
        /// "3 conditions not met", the folded form of `missing`; nil when none is missing.
        var missingSummary: String?
        var inspection: String
        var action: String?
    }

    struct SourceRow {
        var link: String
        var materialId: String
        var name: String
        var status: String
    }

    var run: RunView
    var supplierId: String
    var name: String
    var score: String
    var scoreNoData: Bool
    var grade: String
    var change: String
    var previousScore: String?
    var status: String
    var statusReasons: [String]
    var readiness: String
    var action: String?
    var verdictRisk: String
    var verdicts: [VerdictRow]
    var hasVerdicts: Bool
    var riskLevel: String
    var riskScore: String
    var atRisk: Bool
    var isNew: Bool
    var worsening: [String]
    var figureGroups: [FigureGroup]
    var criticalFlags: Int
    var warningFlags: Int
    var infoFlags: Int
    var flags: [FlagView]
    var deliveryChartMarkup: Markup?
    var months: [MonthRow]
    var buckets: [BucketRow]
    var charts: [ChartView]
    /// Charts with a flagged lot or a result in the edge band or out of specification: shown first.
    var attentionCharts: [ChartView]
    /// The rest, one click away (and folded to a count on paper).
    var quietCharts: [ChartView]
    var quietChartCount: Int
    var hasQuietCharts: Bool
    var responses: [ResponseRow]
    var responseChartMarkup: Markup?
    var documents: [DocumentRow]
    /// Rejected documents, and documents with warnings, listed on screen and on paper.
    var documentsToRead: [DocumentRow]
    var acceptedDocuments: [DocumentRow]
    var acceptedCount: Int
    var rejectedCount: Int
    var materials: [SourceRow]
    var riskWords: String

    init(_ supplier: SupplierReport, report: ScorecardReport, materials sources: [SourceRow]) {
        run = RunView(report.run)
        supplierId = supplier.supplierId
        name = supplier.name
        score = ReportFormat.score(supplier.overallScore)
        scoreNoData = supplier.overallScore == nil
        grade = supplier.grade ?? "–"
        change = ReportFormat.change(supplier.scoreChange)
        previousScore = supplier.previous.map { ReportFormat.score($0.overallScore) }
        status = Wording.code(supplier.recommendedStatus)
        statusReasons = supplier.statusReasons.map(Wording.plain)
        readiness = Wording.readiness(ready: supplier.readyMaterials, of: supplier.materialVerdicts.count)
        action = supplier.action
        verdictRisk = Wording.code(supplier.verdictRisk)
        verdicts = supplier.materialVerdicts.map { v in
            let missing = v.readiness == "ready" ? [] : v.missing.map(Wording.plain)
            return VerdictRow(
                materialId: v.materialId,
                materialLink: "../materials/" + PageFileName.html(for: v.materialId),
                status: Wording.code(v.status), reasons: v.reasons.map(Wording.plain).joined(separator: "; "),
                readiness: Wording.code(v.readiness), missing: missing,
                missingSummary: missing.isEmpty
                    ? nil
                    : missing.count == 1 ? "1 condition not met" : "\(missing.count) conditions not met",
                inspection: Wording.code(v.inspectionLevel) + (v.skipLot ? ", skip-lot candidate" : ""),
                action: v.action)
        }
        hasVerdicts = !verdicts.isEmpty
        riskLevel = Wording.code(supplier.priorityRisk?.level)
        riskScore = ReportFormat.score(supplier.priorityRisk?.score)
        atRisk = supplier.isAtRisk
        isNew = report.run.previousRunId != nil && supplier.previous == nil
        worsening = supplier.worsening
        figureGroups = SupplierPage.figures(supplier)
        let counts = supplier.openFlagCounts
        criticalFlags = counts.critical
        warningFlags = counts.warning
        infoFlags = counts.info
        flags = supplier.flags.sorted { $0.severity > $1.severity }.map { flag in
            FlagView(
                severity: flag.severity.rawValue, kind: Wording.flagKind(flag.kind),
                meaning: Wording.flagMeaning(flag.kind), kindCode: flag.kind.rawValue,
                message: flag.message, material: flag.materialId,
                materialLink: flag.materialId.map { "../materials/" + PageFileName.html(for: $0) },
                characteristic: flag.characteristic, evidence: EvidenceView(flag.evidence).rows)
        }
        deliveryChartMarkup = DeliveryChart.svg(
            supplier.monthlyDelivery, supplierName: supplier.name, asOf: report.run.asOf,
            firstDay: report.run.windows?.baselineFirst)
        months = supplier.monthlyDelivery.map { month in
            MonthRow(
                month: ReportFormat.month(month.month), lines: ReportFormat.count(month.lines),
                otd: ReportFormat.percent(month.otdRate), otif: ReportFormat.percent(month.otifRate))
        }
        buckets = supplier.lateness.map { bucket in
            BucketRow(
                label: bucket.label, lines: ReportFormat.count(bucket.lines),
                otd: ReportFormat.percent(bucket.otdRate),
                avgDaysLate: ReportFormat.days(bucket.avgDaysLate))
        }
        charts = supplier.controlCharts.map { chart in
            let flagged = chart.points.filter(\.flagged).map(\.lotNumber)
            let limits = [
                chart.specLower.map { "LSL \(ReportFormat.value($0))" },
                chart.specUpper.map { "USL \(ReportFormat.value($0))" },
                chart.baselineMean.map { "baseline mean \(ReportFormat.value($0))" },
            ].compactMap { $0 }.joined(separator: ", ")
            return ChartView(
                title: "\(chart.characteristic) of \(chart.materialId)", materialId: chart.materialId,
                materialLink: "../materials/" + PageFileName.html(for: chart.materialId),
                characteristic: chart.characteristic, unit: chart.unit, lots: chart.points.count,
                limits: limits.isEmpty ? "no specification limits" : limits + " (\(chart.unit))",
                flaggedLots: flagged.isEmpty ? nil : flagged.joined(separator: ", "),
                chartMarkup: ControlChartSVG.svg(chart, supplierName: supplier.name))
        }
        let needsLook = supplier.controlCharts.map { chart in
            chart.points.contains { $0.flagged || $0.verdict == .edge || $0.verdict == .fail }
        }
        attentionCharts = zip(charts, needsLook).filter(\.1).map(\.0)
        quietCharts = zip(charts, needsLook).filter { !$0.1 }.map(\.0)
        quietChartCount = quietCharts.count
        hasQuietCharts = !quietCharts.isEmpty
        responseChartMarkup = ResponseChart.svg(supplier.monthlyResponse, supplierName: supplier.name)
        responses = supplier.monthlyResponse.map { month in
            ResponseRow(
                month: ReportFormat.month(month.month), messages: ReportFormat.count(month.messages),
                median: ReportFormat.hours(month.medianResponseHours),
                withinSLA: ReportFormat.percent(month.withinSLARate),
                unanswered: ReportFormat.count(month.unanswered))
        }
        documents = supplier.documents.map { document in
            DocumentRow(
                anchor: "coa-" + PageFileName.stem(for: document.documentId), documentId: document.documentId,
                path: document.path, status: document.status, rejected: document.status == "rejected",
                lot: document.lotNumber ?? "–", material: document.materialId ?? "–",
                ingestedOn: document.ingestedOn.map { ReportFormat.date($0) } ?? "–",
                results: ReportFormat.count(document.results),
                failed: ReportFormat.count(document.failedResults),
                edge: ReportFormat.count(document.edgeResults), reason: document.reason,
                warnings: document.warnings)
        }
        documentsToRead = documents.filter { $0.rejected || !$0.warnings.isEmpty }
        acceptedDocuments = documents.filter { !$0.rejected && $0.warnings.isEmpty }
        acceptedCount = documents.count(where: { !$0.rejected })
        rejectedCount = documents.count(where: \.rejected)
        materials = sources
        riskWords = Wording.deliveryPriorityRisk(supplier.priorityRisk?.level)
    }

    private static func figures(_ s: SupplierReport) -> [FigureGroup] {
        func figure(_ label: String, _ value: String, _ missing: Bool) -> Figure {
            Figure(label: label, value: value, noData: missing)
        }
        let d = s.delivery
        let q = s.quality
        let r = s.responsiveness
        return [
            FigureGroup(
                title: "Delivery",
                figures: [
                    figure("Due lines", ReportFormat.count(d.dueLines), false),
                    figure("On-time delivery (OTD)", ReportFormat.percent(d.otdRate), d.otdRate == nil),
                    figure("On time in full (OTIF)", ReportFormat.percent(d.otifRate), d.otifRate == nil),
                    figure("Average days late", ReportFormat.days(d.avgDaysLate), d.avgDaysLate == nil),
                ]),
            FigureGroup(
                title: "Quality",
                figures: [
                    figure("Lots received", ReportFormat.count(q.lotsReceived), false),
                    figure("Defective parts per million", ReportFormat.ppm(q.ppm), q.ppm == nil),
                    figure(
                        "Lot rejection rate", ReportFormat.percent(q.lotRejectionRate),
                        q.lotRejectionRate == nil),
                    figure(
                        "CoA conformance", ReportFormat.percent(q.coaConformanceRate),
                        q.coaConformanceRate == nil),
                    figure(
                        "CoA results in edge band", ReportFormat.percent(q.coaEdgeRate), q.coaEdgeRate == nil),
                    figure(
                        q.coaCollectedSince.map {
                            "Lots without a CoA (CoAs collected since \(ReportFormat.date($0)))"
                        }
                            ?? "Lots without a CoA", ReportFormat.count(q.missingCoALots), false),
                ]),
            FigureGroup(
                title: "Responsiveness",
                figures: [
                    figure("Messages expecting an answer", ReportFormat.count(r.messages), false),
                    figure(
                        "Median response time", ReportFormat.hours(r.medianResponseHours),
                        r.medianResponseHours == nil),
                    figure(
                        "Answered within SLA", ReportFormat.percent(r.withinSLARate), r.withinSLARate == nil),
                    figure("Unanswered and overdue", ReportFormat.count(r.unansweredOverdue), false),
                ]),
        ]
    }
}
