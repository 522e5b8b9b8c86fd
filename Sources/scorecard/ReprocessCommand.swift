import ArgumentParser
import Domain
import Foundation
import Job

struct ReprocessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprocess",
        abstract: "Judge stored CoA documents again after the cause of their rejection was fixed.",
        discussion: """
            Reads the stored bytes (never the inbox). Rejected documents become accepted when they now read and
            resolve; with --no-spec, accepted documents with results that had no specification are judged
            again. The previous status and reason stay in scorecard.coa_document_history. The next run's
            figures include the change.
            """)

    @OptionGroup var common: CommonOptions

    @ArgumentParser.Flag(
        help: "Re-process every rejected document (the default when no other selection is given).")
    var rejected = false

    @ArgumentParser.Flag(
        name: .customLong("no-spec"),
        help: "Re-judge accepted documents with results that had no specification.")
    var noSpec = false

    @Option(help: "Only this supplier's documents.")
    var supplier: String?

    @Option(name: .customLong("document"), help: "A document id (repeatable).")
    var documents: [Int64] = []

    func run() throws {
        try runReportingExit {
            let selectRejected = rejected || (!noSpec && documents.isEmpty)
            let configuration = try common.configuration()
            let outcome = try CoAReprocess(
                configuration: configuration, paths: try ResourcePaths.locate(), logger: common.makeLogger()
            ).run(
                database: common.conninfo, rejected: selectRejected, withoutSpecification: noSpec,
                supplierId: supplier, ids: documents, asOf: configuration.today)
            print(outcome.line)
        }
    }
}
