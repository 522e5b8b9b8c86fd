import Domain
import Foundation
import ReportModel
import Reports

/// Hand-built report models for the tests and the render benchmark.
enum Fixtures {
    static let hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'&"

    /// The project's Reports/ folder, found from this file's place in the repository.
    static var templatesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Reports")
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reports-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let run: RunInfo = {
        var run = baseRun
        run.windows = RunWindows(
            currentFirst: Day(year: 2025, month: 12, day: 2), currentLast: Day(year: 2026, month: 3, day: 1),
            baselineFirst: Day(year: 2025, month: 6, day: 5), baselineLast: Day(year: 2025, month: 12, day: 1)
        )
        return run
    }()

    static let baseRun = RunInfo(
        runId: 42, asOf: Day(year: 2026, month: 3, day: 1), status: "succeeded",
        startedAt: Date(timeIntervalSince1970: 1_772_330_400),  // 2026-03-01 02:00 UTC
        finishedAt: Date(timeIntervalSince1970: 1_772_330_520),
        counts: RunCounts(suppliersScored: 3, documentsAccepted: 120, documentsRejected: 1, flagsRaised: 3),
        previousRunId: 41, previousAsOf: Day(year: 2026, month: 2, day: 28))

    /// A drifting supplier with full figures, one with no data at all, and one with hostile strings.
    static func smallReport() -> ScorecardReport {
        var drifting = SupplierReport(
            supplierId: "SUP-0002", name: "Drift Chemicals GmbH", overallScore: 71.25, grade: "B",
            recommendedStatus: "conditional", statusReasons: ["Qualified with one drift warning open."],
            scaleUpReady: false,
            delivery: DeliveryFigures(dueLines: 48, otdRate: 0.9644, otifRate: 0.9, avgDaysLate: 2.25),
            quality: QualityFigures(
                lotsReceived: 30, ppm: 1234.5, lotRejectionRate: 0.0333, coaConformanceRate: 1,
                coaEdgeRate: 0.2, missingCoALots: 2),
            responsiveness: ResponsivenessFigures(
                messages: 12, medianResponseHours: 36.25, withinSLARate: 0.75, unansweredOverdue: 1),
            priorityRisk: PriorityRisk(score: 22, level: "low"),
            previous: PreviousStanding(
                overallScore: 80, grade: "B", recommendedStatus: "qualified", riskLevel: "low", flagCount: 0),
            flags: [
                Flag(
                    supplierId: "SUP-0002", materialId: "MAT-0007", characteristic: "moisture",
                    kind: .edgeOfToleranceDrift, severity: .warning,
                    message:
                        "Moisture of MAT-0007 moves toward the upper limit: EWMA 0.48 % against limit 0.47 %",
                    evidence: [
                        "ewma": 0.48, "ewma_limit": 0.47, "projected_lots_to_limit": 7,
                        "lots": [["lot": "L-101", "value": 0.46], ["lot": "L-102", "value": 0.49]],
                    ])
            ],
            monthlyDelivery: [
                MonthlyDelivery(
                    month: Day(year: 2026, month: 1, day: 1), otdRate: 0.98, otifRate: 0.95, lines: 20),
                MonthlyDelivery(
                    month: Day(year: 2026, month: 2, day: 1), otdRate: nil, otifRate: nil, lines: 0),
                MonthlyDelivery(
                    month: Day(year: 2026, month: 3, day: 1), otdRate: 0.5, otifRate: 0.25, lines: 4),
            ],
            lateness: [
                OrderSizeBucket(label: "largest 25 %", lines: 12, otdRate: 0.5, avgDaysLate: 6.5),
                OrderSizeBucket(label: "the rest", lines: 36, otdRate: nil, avgDaysLate: nil),
            ],
            controlCharts: [
                chart(material: "MAT-0007", characteristic: "moisture", lots: 12, flaggedFrom: 10)
            ],
            monthlyResponse: [
                MonthlyResponse(
                    month: Day(year: 2026, month: 2, day: 1), messages: 5, medianResponseHours: 30,
                    withinSLARate: 0.8, unanswered: 1),
                MonthlyResponse(
                    month: Day(year: 2026, month: 3, day: 1), messages: 0, medianResponseHours: nil,
                    withinSLARate: nil, unanswered: 0),
            ],
            documents: [
                CoADocumentSummary(
                    documentId: "DOC-1", path: "inbox/SUP-0002/L-111.xml", status: "accepted",
                    lotNumber: "L-111",
                    materialId: "MAT-0007", ingestedOn: Day(year: 2026, month: 2, day: 3), results: 4,
                    failedResults: 0, edgeResults: 1),
                CoADocumentSummary(
                    documentId: "DOC-2", path: "inbox/SUP-0002/bad.xml", status: "rejected",
                    reason: "line 3, column 7: unknown element <Moisture>"),
            ])
        let empty = SupplierReport(supplierId: "SUP-0009", name: "Quiet Supplies Ltd")
        var hostileSupplier = SupplierReport(
            supplierId: "../../etc/passwd", name: hostile, overallScore: 90, grade: hostile,
            recommendedStatus: hostile, statusReasons: [hostile],
            delivery: DeliveryFigures(dueLines: 1, otdRate: 1, otifRate: 1, avgDaysLate: 0),
            flags: [
                Flag(
                    supplierId: "../../etc/passwd", materialId: "../MAT", characteristic: hostile,
                    kind: .coaCredibility,
                    severity: .critical, message: hostile,
                    evidence: [hostile: .string(hostile), "rows": [[hostile: 1]]])
            ],
            monthlyDelivery: [
                MonthlyDelivery(month: Day(year: 2026, month: 2, day: 1), otdRate: 1, otifRate: 1, lines: 1)
            ],
            controlCharts: [
                ControlChart(
                    materialId: "../MAT", characteristic: hostile, unit: hostile, specLower: 0, specUpper: 1,
                    points: [
                        ControlChartPoint(
                            lotNumber: hostile, lotDay: Day(year: 2026, month: 2, day: 1), value: 0.5,
                            verdict: .pass,
                            flagged: true)
                    ])
            ])
        drifting.materialFigures = [
            SourceFigures(
                materialId: "MAT-0007", dueLines: 48, otdRate: 0.9644, otifRate: 0.9, avgDaysLate: 2.25,
                ppm: 1234.5, lotsReceived: 30, medianLeadTimeDays: 15, leadTimeLines: 40,
                quotedLeadTimeDays: 12,
                typicalQuantity: 900, orderUnit: "kg", volumeTierMinQuantity: 500, volumeTierPrice: 4.85,
                volumeTierLeadTimeDays: 14, openLines: 6, openQuantity: 5_400, openUnit: "kg",
                openValue: 26_190)
        ]
        drifting.openOrderValue = 26_190
        // The run's "Today" ranking: an open critical flag is urgent; conditional with a sole-sourced material
        // is for this week (rank 2 is left to a supplier PrintTests adds).
        hostileSupplier.today = TodayEntry(rank: 1, urgency: "urgent")
        drifting.today = TodayEntry(
            rank: 3, urgency: "this_week", soleSourced: ["MAT-0007"], openOrderValue: 26_190)
        return ScorecardReport(
            run: run, suppliers: [empty, drifting, hostileSupplier],
            materials: [
                MaterialReport(
                    materialId: "MAT-0007", name: "Sodium citrate", criticality: "critical",
                    sources: [
                        MaterialSource(
                            supplierId: "SUP-0002", supplierName: "Drift Chemicals GmbH", status: "approved")
                    ],
                    isSingleSourced: true),
                MaterialReport(
                    materialId: "../MAT", name: hostile, criticality: "minor",
                    sources: [
                        MaterialSource(
                            supplierId: "../../etc/passwd", supplierName: hostile, status: "pending")
                    ],
                    isSingleSourced: false),
            ],
            rejectedDocuments: [
                RejectedDocument(
                    path: "inbox/SUP-0002/\(hostile).xml", supplierId: "SUP-0002",
                    reason: "line 3: \(hostile)")
            ])
    }

