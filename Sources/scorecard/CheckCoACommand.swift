import ArgumentParser
import Foundation
import Job

struct CheckCoACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-coa",
        abstract:
            "Show what would be extracted from CoA files and how each result is judged; writes nothing.",
        discussion: """
            Specifications and approved sources are read from the database when one is reachable (read-only).
            Exits 1 when any file would be rejected, 0 otherwise.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "CoA files to check.")
    var files: [String]

    @Option(help: "The supplier the files come from (as in the inbox folder).")
    var supplier: String

    @Option(
        help: """
            A profile file (.json, loaded alone beside the shipped and configured profiles) or the name of a \
            loaded profile (default: automatic).
            """)
    var profile: String?

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "text (for a person) or json (for scripts; the same facts).")
    var format: Format = .text

    func run() throws {
        try runReportingExit {
            let outcome = try CoACheck(
                configuration: try common.configuration(), paths: try ResourcePaths.locate(),
                logger: common.makeLogger()
            ).check(
                files: files, supplier: supplier, profile: profile,
                database: common.database ?? ProcessInfo.processInfo.environment["DATABASE_URL"]
                    ?? (ProcessInfo.processInfo.environment["PGHOST"] != nil ? "" : nil))
            print(format == .json ? outcome.report.json : outcome.text, terminator: "")
            if outcome.rejectedFiles > 0 { throw ArgumentParser.ExitCode(1) }
        }
    }
}
