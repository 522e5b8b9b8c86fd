import CLibXML2

/// A parsed, well-formed XML document. Owns its libxml2 tree and frees it when released.
///
/// Not `Sendable`: a document and everything derived from it (nodes, XPath contexts) stay on the
/// thread that parsed it. Parse on as many threads as you like; each parse uses its own context.
public final class XMLDocument {
    let pointer: xmlDocPtr
    /// When the document's time budget ends, on `scorecard_monotonic_ns`'s clock.
    let deadline: UInt64
    let budgetSeconds: Double

    private init(pointer: xmlDocPtr, deadline: UInt64, budgetSeconds: Double) {
        self.pointer = pointer
        self.deadline = deadline
        self.budgetSeconds = budgetSeconds
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// Parses `bytes` safely: no network, no external DTD or entity loaded, no entity substitution, and any
    /// document that declares an entity or names an external DTD is rejected. Size, attributes per element
    /// and nodes are checked before parsing (`XMLPreScan`), nodes and time again while libxml2 parses,
    /// depth after (libxml2 itself stops at 256 levels while parsing).
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(XMLError) -> XMLDocument {
        _ = libxml2Ready
        guard bytes.count <= limits.maxBytes else {
            throw XMLError(.tooLarge, "document is \(bytes.count) bytes, the limit is \(limits.maxBytes)")
        }
        guard !bytes.isEmpty else {
            throw XMLError(.notWellFormed, "document is empty")
        }
        let deadline = XMLTimeBudget.deadline(startingNow: limits.parseSeconds)
        try bytes.withUnsafeBufferPointer { (buffer) throws(XMLError) in
            try XMLPreScan.check(document: buffer, limits: limits)
        }
        guard let context = xmlNewParserCtxt() else {
            throw XMLError(.resource, "libxml2 could not create a parser context")
        }
        defer { xmlFreeParserCtxt(context) }
        var guardState = scorecard_xml_guard()
        guardState.deadline_ns = deadline
        guardState.max_nodes = Int64(limits.maxNodes)
        guardState.max_attributes = Int64(limits.maxAttributes)
        // XML_PARSE_COMPACT keeps short text inside its node (fewer allocations); the tree is never
        // modified after parsing, which is what that option requires.
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_COMPACT.rawValue)
        let document = withUnsafeMutablePointer(to: &guardState) { guardPointer in
            scorecard_install_guard(context, guardPointer)
            defer { context.pointee._private = nil }
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                    xmlCtxtReadMemory(context, base, Int32(buffer.count), nil, nil, options)
                }
            }
        }
        if guardState.reason != 0 {
            if let document { xmlFreeDoc(document) }
            let line = Int(guardState.line)
            let column = Int(guardState.column)
            if let bound = boundError(guardState, limits: limits) { throw bound }
            if guardState.reason == Int32(SCORECARD_GUARD_EXTERNAL_DTD) {
                throw XMLError(
                    .externalDTD, "the document refers to an external DTD, which is not allowed", line: line,
                    column: column)
            }
            throw XMLError(
                .entityDeclaration, "the document declares an entity, which is not allowed", line: line,
                column: column)
        }
        guard let document else {
            if guardState.has_error != 0 {
                let message = withUnsafeBytes(of: guardState.error_message) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                let line = Int(guardState.error_line)
                let column = Int(guardState.error_column)
                // libxml2's own depth limit; its message advises XML_PARSE_HUGE, which is never set here.
                if message.hasPrefix("Excessive depth in document") {
                    throw XMLError(
                        .tooDeep, "elements are nested deeper than libxml2's limit of 256 levels", line: line,
                        column: column)
                }
                throw XMLError(.notWellFormed, message.trimmingWhitespace(), line: line, column: column)
            }
            throw XMLError(.notWellFormed, record: xmlCtxtGetLastError(context), fallback: "not well-formed")
        }
        let result = XMLDocument(
            pointer: document, deadline: deadline, budgetSeconds: limits.parseSeconds)
        if let root = xmlDocGetRootElement(document) {
            let depth = maximumDepth(from: root, stoppingAbove: limits.maxDepth)
            if depth > limits.maxDepth {
                throw XMLError(.tooDeep, "elements are nested deeper than \(limits.maxDepth) levels")
            }
        }
        try result.checkTimeBudget(during: "parsing")
        return result
    }

    /// Throws `.overTimeBudget` once the document's time budget has run out; `stage` says what was done.
    public func checkTimeBudget(during stage: String) throws(XMLError) {
        if let error = XMLTimeBudget.exceeded(deadline, seconds: budgetSeconds, during: stage) { throw error }
    }

    /// The error for a parse stopped by a count or the clock while libxml2 built the tree.
    private static func boundError(_ state: scorecard_xml_guard, limits: XMLLimits) -> XMLError? {
        let line = Int(state.line)
        switch state.reason {
        case Int32(SCORECARD_GUARD_TIME):
            return XMLTimeBudget.exceeded(0, seconds: limits.parseSeconds, during: "parsing", line: line)
        case Int32(SCORECARD_GUARD_NODES):
            return XMLError(.tooManyNodes, "the document has more than \(limits.maxNodes) nodes", line: line)
        case Int32(SCORECARD_GUARD_ATTRIBUTES):
            return XMLError(
                .tooManyAttributes,
                "an element has \(state.value) attributes, the limit is \(limits.maxAttributes)", line: line)
        default:
            return nil
        }
    }

    /// The root element.
    public var root: XMLNode? {
        xmlDocGetRootElement(pointer).map { XMLNode(document: self, pointer: $0) }
    }

    /// The encoding the document declared or libxml2 detected, e.g. `UTF-16`.
    public var encoding: String? {
        string(pointer.pointee.encoding)
    }

    /// Element nesting depth, walked without recursion; stops counting once past `limit`.
    private static func maximumDepth(from root: xmlNodePtr, stoppingAbove limit: Int) -> Int {
        var deepest = 1
        var node: xmlNodePtr? = root
        var depth = 1
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                deepest = max(deepest, depth)
                if deepest > limit { return deepest }
            }
            if let child = current.pointee.children, current.pointee.type == XML_ELEMENT_NODE {
                node = child
                depth += 1
                continue
            }
            var climb: xmlNodePtr? = current
            while let up = climb, up != root, up.pointee.next == nil {
                climb = up.pointee.parent
                depth -= 1
            }
            guard let up = climb, up != root else { break }
            node = up.pointee.next
        }
        return deepest
    }
}
