import Foundation
import Testing

/// Test fixtures (copied into the test bundle) and the repository's shipped profiles.
enum FixtureFiles {
    static func url(_ path: String) throws -> URL {
        let base = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return base.appendingPathComponent(path)
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: try url(path)))
    }

    /// Every file under a fixture folder, sorted by name.
    static func files(in folder: String) throws -> [URL] {
        let directory = try url(folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            .map { directory.appendingPathComponent($0) }
    }

    /// The repository's top-level profiles/ folder.
    static var profilesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("profiles")
    }
}
