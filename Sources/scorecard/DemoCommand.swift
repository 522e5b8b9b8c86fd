import ArgumentParser
import Demo
import Domain
import Foundation
import Job

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the demo world into an empty database, then run the real nightly job on it.",
        discussion: "`make demo` does all of this against a private throwaway PostgreSQL in ./.pgdata.")

    @OptionGroup var common: CommonOptions

    @Option(help: "Seed of the generated world (same seed, same world).")
    var seed: UInt64 = 20_261_123

    @Option(help: "The demo's as-of date, YYYY-MM-DD (default: today in UTC).")
    var asOf: String?

    @Option(
        help: """
            World size: standard (about 40 suppliers), medium (the large world's densities with 250 suppliers) \
            or large (1,000 suppliers, three years).
            """)
    var size: String = "standard"

    @Option(help: "Years of history ending at the as-of date (1 to 10; default: the size's own, 2 or 3).")
    var years: Int?

    @ArgumentParser.Flag(
        name: .customLong("no-run"), help: "Only load the world and write its CoA files; do not run the job.")
    var noRun = false

    @Option(help: "Folder the demo's CoA files are written to and read from.")
    var inbox: String = "demo/inbox"

    @Option(help: "Folder for the HTML scorecards.")
    var reports: String = "demo/reports"

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, got '\(asOf)'")
        }
        guard Self.sizes[size] != nil else {
            throw ValidationError("--size must be standard, medium or large")
        }
        if let years, !(1...10).contains(years) {
            throw ValidationError("--years must be 1 to 10, got \(years)")
        }
    }

    func run() throws {
        try runReportingExit {
            let logger = common.makeLogger()
            let configuration = try common.configuration(options: [
                ("inbox", inbox, "--inbox"), ("reports", reports, "--reports"),
            ])
            let paths = try ResourcePaths.locate()
            let day = asOf.flatMap { Day(iso: $0) } ?? configuration.today
            _ = try Database.migrate(common.conninfo, paths: paths, logger: logger)
            let connection = try Database.connect(common.conninfo, logger: logger)
            var worldSize = Self.sizes[size] ?? .standard
            if let years { worldSize.years = years }
            let world = DemoWorld(seed: seed, size: worldSize, asOf: day)
            let summary = try DemoLoader(connection: connection, logger: logger)
                .load(world, inbox: URL(fileURLWithPath: configuration.inbox))
            connection.close()
            print(
                "demo world loaded (seed \(seed), as of \(day)): \(summary.coaFiles) CoA files in \(configuration.inbox)"
            )
            for story in summary.stories {
                print(
                    "  planted \(story.kind.rawValue): \(story.supplierId)\(story.materialId.map { " " + $0 } ?? ""): \(story.description)"
                )
            }
            if noRun { return }
            let run = try NightlyRun(configuration: configuration, paths: paths, logger: logger)
                .run(asOf: day, database: common.conninfo)
            print(run.line)
            print(
                "HTML scorecards: \(URL(fileURLWithPath: configuration.reports).standardizedFileURL.path)/index.html"
            )
        }
    }

    /// A quarter of the large world (same densities): the benchmark's quicker variant.
    static let sizes: [String: DemoSize] = {
        var medium = DemoSize.large
        medium.suppliers = 250
        medium.materials = 750
        return ["standard": .standard, "medium": medium, "large": .large]
    }()
}
