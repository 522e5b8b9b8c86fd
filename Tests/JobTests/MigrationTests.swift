import Foundation
import Job
import Logging
import Postgres
import Store
import TestSupport
import Testing

@Suite struct MigrationTests {
    let logger = Logger(label: "test")

    @Test func migrateAppliesEveryFileOnceAndASecondCallIsANoOp() throws {
        let conninfo = try TestCluster.shared.makeDatabase()
        let paths = ResourcePaths(home: JobFixture.repositoryRoot)
        let shipped = try Migrator.load(from: paths.sqlDirectory)
        let first = try Database.migrate(conninfo, paths: paths, logger: logger)
        #expect(first == shipped.map(\.name))
        #expect(first.first == "001_procurement.sql")
        let second = try Database.migrate(conninfo, paths: paths, logger: logger)
        #expect(second.isEmpty)
    }

    @Test func aChangedAppliedMigrationIsRefused() throws {
        let conninfo = try TestCluster.shared.makeDatabase()
        let home = try copyOfResources()
        let paths = ResourcePaths(home: home)
        _ = try Database.migrate(conninfo, paths: paths, logger: logger)
        let file = home.appendingPathComponent("SQL/003_views.sql")
        try (try String(contentsOf: file, encoding: .utf8) + "\n-- edited\n").write(
            to: file, atomically: true, encoding: .utf8)
        let error = try #require(throws: JobError.self) {
            try Database.migrate(conninfo, paths: paths, logger: logger)
        }
        #expect(error.message.contains("003_views.sql was changed after it was applied"))
    }

    @Test func aFailingMigrationRollsBackAndNamesTheFile() throws {
        let conninfo = try TestCluster.shared.makeDatabase()
        let home = try copyOfResources()
        try "CREATE TABLE scorecard.half_done (x int);\nSELECT * FROM no_such_table;\n"
            .write(to: home.appendingPathComponent("SQL/900_broken.sql"), atomically: true, encoding: .utf8)
        let error = try #require(throws: JobError.self) {
            try Database.migrate(conninfo, paths: ResourcePaths(home: home), logger: logger)
        }
        #expect(error.message.contains("900_broken.sql"))
        #expect(error.message.contains("no_such_table"))
        let fixtureCheck = try PostgresCheck(conninfo: conninfo)
        #expect(try fixtureCheck.exists("scorecard.half_done") == false)
        #expect(try fixtureCheck.exists("scorecard.runs") == true)
    }

    private func copyOfResources() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sc-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        for folder in ["SQL", "Reports"] {
            try FileManager.default.copyItem(
                at: JobFixture.repositoryRoot.appendingPathComponent(folder),
                to: home.appendingPathComponent(folder))
        }
        return home
    }
}

struct PostgresCheck {
    let conninfo: String
    func exists(_ table: String) throws -> Bool {
        let connection = try PostgresConnection(conninfo, logger: Logger(label: "test"))
        defer { connection.close() }
        return try connection.query("SELECT to_regclass($1) IS NOT NULL", [table]).first?.decode(
            Bool.self, at: 0) ?? false
    }
}
