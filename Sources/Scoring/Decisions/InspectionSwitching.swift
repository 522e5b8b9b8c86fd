import Domain

/// ISO 2859-1:1999 switching rules (clause 9) replayed lot by lot, starting at normal inspection with
/// the first lot of the look-back. The data gives each lot's outcome (accepted or rejected), not the
/// sample sizes and acceptance numbers, so the switching score assumes one kind of plan
/// (`switchingScorePerLot`; see docs/decisions.md).
struct InspectionSwitching {
    var config: DecisionConfig

    struct Lot {
        var name: String
        var day: Day
        var accepted: Bool
    }

    /// Replays the rules over `lots` (in receipt order) and returns every step.
    func replay(_ lots: [Lot]) -> [InspectionStep] {
        var level = InspectionLevel.normal
        var score = 0
        var normalOutcomes: [Bool] = []
        var tightenedAccepted = 0
        var tightenedRejected = 0
        var previousDay: Day?
        var steps: [InspectionStep] = []

        for lot in lots {
            var notes: [String] = []
            if let previousDay, previousDay.distance(to: lot.day) > config.productionGapDays {
                let gap = previousDay.distance(to: lot.day)
                // Production not steady (9.3.3.2 and 9.3.4 b): reduced goes back, the score restarts.
                if level == .reduced {
                    level = .normal
                    normalOutcomes = []
                    notes.append("\(gap) days without a lot: reduced → normal")
                } else if level == .normal && score > 0 {
                    notes.append("\(gap) days without a lot: switching score restarts")
                }
                if level == .normal { score = 0 }
            }
            previousDay = lot.day
            let inspectedAt = level

            switch level {
            case .normal:
                normalOutcomes.append(lot.accepted)
                score = lot.accepted ? score + config.switchingScorePerLot : 0
                let lastFive = normalOutcomes.suffix(5)
                let rejected = lastFive.filter { !$0 }.count
                if rejected >= 2 {
                    level = .tightened
                    tightenedAccepted = 0
                    tightenedRejected = 0
                    score = 0
                    notes.append("2 of \(lastFive.count) consecutive lots rejected: normal → tightened")
                } else if score >= config.switchingScoreLimit {
                    level = .reduced
                    notes.append(
                        "switching score \(score) reached \(config.switchingScoreLimit): normal → reduced")
                }
            case .tightened:
                if lot.accepted {
                    tightenedAccepted += 1
                    if tightenedAccepted >= 5 {
                        level = .normal
                        normalOutcomes = []
                        score = 0
                        notes.append("5 consecutive lots accepted: tightened → normal")
                    }
                } else {
                    tightenedAccepted = 0
                    tightenedRejected += 1
                    if tightenedRejected >= config.discontinueRejections {
                        level = .discontinue
                        notes.append(
                            "\(tightenedRejected) lots rejected under tightened inspection: discontinue")
                    }
                }
            case .reduced:
                if !lot.accepted {
                    level = .normal
                    normalOutcomes = []
                    score = 0
                    notes.append("lot rejected under reduced inspection: reduced → normal")
                }
            case .discontinue:
                // Resuming needs the supplier's corrective action, which the data does not show.
                break
            }
            steps.append(
                InspectionStep(
                    lot: lot.name, receivedOn: lot.day, accepted: lot.accepted, level: inspectedAt,
                    switchingScore: inspectedAt == .normal ? score : 0, nextLevel: level,
                    note: notes.isEmpty ? nil : notes.joined(separator: "; ")))
        }
        return steps
    }

    /// The recommendation for one supplier × material from its lots as of `asOf`.
    /// `processFindings`: open findings on the material's process (drift, out of tolerance, doubtful
    /// CoAs) in plain words; any of them rules out skip-lot.
    func recommend(
        supplierId: String, materialId: String, lots: [LotRecord], asOf: Day, processFindings: [String] = []
    ) -> InspectionRecommendation {
        let steps = replay(lots.map { Lot(name: $0.name, day: $0.receivedOn, accepted: !$0.rejected) })
        let level = steps.last?.nextLevel ?? .normal
        let streak = steps.reversed().prefix { $0.accepted }.count
        let rejected = steps.filter { !$0.accepted }.count
        var reasons: [String] = []
        if steps.isEmpty {
            reasons.append("no lots received in the look-back: normal inspection")
        } else if let last = steps.last(where: { $0.note != nil }), let note = last.note {
            reasons.append("\(note) at lot \(last.lot) (\(last.receivedOn.iso))")
        } else {
            reasons.append("\(steps.count) lots, \(rejected) rejected: normal inspection throughout")
        }

        let historyDays = steps.first.map { $0.receivedOn.distance(to: asOf) } ?? 0
        var missing: [String] = []
        if level != .normal && level != .reduced { missing.append("inspection is \(level.rawValue)") }
        if streak < config.skipLotLots {
            missing.append("\(streak) consecutive accepted lots, \(config.skipLotLots) needed")
        }
        if historyDays < config.skipLotHistoryDays {
            missing.append("\(historyDays) days of supply history, \(config.skipLotHistoryDays) needed")
        }
        missing += processFindings
        let skipLot = missing.isEmpty && !steps.isEmpty
        if skipLot {
            reasons.append(
                "skip-lot candidate: \(streak) consecutive lots accepted over \(historyDays) days of supply")
        } else if !steps.isEmpty {
            reasons.append("not a skip-lot candidate: " + missing.joined(separator: ", "))
        }
        return InspectionRecommendation(
            supplierId: supplierId, materialId: materialId, level: level, skipLotCandidate: skipLot,
            switchingScore: level == .normal ? (steps.last?.switchingScore ?? 0) : 0, lots: steps.count,
            rejectedLots: rejected, acceptedStreak: streak, reasons: reasons, steps: steps)
    }
}
