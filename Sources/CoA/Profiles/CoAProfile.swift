import Foundation
import XML

/// A declarative mapping of one supplier XML format onto the canonical certificate fields, written in
/// JSON with XPath 1.0 expressions (see profiles/README.md). No Swift per format.
public struct CoAProfile: Sendable, Hashable, Decodable {
    /// Names the profile in configuration and becomes `Certificate.format`.
    public var name: String
    public var description: String?
    /// Which documents this profile reads when no profile is configured for the supplier: any of these
    /// (one format may come with several roots, as B2MML's two documents).
    public var matchRules: [Match]
    /// The supplier's own identifiers (DUNS, its vendor code) → our supplier id.
    public var supplierIds: [String: String]
    /// Prefix → namespace URI, for use in every expression (XPath 1.0 has no default namespace).
    public var namespaces: [String: String]
    /// Document-level bindings, evaluated once at the document node before `document` fields.
    public var bindings: [ProfileBinding]
    /// How the document's dates are written, tried in order (default `iso`); a date field may say otherwise.
    public var dateFormats: [DatePattern]
    /// How the supplier writes numbers, and whether a result without a unit is read in ours.
    public var options: ReadingOptions
    public var document: DocumentFields
    /// Each group selects result nodes and maps each one to a result.
    public var results: [ResultGroup]
    /// Supplier's characteristic name → ours, e.g. `"Moisture (KF)": "moisture"`.
    public var characteristicAliases: [String: String]
    /// Supplier's unit → ours, e.g. `"Celsius": "°C"`.
    public var unitAliases: [String: String]
    /// The aliases keyed by folded name (case and spacing ignored), built once at load.
    let foldedCharacteristicAliases: [String: String]
    let foldedUnitAliases: [String: String]

    public struct Match: Sendable, Hashable, Decodable {
        /// Local name of the root element.
        public var root: String
        /// Namespace URI of the root element; absent or null for none.
        public var namespace: String?
        /// An optional XPath boolean that must also hold, to tell apart formats sharing a root.
        public var test: String?
    }

    /// Each field is a `ProfileExpression` evaluated at the document node with XPath `string()`.
    public struct DocumentFields: Sendable, Hashable, Decodable {
        public var supplierId: ProfileExpression?
        public var supplierName: ProfileExpression?
        public var materialId: ProfileExpression?
        public var partNumber: ProfileExpression?
        public var materialName: ProfileExpression?
        public var lotNumber: ProfileExpression?
        /// Dates, read with their own `dateFormat` or the profile's.
        public var manufactured: DateField?
        public var expires: DateField?
        public var lotQuantity: ProfileExpression?
        public var lotUnit: ProfileExpression?
        public var purchaseOrder: ProfileExpression?
        public var issued: DateField?
        public var approvedBy: ProfileExpression?
        public var approvedOn: DateField?
    }

    /// Fields are evaluated with the selected result node as the context node, after its bindings.
    public struct ResultGroup: Sendable, Hashable, Decodable {
        /// A node set: one result per node.
        public var select: String
        public var bindings: [ProfileBinding]
        public var characteristic: ProfileExpression
        public var value: ProfileExpression
        public var unit: ProfileExpression?
        public var method: ProfileExpression?
        /// Numbers (XPath arithmetic allowed); empty or NaN means no limit on that side.
        public var lower: ProfileExpression?
        public var upper: ProfileExpression?
        /// The limits as text (`NMT 0.5`, `98.0 - 101.0`), for the sides `lower` and `upper` leave open.
        public var limits: ProfileExpression?
        /// The unit of `lower`, `upper` and of limit text that states none, when it is not the result's;
        /// the limits are converted to the result's unit with the unit table.
        public var limitUnit: ProfileExpression?
        /// XPath booleans: the limit excludes its own value.
        public var lowerExclusive: String?
        public var upperExclusive: String?
        /// Numbers the results of repeated nodes (the wells of a plate), so each gets its own name.
        public var repeating: Repeat?

