import Foundation
import XML

@_exported import struct XML.XMLLimits

/// Reads a certificate of analysis from a document's bytes: the canonical format (validated against
/// coa-1.xsd) or a supplier format through a profile. Safe for untrusted input (see `XMLDocument.parse`)
/// and for use from many threads at once: each `read` parses with its own libxml2 context.
public struct CoAReader: Sendable {
    /// The canonical format's namespace.
    public static let canonicalNamespace = "urn:supplier-scorecard:coa:1"

    public let profiles: [CoAProfile]
    /// Profiles that could not be loaded: their documents are rejected with the reason.
    public let unusableProfiles: [UnusableProfile]
    public let limits: XMLLimits
    private let schema: XMLSchema

    /// Loads the canonical XSD from the module's bundle and keeps `profiles` for supplier
    /// formats. Throws if the bundle's resources are missing or two profiles share a name.
    public init(
        profiles: [CoAProfile] = [], unusableProfiles: [UnusableProfile] = [], limits: XMLLimits = .default
    ) throws {
        let names = profiles.map(\.name)
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw CoAProfileError(file: duplicate, message: "two profiles are named '\(duplicate)'")
        }
        self.profiles = profiles
        self.unusableProfiles = unusableProfiles
        self.limits = limits
        self.schema = try XMLSchema(bytes: try Self.resource("coa-1", "xsd"))
    }

    /// Reads one document.
    /// - Parameter profileName: the profile configured for this supplier, if any. Otherwise a document in
    ///   the canonical namespace is read as canonical, else the first profile matching its root element,
    ///   namespace and test.
    /// - Returns: the certificate (fields the document does not give are nil; the caller decides whether
    ///   supplier, lot and material suffice), or why the document cannot be read: not well-formed, unsafe,
    ///   too large or deep, invalid canonical, unknown format, or no results.
    public func read(_ bytes: [UInt8], profileName: String? = nil) -> Result<Certificate, CoARejection> {
        do throws(CoARejection) {
            return .success(try readOrThrow(bytes, profileName: profileName))
        } catch {
            return .failure(error)
        }
    }

    private func readOrThrow(_ bytes: [UInt8], profileName: String?) throws(CoARejection) -> Certificate {
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(bytes, limits: limits)
        } catch {
            throw CoARejection(parse: error)
        }
        guard let root = document.root else { throw CoARejection(reason: "the document has no root element") }
        let certificate: Certificate
        if let profileName {
            guard let profile = profiles.first(where: { $0.name == profileName }) else {
                if let unusable = unusableProfiles.first(where: { $0.name == profileName }) {
                    throw CoARejection(reason: unusable.reason)
                }
                throw CoARejection(reason: "profile '\(profileName)' is configured but not loaded")
            }
            certificate = try extract(document, with: profile)
        } else if root.namespace == Self.canonicalNamespace {
            try validateCanonical(document)
            certificate = CanonicalReader.certificate(from: document)
        } else {
            var matching: CoAProfile?
            for profile in profiles {
                do {
                    if try profile.matches(document) {
                        matching = profile
                        break
                    }
                } catch {
                    if error.kind == .overTimeBudget { throw CoARejection(parse: error) }
                    throw CoARejection(
                        reason:
                            "profile '\(profile.name)' match test failed: \(CoARejection.excerpt(error.message))"
                    )
                }
            }
            guard let matching else {
                // A document written for a profile that failed to load says so, not "unknown format".
                if let unusable = unusableProfiles.first(where: {
                    $0.matches.contains { $0.root == root.name && $0.namespace == root.namespace }
                }) {
                    throw CoARejection(reason: unusable.reason)
                }
                let qualified = CoARejection.excerpt(
                    root.namespace.map { "{\($0)}\(root.name)" } ?? root.name)
                throw CoARejection(
                    reason:
                        "unknown format: root element \(qualified) is not canonical and matches no profile",
                    line: root.line)
            }
            certificate = try extract(document, with: matching)
        }
        guard !certificate.results.isEmpty else {
            throw CoARejection(
                reason: "the document contains no results (format \(certificate.format))",
                certificate: certificate)
        }
        return certificate
    }

    private func validateCanonical(_ document: XMLDocument) throws(CoARejection) {
        let errors: [XMLError]
        do {
            errors = try schema.validate(document)
        } catch {
            if error.kind == .overTimeBudget { throw CoARejection(parse: error) }
            throw CoARejection(reason: "cannot validate: \(CoARejection.excerpt(error.message))")
        }
        guard let first = errors.first else { return }
        let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
        throw CoARejection(
            reason: "not valid against coa-1.xsd: \(CoARejection.excerpt(first.message))\(more)",
            line: first.line,
            column: first.column)
    }

    private func extract(_ document: XMLDocument, with profile: CoAProfile) throws(CoARejection)
        -> Certificate
    {
        do {
            return try profile.extract(from: document)
        } catch {
            if error.kind == .overTimeBudget { throw CoARejection(parse: error) }
            throw CoARejection(
                reason: "profile '\(profile.name)' failed: \(CoARejection.excerpt(error.message))")
        }
    }

    private static func resource(_ name: String, _ ext: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources")
        else {
            throw CoAProfileError(file: "\(name).\(ext)", message: "missing from the CoA module's resources")
        }
        return Array(try Data(contentsOf: url))
    }
}

extension CoARejection {
    /// libxml2's messages quote the document ("Opening and ending tag mismatch: secret line 1 and …"):
    /// only an excerpt is kept.
    init(parse error: XMLError) {
        let message = Self.excerpt(error.message)
        let reason: String
        // A document too deep for the configured limit is XML all the same: raising coa.max_depth and
        // reprocessing it can accept it.
        var documentIsXML = false
        switch error.kind {
        case .tooLarge: reason = "too large: \(message)"
        case .tooDeep:
            reason = "too deeply nested: \(message)"
            documentIsXML = true
        // The configuration key is named so that an operator knows what to raise, if anything. The bytes
        // are XML: they are kept, so the document can be reprocessed after a limit is raised.
        case .tooManyAttributes:
            reason = "too many attributes: \(message) (coa.max_attributes)"
            documentIsXML = true
        case .tooManyNodes:
            reason = "too many nodes: \(message) (coa.max_nodes)"
            documentIsXML = true
        case .overTimeBudget:
            reason = "over the time budget: \(message) (coa.parse_seconds)"
            documentIsXML = true
        case .entityDeclaration, .externalDTD: reason = "unsafe XML: \(message)"
        default: reason = "not well-formed XML: \(message)"
        }
        self.init(reason: reason, line: error.line, column: error.column, documentIsXML: documentIsXML)
    }
}
