import CoA
import Testing

struct UnitConversionCase: Sendable, CustomTestStringConvertible {
    let value: Double
    let from: String
    let to: String
    let expected: Double

    init(_ value: Double, _ from: String, _ to: String, _ expected: Double) {
        self.value = value
        self.from = from
        self.to = to
        self.expected = expected
    }

    var testDescription: String { "\(value) \(from) → \(to)" }
}

@Suite struct UnitConversionTests {
    /// Spellings of one unit all name the same table row.
    @Test(arguments: [
        ("mPa·s", ["mPa·s", "mPa.s", "mPas", "mPa s", "mPa*s", "mPa⋅s", "MPAS"]),
        ("cP", ["cP", "cps", "CPS", "cPs", "centipoise"]),
        ("µg/g", ["µg/g", "\u{03BC}g/g", "\u{00B5}g/g", "ug/g", "mcg/g", "UG/G"]),
        ("%", ["%", "% w/w", "%(m/m)", "% m/m", "wt.%", "wt%", "Gew.-%", " % "]),
        ("g/100 g", ["g/100 g", "g/100g", "G/100G"]),
        ("mg/kg", ["mg/kg", "MG/KG", "mg / kg"]),
        ("ppm", ["ppm", "PPM"]),
        ("ppb", ["ppb"]),
        ("µg/kg", ["µg/kg", "ug/kg", "\u{03BC}g/kg"]),
        ("°C", ["°C", "degC", "deg C", "C", "º C", "˚C", "℃", "° C"]),
        ("°F", ["°F", "degF", "F", "℉"]),
        ("K", ["K", "kelvin"]),
        ("MPa", ["MPa", "N/mm2", "N/mm²", "N/mm^2", "n/mm2"]),
        ("mPa", ["mPa"]),
        ("mm", ["mm"]),
        ("µm", ["µm", "um", "\u{03BC}m", "micron"]),
        ("mm²/s", ["mm²/s", "mm2/s", "cSt"]),
        ("% v/v", ["% v/v", "%(v/v)", "vol%", "Vol.-%"]),
        ("1", ["", "1"]),
    ])
    func spellings(symbol: String, spellings: [String]) throws {
        for spelling in spellings {
            let unit = try #require(UnitCatalog.unit(spelling), "\(spelling)")
            #expect(unit.symbol == symbol, "\(spelling)")
        }
    }

    /// `MPa` (mega) and `mPa` (milli) differ only in case: a case-folded spelling must not guess.
    @Test func caseOnlyAmbiguityIsRefused() {
        #expect(UnitCatalog.unit("MPa")?.symbol == "MPa")
        #expect(UnitCatalog.unit("mPa")?.symbol == "mPa")
        #expect(UnitCatalog.unit("MPA") == nil)
        #expect(UnitCatalog.unit("mpa") == nil)
        #expect(UnitCatalog.unit("Nm")?.family == .torque)
        #expect(UnitCatalog.unit("nm")?.family == .length)
        #expect(UnitCatalog.unit("NM") == nil)
    }

    @Test func unknownSpellings() {
        for spelling in ["furlong", "ppt", "mg/kg/day", "%%", "µ g/x"] {
            #expect(UnitCatalog.unit(spelling) == nil, "\(spelling)")
        }
    }

    @Test(arguments: [
        UnitConversionCase(0.1, "%", "mg/kg", 1000),
        UnitConversionCase(1000, "mg/kg", "%", 0.1),
        UnitConversionCase(250, "ppm", "%", 0.025),
        UnitConversionCase(0.025, "%", "ppm", 250),
        UnitConversionCase(1.5, "g/100 g", "%", 1.5),
        UnitConversionCase(12, "µg/g", "mg/kg", 12),
        UnitConversionCase(12, "ug/g", "ppm", 12),
        UnitConversionCase(50, "ppb", "mg/kg", 0.05),
        UnitConversionCase(50, "µg/kg", "ppb", 50),
        UnitConversionCase(2, "g/kg", "%", 0.2),
        UnitConversionCase(212, "°F", "°C", 100),
        UnitConversionCase(32, "°F", "°C", 0),
        UnitConversionCase(-40, "°F", "°C", -40),
        UnitConversionCase(100, "°C", "°F", 212),
        UnitConversionCase(373.15, "K", "°C", 100),
        UnitConversionCase(25, "°C", "K", 298.15),
        UnitConversionCase(1500, "cP", "mPa·s", 1500),
        UnitConversionCase(1.5, "Pa·s", "mPa·s", 1500),
        UnitConversionCase(2, "P", "cP", 200),
        UnitConversionCase(355, "N/mm²", "MPa", 355),
        UnitConversionCase(50, "ksi", "MPa", 344.737_864_658_4),
        UnitConversionCase(1000, "psi", "MPa", 6.894_757_293_168),
        UnitConversionCase(0.25, "mm", "µm", 250),
        UnitConversionCase(1, "in", "mm", 25.4),
        UnitConversionCase(1.2, "g/cm³", "g/L", 1200),
        UnitConversionCase(27, "J", "J", 27),
    ])
    func conversions(_ conversion: UnitConversionCase) throws {
        let found = try UnitCatalog.conversion(from: conversion.from, to: conversion.to).get()
        let converted = found.convert(conversion.value)
        #expect(abs(converted - conversion.expected) <= 1e-9 * max(1, abs(conversion.expected)))
    }

