import CLibXML2

/// One-time process set-up of libxml2; Swift runs a global's initializer exactly once, thread-safely.
/// `xmlCleanupParser` is never called: other threads may still be parsing.
let libxml2Ready: Void = {
    xmlInitParser()
    // Nothing this program parses may load a file or URL: refuse all external loads, process-wide.
    scorecard_refuse_external_loads()
}()

/// A Swift string from a libxml2 string that libxml2 still owns.
func string(_ text: UnsafePointer<xmlChar>?) -> String? {
    guard let text else { return nil }
    return String(cString: text)
}

/// A Swift string from a libxml2 string that we own and must free.
func consume(_ text: UnsafeMutablePointer<xmlChar>?) -> String? {
    guard let text else { return nil }
    defer { scorecard_xmlFree(text) }
    return String(cString: text)
}

extension XMLError {
    /// An error from libxml2's structured error record.
    init(_ kind: Kind, record: xmlErrorPtr?, fallback: String) {
        guard let record else {
            self.init(kind, fallback)
            return
        }
        let text = record.pointee.message.map { String(cString: $0) } ?? fallback
        self.init(
            kind, text.trimmingWhitespace(), line: Int(record.pointee.line),
            column: Int(record.pointee.int2))
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
