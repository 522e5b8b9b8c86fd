import Domain
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A deterministic procurement world that tells the stories the scorecard exists for.
///
/// The same seed, size and as-of date give byte-identical rows and CoA files. Everything is dated relative
/// to `asOf`; nothing reads the clock or a system random source. Tables stream: the large world is never
/// held in memory, only one approved source's history at a time.
public struct DemoWorld: Sendable {
    public let seed: UInt64
    public let size: DemoSize
    public let asOf: Day

    public init(seed: UInt64 = 20_261_123, size: DemoSize = .standard, asOf: Day) {
        self.seed = seed
        self.size = size
        self.asOf = asOf
    }

    /// The stories this world plants, without generating it.
    public func plantedStories() throws -> [PlantedStory] {
        try WorldPlan(seed: seed, size: size, asOf: asOf).stories
    }

    /// Writes `procurement.*` rows into the sink, in foreign-key order, and canonical CoA XML files into
    /// `inbox/<supplier_id>/<lot>.xml`; returns the counts and the planted stories.
    public func generate(into sink: inout some DemoSink, inbox: URL) throws -> DemoSummary {
        let plan = try WorldPlan(seed: seed, size: size, asOf: asOf)
        var summary = DemoSummary(stories: plan.stories)
        var writer = InboxWriter(root: inbox)

        func table(
            _ name: String, _ columns: [String], _ body: (_ emit: ([String?]) throws -> Void) throws -> Void
        ) throws {
            var count = 0
            try sink.write(table: name, columns: columns) { emit in
                // Both closures are non-escaping; counting needs one inside the other.
                try withoutActuallyEscaping(emit) { emit in
                    try body { row in
                        count += 1
                        try emit(row)
                    }
                }
            }
            summary.counts[name] = count
        }

        try table("suppliers", ["supplier_id", "name", "country", "active"]) { emit in
            for s in plan.suppliers { try emit([s.id, s.name, s.country, "t"]) }
        }
        try table("materials", ["material_id", "name", "criticality"]) { emit in
            for m in plan.materials { try emit([m.id, m.name, m.criticality]) }
        }
        try table(
            "approved_sources",
            ["supplier_id", "material_id", "supplier_part_number", "status", "approved_on"]
        ) { emit in
            for s in plan.sources {
                try emit([
                    plan.suppliers[s.supplier].id, plan.materials[s.material].id, s.partNumber, s.status,
                    TextFormat.day(s.approvedOn),
                ])
            }
        }
        try table(
            "specifications",
            [
                "material_id", "characteristic", "unit", "lower_limit", "upper_limit", "target", "valid_from",
                "valid_to",
            ]
        ) { emit in
            for m in plan.materials {
                for c in m.characteristics {
                    let d = c.template.decimals
                    for v in c.versions {
                        try emit([
                            m.id, c.template.name, c.template.unit, v.lower.map { TextFormat.fixed($0, d) },
                            v.upper.map { TextFormat.fixed($0, d) },
                            v.target.map { TextFormat.fixed($0, d + 1) },
                            TextFormat.day(v.validFrom), v.validTo.map(TextFormat.day),
                        ])
                    }
                }
            }
        }
        try table(
            "order_lines",
            [
                "order_line_id", "supplier_id", "material_id", "quantity", "unit", "unit_price", "ordered_at",
                "requested_date", "promised_date", "confirmed_at", "repromised_date", "cancelled",
            ]
        ) { emit in
            try forEachHistory(plan) { source, history in
                let supplierId = plan.suppliers[source.supplier].id
                let material = plan.materials[source.material]
                let priceDecimals = material.basePrice < 1 ? 4 : 2
                for l in history.lines {
                    try emit([
                        l.id, supplierId, material.id, TextFormat.fixed(l.quantity, 0), material.unit,
                        TextFormat.fixed(l.unitPrice, priceDecimals), TextFormat.timestamp(l.ordered),
                        TextFormat.day(l.requested), l.promised.map(TextFormat.day),
                        l.confirmed.map(TextFormat.timestamp), l.repromised.map(TextFormat.day),
                        TextFormat.bool(l.cancelled),
                    ])
                }
            }
        }
        try table("receipts", ["receipt_id", "order_line_id", "received_at", "quantity", "lot_number"]) {
            emit in
            try forEachHistory(plan) { source, history in
                for r in history.receipts {
                    try emit([
                        r.id, history.lines[r.line].id, TextFormat.timestamp(r.received),
                        TextFormat.fixed(r.quantity, 0), r.lot,
                    ])
                    try writeCoA(plan, source, history, r, &writer, &summary)
                }
            }
        }
        try table(
            "defects",
            [
                "defect_id", "receipt_id", "supplier_id", "material_id", "detected_at", "severity",
                "defective_quantity", "disposition", "description",
            ]
        ) { emit in
            var next = 1
            try forEachHistory(plan) { source, history in
                for r in history.receipts {
                    guard let d = LotQuality.defect(plan: plan, source: source, receipt: r) else { continue }
                    try emit([
                        TextFormat.id("NC", next, 6), d.withReceipt ? r.id : nil,
                        plan.suppliers[source.supplier].id,
                        plan.materials[source.material].id, TextFormat.timestamp(d.detected), d.severity,
                        TextFormat.fixed(d.defectiveQuantity, 1), d.disposition, d.description,
                    ])
                    next += 1
                }
            }
        }
        try table("communications", ["communication_id", "supplier_id", "kind", "sent_at", "responded_at"]) {
            emit in
            var next = 1
            for supplier in plan.suppliers {
                for m in Messages.generate(plan: plan, supplier: supplier) {
                    try emit([
                        TextFormat.id("CM", next, 6), supplier.id, m.kind, TextFormat.timestamp(m.sent),
                        m.responded.map(TextFormat.timestamp),
                    ])
                    next += 1
                }
            }
        }
        try table(
            "quotations",
            [
                "quotation_id", "supplier_id", "material_id", "quoted_at", "min_quantity", "unit_price",
                "lead_time_days", "valid_until",
            ]
        ) { emit in
            var next = 1
            for source in plan.sources {
                let material = plan.materials[source.material]
                let priceDecimals = material.basePrice < 1 ? 4 : 2
                for q in Quotes.generate(plan: plan, source: source) {
                    try emit([
                        TextFormat.id("QT", next, 6), plan.suppliers[source.supplier].id, material.id,
                        TextFormat.day(q.quotedAt), TextFormat.fixed(q.minQuantity, 0),
                        TextFormat.fixed(q.unitPrice, priceDecimals), String(q.leadDays),
                        TextFormat.day(q.validUntil),
                    ])
                    next += 1
                }
            }
        }
        try table("inspection_results", ["receipt_id", "characteristic", "value", "unit", "measured_at"]) {
            emit in
            try forEachHistory(plan) { source, history in
                guard plan.materials[source.material].specified else { return }
                for r in history.receipts where r.lot != nil {
                    let measured = LotQuality.measurements(
                        plan: plan, source: source, receipt: r, lots: history.receipts.count)
                    guard
                        let results = LotQuality.inspections(
                            plan: plan, source: source, receipt: r, measured: measured)
                    else { continue }
                    for i in results {
                        try emit([
                            r.id, i.characteristic, TextFormat.fixed(i.value, i.decimals), i.unit,
                            TextFormat.timestamp(i.at),
                        ])
                    }
                }
            }
        }
        summary.coaFiles = writer.files
        summary.brokenCoAFiles = writer.broken
        return summary
    }

