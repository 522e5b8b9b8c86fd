/// The rows of `UnitCatalog`. Base units: mass fraction 1, volume fraction 1, g/L, °C, Pa·s, mm²/s,
/// MPa, mm, g, J, µS/cm, CFU/g.
enum UnitTable {
    typealias Entry = UnitCatalog.Entry

    private static func row(
        _ symbol: String, _ family: UnitFamily, _ numerator: Double, _ denominator: Double = 1,
        zero: Double = 0, _ spellings: [String] = []
    ) -> Entry {
        Entry(unit: MeasurementUnit(symbol, family, numerator, denominator, zero: zero), spellings: spellings)
    }

    static let entries: [Entry] =
        massFraction + volumeFraction + massPerVolume + temperature + viscosity
        + mechanical + other

    private static let massFraction: [Entry] = [
        row(
            "%", .massFraction, 1, 100,
            [
                "% w/w", "%(w/w)", "% m/m", "%(m/m)", "% wt", "wt%", "wt.%", "mass %", "mass-%", "Gew.-%",
                "Ma.-%",
            ]),
        row("g/100 g", .massFraction, 1, 100, ["g/100g"]),
        row("‰", .massFraction, 1, 1000, ["permille", "per mille"]),
        row("g/kg", .massFraction, 1, 1000),
        row("mg/g", .massFraction, 1, 1000),
        row("mg/100 g", .massFraction, 1, 100_000),
        row("mg/kg", .massFraction, 1, 1_000_000),
        row("ppm", .massFraction, 1, 1_000_000, ["ppmw", "ppm w/w", "ppm (m/m)"]),
        row("µg/g", .massFraction, 1, 1_000_000, ["ug/g", "mcg/g"]),
        row("µg/kg", .massFraction, 1, 1_000_000_000, ["ug/kg", "mcg/kg"]),
        row("ppb", .massFraction, 1, 1_000_000_000, ["ppbw"]),
        row("ng/g", .massFraction, 1, 1_000_000_000),
    ]

    private static let volumeFraction: [Entry] = [
        row("% v/v", .volumeFraction, 1, 100, ["%(v/v)", "vol%", "vol.-%", "% vol", "Vol.-%"]),
        row("mL/L", .volumeFraction, 1, 1000),
        row("µL/L", .volumeFraction, 1, 1_000_000, ["uL/L", "ppmv", "ppm v/v"]),
    ]

    private static let massPerVolume: [Entry] = [
        row("g/L", .massPerVolume, 1, 1, ["kg/m³", "kg/m3", "mg/mL"]),
        row("mg/L", .massPerVolume, 1, 1000, ["µg/mL", "ug/mL"]),
        row("µg/L", .massPerVolume, 1, 1_000_000, ["ug/L", "ng/mL"]),
        row("g/100 mL", .massPerVolume, 10, 1, ["g/100ml", "g/dL"]),
        row(
            "g/cm³", .massPerVolume, 1000, 1, ["g/cm3", "g/cc", "g/ccm", "g/mL", "kg/L", "kg/dm³", "kg/dm3"]),
    ]

    private static let temperature: [Entry] = [
        row("°C", .temperature, 1, 1, ["degC", "deg C", "C", "Celsius", "Cel"]),
        row("°F", .temperature, 5, 9, zero: 32, ["degF", "deg F", "F", "Fahrenheit"]),
        row("K", .temperature, 1, 1, zero: 273.15, ["kelvin"]),
    ]

    private static let viscosity: [Entry] = [
        row("Pa·s", .dynamicViscosity, 1, 1, ["Pa s", "Pas", "Pa.s"]),
        row("mPa·s", .dynamicViscosity, 1, 1000, ["mPa.s", "mPas", "mPa s"]),
        row("cP", .dynamicViscosity, 1, 1000, ["cps", "cPs", "centipoise"]),
        row("P", .dynamicViscosity, 1, 10, ["poise"]),
        row("mm²/s", .kinematicViscosity, 1, 1, ["mm2/s", "cSt", "centistokes"]),
        row("St", .kinematicViscosity, 100, 1, ["stokes"]),
        row("m²/s", .kinematicViscosity, 1_000_000, 1, ["m2/s"]),
    ]

    private static let mechanical: [Entry] = [
        row("MPa", .stress, 1, 1, ["N/mm²", "N/mm2", "MN/m²", "MN/m2"]),
        row("GPa", .stress, 1000, 1),
        row("kPa", .stress, 1, 1000),
        row("hPa", .stress, 1, 10_000, ["mbar"]),
        row("Pa", .stress, 1, 1_000_000, ["N/m²", "N/m2"]),
        row("mPa", .stress, 1, 1_000_000_000),
        row("bar", .stress, 1, 10),
        row("psi", .stress, 6_894.757_293_168, 1_000_000, ["lbf/in²", "lbf/in2"]),
        row("ksi", .stress, 6_894.757_293_168, 1000),
        row("kgf/mm²", .stress, 9.806_65, 1, ["kgf/mm2", "kp/mm²", "kp/mm2"]),
        row("m", .length, 1000, 1),
        row("cm", .length, 10, 1),
        row("mm", .length, 1, 1),
        row("µm", .length, 1, 1000, ["um", "micron", "microns", "µ"]),
        row("nm", .length, 1, 1_000_000),
        row("in", .length, 25.4, 1, ["inch", "inches", "\""]),
        row("kg", .mass, 1000, 1),
        row("g", .mass, 1, 1),
        row("mg", .mass, 1, 1000),
        row("µg", .mass, 1, 1_000_000, ["ug", "mcg"]),
        row("lb", .mass, 453.592_37, 1, ["lbs"]),
        row("J", .energy, 1, 1, ["joule"]),
        row("kJ", .energy, 1000, 1),
        row("ft·lbf", .energy, 1.355_817_948_331_400_4, 1, ["ft-lb", "ft lbf", "ftlbf", "ft-lbf", "ft·lb"]),
        // Torque is not energy; listing it also keeps `Nm` from folding to `nm` (nanometre).
        row("N·m", .torque, 1, 1, ["Nm", "N m"]),
    ]

    private static let other: [Entry] = [
        row("µS/cm", .conductivity, 1, 1, ["uS/cm"]),
        row("mS/cm", .conductivity, 1000, 1),
        row("mS/m", .conductivity, 10, 1),
        row("S/m", .conductivity, 10_000, 1),
        row("CFU/g", .colonyCount, 1, 1, ["cfu/g", "KBE/g"]),
        row("pH", .pH, 1, 1, ["pH units", "pH unit"]),
        row("1", .dimensionless, 1, 1, [""]),
    ]
}
