import Foundation
import Job
import Logging
import Testing

/// A profile's `decimalConvention`, as docs/units.md documents it (top level of the profile), reaches what
/// `check-coa` reads: values, limits and the lot quantity.
@Suite struct CheckCoADecimalConventionTests {
    private func check(convention: String?) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "decimal-convention-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let option = convention.map { #""decimalConvention": "\#($0)", "# } ?? ""
        let profile = """
            {"name": "thousands", \(option)"match": {"root": "Coa"},
             "document": {"lotNumber": "/Coa/@lot", "lotQuantity": "/Coa/@qty"},
             "results": [{"select": "/Coa/R", "characteristic": "@n", "value": ".", "unit": "@u", "upper": "@max"}]}
            """
        let profileFile = folder.appendingPathComponent("thousands.json")
        try Data(profile.utf8).write(to: profileFile)
        let document = JobFixture.repositoryRoot.appendingPathComponent(
            "Tests/CoATests/Fixtures/limits/decimal-point.xml")
        return try CoACheck(
            configuration: Configuration(), paths: ResourcePaths(home: JobFixture.repositoryRoot),
            logger: Logger(label: "test")
        ).check(files: [document.path], supplier: "SUP-A", profile: profileFile.path, database: nil).text
    }

    @Test func decimalPointReadsCommasAsThousands() throws {
        let text = try check(convention: "decimalPoint")
        #expect(text.contains("lot quantity 1250"), "\(text)")
        #expect(text.contains("viscosity: 1,250 cP  →  no_spec  [supplier's: – … 1500.0]"), "\(text)")
        #expect(text.contains("      read as numeric 1250\n"), "\(text)")
        #expect(
            text.contains(
                "bogus: 12,34 cP  →  no_spec  (no specification in force for bogus)\n      read as unparseable\n"
            ), "\(text)")
    }

    @Test func automaticReadsALoneCommaAsTheDecimalMark() throws {
        let text = try check(convention: nil)
        #expect(text.contains("lot quantity 1.25"), "\(text)")
        #expect(text.contains("      read as numeric 1.25\n"), "\(text)")
    }
}
