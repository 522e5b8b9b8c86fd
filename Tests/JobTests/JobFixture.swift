import Domain
import Foundation
import Job
import Logging
import Postgres
import Store
import TestSupport

/// A migrated throwaway database, the repository's resources, and temporary inbox/reports folders.
struct JobFixture {
    let conninfo: String
    let paths: ResourcePaths
    let directory: URL
    let logger: Logger

    var inbox: URL { directory.appendingPathComponent("inbox") }
    var reports: URL { directory.appendingPathComponent("reports") }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    init(seedSQL: String? = nil) throws {
        logger = Logger(label: "test")
        conninfo = try TestCluster.shared.makeDatabase()
        paths = ResourcePaths(home: JobFixture.repositoryRoot)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scorecard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        _ = try Database.migrate(conninfo, paths: paths, logger: logger)
        if let seedSQL { try execute(seedSQL) }
    }

    /// A second fixture on a copy of this one's database as it is now, with folders of its own: the same
    /// night can then be run twice from the same state.
    func copy() throws -> JobFixture {
        guard let database = conninfo.split(separator: " ").first(where: { $0.hasPrefix("dbname=") }) else {
            throw FixtureError("no dbname in \(conninfo)")
        }
        return try JobFixture(
            copying: TestCluster.shared.copyDatabase(String(database.dropFirst("dbname=".count))),
            paths: paths)
    }

    private init(copying conninfo: String, paths: ResourcePaths) throws {
        logger = Logger(label: "test")
        self.conninfo = conninfo
        self.paths = paths
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scorecard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func connect() throws -> PostgresConnection {
        try PostgresConnection(conninfo, logger: logger)
    }

    /// Holds the job's `locks` as a live process would, until closed; throws when one is refused.
    func holdLocks(_ locks: [(name: String, mode: JobLocks.Mode)]) throws -> JobLocks {
        let held = JobLocks(try connect())
        if let refused = try held.acquire(locks) { throw FixtureError("lock \(refused) is held") }
        return held
    }

    /// A new login that is a member of `scorecard_reader` (a buyer), dropped with ``ReaderLogin/drop()``.
    func readerLogin() throws -> ReaderLogin {
        let name = "buyer_" + UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(12)
        try execute("CREATE ROLE \(name) LOGIN IN ROLE scorecard_reader")
        return ReaderLogin(name: name, conninfo: conninfo + " user=\(name)", fixture: self)
    }

    func execute(_ sql: String) throws {
        let connection = try connect()
        defer { connection.close() }
        try connection.executeScript(sql)
    }

    func configuration(_ changes: (inout Configuration) -> Void = { _ in }) -> Configuration {
        var configuration = Configuration()
        configuration.inbox = inbox.path
        configuration.reports = reports.path
        changes(&configuration)
        return configuration
    }

    func run(asOf: String, _ changes: (inout Configuration) -> Void = { _ in }) throws -> RunSummary {
        let day = try Self.day(asOf)
        return try NightlyRun(configuration: configuration(changes), paths: paths, logger: logger)
            .run(asOf: day, database: conninfo)
    }

    static func day(_ text: String) throws -> Day {
        guard let day = Day(iso: text) else { throw FixtureError("bad date \(text)") }
        return day
    }

    /// One value of the latest run's score row of a supplier.
    func score<T: PostgresDecodable>(_ column: String, supplier: String, as type: T.Type = T.self) throws
        -> T?
    {
        let connection = try connect()
        defer { connection.close() }
        let result = try connection.query(
            "SELECT \(column) FROM scorecard.supplier_scorecards WHERE supplier_id = $1", [supplier])
        guard let row = result.first(where: { _ in true }) else {
            throw FixtureError("no score for \(supplier)")
        }
        return try row.decodeIfPresent(T.self, at: 0)
    }

    func scalar<T: PostgresDecodable>(
        _ sql: String, _ parameters: [(any PostgresEncodable)?] = [], as type: T.Type = T.self
    )
        throws -> T?
    {
        let connection = try connect()
        defer { connection.close() }
        guard let row = try connection.query(sql, parameters).first(where: { _ in true }) else { return nil }
        return try row.decodeIfPresent(T.self, at: 0)
    }

    func writeInbox(_ relativePath: String, _ text: String) throws {
        let url = inbox.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// A buyer's login (a member of `scorecard_reader`) in the fixture's cluster.
struct ReaderLogin {
    let name: String
    /// The fixture's conninfo with this login as the user (libpq takes the last `user=`).
    let conninfo: String
    let fixture: JobFixture

    func connect() throws -> PostgresConnection {
        try PostgresConnection(conninfo, logger: fixture.logger)
    }

    /// Ends its sessions and drops it.
    func drop() {
        try? fixture.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(name)'")
        for _ in 0..<50 where (try? fixture.execute("DROP ROLE IF EXISTS \(name)")) == nil { usleep(100_000) }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
