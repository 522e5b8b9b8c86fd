import Foundation
import Testing

@testable import CoA

/// Loading the profiles of a run: a broken file stops only itself, its documents are rejected with its
/// reason, duplicate names are named, a file given alone replaces its namesake.
@Suite struct ProfileLibraryTests {
    private static let good = """
        {"name": "acme", "match": {"root": "Coa"}, "document": {"lotNumber": "/Coa/@lot"},
         "results": [{"select": "/Coa/R", "characteristic": "@n", "value": "."}]}
        """
    private static let broken = """
        {"name": "beta", "match": {"root": "Beta"}, "document": {},
         "results": [{"select": "/Beta/R", "characteristic": "@n", "value": ".", "upperLimit": "@max"}]}
        """

    private func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "profiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
        }
        return url
    }

    @Test func aBrokenProfileStopsOnlyItself() throws {
        let url = try folder(["a.json": Self.good, "b.json": Self.broken, "c.json": "not json", "x.txt": "?"])
        defer { try? FileManager.default.removeItem(at: url) }
        let library = try ProfileLibrary.load(folders: [url])
        #expect(library.profiles.map(\.name) == ["acme"])
        #expect(library.unusable.map(\.name) == ["beta", "c"])
        #expect(library.unusable.first?.matches.first?.root == "Beta")
        #expect(
            library.unusable.first?.reason
                == "profile 'beta' cannot be used: profile \(url.path)/b.json: results[0].upperLimit: unknown key; did you mean 'upper'?"
        )
    }

    @Test func documentsOfABrokenProfileAreRejectedWithItsReason() throws {
        let url = try folder(["a.json": Self.good, "b.json": Self.broken])
        defer { try? FileManager.default.removeItem(at: url) }
        let library = try ProfileLibrary.load(folders: [url])
        let reader = try CoAReader(profiles: library.profiles, unusableProfiles: library.unusable)
        let beta = Array(#"<Beta><R n="a">1</R></Beta>"#.utf8)
        for configured in [nil, "beta"] {
            guard case .failure(let rejection) = reader.read(beta, profileName: configured) else {
                Issue.record("accepted")
                continue
            }
            #expect(rejection.reason.hasPrefix("profile 'beta' cannot be used: "))
            #expect(rejection.reason.contains("results[0].upperLimit: unknown key"))
        }
        #expect(throws: Never.self) {
            try reader.read(Array(#"<Coa lot="1"><R n="a">1</R></Coa>"#.utf8)).get()
        }
    }

    @Test func foldersAddToEachOtherAndADuplicateNameIsAnError() throws {
        let first = try folder(["a.json": Self.good])
        let second = try folder([
            "other.json": Self.good, "z.json": Self.good.replacingOccurrences(of: "acme", with: "zeta"),
        ])
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        let library = try ProfileLibrary.load(folders: [first, second, first])
        #expect(library.profiles.map(\.name) == ["zeta"])
        #expect(library.unusable.map(\.name) == ["acme", "acme"])
        #expect(
            library.unusable.first?.error.message
                == "the name 'acme' is also used by \(second.path)/other.json; rename one")
    }

    @Test func aFileGivenAloneReplacesItsNamesakeAndIgnoresItsNeighbours() throws {
        let shipped = try folder(["a.json": Self.good])
        let work = try folder([
            "mine.json": Self.good.replacingOccurrences(of: "/Coa/@lot", with: "'L'"), "b.json": Self.broken,
        ])
        defer {
            try? FileManager.default.removeItem(at: shipped)
            try? FileManager.default.removeItem(at: work)
        }
        let library = try ProfileLibrary.load(
            folders: [shipped], files: [work.appendingPathComponent("mine.json")])
        #expect(library.unusable.isEmpty)
        #expect(library.profiles.count == 1)
        let reader = try CoAReader(profiles: library.profiles)
        #expect(try reader.read(Array(#"<Coa lot="1"><R n="a">1</R></Coa>"#.utf8)).get().lotNumber == "L")
    }

    @Test func aFolderThatCannotBeReadIsAnError() {
        #expect(throws: CoAProfileError.self) {
            _ = try ProfileLibrary.load(folders: [URL(fileURLWithPath: "/nonexistent/profiles")])
        }
    }
}
