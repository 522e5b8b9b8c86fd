/// The unit table: every unit the intake converts, its spellings and its factor. docs/units.md shows it.
public enum UnitCatalog {
    /// One row of the table.
    public struct Entry: Sendable, Hashable {
        public let unit: MeasurementUnit
        /// Accepted spellings. Lookup ignores spaces, dots, middle dots, hyphens, brackets and `^`,
        /// reads `μ` (Greek mu) as `µ` (micro sign), `²`/`³` as 2/3, and ignores case where that is
        /// unambiguous (`MPa` and `mPa` are not).
        public let spellings: [String]
    }

    public static let entries: [Entry] = UnitTable.entries

    /// The unit a spelling names, through the supplier's `aliases` (spelling → one of ours) first.
    public static func unit(_ spelling: String, aliases: [String: String] = [:]) -> MeasurementUnit? {
        if aliases.isEmpty, let listed = spellingIndex[spelling] { return listed }
        let wanted = key(spelling)
        if let target = aliasTarget(wanted, aliases: aliases) {
            return unit(key: key(target))
        }
        if let listed = unit(key: wanted) { return listed }
        return Rec20Codes.symbols[spelling].flatMap { unit(key: key($0)) }
    }

    /// The conversion from a reported unit to the specification's unit, or why there is none.
    /// A spelling that is not in the table converts only to exactly the same spelling.
    public static func conversion(
        from reported: String, to specified: String, aliases: [String: String] = [:]
    ) -> Result<UnitConversion, UnitMismatch> {
        let source = unit(reported, aliases: aliases)
        let target = unit(specified, aliases: aliases)
        switch (source, target) {
        case (let source?, let target?):
            guard source.family == target.family else { return .failure(.incompatible(source, target)) }
            return .success(UnitConversion(from: source, to: target))
        case (nil, nil) where key(reported) == key(specified):
            let same = MeasurementUnit(reported.trimmingSet([" "]), .unlisted, 1)
            return .success(UnitConversion(from: same, to: same))
        case (nil, _):
            return .failure(.unknown(reported))
        case (_, nil):
            return .failure(.unknown(specified))
        }
    }

    /// No unit stated: nil, empty, or a dash or `n/a` in the unit column.
    public static func isMissing(_ spelling: String?) -> Bool {
        guard let spelling else { return true }
        if statedSpellings.contains(spelling) { return false }  // the common case: no key to build
        return isMissingKey(spelling)
    }

    private static func isMissingKey(_ spelling: String) -> Bool {
        let bare = key(spelling).lowercased()
        return bare.isEmpty || bare == "n/a" || bare == "na"
    }

    /// Listed spellings that state a unit (the dimensionless row's empty spelling does not).
    private static let statedSpellings: Set<String> = Set(spellingIndex.keys.filter { !isMissingKey($0) })

    /// The lookup key of a spelling (see `Entry.spellings`).
    static func key(_ spelling: String) -> String {
        var result = ""
        for character in spelling {
            switch character {
            case "\u{03BC}": result.append("\u{00B5}")
            case "º", "˚": result.append("°")
            case "℃": result.append("°C")
            case "℉": result.append("°F")
            case "²": result.append("2")
            case "³": result.append("3")
            case "·", "⋅", "•", "∙", "*", ".", "(", ")", "[", "]", "-", "–", "—", "^", "_": continue
            default:
                if !character.isWhitespace { result.append(character) }
            }
        }
        return result
    }

    private static func aliasTarget(_ wanted: String, aliases: [String: String]) -> String? {
        guard !aliases.isEmpty else { return nil }
        if let exact = aliases.first(where: { key($0.key) == wanted }) { return exact.value }
        let folded = aliases.filter { key($0.key).lowercased() == wanted.lowercased() }
        return folded.count == 1 ? folded.first?.value : nil
    }

    private static func unit(key: String) -> MeasurementUnit? {
        exactIndex[key] ?? foldedIndex[key.lowercased()]
    }

    /// Listed spellings exactly as written: the common case needs no key.
    private static let spellingIndex: [String: MeasurementUnit] = {
        var index: [String: MeasurementUnit] = [:]
        for entry in entries {
            for spelling in entry.spellings + [entry.unit.symbol] { index[spelling] = entry.unit }
        }
        return index
    }()

    private static let exactIndex: [String: MeasurementUnit] = {
        var index: [String: MeasurementUnit] = [:]
        for entry in entries {
            for spelling in entry.spellings + [entry.unit.symbol] { index[key(spelling)] = entry.unit }
        }
        return index
    }()

    /// Case-folded keys that name exactly one unit.
    private static let foldedIndex: [String: MeasurementUnit] = {
        var candidates: [String: Set<MeasurementUnit>] = [:]
        for (spelling, unit) in exactIndex { candidates[spelling.lowercased(), default: []].insert(unit) }
        return candidates.compactMapValues { $0.count == 1 ? $0.first : nil }
    }()
}
