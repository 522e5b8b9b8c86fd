import CoA
import Domain
import Foundation
import Testing

/// The profile reader on generated input: profiles mutated byte by byte and piece by piece (loading may
/// refuse them, never trap), and the worked example's document with every field replaced by generated
/// text (limits, quantities and dates read are in range or not stated). Seeded, bounded in time.
@Suite struct ProfileReaderFuzzTests {
    static let fragments = [
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e400", "-1e308", "1e-400", "NaN",
        String(repeating: "9", count: 5_000), "\"//*\"", "\"count(//*)\"", "\"1 div 0\"", "\"-1 div 0\"",
        "\"0 div 0\"", "\"string(1e400)\"", "\"$undefined\"", "\"//*[\"", "\"select\"", "\"results\"",
        "\"document\"", "\"name\"", String(repeating: "[", count: 2_000), "\\u0000", "\u{FFFD}",
    ]

    static func mutated(_ base: [UInt8], _ generator: inout SeededGenerator) -> [UInt8] {
        var bytes = base
        for _ in 0..<Int.random(in: 1...6, using: &generator) {
            guard !bytes.isEmpty else { break }
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: bytes[at] = UInt8.random(in: 0...255, using: &generator)
            case 1: bytes.remove(at: at)
            default:
                let fragment = fragments.randomElement(using: &generator) ?? ""
                bytes.insert(contentsOf: Array(fragment.utf8), at: at)
            }
        }
        return bytes
    }

    @Test func mutatedProfilesNeverTrap() throws {
        let profileBytes = try FixtureFiles.bytes("worked-example/acme-labs.json")
        let document = try FixtureFiles.bytes("worked-example/acme-coa.xml")
        let budget = FuzzBudget.fromEnvironment(defaultSeconds: 2)
        var loaded = 0
        let ran = budget.run { generator, _ in
            let bytes = Self.mutated(profileBytes, &generator)
            guard let profile = try? CoAProfile.load(data: Data(bytes), file: "fuzz.json"),
                let reader = try? CoAReader(profiles: [profile])
            else { return }
            loaded += 1
            _ = reader.read(document, profileName: profile.name)
        }
        print("\(#function): \(ran) cases in \(budget.seconds) s, seed \(budget.seed)")
        #expect(ran > 0)
        #expect(loaded > 0, "no mutated profile loaded: the mutations are too coarse")
    }

    @Test func generatedFieldsReadInRange() throws {
        let profile = try CoAProfile.load(data: Data(try FixtureFiles.bytes("worked-example/acme-labs.json")))
        let reader = try CoAReader(profiles: [profile])
        let template = String(decoding: try FixtureFiles.bytes("worked-example/acme-coa.xml"), as: UTF8.self)
        let fields = ["0,12", "0,5", "99,6", "99,0", "100,5", "02.03.2026", "04.03.2026", "A-2291"]
        let budget = FuzzBudget.fromEnvironment(defaultSeconds: 2)
        var failures: [String] = []
        let ran = budget.run { generator, iteration in
            var text = template
            for field in fields where Bool.random(using: &generator) {
                let value = ValueTextGenerator.text(&generator)
                let escaped = value.replacingOccurrences(of: "&", with: "&amp;")
                    .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\0", with: "")
                text = text.replacingOccurrences(of: field, with: escaped)
            }
            guard case .success(let certificate) = reader.read(Array(text.utf8), profileName: profile.name)
            else { return }
            let numbers =
                [certificate.lotQuantity]
                + certificate.results.flatMap { [$0.supplierLower, $0.supplierUpper] }
            for number in numbers.compactMap({ $0 }) where !InputRange.contains(number) {
                failures.append("iteration \(iteration): read \(number)")
            }
            for day in [certificate.manufactured, certificate.issued, certificate.expires].compactMap({ $0 })
            where day < InputRange.earliestDay {
                failures.append("iteration \(iteration): read the day \(day)")
            }
        }
        print("\(#function): \(ran) cases in \(budget.seconds) s, seed \(budget.seed)")
        #expect(ran > 0)
        #expect(failures.isEmpty, "\(failures.prefix(5)) (seed \(budget.seed))")
    }
}
