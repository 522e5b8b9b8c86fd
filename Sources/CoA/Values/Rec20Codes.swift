/// UN/ECE Recommendation 20 unit codes (as in OAGIS, AnIML and EDI messages) → our symbol. Read only
/// when the spelling is not in the table, and only as written in capitals: `59` is ppm, `P1` percent.
/// `MPA` (megapascal) is left out on purpose: the table refuses it as ambiguous with millipascal.
enum Rec20Codes {
    static let symbols: [String: String] = [
        "P1": "%", "59": "ppm", "61": "ppb", "GK": "g/kg",
        "GL": "g/L", "M1": "mg/L", "23": "g/cm³",
        "CEL": "°C", "FAH": "°F", "KEL": "K",
        "C7": "cP", "C65": "Pa·s", "4C": "cSt",
        "PAL": "Pa", "KPA": "kPa", "MBR": "mbar", "BAR": "bar",
        "MTR": "m", "CMT": "cm", "MMT": "mm", "4H": "µm", "C45": "nm", "INH": "in",
        "KGM": "kg", "GRM": "g", "MGM": "mg", "MC": "µg", "LBR": "lb",
        "JOU": "J", "KJO": "kJ", "NU": "N·m", "C62": "1",
    ]
}
