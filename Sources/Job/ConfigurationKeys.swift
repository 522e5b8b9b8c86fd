import Domain
import Foundation
import Scoring

/// One configuration key: its name in the file, its environment variable, its default and how it is applied.
/// The table below is the single list of keys; the sample file, `scorecard config` and validation all come from it.
struct ConfigurationKey: Sendable {
    var name: String
    var help: String
    var defaultText: String
    /// The effective value as text.
    var read: @Sendable (Configuration) -> String
    var apply: @Sendable (inout Configuration, String) throws(ConfigurationError) -> Void

    /// `SCORECARD_` + the name upper-cased with dots as underscores.
    var environmentVariable: String {
        "SCORECARD_" + name.uppercased().replacingOccurrences(of: ".", with: "_")
    }
}

extension ConfigurationKey {
    static func int(
        _ name: String, _ help: String, _ range: ClosedRange<Int>,
        _ keyPath: WritableKeyPath<Configuration, Int> & Sendable
    ) -> ConfigurationKey {
        ConfigurationKey(
            name: name, help: help, defaultText: String(Configuration()[keyPath: keyPath]),
            read: { String($0[keyPath: keyPath]) },
            apply: { config, text throws(ConfigurationError) in
                guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                    throw ConfigurationError.invalid(key: name, value: text, expected: "a whole number")
                }
                guard range.contains(value) else {
                    throw ConfigurationError.invalid(
                        key: name, value: text, expected: "\(range.lowerBound) to \(range.upperBound)")
                }
                config[keyPath: keyPath] = value
            })
    }

    static func double(
        _ name: String, _ help: String, _ range: ClosedRange<Double>,
        _ keyPath: WritableKeyPath<Configuration, Double> & Sendable
    ) -> ConfigurationKey {
        ConfigurationKey(
            name: name, help: help, defaultText: formatted(Configuration()[keyPath: keyPath]),
            read: { formatted($0[keyPath: keyPath]) },
            apply: { config, text throws(ConfigurationError) in
                guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                    throw ConfigurationError.invalid(key: name, value: text, expected: "a number")
                }
                guard range.contains(value) else {
                    throw ConfigurationError.invalid(
                        key: name, value: text,
                        expected: "\(formatted(range.lowerBound)) to \(formatted(range.upperBound))")
                }
                config[keyPath: keyPath] = value
            })
    }

    static func text(
        _ name: String, _ help: String, _ keyPath: WritableKeyPath<Configuration, String> & Sendable,
        validate: @escaping @Sendable (String) -> String? = { _ in nil }
    ) -> ConfigurationKey {
        ConfigurationKey(
            name: name, help: help, defaultText: Configuration()[keyPath: keyPath],
            read: { $0[keyPath: keyPath] },
            apply: { config, text throws(ConfigurationError) in
                let value = text.trimmingCharacters(in: .whitespaces)
                if let problem = validate(value) {
                    throw ConfigurationError.invalid(key: name, value: text, expected: problem)
                }
                config[keyPath: keyPath] = value
            })
    }

    static func day(
        _ name: String, _ help: String, _ keyPath: WritableKeyPath<Configuration, Day?> & Sendable
    ) -> ConfigurationKey {
        ConfigurationKey(
            name: name, help: help, defaultText: Configuration()[keyPath: keyPath]?.iso ?? "",
            read: { $0[keyPath: keyPath]?.iso ?? "" },
            apply: { config, text throws(ConfigurationError) in
                let value = text.trimmingCharacters(in: .whitespaces)
                if value.isEmpty {
                    config[keyPath: keyPath] = nil
                    return
                }
                guard let day = Day(iso: value) else {
                    throw ConfigurationError.invalid(key: name, value: text, expected: "a date YYYY-MM-DD")
                }
                config[keyPath: keyPath] = day
            })
    }

    fileprivate static func formatted(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension Configuration {
    /// Every key, in the order the sample file shows them.
    static let keys: [ConfigurationKey] = [
        .text("inbox", "Folder of supplier CoA files: <inbox>/<supplier_id>/... (never modified)", \.inbox),
        .text("reports", "Folder the HTML scorecards are written to", \.reports),
        .text(
            "time_zone", "Time zone in which timestamps become days (IANA name)", \.timeZone,
            validate: {
                TimeZone(identifier: $0) == nil ? "an IANA time zone name such as UTC or Europe/Berlin" : nil
            }),
        .int(
            "windows.current_days", "Current window: days up to the as-of date", 7...730,
            \.scoring.currentWindowDays),
        .int(
            "windows.baseline_days", "Baseline window: days before the current window", 7...1460,
            \.scoring.baselineWindowDays),
        .int(
            "delivery.grace_days", "Days after the due date still counted on time", 0...60,
            \.scoring.deliveryGraceDays),
        .double(
            "delivery.in_full_tolerance",
            "Short delivery still counted in full (fraction of the ordered quantity)",
            0...0.5, \.scoring.inFullTolerance),
        .double(
            "responsiveness.sla_hours", "Hours within which a message should be answered", 1...2160,
            \.scoring.responseSLAHours),
        .int(
            "coa.missing_after_days",
            "Days after receipt before a lot without an accepted CoA counts as missing",
            0...90, \.scoring.missingCoADays),
        .day(
            "coa.collected_since",
            "Day CoAs are collected since (YYYY-MM-DD, empty: always); lots received before it are never missing a CoA",
            \.scoring.coaCollectedSince),
        .int(
            "coa.bulk_arrival_files",
            "Certificates for old lots in one night that make the run record a bulk-arrival notice",
            1...10_000_000,
            \.bulkArrivalFiles),
        .int(
            "coa.bulk_arrival_days",
            "Days before the as-of day a lot was received for that notice to count it",
            1...3653, \.bulkArrivalDays),
        .double(
            "coa.edge_fraction", "Outer share of the tolerance range on each side that counts as 'edge'",
            0.01...0.45,
            \.edgeFraction),
        .int("coa.max_bytes", "Largest CoA file accepted, in bytes", 1024...(512 << 20), \.maxDocumentBytes),
        .int("coa.max_depth", "Deepest element nesting accepted in a CoA", 8...10_000, \.maxDocumentDepth),
        .int(
            "coa.max_attributes", "Most attributes on one element of a CoA (namespace declarations included)",
            8...10_000, \.maxDocumentAttributes),
        .int(
            "coa.max_nodes",
            "Most nodes in a CoA (elements, attributes, text runs, CDATA sections, comments, PIs)",
            1_000...100_000_000, \.maxDocumentNodes),
        .double(
            "coa.parse_seconds",
            "Seconds one CoA may take to parse, validate and read before it is rejected", 0.01...3600,
            \.documentParseSeconds),
        .text(
            "coa.profiles",
            "Folders of supplier format profiles, separated by ':', searched after the shipped profiles/ (a name defined twice is an error)",
            \.profilesDirectory),
        .double(
            "input.max_received_factor",
            "A receipt above this many times its order line's quantity is named and left out", 1...1000,
            \.maxReceivedFactor),
        .int(
            "drift.baseline_lots", "Lots that form a series' small-batch baseline", 5...100,
            \.scoring.baselineLots),
        .int(
            "drift.recent_lots", "Most recent lots compared against the baseline", 5...100,
            \.scoring.recentLots),
        .double("drift.ewma_lambda", "EWMA smoothing constant", 0.01...1, \.scoring.ewmaLambda),
        .double("drift.ewma_l", "EWMA control limit width in standard deviations", 1...5, \.scoring.ewmaL),
        .double(
            "drift.false_alarm_rate",
            "Evidence needed to flag a drift: the in-control false-alarm rate per series and night",
            0.000001...0.1,
            \.scoring.driftFalseAlarmRate),
        .int(
            "drift.min_recent_lots", "Lots after the baseline before a series is tested for drift", 2...100,
            \.scoring.driftMinRecentLots),
        .int(
            "drift.chart_lots", "Latest lots a stored control chart keeps (the pages draw them)", 10...1000,
            \.scoring.chartLots),
        .int(
            "risk.min_due_lines", "Due lines needed in each window before priority risk is judged", 1...1000,
            \.scoring.minDueLines),
        .int(
            "status.qualification_min_lots", "Lots before a supplier leaves qualification", 1...1000,
            \.decisions.qualificationMinLots),
        .int(
            "status.qualification_min_due_lines", "Judged due lines before a supplier leaves qualification",
            1...1000,
            \.decisions.qualificationMinDueLines),
        .double("status.probation_otd", "OTD below this: probation", 0...1, \.decisions.probationOTD),
        .double("status.probation_ppm", "PPM above this: probation", 0...1_000_000, \.decisions.probationPPM),
        .double(
            "status.probation_conformance", "CoA conformance below this: probation", 0...1,
            \.decisions.probationConformance),
        .double("status.conditional_otd", "OTD below this: conditional", 0...1, \.decisions.conditionalOTD),
        .double(
            "status.conditional_ppm", "PPM above this: conditional", 0...1_000_000, \.decisions.conditionalPPM
        ),
        .double(
            "status.conditional_conformance", "CoA conformance below this: conditional", 0...1,
            \.decisions.conditionalConformance),
        .double(
            "status.probation_lot_rejection", "Lot rejection rate above this: probation", 0...1,
            \.decisions.probationLotRejection),
        .double(
            "status.conditional_lot_rejection", "Lot rejection rate above this: conditional", 0...1,
            \.decisions.conditionalLotRejection),
        .double(
            "status.conditional_cpk", "Cpk shown below this on a characteristic: conditional", 0...10,
            \.decisions.conditionalCpk),
        .double(
            "status.probation_confidence", "One-sided confidence a probation limit must be shown passed at",
            0.5...0.9999, \.decisions.probationConfidence),
        .double(
            "status.conditional_confidence",
            "One-sided confidence a conditional limit must be shown passed at", 0.5...0.9999,
            \.decisions.conditionalConfidence),
        .int(
            "readiness.lots", "Consecutive conforming lots needed for scale-up", 1...1000,
            \.decisions.readinessLots),
        .double(
            "readiness.cpk", "Cpk every characteristic must be shown to reach (lower bound)", 0...10,
            \.decisions.readinessCpk),
        .int(
            "readiness.cpk_lots", "Latest lots of a characteristic its Cpk is taken over", 2...1000,
            \.decisions.readinessCpkLots),
        .int(
            "readiness.cpk_min_lots", "Lots a characteristic needs before its Cpk is judged", 2...1000,
            \.decisions.readinessCpkMinLots),
        .double(
            "readiness.otd", "OTD the last due lines must be shown to reach (lower bound)", 0...1,
            \.decisions.readinessOTD),
        .int(
            "readiness.due_lines", "Due lines the readiness OTD is taken over", 1...1000,
            \.decisions.readinessDueLines),
        .double(
            "readiness.lead_time_cv", "Largest coefficient of variation of the actual lead time", 0...10,
            \.decisions.readinessLeadTimeCV),
        .double(
            "readiness.within_sla", "Share of messages answered within the SLA needed", 0...1,
            \.decisions.readinessWithinSLARate),
        .double(
            "readiness.confidence", "One-sided confidence of the readiness bounds", 0.5...0.9999,
            \.decisions.readinessConfidence),
        .int(
            "exposure.minimum_sources", "Approved or conditional sources a critical material needs", 1...10,
            \.decisions.minimumSources),
        .double(
            "exposure.cost_gap",
            "Volume-tier price above recent small-order price that raises a gap (fraction)", 0...10,
            \.decisions.costGap),
        .double(
            "exposure.lead_time_factor",
            "Volume-tier lead time against the small-batch one that raises a gap", 1...100,
            \.decisions.leadTimeGapFactor),
        .double(
            "score.weight_quality", "Weight of the quality sub-score", 0...100, \.decisions.weightQuality),
        .double(
            "score.weight_delivery", "Weight of the delivery sub-score", 0...100, \.decisions.weightDelivery),
        .double(
            "score.weight_responsiveness", "Weight of the responsiveness sub-score", 0...100,
            \.decisions.weightResponsiveness),
        .double("score.weight_risk", "Weight of the risk sub-score", 0...100, \.decisions.weightRisk),
        .double("score.grade_a", "Lowest score graded A", 0...100, \.decisions.gradeA),
        .double("score.grade_b", "Lowest score graded B", 0...100, \.decisions.gradeB),
        .double("score.grade_c", "Lowest score graded C (below: D)", 0...100, \.decisions.gradeC),
    ]
}
