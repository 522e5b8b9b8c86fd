import Domain

/// Quality figures of one window. Definitions in docs/metrics.md.
public struct QualityFigures: Sendable, Hashable {
    public var lotsReceived = 0
    public var receivedQuantity = 0.0
    public var defectiveQuantity = 0.0
    /// Defects counted in the window that name no known receipt (counted by detection day).
    public var unlinkedDefects = 0
    public var ppm: Double?
    public var rejectedLots = 0
    public var lotRejectionRate: Double?
    public var coaResults = 0
    public var coaConformanceRate: Double?
    public var coaEdgeRate: Double?
    /// Lots received in the window whose CoA deadline passed without an accepted CoA.
    public var missingCoA: [LotCoAStatus] = []
    /// Lots received in the window still inside the CoA deadline without an accepted CoA.
    public var pendingCoALots = 0
}

struct QualityCalculator {
    var config: ScoringConfig

    func figures(_ inputs: SupplierInputs, window: DayWindow, asOf: Day) -> QualityFigures {
        var f = QualityFigures()
        let allReceipts = inputs.orderLines.flatMap(\.receipts)
        let knownIds = Set(allReceipts.map(\.receiptId))
        let receipts = allReceipts.filter { window.contains($0.receivedOn) && $0.receivedOn <= asOf }
        let inWindow = Set(receipts.map(\.receiptId))
        f.lotsReceived = receipts.count
        f.receivedQuantity = receipts.reduce(0) { $0 + $1.quantity }

        var rejected = Set<String>()
        for d in inputs.defects where d.detectedOn <= asOf {
            if let r = d.receiptId, knownIds.contains(r) {
                guard inWindow.contains(r) else { continue }
                f.defectiveQuantity += d.defectiveQuantity
                if d.disposition.rejectsLot { rejected.insert(r) }
            } else if window.contains(d.detectedOn) {
                // No receipt to attach it to: it belongs to the window it was found in.
                f.unlinkedDefects += 1
                f.defectiveQuantity += d.defectiveQuantity
            }
        }
        f.rejectedLots = rejected.count
        if f.receivedQuantity > 0 { f.ppm = 1e6 * f.defectiveQuantity / f.receivedQuantity }
        f.lotRejectionRate = Stats.ratio(f.rejectedLots, f.lotsReceived)

        let judged = inputs.measurements.filter {
            window.contains($0.lotDay) && $0.lotDay <= asOf && $0.verdict.isNumericJudgement
        }
        f.coaResults = judged.count
        f.coaConformanceRate = Stats.ratio(judged.filter { $0.verdict != .fail }.count, judged.count)
        f.coaEdgeRate = Stats.ratio(judged.filter { $0.verdict == .edge }.count, judged.count)

        // Lots received before CoAs were collected cannot be missing one.
        let collectedSince = config.coaCollectedSince(for: inputs.supplier.supplierId)
        for lot in inputs.lots where window.contains(lot.receivedOn) && lot.receivedOn <= asOf {
            if let collectedSince, lot.receivedOn < collectedSince { continue }
            let deadline = lot.receivedOn.advanced(by: config.missingCoADays)
            // A CoA accepted after the as-of day was not known then.
            let accepted = lot.coaAcceptedOn.flatMap { $0 <= asOf ? $0 : nil }
            if let accepted, accepted <= deadline { continue }
            if deadline < asOf {
                f.missingCoA.append(lot)
            } else {
                f.pendingCoALots += 1
            }
        }
        f.missingCoA.sort { ($0.receivedOn, $0.receiptId) < ($1.receivedOn, $1.receiptId) }
        return f
    }
}
