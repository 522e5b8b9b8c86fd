import Domain

/// One received lot as the decisions see it: accepted or rejected at incoming inspection, and whether
/// it proves conformity.
public struct LotRecord: Sendable, Hashable {
    public var receiptId: String
    public var materialId: String
    public var lotNumber: String?
    public var receivedOn: Day
    /// A `reject` or `return` defect names the receipt, or its CoA reports a result out of tolerance.
    public var rejected: Bool
    /// The material has specifications and no CoA was accepted by the deadline (which has passed).
    public var coaMissing: Bool
    /// Why the lot is not conforming, in plain words (empty when it is).
    public var findings: [String]

    /// Conforming: not rejected, and its CoA arrived in time where one is required.
    public var conforming: Bool { !rejected && !coaMissing }
}

extension LotRecord {
    /// The lots of one material received in `window` up to `asOf`, in receipt order (day, receipt id).
    static func history(
        _ inputs: SupplierInputs, material: String, window: DayWindow, asOf: Day, coaDeadlineDays: Int
    ) -> [LotRecord] {
        let receipts = inputs.orderLines.filter { $0.materialId == material }.flatMap(\.receipts)
            .filter { window.contains($0.receivedOn) && $0.receivedOn <= asOf }
            .sorted { ($0.receivedOn, $0.receiptId) < ($1.receivedOn, $1.receiptId) }
        var rejectingDefects: [String: [String]] = [:]
        for d in inputs.defects where d.disposition.rejectsLot && d.detectedOn <= asOf {
            if let r = d.receiptId { rejectingDefects[r, default: []].append(d.defectId) }
        }
        var failing: [String: Set<String>] = [:]
        for m in inputs.measurements where m.materialId == material && m.verdict == .fail {
            failing[m.lotNumber, default: []].insert(m.characteristic)
        }
        let coaStatus = Dictionary(
            inputs.lots.map { ($0.receiptId, $0) }, uniquingKeysWith: { first, _ in first })

        return receipts.map { r in
            var findings: [String] = []
            if let defects = rejectingDefects[r.receiptId] {
                findings.append("rejected (defect \(defects.sorted().joined(separator: ", ")))")
            }
            if let lot = r.lotNumber, let chars = failing[lot] {
                findings.append("out of tolerance on \(chars.sorted().joined(separator: ", "))")
            }
            let rejected = !findings.isEmpty
            var missing = false
            if let status = coaStatus[r.receiptId] {
                let deadline = r.receivedOn.advanced(by: coaDeadlineDays)
                let accepted = status.coaAcceptedOn.flatMap { $0 <= asOf ? $0 : nil }
                missing = deadline < asOf && !(accepted.map { $0 <= deadline } ?? false)
                if missing { findings.append("no CoA within \(coaDeadlineDays) days") }
            }
            return LotRecord(
                receiptId: r.receiptId, materialId: material, lotNumber: r.lotNumber,
                receivedOn: r.receivedOn,
                rejected: rejected, coaMissing: missing, findings: findings)
        }
    }

    /// The name a buyer knows the lot by.
    var name: String { lotNumber ?? receiptId }
}
