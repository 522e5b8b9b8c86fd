import ArgumentParser
import Foundation
import Job
import Logging

@main
struct Scorecard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "Nightly supplier scorecards: CoA intake, delivery/quality/responsiveness, drift and risk.",
        discussion: """
            Exit codes: 0 success, 1 run failed, 64 usage or configuration error, 69 database unreachable,
            73 results stored but HTML not written, 75 another run holds the lock.
            """,
        subcommands: [
            RunCommand.self, MigrateCommand.self, DemoCommand.self, RenderCommand.self, ConfigCommand.self,
            CheckCoACommand.self, ReprocessCommand.self, IntakeCommand.self, BenchIntakeCommand.self,
            ErpCommand.self,
        ])

    static func main() {
        LoggingSystem.bootstrap { label in
            // One event, one line: names and messages from outside are escaped before they are written.
            var handler = OneLineLogHandler(StreamLogHandler.standardError(label: label))
            handler.logLevel = .trace  // each Logger sets its own level from --log-level
            return handler
        }
        Scorecard.main(nil)
    }
}
