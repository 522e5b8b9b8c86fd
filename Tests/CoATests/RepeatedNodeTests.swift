import Foundation
import Testing

@testable import CoA

/// `repeat`: the results of repeated nodes get distinct names, from an index the document gives or
/// counted in document order.
@Suite struct RepeatedNodeTests {
    private var json: String { json() }

    private func json(wells: String = "../@name") -> String {
        """
        {"name": "plate", "match": {"root": "Plate"}, "document": {"lotNumber": "/Plate/@lot"},
         "results": [
           {"select": "/Plate/Read/Well", "characteristic": "\(wells)", "value": ".", "unit": "../@unit",
            "repeat": {"index": "@pos"}},
           {"select": "/Plate/Series/V", "characteristic": "../@name", "value": ".", "unit": "../@unit",
            "method": "concat('reading ', $position)", "repeat": {"start": 0}}],
         "characteristicAliases": {"Absorbance": "absorbance"}}
        """
    }

    private func read(_ json: String) throws -> Certificate {
        let profile = try CoAProfile.load(data: Data(json.utf8), file: "plate.json")
        return try CoAReader(profiles: [profile]).read(FixtureFiles.bytes("repeat/plate.xml")).get()
    }

    @Test func resultsAreNamedByTheirIndexOrCount() throws {
        let certificate = try read(json)
        #expect(
            certificate.results.map(\.characteristic) == [
                "absorbance A1", "absorbance A2", "absorbance B1", "absorbance 4", "absorbance A2",
                "Temperature 0", "Temperature 1", "Temperature 2",
            ])
        #expect(certificate.results.first?.reportedCharacteristic == "Absorbance A1")
        #expect(certificate.results.suffix(3).map(\.method) == ["reading 0", "reading 1", "reading 2"])
        #expect(
            certificate.warnings.map(\.description) == [
                "results[0].repeat.index: '' is empty at node 4; numbered 4 instead",
                "results[0].repeat.index: 'A2' is given to an earlier node too; their results share a name",
            ])
    }

    @Test func aCharacteristicThatNamesTheIndexItselfIsNotSuffixed() throws {
        let placed = json(wells: "concat('well ', $index, ' ', ../@name)")
        let certificate = try read(placed)
        #expect(
            certificate.results.prefix(2).map(\.characteristic) == [
                "well A1 Absorbance", "well A2 Absorbance",
            ])
    }

    @Test func anIndexWithBothQuoteKindsIsBoundAsText() {
        #expect(CoAProfile.literal("A1") == "'A1'")
        #expect(CoAProfile.literal("it's") == "\"it's\"")
        #expect(CoAProfile.literal(#"a'b"c"#) == #"concat('a', "'", 'b"c')"#)
    }

    @Test func aRepeatIsCheckedWhenLoaded() {
        let misspelt = json.replacingOccurrences(of: #"{"index": "@pos"}"#, with: #"{"idx": "@pos"}"#)
        #expect(
            profileProblems(misspelt) == ["results[0].repeat.idx: unknown key; expected one of index, start"])
        let fraction = json.replacingOccurrences(of: #"{"start": 0}"#, with: #"{"start": 0.5}"#)
        #expect(
            profileProblems(fraction) == [
                "results[1].repeat.start: expected a whole number from -1000000 to 1000000, found 0.5"
            ])
        let text = json.replacingOccurrences(of: #"{"start": 0}"#, with: #"{"start": "0"}"#)
        #expect(
            profileProblems(text) == [
                "results[1].repeat.start: expected a whole number from -1000000 to 1000000, found a string"
            ])
        let huge = json.replacingOccurrences(of: #"{"start": 0}"#, with: #"{"start": 2000000}"#)
        #expect(
            profileProblems(huge) == [
                "results[1].repeat.start: expected a whole number from -1000000 to 1000000, found 2000000.0"
            ])
        let word = json.replacingOccurrences(of: #"{"start": 0}"#, with: #""auto""#)
        #expect(profileProblems(word) == ["results[1].repeat: expected an object, found a string"])
        let syntax = json.replacingOccurrences(of: #"{"index": "@pos"}"#, with: #"{"index": "@pos["}"#)
        #expect(profileProblems(syntax).first?.hasPrefix("results[0].repeat.index: ") == true)
    }
}
