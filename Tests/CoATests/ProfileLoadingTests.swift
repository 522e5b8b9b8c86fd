import Foundation
import Testing

@testable import CoA

private func load(_ json: String) throws -> CoAProfile {
    try CoAProfile.load(data: Data(json.utf8), file: "test.json")
}

private let minimal = """
    {"name": "acme", "match": {"root": "Coa"}, "document": {"lotNumber": "/Coa/@lot"},
     "results": [{"select": "/Coa/R", "characteristic": "@n", "value": "."}],
     "characteristicAliases": {"Moisture (KF)": "moisture"}, "unitAliases": {"Gew.-%": "%"}}
    """

@Test func shippedProfilesLoad() throws {
    let profiles = try CoAProfile.loadAll(in: FixtureFiles.profilesDirectory)
    #expect(profiles.map(\.name) == ["acme-labs", "animl", "en10168", "oagis-batch-coa", "qif3"])
}

@Test func minimalProfileReadsAliasesIgnoringCaseAndSpacing() throws {
    let profile = try load(minimal)
    let reader = try CoAReader(profiles: [profile])
    let text = #"<Coa lot=" L-7 "><R n="moisture  (kf)" u="x">0,12</R><R n="Ash">1</R><R n="">3</R></Coa>"#
    let certificate = try reader.read(Array(text.utf8)).get()
    #expect(certificate.format == "acme")
    #expect(certificate.lotNumber == "L-7")
    #expect(certificate.results.map(\.characteristic) == ["moisture", "Ash"])
    #expect(certificate.results.first?.reportedCharacteristic == "moisture (kf)")
    #expect(certificate.results.first?.reportedText == "0,12")
    #expect(profile.unitAlias("gew.-%") == "%")
    #expect(profile.unitAlias("mg/kg") == "mg/kg")
}

@Test func badXPathIsReportedAtLoadWithItsPlace() {
    let broken = minimal.replacingOccurrences(of: #""value": ".""#, with: #""value": "R[""#)
    #expect {
        _ = try load(broken)
    } throws: { error in
        "\(error)".contains("results[0].value") && "\(error)".contains("test.json")
    }
}

@Test func missingRequiredKeyIsNamed() {
    let broken = minimal.replacingOccurrences(of: #""select": "/Coa/R", "#, with: "")
    #expect {
        _ = try load(broken)
    } throws: { error in
        (error as? CoAProfileError)?.message.contains("missing 'select'") == true
    }
}

@Test func notJSONAndEmptyResultsAreErrors() {
    #expect(throws: CoAProfileError.self) { _ = try load("<profile/>") }
    #expect(throws: CoAProfileError.self) {
        _ = try load(#"{"name": "x", "document": {}, "results": []}"#)
    }
}

@Test func duplicateProfileNamesAreRefused() throws {
    let profile = try load(minimal)
    #expect(throws: CoAProfileError.self) { _ = try CoAReader(profiles: [profile, profile]) }
}

@Test func xpathFailingAtRunTimeRejectsTheDocument() throws {
    // Syntactically valid, but the variable is never bound.
    let profile = try load(minimal.replacingOccurrences(of: #""value": ".""#, with: #""value": "$nope""#))
    let result = try CoAReader(profiles: [profile]).read(Array(#"<Coa><R n="a">1</R></Coa>"#.utf8))
    guard case .failure(let rejection) = result else {
        Issue.record("accepted")
        return
    }
    #expect(rejection.reason.hasPrefix("profile 'acme' failed"))
}