    /// Lots moving up from 0.40 toward the upper limit 0.50 (edge band from 0.48); lots from
    /// `flaggedFrom` on are flagged.
    static func chart(material: String, characteristic: String, lots: Int, flaggedFrom: Int) -> ControlChart {
        var ewma = 0.40
        let points = (0..<lots).map { index -> ControlChartPoint in
            let value =
                0.40 + 0.1 * Double(index) / Double(max(lots, 1)) + (index.isMultiple(of: 2) ? 0.004 : -0.004)
            ewma = 0.2 * value + 0.8 * ewma
            let verdict: Verdict = value > 0.5 ? .fail : value >= 0.48 ? .edge : .pass
            return ControlChartPoint(
                lotNumber: "L-\(100 + index)",
                lotDay: Day(year: 2026, month: 1, day: 1).advanced(by: index * 3),
                value: value, verdict: verdict, ewma: ewma, flagged: index >= flaggedFrom)
        }
        return ControlChart(
            materialId: material, characteristic: characteristic, unit: "%", specLower: 0.30, specUpper: 0.50,
            edgeLower: 0.32, edgeUpper: 0.48, baselineMean: 0.40, ewmaLowerLimit: 0.38, ewmaUpperLimit: 0.42,
            points: points)
    }

    /// `count` suppliers, each with five flags and three control charts of 60 lots, for the benchmark.
    static func largeReport(suppliers count: Int) -> ScorecardReport {
        let suppliers = (0..<count).map { index -> SupplierReport in
            let id = "SUP-\(index)"
            let flags = (0..<5).map { n in
                Flag(
                    supplierId: id, materialId: "MAT-\(index % 150)", characteristic: "assay",
                    kind: FlagKind.allCases[n % FlagKind.allCases.count], severity: Severity.allCases[n % 3],
                    message: "Flag \(n) of supplier \(index) with figures 12.5 % and 3 lots",
                    evidence: [
                        "lots": [["lot": "L-1", "value": 1.5], ["lot": "L-2", "value": 1.7]], "share": 0.25,
                    ])
            }
            return SupplierReport(
                supplierId: id, name: "Supplier \(index)", overallScore: Double(index % 100), grade: "B",
                recommendedStatus: "qualified", statusReasons: ["Enough history, no critical flags."],
                delivery: DeliveryFigures(dueLines: 100, otdRate: 0.9, otifRate: 0.85, avgDaysLate: 1.5),
                quality: QualityFigures(lotsReceived: 60, ppm: 500, lotRejectionRate: 0.01),
                priorityRisk: PriorityRisk(score: 40, level: "medium"),
                previous: PreviousStanding(overallScore: Double((index + 3) % 100), flagCount: 4),
                flags: flags,
                monthlyDelivery: (1...12).map {
                    MonthlyDelivery(
                        month: Day(year: 2025, month: $0, day: 1), otdRate: 0.9, otifRate: 0.8, lines: 10)
                },
                controlCharts: ["assay", "moisture", "lead"].map {
                    chart(material: "MAT-\(index % 150)", characteristic: $0, lots: 60, flaggedFrom: 55)
                })
        }
        let materials = (0..<150).map { index in
            MaterialReport(
                materialId: "MAT-\(index)", name: "Material \(index)", criticality: "major",
                sources: stride(from: index, to: count, by: 150).map {
                    MaterialSource(
                        supplierId: "SUP-\($0)", supplierName: "Supplier \($0)", status: "approved")
                }, isSingleSourced: false)
        }
        return ScorecardReport(run: run, suppliers: suppliers, materials: materials)
    }
}
