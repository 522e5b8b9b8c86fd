import Domain

/// The status limits on figures (OTD, PPM, lot rejection, CoA conformance, Cpk), each judged on the
/// confidence bound of its estimate, with the count shown: "OTD 71 % over 34 lines (95 % upper bound
/// 79 %; probation below 80 %)". A figure below the minimum count judges nothing and says so.
struct FigureJudge {
    var config: DecisionConfig
    var figures: StatusFigures
    var materialId: String?

    private func estimates(_ confidence: Double) -> (
        otd: Estimate?, ppm: Estimate?, rejection: Estimate?, conformance: Estimate?
    ) {
        let z = Bounds.z(confidence)
        let f = figures
        return (
            Estimate.share(f.onTimeLines, of: f.currentLines, z: z, minimum: config.limitsMinDueLines),
            Estimate.ppm(
                defective: f.defectiveQuantity, received: f.receivedQuantity, lots: f.currentLots,
                confidence: confidence, minimumLots: config.limitsMinLots),
            Estimate.share(f.rejectedLots, of: f.currentLots, z: z, minimum: config.limitsMinLots),
            Estimate.share(f.coaPasses, of: f.coaResults, z: z, minimum: 1).map { e in
                // Conformance needs enough lots, not only enough results: one lot's CoA is one test.
                var e = e
                e.enough = f.currentLots >= config.limitsMinLots
                return e
            }
        )
    }

    /// Findings of the probation limits (`.critical`) or of the conditional ones (`.warning`).
    func findings(_ severity: Severity) -> [Finding] {
        let probation = severity == .critical
        let confidence = probation ? config.probationConfidence : config.conditionalConfidence
        let e = estimates(confidence)
        let level = Fmt.percentTenths(confidence)
        let word = probation ? "probation" : "conditional"
        var out: [Finding] = []
        func add(_ kind: Finding.Kind, _ text: String, characteristic: String? = nil) {
            out.append(
                Finding(
                    kind: kind, materialId: materialId, characteristic: characteristic, severity: severity,
                    text: text))
        }
        let otdLimit = probation ? config.probationOTD : config.conditionalOTD
        // The conditional limit also looks at the whole look-back: a lasting shortfall shows over its
        // 270 days where one quarter's lines are too few to tell it from noise.
        let lookBack =
            probation
            ? nil
            : Estimate.share(
                figures.judgedOnTime, of: figures.judgedLines, z: Bounds.z(confidence),
                minimum: config.limitsMinDueLines)
        let shown = [e.otd.map { ($0, "") }, lookBack.map { ($0, " in the look-back") }].compactMap { $0 }
            .first { $0.0.atLeast(otdLimit) == .shownBad }
        if let (otd, scope) = shown {
            add(
                .otd,
                "OTD \(Fmt.percentBeside(otd.value, limit: otdLimit)) over \(lines(otd.n))\(scope) (\(level) upper "
                    + "bound \(Fmt.percentBeside(otd.upper, limit: otdLimit)); \(word) below \(Fmt.percent(otdLimit)))"
            )
        }
        let ppmLimit = probation ? config.probationPPM : config.conditionalPPM
        if let ppm = e.ppm, ppm.atMost(ppmLimit) == .shownBad {
            add(
                .ppm,
                "PPM \(Fmt.number(ppm.value)) over \(lots(ppm.n)) (\(level) lower bound \(Fmt.number(ppm.lower)); "
                    + "\(word) above \(Fmt.number(ppmLimit)))")
        }
        let rejectionLimit = probation ? config.probationLotRejection : config.conditionalLotRejection
        if let r = e.rejection, r.atMost(rejectionLimit) == .shownBad {
            add(
                .lotRejection,
                "\(figures.rejectedLots) of \(lots(r.n)) rejected (\(Fmt.percentBeside(r.value, limit: rejectionLimit)); "
                    + "\(level) lower bound \(Fmt.percentBeside(r.lower, limit: rejectionLimit)); \(word) above "
                    + "\(Fmt.percent(rejectionLimit)))")
        }
        let conformanceLimit = probation ? config.probationConformance : config.conditionalConformance
        if let c = e.conformance, c.atLeast(conformanceLimit) == .shownBad {
            add(
                .conformance,
                "CoA conformance \(Fmt.percentBeside(c.value, limit: conformanceLimit)) over \(c.n) "
                    + "\(c.n == 1 ? "result" : "results") (\(level) upper bound "
                    + "\(Fmt.percentBeside(c.upper, limit: conformanceLimit)); \(word) below "
                    + "\(Fmt.percent(conformanceLimit)))")
        }
        if !probation {
            let z = Bounds.z(confidence)
            for cap in figures.capabilities {
                guard let c = cap.estimate(z: z, minimumLots: config.readinessCpkMinLots),
                    c.atLeast(config.conditionalCpk) == .shownBad
                else { continue }
                let limit = config.conditionalCpk
                add(
                    .capability,
                    "Cpk of \(cap.characteristic)\(materialId == nil ? " of \(cap.materialId)" : "") "
                        + "\(Fmt.twoDecimalsBeside(c.value, limit: limit)) over \(lots(c.n)) (\(level) upper bound "
                        + "\(Fmt.twoDecimalsBeside(c.upper, limit: limit)); \(word) below \(Fmt.number(limit)))",
                    characteristic: cap.characteristic)
            }
        }
        return out
    }

    /// The figures of a qualified verdict, each with its count, or "too few to judge".
    func plainFigures() -> [String] {
        let e = estimates(config.conditionalConfidence)
        let few = "too few to judge"
        var out: [String] = []
        if let otd = e.otd {
            out.append(
                "OTD \(Fmt.percent(otd.value)) over \(lines(otd.n))" + (otd.enough ? "" : " (\(few))"))
        } else {
            out.append("OTD no data")
        }
        if let ppm = e.ppm {
            out.append("PPM \(Fmt.number(ppm.value)) over \(lots(ppm.n))" + (ppm.enough ? "" : " (\(few))"))
        } else {
            out.append("PPM no data")
        }
        if let c = e.conformance {
            out.append(
                "CoA conformance \(Fmt.percent(c.value)) over \(c.n) \(c.n == 1 ? "result" : "results")"
                    + (c.enough ? "" : " (\(few))"))
        } else {
            out.append("CoA conformance no data")
        }
        return out
    }

    private func lines(_ n: Int) -> String { "\(n) \(n == 1 ? "line" : "lines")" }
    private func lots(_ n: Int) -> String { "\(n) \(n == 1 ? "lot" : "lots")" }
}
