import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Hooks the fault tests set through the environment of a child `scorecard`, to make it die at a chosen
/// point instead of at a lucky moment. Unset (always, outside those tests) they do nothing.
enum TestHooks {
    /// `TEST_SCORECARD_ABORT_JUDGING=<text>`: abort when judging a file whose path contains `<text>`, as a
    /// crash in a parser would.
    static let abortJudging = variable("TEST_SCORECARD_ABORT_JUDGING")
    /// `TEST_SCORECARD_HOLD_RENDER=1`: stop half-way through writing the pages, until killed.
    static let holdRender = variable("TEST_SCORECARD_HOLD_RENDER")

    static func abortIfAsked(judging path: String) {
        if let text = abortJudging, path.contains(text) { abort() }
    }

    static func holdIfAsked(rendering directory: URL, logger: Logger) {
        guard holdRender != nil else { return }
        logger.notice("render held for a test", metadata: ["reports": "\(directory.path)"])
        while true { sleep(3_600) }
    }

    private static func variable(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}