    @Test func decimalFactorsRoundOnce() throws {
        #expect(try UnitCatalog.conversion(from: "%", to: "mg/kg").get().convert(0.1) == 1000)
        #expect(try UnitCatalog.conversion(from: "mg/kg", to: "%").get().convert(1000) == 0.1)
        #expect(try UnitCatalog.conversion(from: "°F", to: "°C").get().convert(212) == 100)
    }

    @Test(arguments: [
        ("cP", "%"), ("%", "% v/v"), ("mg/kg", "mg/L"), ("°C", "mm"), ("MPa", "mPa·s"), ("J", "N·m"),
        ("pH", "1"), ("%", "1"),
    ])
    func incompatibleFamilies(from: String, to: String) {
        guard
            case .failure(.incompatible(let source, let target)) = UnitCatalog.conversion(from: from, to: to)
        else {
            Issue.record("\(from) → \(to) converted")
            return
        }
        #expect(source.family != target.family)
    }

    @Test func unknownUnitsDoNotConvert() {
        #expect(UnitCatalog.conversion(from: "furlong", to: "mm") == .failure(.unknown("furlong")))
        #expect(UnitCatalog.conversion(from: "mm", to: "furlong") == .failure(.unknown("furlong")))
        #expect(UnitCatalog.conversion(from: "NTU", to: "FTU") == .failure(.unknown("NTU")))
    }

    /// An unlisted spelling compares with exactly the same spelling, and only with it.
    @Test func unlistedIdenticalSpellingIsIdentity() throws {
        let same = try UnitCatalog.conversion(from: "NTU", to: " NTU").get()
        #expect(same.from.family == .unlisted)
        #expect(same.convert(3.5) == 3.5)
    }

    @Test func supplierAliases() throws {
        let aliases = ["Gew-Proz": "%", "milliPascal-Sekunde": "mPa·s", "PPM(w)": "mg/kg"]
        #expect(UnitCatalog.unit("Gew-Proz") == nil)
        #expect(UnitCatalog.unit("Gew-Proz", aliases: aliases)?.symbol == "%")
        #expect(UnitCatalog.unit("gew proz", aliases: aliases)?.symbol == "%")
        #expect(UnitCatalog.unit("milliPascal-Sekunde", aliases: aliases)?.symbol == "mPa·s")
        let converted = try UnitCatalog.conversion(from: "Gew-Proz", to: "mg/kg", aliases: aliases).get()
        #expect(converted.convert(0.5) == 5000)
        // An alias overrides the table for that spelling.
        #expect(UnitCatalog.unit("PPM(w)", aliases: aliases)?.symbol == "mg/kg")
    }

    @Test func missingUnitSpellings() {
        for spelling in [nil, "", "  ", "-", "–", "n/a", "N/A"] as [String?] {
            #expect(UnitCatalog.isMissing(spelling), "\(String(describing: spelling))")
        }
        #expect(!UnitCatalog.isMissing("%"))
    }

    @Test func everyTableSymbolResolvesToItself() {
        for entry in UnitCatalog.entries {
            #expect(UnitCatalog.unit(entry.unit.symbol) == entry.unit, "\(entry.unit.symbol)")
            for spelling in entry.spellings {
                #expect(UnitCatalog.unit(spelling) == entry.unit, "\(spelling)")
            }
        }
    }
}
