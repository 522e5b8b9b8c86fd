import Foundation

/// The world of `Tests/SQL/fixtures/hand_computed_world.sql`: one definition for the Swift and the SQL tests.
enum HandComputedWorld {
    static var sql: String {
        let url = JobFixture.repositoryRoot.appendingPathComponent(
            "Tests/SQL/fixtures/hand_computed_world.sql")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? "-- missing \(url.path)"
    }
}
