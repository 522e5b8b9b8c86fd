import ArgumentParser
import Domain
import Foundation
import Job

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The nightly run: ingest new CoAs, score every supplier, store, render HTML.")

    @OptionGroup var common: CommonOptions

    @Option(help: "Score as of this date, YYYY-MM-DD (default: today in UTC).")
    var asOf: String?

    @Option(help: "Inbox folder of supplier CoA files (configuration key: inbox).")
    var inbox: String?

    @Option(help: "Folder for the HTML scorecards (configuration key: reports).")
    var reports: String?

    @Option(
        help: ArgumentHelp(
            "Import a CoA archive laid out as the inbox before the inbox's news: each file dated by its issue date (else its lot's receipt, else its manufacture date), never after its file's time, never counted late. README \"First night\".",
            valueName: "DIR"))
    var archive: String?

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, got '\(asOf)'")
        }
    }

    func run() throws {
        try runReportingExit {
            let configuration = try common.configuration(options: [
                ("inbox", inbox, "--inbox"), ("reports", reports, "--reports"),
            ])
            let paths = try ResourcePaths.locate()
            let day = asOf.flatMap { Day(iso: $0) } ?? configuration.today
            var nightly = NightlyRun(configuration: configuration, paths: paths, logger: common.makeLogger())
            nightly.archive = archive
            let summary = try nightly.run(asOf: day, database: common.conninfo)
            print(summary.line)
            print(
                "HTML scorecards: \(URL(fileURLWithPath: configuration.reports).standardizedFileURL.path)/index.html"
            )
        }
    }
}

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the SQL/ migrations not yet applied (a second call is a no-op).")

    @OptionGroup var common: CommonOptions

    func run() throws {
        try runReportingExit {
            let applied = try Database.migrate(
                common.conninfo, paths: try ResourcePaths.locate(), logger: common.makeLogger())
            print(applied.isEmpty ? "schema is up to date" : "applied: \(applied.joined(separator: ", "))")
        }
    }
}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render the HTML scorecards again from the latest successful run.")

    @OptionGroup var common: CommonOptions

    @Option(help: "Folder for the HTML scorecards (configuration key: reports).")
    var reports: String?

    func run() throws {
        try runReportingExit {
            let configuration = try common.configuration(options: [("reports", reports, "--reports")])
            let pages = try ReportPublisher.renderLatest(
                database: common.conninfo, paths: try ResourcePaths.locate(),
                reports: URL(fileURLWithPath: configuration.reports), logger: common.makeLogger())
            print("rendered \(pages) pages into \(configuration.reports)")
        }
    }
}

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Print the effective configuration and where each value came from.")

    @OptionGroup var common: CommonOptions

    @ArgumentParser.Flag(help: "Print the commented sample configuration file instead.")
    var sample = false

    func run() throws {
        try runReportingExit {
            if sample {
                print(Configuration.sample(), terminator: "")
                return
            }
            let configuration = try common.configuration()
            for row in configuration.describe() {
                print("\(row.key) = \(row.value)    # \(row.source)")
            }
        }
    }
}
