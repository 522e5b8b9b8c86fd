import CLibXML2

/// A compiled W3C XML Schema (XSD), for validating parsed documents.
///
/// `@unchecked Sendable`: libxml2 never modifies a compiled schema after `xmlSchemaParse`; each
/// validation creates its own validation context, so several threads may validate against one schema.
/// Compile only schemas you trust: imports and includes are refused (no external loads at all).
public final class XMLSchema: @unchecked Sendable {
    private let pointer: xmlSchemaPtr

    /// Compiles the XSD in `bytes`.
    public init(bytes: [UInt8]) throws(XMLError) {
        _ = libxml2Ready
        let document = try XMLDocument.parse(
            bytes, limits: XMLLimits(maxBytes: 16 * 1024 * 1024, maxDepth: 256))
        guard let parser = xmlSchemaNewDocParserCtxt(document.pointer) else {
            throw XMLError(.resource, "libxml2 could not create a schema parser context")
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let collector = ErrorCollector()
        let box = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetParserStructuredErrors(parser, collectError, box)
        guard let schema = withExtendedLifetime(collector, { xmlSchemaParse(parser) }) else {
            throw collector.errors.first.map {
                XMLError(.schema, $0.message, line: $0.line, column: $0.column)
            }
                ?? XMLError(.schema, "the schema does not compile")
        }
        self.pointer = schema
    }

    deinit {
        xmlSchemaFree(pointer)
    }

    /// Every validity error in `document`, in document order; empty when the document is valid.
    /// Throws `.overTimeBudget` when the document's time budget ran out before or during validation
    /// (libxml2 cannot be interrupted while it validates: its cost is bounded by the node limit).
    public func validate(_ document: XMLDocument) throws(XMLError) -> [XMLError] {
        try document.checkTimeBudget(during: "XSD validation")
        guard let context = xmlSchemaNewValidCtxt(pointer) else {
            throw XMLError(.resource, "libxml2 could not create a schema validation context")
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = ErrorCollector()
        xmlSchemaSetValidStructuredErrors(
            context, collectError, Unmanaged.passUnretained(collector).toOpaque())
        let status = withExtendedLifetime(collector) { xmlSchemaValidateDoc(context, document.pointer) }
        try document.checkTimeBudget(during: "XSD validation")
        if status != 0 && collector.errors.isEmpty {
            return [XMLError(.invalid, "the document is not valid (libxml2 status \(status))")]
        }
        return collector.errors
    }
}

/// Collects the errors of one schema parser or validation context.
private final class ErrorCollector {
    var errors: [XMLError] = []
}

/// Structured error handler; `userData` is the context's own `ErrorCollector`.
private func collectError(_ userData: UnsafeMutableRawPointer?, _ record: xmlErrorPtr?) {
    guard let userData, let record else { return }
    let collector = Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
    // Warnings do not make a document invalid.
    guard record.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    collector.errors.append(XMLError(.invalid, record: record, fallback: "invalid"))
}
