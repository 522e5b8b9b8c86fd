import Domain
import ReportModel

/// What `index.mustache` sees. All strings are plain text; the template escapes them.
struct IndexPage {
    struct Row {
        var rank: Int
        var link: String
        var supplierId: String
        var name: String
        var score: String
        var scoreNoData: Bool
        var grade: String
        var change: String
        var status: String
        var riskLevel: String
        var otd: String
        var otdNoData: Bool
        var ppm: String
        var ppmNoData: Bool
        var critical: Int
        var warning: Int
        var info: Int
        var isNew: Bool
        var atRisk: Bool
        var drifting: Bool
        /// Why it is in a section ("score 82.0 → 74.5 (−7.5)", the flag messages, …).
        var reasons: [String]
    }

    struct Document {
        var path: String
        var supplier: String
        var reason: String
    }

    struct MaterialRow {
        var link: String
        var materialId: String
        var name: String
        var criticality: String
        var sources: Int
        var singleSourced: Bool
    }

    var run: RunView
    var supplierCount: Int
    var materialCount: Int
    var criticalFlags: Int
    var warningFlags: Int
    var infoFlags: Int
    var suppliers: [Row]
    var gotWorse: [Row]
    /// Stored, not computed: templates read fields through `Mirror`, which sees stored properties only.
    var anyGotWorse: Bool
    var atRisk: [Row]
    var drifting: [Row]
    var newSinceLastRun: [Row]
    var readyForVolume: [Row]
    var hasPreviousRun: Bool
    var rejectedDocuments: [Document]
    var anyRejected: Bool
    var singleSourced: [MaterialRow]
    var materials: [MaterialRow]
    var today: [TodayLine]
    var changes: [ChangeLine]
    var rejectionGroups: [RejectionGroup]

