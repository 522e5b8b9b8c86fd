import Foundation
import Testing

@testable import CoA

/// UN/ECE Recommendation 20 codes read as the units they name, and docs/units.md lists each.
@Suite struct Rec20CodeTests {
    @Test func everyCodeNamesAUnitOfTheTable() {
        for (code, symbol) in Rec20Codes.symbols {
            let unit = UnitCatalog.unit(code)
            #expect(unit != nil && unit == UnitCatalog.unit(symbol), "\(code)")
        }
    }

    @Test func codesConvertLikeTheirUnits() throws {
        let conversion = try UnitCatalog.conversion(from: "P1", to: "mg/kg").get()
        #expect(conversion.convert(0.1) == 1000)
        #expect(try UnitCatalog.conversion(from: "CEL", to: "°F").get().convert(100) == 212)
        #expect(UnitCatalog.unit("MPA") == nil)
    }

    @Test func everyCodeIsDocumented() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/units.md")
        let document = try String(contentsOf: url, encoding: .utf8)
        for (code, symbol) in Rec20Codes.symbols {
            #expect(document.contains("| `\(code)` | `\(symbol)` |"), "\(code)")
        }
    }
}
