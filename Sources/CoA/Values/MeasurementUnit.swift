/// A family of units that convert into each other. Units of different families never compare.
public enum UnitFamily: String, Sendable, Hashable, CaseIterable {
    case massFraction = "mass fraction"
    case volumeFraction = "volume fraction"
    case massPerVolume = "mass per volume (concentration, density)"
    case temperature
    case dynamicViscosity = "dynamic viscosity"
    case kinematicViscosity = "kinematic viscosity"
    case stress = "stress and pressure"
    case length
    case mass
    case energy = "energy (impact)"
    case torque
    case conductivity = "electrical conductivity"
    case colonyCount = "colony count per gram"
    case pH
    case dimensionless = "no unit"
    /// A spelling not in the table: it compares only with exactly the same spelling.
    case unlisted
}

/// One unit of the table: a value `v` in this unit is `(v − zero) × numerator ÷ denominator` in the
/// family's base unit. `zero` is non-zero only for temperatures (°F: 32, K: 273.15; base °C).
public struct MeasurementUnit: Sendable, Hashable {
    /// The spelling reports show, e.g. `mPa·s`.
    public let symbol: String
    public let family: UnitFamily
    let numerator: Double
    let denominator: Double
    let zero: Double

    init(
        _ symbol: String, _ family: UnitFamily, _ numerator: Double, _ denominator: Double = 1,
        zero: Double = 0
    ) {
        self.symbol = symbol
        self.family = family
        self.numerator = numerator
        self.denominator = denominator
        self.zero = zero
    }

    /// How many base units one of this unit is (the factor docs/units.md lists).
    public var factorToBase: Double { numerator / denominator }
}

/// A conversion between two units of one family (affine for temperatures).
public struct UnitConversion: Sendable, Hashable {
    public let from: MeasurementUnit
    public let to: MeasurementUnit

    /// Converts `value` from `from` to `to`. Multiplies before dividing so that decimal factors
    /// (0.1 % → 1000 mg/kg) round once.
    public func convert(_ value: Double) -> Double {
        if from == to { return value }
        let scaled =
            (value - from.zero) * (from.numerator * to.denominator) / (from.denominator * to.numerator)
        return scaled + to.zero
    }
}

/// Why two units cannot be compared.
public enum UnitMismatch: Error, Sendable, Hashable, CustomStringConvertible {
    case unknown(String)
    case incompatible(MeasurementUnit, MeasurementUnit)

    public var description: String {
        switch self {
        case .unknown(let spelling): "unit '\(spelling)' is not in the unit table"
        case .incompatible(let from, let to):
            "reported in \(from.symbol) (\(from.family.rawValue)), specification in \(to.symbol) "
                + "(\(to.family.rawValue)): incompatible units"
        }
    }
}