    init(_ report: ScorecardReport) {
        run = RunView(report.run)
        let hasPreviousRun = report.run.previousRunId != nil
        self.hasPreviousRun = hasPreviousRun
        supplierCount = report.suppliers.count
        materialCount = report.materials.count
        let ranked = IndexPage.ranked(report.suppliers)
        var rows: [Row] = []
        var critical = 0
        var warning = 0
        var info = 0
        for (offset, supplier) in ranked.enumerated() {
            let counts = supplier.openFlagCounts
            critical += counts.critical
            warning += counts.warning
            info += counts.info
            rows.append(
                Row(
                    rank: offset + 1, link: "suppliers/" + PageFileName.html(for: supplier.supplierId),
                    supplierId: supplier.supplierId, name: supplier.name,
                    score: ReportFormat.score(supplier.overallScore),
                    scoreNoData: supplier.overallScore == nil,
                    grade: supplier.grade ?? "–",
                    change: supplier.previous == nil && hasPreviousRun
                        ? "new" : ReportFormat.change(supplier.scoreChange),
                    status: Wording.code(supplier.recommendedStatus),
                    riskLevel: Wording.code(supplier.priorityRisk?.level) == "insufficient data"
                        ? "too few orders" : Wording.code(supplier.priorityRisk?.level),
                    otd: ReportFormat.percent(supplier.delivery.otdRate),
                    otdNoData: supplier.delivery.otdRate == nil,
                    ppm: ReportFormat.ppm(supplier.quality.ppm), ppmNoData: supplier.quality.ppm == nil,
                    critical: counts.critical, warning: counts.warning, info: counts.info,
                    isNew: hasPreviousRun && supplier.previous == nil, atRisk: supplier.isAtRisk,
                    drifting: supplier.isDrifting, reasons: []))
        }
        criticalFlags = critical
        warningFlags = warning
        infoFlags = info
        suppliers = rows

        let allRows = rows
        let drops = Dictionary(
            ranked.compactMap { s in s.scoreChange.map { (s.supplierId, $0) } },
            uniquingKeysWith: { a, _ in a })
        func section(_ include: (SupplierReport) -> [String]?) -> [Row] {
            zip(ranked, allRows).compactMap { supplier, row in
                guard let reasons = include(supplier) else { return nil }
                var row = row
                row.reasons = reasons
                return row
            }
        }
        // Largest score drop first; changes without a score (status, risk, flags) after, in rank order.
        gotWorse = section { $0.worsening.isEmpty ? nil : $0.worsening }.enumerated().sorted { a, b in
            let (x, y) = (drops[a.element.supplierId] ?? 0, drops[b.element.supplierId] ?? 0)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        anyGotWorse = !gotWorse.isEmpty
        atRisk = section { supplier in
            guard supplier.isAtRisk else { return nil }
            var reasons = supplier.flags.filter { $0.severity == .critical }.map(\.message)
            if supplier.priorityRisk?.level == "high" { reasons.insert("priority-position risk high", at: 0) }
            if supplier.recommendedStatus == "probation" {
                reasons.insert("recommended status: probation", at: 0)
            }
            return reasons
        }
        drifting = section { supplier in
            let messages = supplier.flags.filter { $0.kind == .edgeOfToleranceDrift }.map(\.message)
            return messages.isEmpty ? nil : messages
        }
        newSinceLastRun = section { supplier in
            hasPreviousRun && supplier.previous == nil ? [] : nil
        }
        readyForVolume = section { supplier in
            supplier.readyMaterials.isEmpty
                ? nil : ["ready with " + supplier.readyMaterials.joined(separator: ", ")]
        }

        let names = Dictionary(
            report.suppliers.map { ($0.supplierId, $0.name) }, uniquingKeysWith: { first, _ in first })
        rejectedDocuments = report.rejectedDocuments.map { document in
            let supplier =
                document.supplierId.map { id in names[id].map { "\($0) (\(id))" } ?? id } ?? "unknown"
            return Document(path: document.path, supplier: supplier, reason: document.reason)
        }
        anyRejected = !rejectedDocuments.isEmpty
        rejectionGroups = RejectionGroup.groups(report.rejectedDocuments, names: names)
        today = TodayLine.lines(ranked)
        changes = ChangeLine.lines(ranked, hasPreviousRun: hasPreviousRun)
        materials = report.materials.sorted { $0.materialId < $1.materialId }.map { material in
            MaterialRow(
                link: "materials/" + PageFileName.html(for: material.materialId),
                materialId: material.materialId,
                name: material.name, criticality: material.criticality, sources: material.sources.count,
                singleSourced: material.isSingleSourced)
        }
        singleSourced = materials.filter(\.singleSourced)
    }

    /// Highest score first, suppliers without a score last; ties by more critical flags, then id.
    /// The verdict first (qualified, conditional, in qualification, probation, not assessed), then the
    /// score: a capped grade never ranks a supplier on probation above a qualified one.
    static func verdictRank(_ status: String?) -> Int {
        ["qualified": 0, "conditional": 1, "in_qualification": 2, "probation": 3][status ?? ""] ?? 4
    }

    static func ranked(_ suppliers: [SupplierReport]) -> [SupplierReport] {
        suppliers.sorted { a, b in
            let (va, vb) = (verdictRank(a.recommendedStatus), verdictRank(b.recommendedStatus))
            if va != vb { return va < vb }
            switch (a.overallScore, b.overallScore) {
            case (let x?, let y?) where x != y: return x > y
            case (.some, .none): return true
            case (.none, .some): return false
            default:
                let (ca, cb) = (a.openFlagCounts.critical, b.openFlagCounts.critical)
                if ca != cb { return ca > cb }
                return a.supplierId < b.supplierId
            }
        }
    }
}

/// The run as every page's header shows it.
struct RunView {
    var runId: String
    var asOf: String
    var status: String
    var succeeded: Bool
    var startedAt: String
    var finishedAt: String
    var error: String?
    var previousRunId: String?
    var previousAsOf: String?
    var suppliersScored: String
    var documentsAccepted: String
    var documentsRejected: String
    var flagsRaised: String
    /// The stored windows' days in a sentence; nil when the run did not store them.
    var windows: String?
    /// What an operator must know to read the run right (a bulk arrival of old lots' certificates).
    var notices: [String]

    init(_ run: RunInfo) {
        runId = String(run.runId)
        asOf = ReportFormat.date(run.asOf)
        status = run.status
        succeeded = run.status == "succeeded"
        startedAt = ReportFormat.timestamp(run.startedAt)
        finishedAt = run.finishedAt.map { ReportFormat.timestamp($0) } ?? "not finished"
        error = run.error
        previousRunId = run.previousRunId.map { String($0) }
        previousAsOf = run.previousAsOf.map { ReportFormat.date($0) }
        suppliersScored = ReportFormat.count(run.counts.suppliersScored)
        documentsAccepted = ReportFormat.count(run.counts.documentsAccepted)
        documentsRejected = ReportFormat.count(run.counts.documentsRejected)
        flagsRaised = ReportFormat.count(run.counts.flagsRaised)
        windows = run.windows.map { w in
            "Figures cover the current window \(ReportFormat.date(w.currentFirst)) to "
                + "\(ReportFormat.date(w.currentLast)); trends compare it with the baseline "
                + "\(ReportFormat.date(w.baselineFirst)) to \(ReportFormat.date(w.baselineLast))."
        }
        notices = run.notices
    }
}
