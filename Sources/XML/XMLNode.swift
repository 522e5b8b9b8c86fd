import CLibXML2

/// A node of a parsed document. Keeps its document alive.
public struct XMLNode {
    let document: XMLDocument
    let pointer: xmlNodePtr

    init(document: XMLDocument, pointer: xmlNodePtr) {
        self.document = document
        self.pointer = pointer
    }

    /// The local name, e.g. `CertificateOfAnalysis`.
    public var name: String {
        string(pointer.pointee.name) ?? ""
    }

    /// The namespace URI, or nil for none.
    public var namespace: String? {
        guard let ns = pointer.pointee.ns else { return nil }
        return string(ns.pointee.href)
    }

    /// Whether the node's namespace URI is `uri`, compared in place: no string is made from the
    /// document's (long URIs would cost an allocation per element).
    public func hasNamespace(_ uri: String) -> Bool {
        guard let ns = pointer.pointee.ns, let href = ns.pointee.href else { return false }
        return uri.withCString { wanted in
            wanted.withMemoryRebound(to: xmlChar.self, capacity: uri.utf8.count + 1) {
                xmlStrEqual(href, $0) != 0
            }
        }
    }

    /// The text content of this node and its descendants.
    public var text: String {
        consume(xmlNodeGetContent(pointer)) ?? ""
    }

    /// The line libxml2 recorded for this node.
    public var line: Int {
        Int(xmlGetLineNo(pointer))
    }

    /// The value of an attribute without a namespace.
    public func attribute(_ name: String) -> String? {
        name.withCString { raw in
            raw.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { wanted in
                // A plain attribute's value is its one text child: read it in place (no copy to free).
                // Anything else (absent, empty, several children, a DTD default) is left to libxml2's
                // own lookup.
                var property = pointer.pointee.properties
                while let attribute = property {
                    if attribute.pointee.ns == nil, xmlStrEqual(attribute.pointee.name, wanted) != 0 {
                        if let child = attribute.pointee.children, child.pointee.next == nil,
                            child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content
                        {
                            return String(cString: content)
                        }
                        break
                    }
                    property = attribute.pointee.next
                }
                return consume(xmlGetNoNsProp(pointer, wanted))
            }
        }
    }

}

extension XMLNode {
    /// The child elements, in document order (text, comments and other nodes left out).
    public var elements: [XMLNode] {
        var result: [XMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE {
                result.append(XMLNode(document: document, pointer: node))
            }
            child = node.pointee.next
        }
        return result
    }
}
