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
            columns: SupplierScoreColumn.self
        ) { writer in
            for (s, d) in scores {
                try writer.appendRow { row in
                    try row.append(runId, SupplierScoreColumn.runId)
                    try row.append(s.supplierId, SupplierScoreColumn.supplierId)
                    try row.append(names[s.supplierId] ?? s.supplierId, SupplierScoreColumn.supplierName)
                    try row.append(s.dueLines, SupplierScoreColumn.dueLines)
                    try row.append(s.otdRate, SupplierScoreColumn.otdRate)
                    try row.append(s.otifRate, SupplierScoreColumn.otifRate)
                    try row.append(s.avgDaysLate, SupplierScoreColumn.avgDaysLate)
                    try row.append(s.lotsReceived, SupplierScoreColumn.lotsReceived)
                    try row.append(s.receivedQuantity, SupplierScoreColumn.receivedQuantity)
                    try row.append(s.defectiveQuantity, SupplierScoreColumn.defectiveQuantity)
                    try row.append(s.ppm, SupplierScoreColumn.ppm)
                    try row.append(s.lotRejectionRate, SupplierScoreColumn.lotRejectionRate)
                    try row.append(s.coaResults, SupplierScoreColumn.coaResults)
                    try row.append(s.coaConformanceRate, SupplierScoreColumn.coaConformanceRate)
                    try row.append(s.coaEdgeRate, SupplierScoreColumn.coaEdgeRate)
                    try row.append(s.missingCoALots, SupplierScoreColumn.missingCoaLots)
                    try row.append(s.messages, SupplierScoreColumn.messages)
                    try row.append(s.medianResponseHours, SupplierScoreColumn.medianResponseHours)
                    try row.append(s.withinSLARate, SupplierScoreColumn.withinSlaRate)
                    try row.append(s.unansweredOverdue, SupplierScoreColumn.unansweredOverdue)
                    try row.append(s.openLines, SupplierScoreColumn.openLines)
                    try row.append(s.lateLines, SupplierScoreColumn.lateLines)
                    try row.append(s.repromiseRate, SupplierScoreColumn.repromiseRate)
                    try row.append(s.avgDaysMoved, SupplierScoreColumn.avgDaysMoved)
                    try row.append(s.medianConfirmationHours, SupplierScoreColumn.medianConfirmationHours)
                    try row.append(s.avgLeadTimeDays, SupplierScoreColumn.avgLeadTimeDays)
                    try row.append(s.avgQuotedLeadTimeDays, SupplierScoreColumn.avgQuotedLeadTimeDays)
                    try row.append(s.leadTimeCV, SupplierScoreColumn.leadTimeCv)
                    try row.append(s.rejectedLots, SupplierScoreColumn.rejectedLots)
                    try row.append(s.unlinkedDefects, SupplierScoreColumn.unlinkedDefects)
                    try row.append(s.pendingCoALots, SupplierScoreColumn.pendingCoaLots)
                    try row.append(s.answeredMessages, SupplierScoreColumn.answeredMessages)
                    try row.append(s.pendingMessages, SupplierScoreColumn.pendingMessages)
                    try row.append(s.unansweredShare, SupplierScoreColumn.unansweredShare)
                    try row.append(s.riskScore, SupplierScoreColumn.priorityRiskScore)
                    try row.append(s.riskLevel?.rawValue, SupplierScoreColumn.priorityRiskLevel)
                    try row.append(d.overall.score, SupplierScoreColumn.overallScore)
                    try row.append(d.overall.grade?.rawValue, SupplierScoreColumn.grade)
                    try row.append(d.overall.partsJSON.jsonText, SupplierScoreColumn.scoreParts)
                    try row.append(d.overall.note, SupplierScoreColumn.scoreNote)
                    try row.append(d.status.status.rawValue, SupplierScoreColumn.recommendedStatus)
                    try row.append(d.status.reasonsJSON.jsonText, SupplierScoreColumn.statusReasons)
                    try row.append(!d.readyMaterials.isEmpty, SupplierScoreColumn.scaleUpReady)
                    try row.append(d.status.action, SupplierScoreColumn.action)
                    try row.append(
                        JSONValue.array(d.readyMaterials.map { .string($0) }).jsonText,
                        SupplierScoreColumn.readyMaterials)
                    try row.append(d.risk.rawValue, SupplierScoreColumn.verdictRisk)
                    try row.append(d.overall.uncappedScore, SupplierScoreColumn.uncappedScore)
                    try row.append(s.coaCollectedSince, SupplierScoreColumn.coaCollectedSince)
                    try row.append(d.openOrderValue, SupplierScoreColumn.openOrderValue)
                }
            }
        }
    }

    public func write(flags: [Flag]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.flags",
            columns: FlagColumn.self
        ) { writer in
            for (index, flag) in flags.enumerated() {
                let evidence = flag.evidence.jsonText
                try writer.appendRow { row in
                    try row.append(runId, FlagColumn.runId)
                    try row.append(index + 1, FlagColumn.flagId)
                    try row.append(flag.supplierId, FlagColumn.supplierId)
                    try row.append(flag.materialId, FlagColumn.materialId)
                    try row.append(flag.characteristic, FlagColumn.characteristic)
                    try row.append(flag.kind.rawValue, FlagColumn.kind)
                    try row.append(flag.severity.rawValue, FlagColumn.severity)
                    try row.append(flag.message, FlagColumn.message)
                    try row.append(evidence, FlagColumn.evidence)
                }
            }
        }
    }

    public func write(capabilities: [CharacteristicCapability]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.characteristic_capability",
            columns: CapabilityColumn.self
        ) { writer in
            for c in capabilities {
                try writer.appendRow { row in
                    try row.append(runId, CapabilityColumn.runId)
                    try row.append(c.supplierId, CapabilityColumn.supplierId)
                    try row.append(c.materialId, CapabilityColumn.materialId)
                    try row.append(c.characteristic, CapabilityColumn.characteristic)
                    try row.append(c.unit, CapabilityColumn.unit)
                    try row.append(c.lowerLimit, CapabilityColumn.lowerLimit)
                    try row.append(c.upperLimit, CapabilityColumn.upperLimit)
                    try row.append(c.lots, CapabilityColumn.lots)
                    try row.append(c.firstLotDay, CapabilityColumn.firstLotDay)
                    try row.append(c.lastLotDay, CapabilityColumn.lastLotDay)
                    try row.append(c.baseline.n, CapabilityColumn.baselineN)
                    try row.append(c.baseline.mean, CapabilityColumn.baselineMean)
                    try row.append(c.baseline.sd, CapabilityColumn.baselineSd)
                    try row.append(c.baseline.cp, CapabilityColumn.baselineCp)
                    try row.append(c.baseline.cpk, CapabilityColumn.baselineCpk)
                    try row.append(c.recent.n, CapabilityColumn.recentN)
                    try row.append(c.recent.mean, CapabilityColumn.recentMean)
                    try row.append(c.recent.sd, CapabilityColumn.recentSd)
                    try row.append(c.recent.cp, CapabilityColumn.recentCp)
                    try row.append(c.recent.cpk, CapabilityColumn.recentCpk)
                    try row.append(c.sigmaUsed, CapabilityColumn.sigmaUsed)
                    try row.append(c.edgeShareBaseline, CapabilityColumn.edgeShareBaseline)
                    try row.append(c.edgeShareRecent, CapabilityColumn.edgeShareRecent)
                    try row.append(c.monitored, CapabilityColumn.monitored)
                    try row.append(c.ewma, CapabilityColumn.ewma)
                    try row.append(c.ewmaLowerLimit, CapabilityColumn.ewmaLowerLimit)
                    try row.append(c.ewmaUpperLimit, CapabilityColumn.ewmaUpperLimit)
                    try row.append(c.ewmaSignalLot, CapabilityColumn.ewmaSignalLot)
                    try row.append(c.trendSignalLot, CapabilityColumn.trendSignalLot)
                    try row.append(c.edgeShareSignal, CapabilityColumn.edgeShareSignal)
                    try row.append(c.driftDirection?.rawValue, CapabilityColumn.driftDirection)
                    try row.append(c.recentSlopePerLot, CapabilityColumn.recentSlopePerLot)
                    try row.append(c.projectedLotsToLimit, CapabilityColumn.projectedLotsToLimit)
                    try row.append(c.driftPValue, CapabilityColumn.driftPValue)
                    try row.append(c.driftTest?.rawValue, CapabilityColumn.driftTest)
                    try row.append(c.driftShiftSigmas, CapabilityColumn.driftShiftSigmas)
                }
            }
        }
    }

    public func write(monthly: [(supplierId: String, figures: MonthlyDeliveryFigures)]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.delivery_months",
            columns: DeliveryMonthColumn.self
        ) { writer in
            for (supplier, m) in monthly {
                try writer.appendRow { row in
                    try row.append(runId, DeliveryMonthColumn.runId)
                    try row.append(supplier, DeliveryMonthColumn.supplierId)
                    try row.append(m.month, DeliveryMonthColumn.month)
                    try row.append(m.dueLines, DeliveryMonthColumn.dueLines)
                    try row.append(m.otdRate, DeliveryMonthColumn.otdRate)
                    try row.append(m.otifRate, DeliveryMonthColumn.otifRate)
                    try row.append(m.avgDaysLate, DeliveryMonthColumn.avgDaysLate)
                }
            }
        }
    }

    public func write(orderSizes: [(supplierId: String, figures: OrderSizeFigures)]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.delivery_order_sizes",
            columns: OrderSizeColumn.self
        ) { writer in
            for (supplier, o) in orderSizes {
                try writer.appendRow { row in
                    try row.append(runId, OrderSizeColumn.runId)
                    try row.append(supplier, OrderSizeColumn.supplierId)
                    try row.append(o.bucket, OrderSizeColumn.bucket)
                    try row.append(o.label, OrderSizeColumn.label)
                    try row.append(o.lines, OrderSizeColumn.lines)
                    try row.append(o.otdRate, OrderSizeColumn.otdRate)
                    try row.append(o.avgDaysLate, OrderSizeColumn.avgDaysLate)
                }
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
            columns: MaterialDecisionColumn.self
        ) { writer in
            for row in rows {
                try writer.appendRow { fields in
                    try fields.append(runId, MaterialDecisionColumn.runId)
                    try fields.append(row.supplierId, MaterialDecisionColumn.supplierId)
                    try fields.append(row.materialId, MaterialDecisionColumn.materialId)
                    try fields.append(row.status, MaterialDecisionColumn.recommendedStatus)
                    try fields.append(row.statusReasons, MaterialDecisionColumn.statusReasons)
                    try fields.append(row.scaleUpReady, MaterialDecisionColumn.scaleUpReady)
                    try fields.append(row.readinessConditions, MaterialDecisionColumn.readinessConditions)
                    try fields.append(row.inspectionLevel, MaterialDecisionColumn.inspectionLevel)
                    try fields.append(row.skipLotCandidate, MaterialDecisionColumn.skipLotCandidate)
                    try fields.append(row.switchingScore, MaterialDecisionColumn.switchingScore)
                    try fields.append(row.inspectionReasons, MaterialDecisionColumn.inspectionReasons)
                    try fields.append(row.inspectionSteps, MaterialDecisionColumn.inspectionSteps)
                    try fields.append(row.action, MaterialDecisionColumn.action)
                    try fields.append(row.readinessState, MaterialDecisionColumn.readinessState)
                }
            }
        }
    }

    public func write(statusChanges changes: [StatusChange]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.status_changes",
            columns: StatusChangeColumn.self
        ) { writer in
            for c in changes {
                try writer.appendRow { row in
                    try row.append(runId, StatusChangeColumn.runId)
                    try row.append(c.supplierId, StatusChangeColumn.supplierId)
                    try row.append(c.materialId, StatusChangeColumn.materialId)
                    try row.append(c.from.rawValue, StatusChangeColumn.fromStatus)
                    try row.append(c.to.rawValue, StatusChangeColumn.toStatus)
                    try row.append(c.line, StatusChangeColumn.line)
                }
            }
        }
    }
}
