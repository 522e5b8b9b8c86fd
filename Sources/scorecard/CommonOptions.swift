import ArgumentParser
import Domain
import Foundation
import Job
import Logging
import Postgres

/// Options every command shares: where the database is, the configuration, logging.
struct CommonOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "PostgreSQL connection: a libpq conninfo string or postgresql:// URL.",
            discussion:
                "Default: $DATABASE_URL, else libpq's own environment (PGHOST, PGDATABASE, PGUSER, PGPASSFILE)."
        ))
    var database: String?

    @Option(help: "Configuration file (default: $SCORECARD_CONFIG, else none).")
    var config: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Override one configuration key.", valueName: "key=value"))
    var overrides: [String] = []

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError(
                "--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        for override in overrides where !override.contains("=") {
            throw ValidationError("--set takes key=value, got '\(override)'")
        }
    }

    var conninfo: String {
        database ?? ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""
    }

    func makeLogger() -> Logger {
        var logger = Logger(label: "scorecard")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        return logger
    }

    /// Defaults < file < SCORECARD_* environment < options.
    func configuration(options: [(key: String, value: String?, flag: String)] = []) throws -> Configuration {
        var configuration = Configuration()
        let environment = ProcessInfo.processInfo.environment
        if let file = config ?? environment["SCORECARD_CONFIG"] {
            try configuration.load(file: file)
        }
        try configuration.load(environment: environment)
        for (key, value, flag) in options {
            if let value { try configuration.set(key, value, from: .option(flag)) }
        }
        for override in overrides {
            let parts = override.split(separator: "=", maxSplits: 1).map(String.init)
            try configuration.set(parts[0], parts.count > 1 ? parts[1] : "", from: .option("--set"))
        }
        try configuration.validate()
        return configuration
    }
}

/// One line on stderr: a message that names a file or folder of the inbox stays one line.
private func writeError(_ message: String) {
    FileHandle.standardError.write(Data("scorecard: \(EscapedText.oneLine(message))\n".utf8))
}

/// Runs a command body, turning failures into the documented exit codes and one-line messages.
func runReportingExit(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as JobError {
        writeError(error.message)
        throw ArgumentParser.ExitCode(error.exitCode.rawValue)
    } catch let error as ConfigurationError {
        writeError("\(error)")
        throw ArgumentParser.ExitCode(ExitStatus.usage.rawValue)
    } catch let error as PostgresError {
        writeError("\(error)")
        throw ArgumentParser.ExitCode(
            error.code.isConnectionError
                ? ExitStatus.databaseUnavailable.rawValue : ExitStatus.failure.rawValue)
    } catch let error as ArgumentParser.ExitCode {
        throw error
    } catch {
        writeError("\(error)")
        throw ArgumentParser.ExitCode(ExitStatus.failure.rawValue)
    }
}
