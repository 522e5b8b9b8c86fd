import Postgres

/// The columns of the tables a run writes, declared once: the COPY column lists are these, and every
/// value names its column as it is appended (``PostgresCopyRow/append(_:_:)``).
extension ResultWriter {
    /// The columns of `scorecard_store.supplier_scores`, in the order the rows give them.
    enum SupplierScoreColumn: Int, PostgresColumns {
        case runId, supplierId, supplierName, dueLines, otdRate, otifRate, avgDaysLate, lotsReceived
        case receivedQuantity, defectiveQuantity, ppm, lotRejectionRate, coaResults, coaConformanceRate
        case coaEdgeRate, missingCoaLots, messages, medianResponseHours, withinSlaRate, unansweredOverdue
        case openLines, lateLines, repromiseRate, avgDaysMoved, medianConfirmationHours, avgLeadTimeDays
        case avgQuotedLeadTimeDays, leadTimeCv, rejectedLots, unlinkedDefects, pendingCoaLots
        case answeredMessages, pendingMessages, unansweredShare, priorityRiskScore, priorityRiskLevel
        case overallScore, grade, scoreParts, scoreNote, recommendedStatus, statusReasons, scaleUpReady
        case action, readyMaterials, verdictRisk, uncappedScore, coaCollectedSince, openOrderValue
    }

    /// The columns of `scorecard_store.flags`, in the order the rows give them.
    enum FlagColumn: Int, PostgresColumns {
        case runId, flagId, supplierId, materialId, characteristic, kind, severity, message, evidence
    }

    /// The columns of `scorecard_store.characteristic_capability`, in the order the rows give them.
    enum CapabilityColumn: Int, PostgresColumns {
        case runId, supplierId, materialId, characteristic, unit, lowerLimit, upperLimit, lots, firstLotDay
        case lastLotDay, baselineN, baselineMean, baselineSd, baselineCp, baselineCpk, recentN, recentMean
        case recentSd, recentCp, recentCpk, sigmaUsed, edgeShareBaseline, edgeShareRecent, monitored, ewma
        case ewmaLowerLimit, ewmaUpperLimit, ewmaSignalLot, trendSignalLot, edgeShareSignal, driftDirection
        case recentSlopePerLot, projectedLotsToLimit, driftPValue, driftTest, driftShiftSigmas
    }

    /// The columns of `scorecard_store.delivery_months`, in the order the rows give them.
    enum DeliveryMonthColumn: Int, PostgresColumns {
        case runId, supplierId, month, dueLines, otdRate, otifRate, avgDaysLate
    }

    /// The columns of `scorecard_store.delivery_order_sizes`, in the order the rows give them.
    enum OrderSizeColumn: Int, PostgresColumns {
        case runId, supplierId, bucket, label, lines, otdRate, avgDaysLate
    }

    /// The columns of `scorecard_store.judged_order_lines`, in the order the rows give them.
    enum JudgedLineColumn: Int, PostgresColumns {
        case runId, supplierId, window, orderLineId, materialId, quantity, unit, due, firstReceipt, daysLate
        case onTime, inFull, large, leadTimeDays, quotedLeadTimeDays
    }

    /// The columns of `scorecard_store.material_decisions`, in the order the rows give them.
    enum MaterialDecisionColumn: Int, PostgresColumns {
        case runId, supplierId, materialId, recommendedStatus, statusReasons, scaleUpReady
        case readinessConditions, inspectionLevel, skipLotCandidate, switchingScore, inspectionReasons
        case inspectionSteps, action, readinessState
    }

    /// The columns of `scorecard_store.status_changes`, in the order the rows give them.
    enum StatusChangeColumn: Int, PostgresColumns {
        case runId, supplierId, materialId, fromStatus, toStatus, line
    }

    /// The columns of `scorecard_store.control_charts`, in the order the rows give them.
    enum ChartColumn: Int, PostgresColumns {
        case runId, supplierId, materialId, characteristic, unit, lowerLimit, upperLimit, target, edgeLower
        case edgeUpper, centre, sigma, ewmaLambda, ewmaL, lotNumbers, lotDays, lotValues, verdicts, ewma
        case ewmaLower, ewmaUpper, flagged
    }

    /// The columns of `scorecard_store.response_months`, in the order the rows give them.
    enum ResponseMonthColumn: Int, PostgresColumns {
        case runId, supplierId, month, messages, answered, unansweredOverdue, pending, medianResponseHours
        case withinSlaRate
    }

    /// The columns of `scorecard_store.material_sourcing`, in the order the rows give them.
    enum SourcingColumn: Int, PostgresColumns {
        case runId, materialId, criticality, sources, usableSources, requiredSources, singleSourced
    }

    /// The columns of `scorecard_store.input_anomalies`, in the order the rows give them.
    enum AnomalyColumn: Int, PostgresColumns {
        case runId, position, sourceTable, rowKey, field, problem, action
    }

    /// The columns of `scorecard_store.supplier_material_figures`, in the order the rows give them.
    enum MaterialFiguresColumn: Int, PostgresColumns {
        case runId, supplierId, materialId, dueLines, otdRate, otifRate, avgDaysLate, ppm, lotsReceived
        case medianLeadTimeDays, leadTimeLines, leadTimeCv, quotedLeadTimeDays, typicalQuantity, orderUnit
        case unitMismatch, volumeTierQuotationId, volumeTierMinQuantity, volumeTierPrice
        case volumeTierLeadTimeDays, openLines, openQuantity, openUnit, openValue, unpricedOpenLines
    }

    /// The columns of `scorecard_store.today_lines`, in the order the rows give them.
    enum TodayLineColumn: Int, PostgresColumns {
        case runId, supplierId, rank, urgency, soleSourced, criticalMaterials, openOrderValue
    }
}
