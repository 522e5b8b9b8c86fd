import Foundation

/// Just enough reading of the generator's own canonical CoA files for tests (the real reader is the CoA
/// module's, over libxml2; this avoids depending on it).
struct CoAFile {
    var path: String
    var text: String

    static func all(in inbox: URL, supplier: String) throws -> [CoAFile] {
        let folder = inbox.appendingPathComponent(supplier, isDirectory: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { name in
            let url = folder.appendingPathComponent(name)
            return CoAFile(path: url.path, text: String(decoding: try Data(contentsOf: url), as: UTF8.self))
        }
    }

    /// The value of an attribute on the first element with that name.
    func attribute(_ name: String, of element: String) -> String? {
        guard let start = text.range(of: "<" + element + " ") else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.firstIndex(of: ">") else { return nil }
        let tag = rest[..<end]
        guard let a = tag.range(of: " " + name + "=\"") ?? tag.range(of: name + "=\"") else { return nil }
        let value = tag[a.upperBound...]
        guard let close = value.firstIndex(of: "\"") else { return nil }
        return String(value[..<close])
    }

    /// The `<Value>` text of a characteristic's result.
    func value(of characteristic: String) -> String? {
        guard let start = text.range(of: "characteristic=\"\(characteristic)\"") else { return nil }
        let rest = text[start.upperBound...]
        guard let open = rest.range(of: "<Value>"), let close = rest.range(of: "</Value>") else { return nil }
        return String(rest[open.upperBound..<close.lowerBound])
    }
}
