import Foundation
import Logging
import Postgres

/// A private, throwaway PostgreSQL cluster for the integration tests of one test process.
///
/// The first use of ``shared`` starts it with `scripts/pgcluster start /tmp/sc-<pid>` (the script runs the
/// server as an unprivileged user when we are root); it is destroyed when the process exits. Every test
/// gets its own empty database from ``makeDatabase()``, so tests can run in parallel.
public final class TestCluster: Sendable {
    /// Started on first use; Swift initializes static lets once, thread-safely.
    public static let shared = TestCluster()

    /// The folder holding the server's unix socket (and the cluster itself).
    public let socketDirectory: String
    private let script: String
    private let startupFailure: String?

    private init() {
        let repositoryRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        script = repositoryRoot.appendingPathComponent("scripts/pgcluster").path
        socketDirectory = "/tmp/sc-\(getpid())"
        let status = runQuietly(script, ["start", socketDirectory])
        if status == 0 {
            startupFailure = nil
            atexit { TestCluster.shared.destroy() }
        } else {
            startupFailure = "scripts/pgcluster start \(socketDirectory) failed (exit status \(status))"
        }
    }

    /// conninfo of `database` in this cluster.
    public func conninfo(database: String) -> String {
        "host=\(socketDirectory) user=postgres dbname=\(database)"
    }

    /// Creates a fresh empty database with a unique name and returns its conninfo
    /// (`host=... user=postgres dbname=...`).
    public func makeDatabase() throws -> String {
        if let startupFailure { throw PostgresError(code: .unableToConnect, message: startupFailure) }
        let name = "test_" + UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(20)
        let admin = try PostgresConnection(conninfo(database: "postgres"), logger: Self.quietLogger)
        defer { admin.close() }
        var attempt = 1
        while true {
            do {
                try admin.executeScript("CREATE DATABASE \(name)")
                break
            } catch SQLState.objectInUse where attempt < 10 {
                // Another session was still using the template database: try again shortly.
                attempt += 1
                usleep(100_000)
            }
        }
        return conninfo(database: name)
    }

    /// A new database made from `database` as it is now (`CREATE DATABASE … TEMPLATE`): no session may
    /// be connected to `database` meanwhile. Returns the copy's conninfo.
    public func copyDatabase(_ database: String) throws -> String {
        let name = "test_" + UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(20)
        let admin = try PostgresConnection(conninfo(database: "postgres"), logger: Self.quietLogger)
        defer { admin.close() }
        try admin.executeScript("CREATE DATABASE \(name) TEMPLATE \(database)")
        return conninfo(database: name)
    }

    /// A connection to a fresh database, and that database's conninfo (for a second connection).
    public func connect(logger: Logger = TestCluster.quietLogger) throws -> (
        PostgresConnection, conninfo: String
    ) {
        let conninfo = try makeDatabase()
        return (try PostgresConnection(conninfo, logger: logger), conninfo)
    }

    /// A logger that drops everything.
    public static let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    private func destroy() {
        _ = runQuietly(script, ["destroy", socketDirectory])
    }
}

/// Runs `executable` with `arguments`, stdout discarded, and returns its exit status (-1 if it could not
/// start). posix_spawn rather than Foundation.Process: it also runs safely from an atexit handler.
private func runQuietly(_ executable: String, _ arguments: [String]) -> Int32 {
    let command = ([executable] + arguments).map { "'" + $0 + "'" }.joined(separator: " ") + " >/dev/null"
    let shellArguments: [String] = ["/bin/sh", "-c", command]
    let argv = shellArguments.map { strdup($0) } + [nil]
    let variables = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
    let environment = variables.map { strdup($0) } + [nil]
    defer {
        for argument in argv { free(argument) }
        for variable in environment { free(variable) }
    }
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environment) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
        if errno != EINTR { return -1 }
    }
    // WIFEXITED / WEXITSTATUS are macros Swift does not import.
    return status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
}
