import CoA
import Domain
import Foundation
import Scoring

/// The effective configuration of a run: defaults, overridden by the configuration file, then by
/// `SCORECARD_*` environment variables, then by command-line options. Each value remembers where it came from.
///
/// The file is `key = value` lines; `#` starts a comment; keys are listed by `scorecard config` and in the
/// shipped sample `scorecard.conf.sample`. Per-supplier CoA profiles are `profile.<SUPPLIER_ID> = <profile name>`.
/// An unknown key or an out-of-range value stops the job before anything is written.
public struct Configuration: Sendable {
    public var inbox = "inbox"
    public var reports = "reports"
    public var timeZone = "UTC"
    public var edgeFraction = 0.10
    public var maxDocumentBytes = 5 << 20
    public var maxDocumentDepth = 256
    public var maxDocumentAttributes = XMLLimits.default.maxAttributes
    public var maxDocumentNodes = XMLLimits.default.maxNodes
    public var documentParseSeconds = XMLLimits.default.parseSeconds
    public var profilesDirectory = ""
    /// A receipt of more than this many times its order line's quantity is an input anomaly, left out.
    public var maxReceivedFactor = 10.0
    /// supplier id → profile name.
    public var supplierProfiles: [String: String] = [:]
    /// A night with at least this many certificates for old lots records a bulk-arrival notice.
    public var bulkArrivalFiles = 100
    /// Lots received more than this many days before the as-of day are old for that notice.
    public var bulkArrivalDays = 30
    public var scoring = ScoringConfig()
    public var decisions = DecisionConfig()

    /// Where each key's value came from: `default`, `file <path>:<line>`, `environment <VAR>`, `option --x`.
    public private(set) var sources: [String: String] = [:]

    public init() {}

    public enum Source: Sendable {
        case file(path: String, line: Int)
        case environment(String)
        case option(String)

        var text: String {
            switch self {
            case .file(let path, let line): "file \(path):\(line)"
            case .environment(let name): "environment \(name)"
            case .option(let name): "option \(name)"
            }
        }
    }

    /// Sets one key from text, recording its source.
    public mutating func set(_ key: String, _ value: String, from source: Source) throws(ConfigurationError) {
        if key.hasPrefix(Self.collectedSincePrefix) {
            let supplier = String(key.dropFirst(Self.collectedSincePrefix.count))
            guard !supplier.isEmpty, let day = Day(iso: value.trimmingCharacters(in: .whitespaces)) else {
                throw ConfigurationError.invalid(
                    key: key, value: value, expected: "\(Self.collectedSincePrefix)<SUPPLIER_ID> = YYYY-MM-DD"
                )
            }
            scoring.coaCollectedSinceBySupplier[supplier] = day
            sources[key] = source.text
            return
        }
        if key.hasPrefix("profile.") {
            let supplier = String(key.dropFirst("profile.".count))
            let profile = value.trimmingCharacters(in: .whitespaces)
            guard !supplier.isEmpty, !profile.isEmpty else {
                throw ConfigurationError.invalid(
                    key: key, value: value, expected: "profile.<SUPPLIER_ID> = <profile name>")
            }
            supplierProfiles[supplier] = profile
            sources[key] = source.text
            return
        }
        guard let definition = Configuration.keys.first(where: { $0.name == key }) else {
            throw ConfigurationError.unknownKey(key, at: source.text)
        }
        try definition.apply(&self, value)
        sources[key] = source.text
    }

