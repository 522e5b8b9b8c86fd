import Foundation

/// The process exit codes, a contract with cron and operations (README "Exit codes").
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// The run succeeded (rejected CoAs and input anomalies do not fail a run; they are reported).
    case success = 0
    /// The run failed; the previous results stay visible. The message says why.
    case failure = 1
    /// Bad arguments or configuration (unknown key, out-of-range value, schema not migrated); nothing written.
    case usage = 64
    /// PostgreSQL unreachable, or the connection was lost during the run.
    case databaseUnavailable = 69
    /// The results were stored but the HTML could not be written; `scorecard render` redoes it.
    case renderFailed = 73
    /// Another run holds the run lock; this one did nothing.
    case lockHeld = 75
}

/// A failure that ends the process with a documented exit code and a one-line message.
public struct JobError: Error, CustomStringConvertible, Sendable {
    public var exitCode: ExitStatus
    public var message: String

    public init(_ exitCode: ExitStatus, _ message: String) {
        self.exitCode = exitCode
        // One line, for cron logs and log scanners: libpq's messages carry newlines and tabs.
        self.message = message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    public var description: String { message }
}
