import CoA
import Foundation
import Testing

/// docs/units.md is what the README shows suppliers and engineers: it must list every unit and spelling.
@Suite struct UnitTableDocumentationTests {
    private static let document: String? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/units.md")
        return try? String(contentsOf: url, encoding: .utf8)
    }()

    @Test func everyUnitAndSpellingIsDocumented() throws {
        let document = try #require(Self.document)
        for entry in UnitCatalog.entries {
            #expect(document.contains("| `\(entry.unit.symbol)` |"), "\(entry.unit.symbol)")
            for spelling in entry.spellings where !spelling.isEmpty {
                #expect(document.contains("`\(spelling)`"), "\(spelling)")
            }
        }
    }

    @Test func everyFamilyHasASection() throws {
        let document = try #require(Self.document)
        let documented = Set(UnitCatalog.entries.map(\.unit.family))
        #expect(documented.count == UnitFamily.allCases.count - 1)  // all but `unlisted`
        #expect(!documented.contains(.unlisted))
        #expect(document.contains("### Temperature"))
    }
}