    /// Reads a configuration file.
    public mutating func load(file path: String) throws(ConfigurationError) {
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else { throw ConfigurationError.unreadable(path) }
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line =
                rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
                .map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigurationError.malformed(path: path, line: index + 1, text: String(rawLine))
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            try set(key, value, from: .file(path: path, line: index + 1))
        }
    }

    /// `SCORECARD_*` variables that are not configuration keys: the configuration file, the installation
    /// folder, and the cron wrapper's own settings (cron/scorecard-cron).
    public static let reservedVariables: Set<String> = [
        "SCORECARD_CONFIG", "SCORECARD_HOME", "SCORECARD_BIN", "SCORECARD_ENV", "SCORECARD_LOG",
        "SCORECARD_LOCK",
    ]

    /// Applies `SCORECARD_*` variables; an unknown `SCORECARD_` variable is an error (a typo must not pass silently).
    public mutating func load(environment: [String: String]) throws(ConfigurationError) {
        let byVariable = Dictionary(
            uniqueKeysWithValues: Configuration.keys.map { ($0.environmentVariable, $0.name) })
        for (variable, value) in environment.sorted(by: { $0.key < $1.key })
        where variable.hasPrefix("SCORECARD_") {
            if Configuration.reservedVariables.contains(variable) { continue }
            guard let key = byVariable[variable] else {
                throw ConfigurationError.unknownKey(variable, at: "the environment")
            }
            try set(key, value, from: .environment(variable))
        }
    }

    /// Checks what single keys cannot: relations between values (weights that sum to nothing, grade bands
    /// out of order). Called before anything is written.
    public func validate() throws(ConfigurationError) {
        if let problem = decisions.problems.first {
            throw ConfigurationError.inconsistent(problem)
        }
    }

    /// Every key with its effective value and source, for `scorecard config`.
    public func describe() -> [(key: String, value: String, source: String, help: String)] {
        var rows: [(String, String, String, String)] = []
        for key in Configuration.keys {
            rows.append((key.name, key.read(self), sources[key.name] ?? "default", key.help))
        }
        for (supplier, profile) in supplierProfiles.sorted(by: { $0.key < $1.key }) {
            let key = "profile.\(supplier)"
            rows.append(
                (key, profile, sources[key] ?? "default", "CoA format profile of supplier \(supplier)"))
        }
        for (supplier, day) in scoring.coaCollectedSinceBySupplier.sorted(by: { $0.key < $1.key }) {
            let key = Self.collectedSincePrefix + supplier
            rows.append(
                (
                    key, day.iso, sources[key] ?? "default",
                    "Day CoAs of supplier \(supplier) are collected since"
                ))
        }
        return rows
    }

    /// A supplier's own start of CoA collection: `coa.collected_since.<SUPPLIER_ID> = YYYY-MM-DD`.
    static let collectedSincePrefix = "coa.collected_since."

    /// The sample file: every key, commented, with its default.
    public static func sample() -> String {
        var text = """
            # scorecard configuration. Every key is shown with its default; uncomment to change.
            # Precedence: defaults < this file < SCORECARD_* environment variables < command-line options.
            # Database credentials never go here: use libpq's PGHOST/PGDATABASE/PGUSER and a PGPASSFILE
            # readable by the job's user only (see cron/scorecard-cron).

            """
        for key in keys {
            text += "\n# \(key.help) (env \(key.environmentVariable))\n# \(key.name) = \(key.defaultText)\n"
        }
        text += "\n# A supplier's CoA format profile (by profile name), e.g.:\n# profile.SUP-0007 = en10168\n"
        text +=
            "\n# A supplier's own start of CoA collection (e.g. onboarded to a profile later), overriding\n"
            + "# coa.collected_since for it, e.g.:\n# coa.collected_since.SUP-0007 = 2026-09-01\n"
        return text
    }
}

public enum ConfigurationError: Error, CustomStringConvertible, Sendable {
    case unknownKey(String, at: String)
    case invalid(key: String, value: String, expected: String)
    case malformed(path: String, line: Int, text: String)
    case unreadable(String)
    case inconsistent(String)

    public var description: String {
        switch self {
        case .unknownKey(let key, let place): "unknown configuration key '\(key)' in \(place)"
        case .invalid(let key, let value, let expected):
            "configuration key '\(key)': '\(value)' is not valid (expected \(expected))"
        case .malformed(let path, let line, let text):
            "\(path):\(line): expected 'key = value', found '\(text)'"
        case .unreadable(let path): "cannot read configuration file \(path)"
        case .inconsistent(let problem): "configuration: \(problem)"
        }
    }
}
