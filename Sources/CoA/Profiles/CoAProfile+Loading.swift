import Domain
import Foundation
import XML

/// A profile file that cannot be used, with the file and what is wrong in it.
public struct CoAProfileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// Every problem found, each `path: what is wrong`; `message` joins them.
    public var problems: [String]

    public var message: String { problems.joined(separator: "; ") }

    public init(file: String, message: String) {
        self.init(file: file, problems: [message])
    }

    public init(file: String, problems: [String]) {
        self.file = file
        self.problems = problems
    }

    public var description: String { "profile \(file): \(message)" }
}

extension CoAProfile {
    /// Reads and checks a profile file: valid JSON of the documented shape, every XPath valid.
    public static func load(contentsOf url: URL) throws -> CoAProfile {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CoAProfileError(file: url.path, message: "cannot be read: \(error.localizedDescription)")
        }
        return try load(data: data, file: url.lastPathComponent)
    }

    /// Reads and checks a profile from JSON bytes; `file` names it in errors.
    public static func load(data: Data, file: String = "profile") throws -> CoAProfile {
        try load(tree: try tree(data, file: file), data: data, file: file)
    }

    /// The file as JSON, not yet checked against the profile's shape.
    static func tree(_ data: Data, file: String) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw CoAProfileError(file: file, message: "not valid JSON")
        }
    }

    /// Checks every key and type against the documented shape first, so that all problems are named
    /// with their paths; only a profile of the right shape is decoded.
    static func load(tree: JSONValue, data: Data, file: String) throws -> CoAProfile {
        let problems = ProfileShape.profile.problems(in: tree)
        guard problems.isEmpty else { throw CoAProfileError(file: file, problems: problems) }
        let profile: CoAProfile
        do {
            profile = try JSONDecoder().decode(CoAProfile.self, from: data)
        } catch let error as DecodingError {
            throw CoAProfileError(file: file, message: describe(error))
        }
        try profile.check(file: file)
        return profile
    }

    /// Every `*.json` profile in `directory`, sorted by file name.
    public static func loadAll(in directory: URL) throws -> [CoAProfile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { try load(contentsOf: directory.appendingPathComponent($0)) }
    }

    /// Every XPath in the profile, with where it is used, for checking at load time.
    var expressions: [(place: String, xpath: String)] {
        var all: [(String, String)] = []
        for (index, match) in matchRules.enumerated() {
            if let test = match.test {
                all.append((matchRules.count == 1 ? "match.test" : "match[\(index)].test", test))
            }
        }
        all += bindings.map { ("let \($0.name)", $0.xpath) }
        let fields = document.named
        for (name, expression) in fields {
            all += expression.alternatives.map { ("document.\(name)", $0) }
        }
        for (index, group) in results.enumerated() {
            let place = "results[\(index)]"
            all.append(("\(place).select", group.select))
            all += group.bindings.map { ("\(place).let \($0.name)", $0.xpath) }
            let named: [(String, ProfileExpression?)] = [
                ("characteristic", group.characteristic), ("value", group.value), ("unit", group.unit),
                ("method", group.method), ("lower", group.lower), ("upper", group.upper),
                ("limits", group.limits), ("limitUnit", group.limitUnit),
                ("repeat.index", group.repeating?.index),
            ]
            for case (let name, let expression?) in named {
                all += expression.alternatives.map { ("\(place).\(name)", $0) }
            }
            if let x = group.lowerExclusive { all.append(("\(place).lowerExclusive", x)) }
            if let x = group.upperExclusive { all.append(("\(place).upperExclusive", x)) }
        }
        return all
    }

    private func check(file: String) throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CoAProfileError(file: file, message: "name is empty")
        }
        guard !results.isEmpty else {
            throw CoAProfileError(file: file, message: "results is empty: a profile must select results")
        }
        var problems: [String] = []
        for (place, xpath) in expressions {
            do {
                try XPathContext.checkSyntax(xpath)
            } catch {
                problems.append("\(place): \(error.message)")
            }
        }
        guard problems.isEmpty else { throw CoAProfileError(file: file, problems: problems) }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing '\(key.stringValue)'" + (context.codingPath.isEmpty ? "" : " in \(path(context))")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "not valid JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "cannot be decoded"
        }
    }
}

extension CoAProfile.DocumentFields {
    /// The fields that are set, with their names, in declaration order.
    var named: [(String, ProfileExpression)] {
        let all: [(String, ProfileExpression?)] = [
            ("supplierId", supplierId), ("supplierName", supplierName), ("materialId", materialId),
            ("partNumber", partNumber), ("materialName", materialName), ("lotNumber", lotNumber),
            ("manufactured", manufactured?.expression), ("expires", expires?.expression),
            ("lotQuantity", lotQuantity), ("lotUnit", lotUnit), ("purchaseOrder", purchaseOrder),
            ("issued", issued?.expression), ("approvedBy", approvedBy),
            ("approvedOn", approvedOn?.expression),
        ]
        return all.compactMap { name, expression in expression.map { (name, $0) } }
    }
}
