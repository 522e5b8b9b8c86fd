import ArgumentParser
import Domain
import Foundation
import Job

/// A hidden command for `scripts/bench-coa-parse`: the CoA intake alone, timed, nothing stored.
struct BenchIntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-intake",
        abstract: "Time the CoA intake over an inbox without storing anything (benchmark).",
        discussion: """
            Runs the nightly intake's code (read, SHA-256, safe parse, XSD or profile, judging) over every
            file of the inbox; only the database writes are left out. Reads specifications from the
            database. Prints one line per pass: files bytes seconds accepted rejected duplicate measurements.
            """,
        shouldDisplay: false)

    @OptionGroup var common: CommonOptions

    @Option(help: "Inbox folder of supplier CoA files (configuration key: inbox).")
    var inbox: String?

    @Option(help: "The day judged as of, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(help: "Passes over the inbox.")
    var repeats = 1

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, got '\(asOf)'")
        }
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
    }

    func run() throws {
        try runReportingExit {
            let configuration = try common.configuration(options: [("inbox", inbox, "--inbox")])
            let passes = try CoAIntakeBenchmark(
                configuration: configuration, paths: try ResourcePaths.locate(), logger: common.makeLogger()
            ).run(
                inbox: URL(fileURLWithPath: configuration.inbox), database: common.conninfo,
                asOf: asOf.flatMap { Day(iso: $0) } ?? Day.today(), repeats: repeats)
            for pass in passes {
                print(
                    pass.files, pass.bytes, String(format: "%.3f", pass.seconds), pass.accepted,
                    pass.rejected,
                    pass.duplicate, pass.measurements)
            }
        }
    }
}