        enum CodingKeys: String, CodingKey {
            case select
            case bindings = "let"
            case characteristic, value, unit, method, lower, upper, limits, limitUnit
            case lowerExclusive, upperExclusive
            case repeating = "repeat"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            select = try c.decode(String.self, forKey: .select)
            bindings = try c.decodeIfPresent([ProfileBinding].self, forKey: .bindings) ?? []
            characteristic = try c.decode(ProfileExpression.self, forKey: .characteristic)
            value = try c.decode(ProfileExpression.self, forKey: .value)
            unit = try c.decodeIfPresent(ProfileExpression.self, forKey: .unit)
            method = try c.decodeIfPresent(ProfileExpression.self, forKey: .method)
            lower = try c.decodeIfPresent(ProfileExpression.self, forKey: .lower)
            upper = try c.decodeIfPresent(ProfileExpression.self, forKey: .upper)
            limits = try c.decodeIfPresent(ProfileExpression.self, forKey: .limits)
            limitUnit = try c.decodeIfPresent(ProfileExpression.self, forKey: .limitUnit)
            repeating = try c.decodeIfPresent(Repeat.self, forKey: .repeating)
            lowerExclusive = try c.decodeIfPresent(String.self, forKey: .lowerExclusive)
            upperExclusive = try c.decodeIfPresent(String.self, forKey: .upperExclusive)
        }
    }

    /// How the results of one group's nodes are told apart: by an index the document gives (`@well`),
    /// or counted from `start` in document order.
    public struct Repeat: Sendable, Hashable, Decodable {
        /// Evaluated at the result node, with `$position` bound to the counted index.
        public var index: ProfileExpression?
        public var start: Int

        enum CodingKeys: String, CodingKey { case index, start }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            index = try c.decodeIfPresent(ProfileExpression.self, forKey: .index)
            start = try c.decodeIfPresent(Int.self, forKey: .start) ?? 1
        }
    }

    enum CodingKeys: String, CodingKey {
        case name, description, match, namespaces, supplierIds
        case bindings = "let"
        case dateFormats = "dateFormat"
        case decimalConvention, assumeSpecUnitWhenMissing
        case document, results
        case characteristicAliases, unitAliases
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        if let several = try? c.decodeIfPresent([Match].self, forKey: .match) {
            matchRules = several
        } else {
            matchRules = try c.decodeIfPresent(Match.self, forKey: .match).map { [$0] } ?? []
        }
        supplierIds = try c.decodeIfPresent([String: String].self, forKey: .supplierIds) ?? [:]
        namespaces = try c.decodeIfPresent([String: String].self, forKey: .namespaces) ?? [:]
        bindings = try c.decodeIfPresent([ProfileBinding].self, forKey: .bindings) ?? []
        dateFormats = try c.decodeIfPresent(DatePatterns.self, forKey: .dateFormats)?.patterns ?? [.iso]
        let convention = try c.decodeIfPresent(String.self, forKey: .decimalConvention)
        options = ReadingOptions(
            decimalConvention: convention.flatMap(DecimalConvention.init(rawValue:)) ?? .automatic,
            assumeSpecUnitWhenMissing: try c.decodeIfPresent(Bool.self, forKey: .assumeSpecUnitWhenMissing))
        document = try c.decode(DocumentFields.self, forKey: .document)
        results = try c.decode([ResultGroup].self, forKey: .results)
        characteristicAliases =
            try c.decodeIfPresent([String: String].self, forKey: .characteristicAliases) ?? [:]
        unitAliases = try c.decodeIfPresent([String: String].self, forKey: .unitAliases) ?? [:]
        // Two keys folding to the same name keep the first in key order, so loading is deterministic.
        func folded(_ aliases: [String: String]) -> [String: String] {
            Dictionary(
                aliases.sorted { $0.key < $1.key }.map { (CoAProfile.fold($0.key), $0.value) },
                uniquingKeysWith: { first, _ in first })
        }
        foldedCharacteristicAliases = folded(characteristicAliases)
        foldedUnitAliases = folded(unitAliases)
    }
}
