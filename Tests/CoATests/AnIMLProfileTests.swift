import Domain
import Foundation
import Testing

@testable import CoA

/// The shipped AnIML profile on a real instrument export: a 96-well absorbance read, each well a result.
@Suite struct AnIMLProfileTests {
    private func reader() throws -> CoAReader {
        let library = try ProfileLibrary.load(folders: [FixtureFiles.profilesDirectory])
        #expect(library.unusable.isEmpty)
        return try CoAReader(profiles: library.profiles)
    }

    @Test func aPlateReadGivesOneNamedResultPerWell() throws {
        let certificate = try reader().read(try FixtureFiles.bytes("animl/pyAnIML_real_life.animl")).get()
        #expect(certificate.format == "animl")
        #expect(certificate.lotNumber == "plate_0")
        #expect(certificate.materialName == "Nice descriptive name")
        #expect(certificate.issued == Day(year: 2020, month: 6, day: 22))
        #expect(certificate.approvedBy == #"lara-w71pro-64\lara"#)
        #expect(certificate.warnings == [])
        // Two reads of the plate: each step's wells are results of their own.
        #expect(certificate.results.count == 4 * 96)
        let values = certificate.results.filter { $0.characteristic.hasPrefix("absorbance_0 Value ") }
        #expect(values.count == 96)
        #expect(values.first?.characteristic == "absorbance_0 Value A1")
        #expect(values.last?.characteristic == "absorbance_0 Value H12")
        #expect(Set(values.map(\.characteristic)).count == 96)
        #expect(values.first?.reportedText == "0.0996")
        #expect(values.first?.method == "Microplate Read, Varioskan LUX")
        #expect(Set(certificate.results.map(\.characteristic)).count == 4 * 96)
    }

    @Test func aFileWithoutExperimentResultsIsRejectedWithItsHeader() throws {
        guard
            case .failure(let rejection) = try reader().read(
                try FixtureFiles.bytes("animl/py-animl_animl_0.90.xml"))
        else {
            Issue.record("accepted")
            return
        }
        #expect(rejection.reason == "the document contains no results (format animl)")
        #expect(rejection.certificate?.format == "animl")
    }
}
