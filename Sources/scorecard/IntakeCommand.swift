import ArgumentParser
import Domain
import Foundation
import Job

struct IntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Ingest the CoAs of one shard of the supplier folders; the nightly run scores them.",
        discussion: """
            --shard K/N takes the supplier folders whose shard is K: FNV-1a 64 of the folder name's UTF-8 \
            bytes, modulo N. Start N instances, K = 0 ... N-1, side by side (each holds the run lock shared \
            and its shard's lock); they cannot overlap `scorecard run` or `reprocess` (exit 75 either way). \
            Files at the top of the inbox, outside a supplier folder, are left to `scorecard run`, which \
            also skips whatever the shards recorded. README "Sharded intake".
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("This instance's shard: K of N, 0 ≤ K < N.", valueName: "K/N"))
    var shard: String

    @Option(help: "Judge the CoAs as of this date, YYYY-MM-DD (default: today in UTC).")
    var asOf: String?

    @Option(help: "Inbox folder of supplier CoA files (configuration key: inbox).")
    var inbox: String?

    func validate() throws {
        if case .failure(let error) = IntakeShard.parse(shard) {
            throw ValidationError(error.description)
        }
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, got '\(asOf)'")
        }
    }

    func run() throws {
        try runReportingExit {
            let shard = try IntakeShard.parse(self.shard).get()
            let configuration = try common.configuration(options: [("inbox", inbox, "--inbox")])
            let day = asOf.flatMap { Day(iso: $0) } ?? configuration.today
            let summary = try ShardIntake(
                configuration: configuration, paths: try ResourcePaths.locate(), logger: common.makeLogger()
            )
            .run(shard: shard, asOf: day, database: common.conninfo)
            print(summary.line)
        }
    }
}
