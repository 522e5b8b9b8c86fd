/// Reported values as suppliers (and attackers) might write them: numbers with every sign, mark,
/// grouping and exponent the reader knows, runs of up to 5,000 digits, qualifiers, non-detect phrases,
/// units, words, and random characters, glued in random order.
enum ValueTextGenerator {
    static let pieces: [String] = [
        "-", "+", "\u{2212}", "\u{2013}", ".", ",", " ", "'", "\u{2019}", "e", "E", "e-", "e+", "×10^",
        "x10-",
        "·10⁻³", "*10^", "⁻", "⁺", "^", "<", ">", "<=", "≥", "≤", "max", "min.", "NMT", "not less than", "ND",
        "n.d.", "<LOQ", "ND (<", ")", "(", "LOQ", "%", "mg/kg", "ppm", "°C", "mPa·s", "conforms", "fails",
        "NaN", "nan", "inf", "-inf", "Infinity", "1e999", "1e-400", "1e308", "-1e308", "9.3e18",
        "99999999999999999999999", "0.000000000000000000001", "±", "&lt;", "&#60;", "\u{00A0}", "\u{2009}",
        "\t", "\n", "\0", "\u{FFFD}", "\u{202E}", "é", "🧪",
    ]

    static func text(_ generator: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<4:
                let count =
                    Bool.random(using: &generator)
                    ? Int.random(in: 1...6, using: &generator)
                    : Int.random(in: 1...5_000, using: &generator)
                text += String(
                    (0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            case 4..<8:
                text += pieces.randomElement(using: &generator) ?? ""
            default:
                let scalar = Unicode.Scalar(UInt32.random(in: 0x20...0x2FFF, using: &generator)) ?? " "
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
