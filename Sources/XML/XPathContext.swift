import CLibXML2

/// XPath 1.0 evaluation over one document, with registered namespace prefixes and variables.
///
/// XPath 1.0 has no default namespace: an element in a namespace is only reachable through a prefix
/// registered here, e.g. `c:Result` with `c` bound to `urn:supplier-scorecard:coa:1`.
/// Errors are read from this context's own record, never from a global handler.
public final class XPathContext {
    public let document: XMLDocument
    private let pointer: xmlXPathContextPtr
    /// Expressions compiled in this context, reused when evaluated again (e.g. once per result node).
    private var compiled: [String: xmlXPathCompExprPtr] = [:]

    public init(document: XMLDocument, namespaces: [String: String] = [:]) throws(XMLError) {
        guard let pointer = xmlXPathNewContext(document.pointer) else {
            throw XMLError(.resource, "libxml2 could not create an XPath context")
        }
        self.document = document
        self.pointer = pointer
        scorecard_xpath_silence(pointer)
        for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key })
        where xmlXPathRegisterNs(pointer, prefix, uri) != 0 {
            throw XMLError(.xpath, "cannot register namespace prefix '\(prefix)'")
        }
    }

    deinit {
        for expression in compiled.values {
            xmlXPathFreeCompExpr(expression)
        }
        // Also frees the values of registered variables.
        xmlXPathFreeContext(pointer)
    }

    /// Evaluates `expression` with `node` (default: the document) as the context node.
    public func evaluate(_ expression: String, at node: XMLNode? = nil) throws(XMLError) -> XPathValue {
        let object = try rawEvaluate(expression, at: node)
        defer { xmlXPathFreeObject(object) }
        return value(of: object)
    }

    /// The XPath `string()` of the expression's value.
    public func string(_ expression: String, at node: XMLNode? = nil) throws(XMLError) -> String {
        let object = try rawEvaluate(expression, at: node)
        defer { xmlXPathFreeObject(object) }
        return consume(xmlXPathCastToString(object)) ?? ""
    }

    /// The XPath `number()` of the expression's value (NaN when it is not a number).
    public func number(_ expression: String, at node: XMLNode? = nil) throws(XMLError) -> Double {
        let object = try rawEvaluate(expression, at: node)
        defer { xmlXPathFreeObject(object) }
        return xmlXPathCastToNumber(object)
    }

    /// The XPath `boolean()` of the expression's value.
    public func boolean(_ expression: String, at node: XMLNode? = nil) throws(XMLError) -> Bool {
        let object = try rawEvaluate(expression, at: node)
        defer { xmlXPathFreeObject(object) }
        return xmlXPathCastToBoolean(object) != 0
    }

    /// The nodes the expression selects, in document order; an error if it is not a node set.
    public func nodes(_ expression: String, at node: XMLNode? = nil) throws(XMLError) -> [XMLNode] {
        switch try evaluate(expression, at: node) {
        case .nodes(let nodes): return nodes
        default: throw XMLError(.xpath, "'\(expression)' does not select nodes")
        }
    }

    /// Binds `$name` to the value of `expression` evaluated at `node`, replacing any earlier binding.
    /// Later expressions can use it, e.g. to join by id: `//Item[@id = $itemId]`.
    public func bind(_ name: String, to expression: String, at node: XMLNode? = nil) throws(XMLError) {
        let object = try rawEvaluate(expression, at: node)
        // On success the context owns the object and frees it on rebinding or in deinit.
        guard xmlXPathRegisterVariable(pointer, name, object) == 0 else {
            xmlXPathFreeObject(object)
            throw XMLError(.xpath, "cannot bind variable $\(name)")
        }
    }

    /// Checks the document's time budget before each evaluation (one evaluation is not interrupted).
    private func rawEvaluate(_ expression: String, at node: XMLNode?) throws(XMLError) -> xmlXPathObjectPtr {
        try document.checkTimeBudget(during: "XPath evaluation")
        pointer.pointee.node =
            node?.pointer
            ?? UnsafeMutableRawPointer(document.pointer)
            .assumingMemoryBound(to: xmlNode.self)
        xmlResetError(&pointer.pointee.lastError)
        guard let compiledExpression = compile(expression),
            let object = xmlXPathCompiledEval(compiledExpression, pointer)
        else {
            var error = XMLError(.xpath, record: &pointer.pointee.lastError, fallback: "cannot evaluate")
            error.message = "\(error.message) in '\(expression)'"
            error.line = nil
            error.column = nil
            throw error
        }
        return object
    }

    private func compile(_ expression: String) -> xmlXPathCompExprPtr? {
        if let known = compiled[expression] { return known }
        guard let fresh = xmlXPathCtxtCompile(pointer, expression) else { return nil }
        compiled[expression] = fresh
        return fresh
    }

    private func value(of object: xmlXPathObjectPtr) -> XPathValue {
        switch object.pointee.type {
        case XPATH_NODESET:
            guard let set = object.pointee.nodesetval, set.pointee.nodeNr > 0, let tab = set.pointee.nodeTab
            else { return .nodes([]) }
            return .nodes(
                (0..<Int(set.pointee.nodeNr)).compactMap { index in
                    // Namespace nodes are xmlNs records, not xmlNode: leave them out.
                    guard let node = tab[index], node.pointee.type != XML_NAMESPACE_DECL else { return nil }
                    return XMLNode(document: document, pointer: node)
                })
        case XPATH_BOOLEAN: return .boolean(object.pointee.boolval != 0)
        case XPATH_NUMBER: return .number(object.pointee.floatval)
        default: return .string(consume(xmlXPathCastToString(object)) ?? "")
        }
    }
}

extension XPathContext {
    /// Checks that `expression` is syntactically valid XPath 1.0 without evaluating it, so that a
    /// configuration error is found when a file is loaded rather than when a document is read.
    public static func checkSyntax(_ expression: String) throws(XMLError) {
        _ = libxml2Ready
        guard let context = xmlXPathNewContext(nil) else {
            throw XMLError(.resource, "libxml2 could not create an XPath context")
        }
        defer { xmlXPathFreeContext(context) }
        scorecard_xpath_silence(context)
        guard let compiled = xmlXPathCtxtCompile(context, expression) else {
            var error = XMLError(.xpath, record: &context.pointee.lastError, fallback: "invalid expression")
            error.message = "\(error.message) in '\(expression)'"
            error.line = nil
            error.column = nil
            throw error
        }
        xmlXPathFreeCompExpr(compiled)
    }
}
