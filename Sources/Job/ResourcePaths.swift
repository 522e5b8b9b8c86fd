import Foundation

/// Where the files the binary needs at run time live: `SQL/` (migrations), `Reports/` (HTML templates that
/// procurement may edit) and `profiles/` (supplier CoA format profiles).
///
/// Found from `SCORECARD_HOME` when set, else by walking up from the executable until a folder holds
/// `SQL/` and `Reports/`: that finds the repository from `.build/debug/scorecard` and `/opt/scorecard` from
/// `/opt/scorecard/bin/scorecard` (the production layout `make install` creates).
public struct ResourcePaths: Sendable {
    public var home: URL

    public init(home: URL) {
        self.home = home
    }

    public var sqlDirectory: URL { home.appendingPathComponent("SQL") }
    public var templatesDirectory: URL { home.appendingPathComponent("Reports") }
    public var profilesDirectory: URL { home.appendingPathComponent("profiles") }

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> ResourcePaths
    {
        if let home = environment["SCORECARD_HOME"], !home.isEmpty {
            let url = URL(fileURLWithPath: home)
            guard isHome(url) else {
                throw JobError(.usage, "SCORECARD_HOME=\(home) does not contain SQL/ and Reports/")
            }
            return ResourcePaths(home: url)
        }
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            candidates.append(executable.deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        for start in candidates {
            var directory = start
            for _ in 0..<6 {
                if isHome(directory) { return ResourcePaths(home: directory) }
                directory = directory.deletingLastPathComponent()
            }
        }
        throw JobError(
            .usage, "cannot find the SQL/ and Reports/ folders: set SCORECARD_HOME to the installation folder"
        )
    }

    private static func isHome(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(
            atPath: url.appendingPathComponent("SQL").path, isDirectory: &isDirectory)
            && isDirectory.boolValue
            && FileManager.default.fileExists(atPath: url.appendingPathComponent("Reports").path)
    }
}
