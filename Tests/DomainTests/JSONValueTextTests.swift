import Domain
import Foundation
import Testing

@Suite struct JSONValueTextTests {
    @Test func printsCompactJSONWithSortedKeys() {
        let value: JSONValue = [
            "zeta": 1, "alpha": [true, false, .null], "mid": ["b": 2.5, "a": "x"],
        ]
        #expect(value.jsonText == #"{"alpha":[true,false,null],"mid":{"a":"x","b":2.5},"zeta":1}"#)
    }

    @Test func escapesWhatJSONRequires() {
        let text = "quote \" backslash \\ newline \n tab \t cr \r bell \u{07} nul \u{00} é 😀"
        #expect(
            JSONValue.string(text).jsonText
                == #""quote \" backslash \\ newline \n tab \t cr \r bell \u0007 nul \u0000 é 😀""#)
    }

    @Test(arguments: [
        (3.0, "3"), (-2.0, "-2"), (0.1, "0.1"), (2.5e-7, "2.5e-07"), (1e300, "1e+300"),
        (9_007_199_254_740_992.0, "9007199254740992.0"), (4_503_599_627_370_497.0, "4503599627370497"),
        (Double.nan, "null"), (Double.infinity, "null"),
        (-Double.infinity, "null"),
    ])
    func printsNumbers(_ number: Double, _ expected: String) {
        #expect(JSONValue.number(number).jsonText == expected)
    }

    /// Whatever it prints, a standard JSON reader reads back the same value.
    @Test func readsBackThroughJSONDecoder() throws {
        let value: JSONValue = [
            "steps": [["lot": "L-1", "accepted": true, "score": 12], ["lot": "L\"2", "accepted": false]],
            "ratio": 0.30000000000000004, "tiny": 5e-324, "big": 1.7976931348623157e308, "name": "Zn/Oₓ\n",
            "nothing": .null, "empty": [], "none": [:],
        ]
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(value.jsonText.utf8))
        #expect(decoded == value)
    }
}