    /// Every source's history in a fixed order, with ids continuing from source to source.
    private func forEachHistory(
        _ plan: WorldPlan, _ body: (SourcePlan, SourceHistory) throws -> Void
    ) throws {
        var nextLine = 1
        var nextReceipt = 1
        for source in plan.sources {
            let history = SourceHistory(
                plan: plan, source: source, firstLine: nextLine, firstReceipt: nextReceipt)
            nextLine += history.lines.count
            nextReceipt += history.receipts.count
            try body(source, history)
        }
    }

    private func writeCoA(
        _ plan: WorldPlan, _ source: SourcePlan, _ history: SourceHistory, _ receipt: Receipt,
        _ writer: inout InboxWriter, _ summary: inout DemoSummary
    ) throws {
        guard let lot = receipt.lot else { return }
        let broken: LotQuality.BrokenKind?
        switch LotQuality.coaFate(plan: plan, source: source, receipt: receipt) {
        case .none: return
        case .good: broken = nil
        case .broken(let kind): broken = kind
        }
        let measured = LotQuality.measurements(
            plan: plan, source: source, receipt: receipt, lots: history.receipts.count)
        let text = CoADocument.xml(
            plan: plan, source: source, line: history.lines[receipt.line], receipt: receipt, lot: lot,
            measured: measured, broken: broken)
        // A CoA travels with its lot: the file is dated to the lot's arrival, as an inbox fed over the years
        // would be, so the intake sees when each certificate arrived.
        try writer.write(
            supplierId: plan.suppliers[source.supplier].id, name: lot + ".xml", text: text,
            broken: broken != nil, arrived: receipt.received)
    }
}

/// Writes CoA files, creating each supplier's folder once.
struct InboxWriter {
    let root: URL
    private var created: Set<String> = []
    private(set) var files = 0
    private(set) var broken = 0

    init(root: URL) {
        self.root = root
    }

    mutating func write(supplierId: String, name: String, text: String, broken isBroken: Bool, arrived: Int)
        throws
    {
        let folder = root.appendingPathComponent(supplierId, isDirectory: true)
        if !created.contains(supplierId) {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw DemoError.cannotWrite(path: folder.path, reason: "\(error)")
            }
            created.insert(supplierId)
        }
        let path = folder.appendingPathComponent(name, isDirectory: false).path
        if let reason = writeWholeFile(path, text) {
            throw DemoError.cannotWrite(path: path, reason: reason)
        }
        // Dated to the lot's arrival (see writeCoA).
        var times = [timespec(tv_sec: arrived, tv_nsec: 0), timespec(tv_sec: arrived, tv_nsec: 0)]
        guard utimensat(AT_FDCWD, path, &times, 0) == 0 else {
            throw DemoError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        files += 1
        if isBroken { broken += 1 }
    }

}

/// One open, write, close: Foundation's `Data.write` fsyncs every file, which made a 100,000-file
/// inbox take most of a minute in the kernel. A demo inbox does not need to survive a power cut.
/// Returns the failure, if any.
private func writeWholeFile(_ path: String, _ text: String) -> String? {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return String(cString: strerror(errno)) }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBytes { buffer -> String? in
        var offset = 0
        while offset < buffer.count {
            let written = write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }
}
