import Foundation
import Testing

@testable import CoA

/// Each way a profile can be wrong is an error naming the file and the key's path, all of them at once.
@Suite struct ProfileValidationTests {
    private let valid = """
        {"name": "acme", "match": {"root": "Coa", "namespace": null}, "document": {"lotNumber": "/Coa/@lot"},
         "results": [{"select": "/Coa/R", "characteristic": "@n", "value": "."}]}
        """

    private func problems(_ json: String) -> [String] {
        profileProblems(json)
    }

    private func edited(_ old: String, _ new: String) -> String {
        valid.replacingOccurrences(of: old, with: new)
    }

    @Test func theValidProfileLoads() {
        #expect(problems(valid) == [])
    }

    @Test func theErrorNamesTheFile() {
        #expect(
            throws: CoAProfileError(
                file: "p.json",
                problems: ["missing 'name'", "nmae: unknown key; did you mean 'name'?"])
        ) {
            _ = try CoAProfile.load(data: Data(edited(#""name""#, #""nmae""#).utf8), file: "p.json")
        }
        let error = CoAProfileError(file: "p.json", problems: ["a", "b"])
        #expect(error.description == "profile p.json: a; b")
    }

    @Test func anUnknownResultKeySuggestsTheKnownOne() {
        #expect(
            problems(edited(#""value": "."}"#, #""value": ".", "upperLimit": "@max"}"#))
                == ["results[0].upperLimit: unknown key; did you mean 'upper'?"])
    }

    @Test func aKeyInTheWrongCaseSuggestsTheRightOne() {
        #expect(
            problems(edited(#""lotNumber""#, #""lotnumber""#))
                == ["document.lotnumber: unknown key; did you mean 'lotNumber'?"])
    }

    @Test func aMisspeltKeySuggestsTheNearestOne() {
        #expect(
            problems(edited(#""select""#, #""selcet""#))
                == ["results[0]: missing 'select'", "results[0].selcet: unknown key; did you mean 'select'?"])
    }

    @Test func anUnknownKeyWithNothingCloseListsTheKnownOnes() {
        let found = problems(edited(#""name": "acme","#, #""name": "acme", "zzz": 1,"#))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("zzz: unknown key; expected one of name, description, match") == true)
    }

    @Test func aWrongTypeIsNamed() {
        #expect(
            problems(edited(#""name": "acme""#, #""name": 3"#)) == ["name: expected a string, found a number"]
        )
        #expect(
            problems(edited(#""results": ["#, #""results": {"x": 1}, "rseults": ["#))
                == [
                    "results: expected an array, found an object",
                    "rseults: unknown key; did you mean 'results'?",
                ])
        #expect(
            problems(edited(#""value": ".""#, #""value": true"#))
                == ["results[0].value: expected an XPath string or an array of them, found a boolean"])
        #expect(
            problems(edited(#""value": ".""#, #""value": []"#))
                == ["results[0].value: an expression needs at least one XPath"])
        #expect(
            problems(edited(#""value": ".""#, #""value": [".", 2]"#))
                == ["results[0].value[1]: expected a string, found a number"])
        #expect(
            problems(edited(#""namespace": null"#, #""namespace": 1"#))
                == ["match.namespace: expected a string or null, found a number"])
        #expect(
            problems(edited(#""document": {"#, #""unitAliases": {"a": 1}, "document": {"#))
                == ["unitAliases.a: expected a string, found a number"])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let json = edited(#""name": "acme""#, #""name": 3, "nmae": "x""#)
            .replacingOccurrences(of: #""lotNumber""#, with: #""lotnumber""#)
        #expect(
            problems(json) == [
                "document.lotnumber: unknown key; did you mean 'lotNumber'?",
                "name: expected a string, found a number", "nmae: unknown key; did you mean 'name'?",
            ])
    }

    @Test func everyXPathSyntaxErrorIsReported() {
        let found = problems(
            edited(#""characteristic": "@n", "value": ".""#, #""characteristic": "@[", "value": "R[""#))
        #expect(found.count == 2)
        #expect(found.first?.hasPrefix("results[0].characteristic: ") == true)
    }

    @Test func notJSONIsNamed() {
        #expect(problems("{\"name\": ") == ["not valid JSON"])
    }

    @Test func suggestionsAreNotWildGuesses() {
        #expect(Suggestion.closest(to: "colour", among: ["select", "value"]) == nil)
        #expect(Suggestion.closest(to: "valeu", among: ["select", "value"]) == "value")
    }
}
