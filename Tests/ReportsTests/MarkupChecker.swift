import ReportModel

/// A strict reader of the pages' XHTML-compatible markup: every element closed or self-closed in
/// order, attributes quoted without `<` or raw quotes, `&` only as an entity, `<style>` raw text.
/// Collects element and attribute names so tests can prove no injected `<script>` or `on*=`.
struct MarkupChecker {
    struct Problem: Error, CustomStringConvertible {
        var offset: Int
        var message: String
        var description: String { "at byte \(offset): \(message)" }
    }

    private(set) var elements: Set<String> = []
    private(set) var attributes: Set<String> = []

    mutating func check(_ html: String) throws {
        let bytes = Array(html.utf8)
        var i = 0
        var stack: [String] = []
        func fail(_ message: String) -> Problem { Problem(offset: i, message: message) }
        func starts(_ text: String, at index: Int) -> Bool {
            let pattern = Array(text.utf8)
            return index + pattern.count <= bytes.count
                && Array(bytes[index..<index + pattern.count]) == pattern
        }
        func find(_ text: String, from index: Int) -> Int? {
            var j = index
            while j < bytes.count {
                if starts(text, at: j) { return j }
                j += 1
            }
            return nil
        }
        func isNameByte(_ b: UInt8) -> Bool {
            (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 45 || b == 58
                || b == 95
        }
        func checkEntity(at index: Int) throws {
            var j = index + 1
            if j < bytes.count, bytes[j] == 35 { j += 1 }  // '#'
            let start = j
            while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
            guard j > start, j < bytes.count, bytes[j] == 59 else {
                throw Problem(offset: index, message: "bare &")
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 38 {
                try checkEntity(at: i)
                i += 1
                continue
            }
            if b == 62 { throw fail("bare > in text") }
            guard b == 60 else {
                i += 1
                continue
            }
            if starts("<!--", at: i) {
                guard let end = find("-->", from: i) else { throw fail("unclosed comment") }
                i = end + 3
                continue
            }
            if starts("<!DOCTYPE html>", at: i) {
                i += 15
                continue
            }
            if starts("</", at: i) {
                var j = i + 2
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                let name = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
                guard j < bytes.count, bytes[j] == 62 else { throw fail("bad end tag") }
                guard let open = stack.popLast() else { throw fail("</\(name)> closes nothing") }
                guard open == name else { throw fail("</\(name)> closes <\(open)>") }
                i = j + 1
                continue
            }
            var j = i + 1
            while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
            guard j > i + 1 else { throw fail("bare < in text") }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            elements.insert(name.lowercased())
            var selfClosed = false
            while true {
                while j < bytes.count, bytes[j] == 32 || bytes[j] == 10 { j += 1 }
                guard j < bytes.count else { throw fail("unfinished tag <\(name)") }
                if bytes[j] == 62 {
                    j += 1
                    break
                }
                if starts("/>", at: j) {
                    selfClosed = true
                    j += 2
                    break
                }
                let attributeStart = j
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                guard j > attributeStart else {
                    throw Problem(offset: j, message: "bad attribute in <\(name)>")
                }
                attributes.insert(String(decoding: bytes[attributeStart..<j], as: UTF8.self).lowercased())
                guard starts("=\"", at: j) else {
                    throw Problem(offset: j, message: "unquoted attribute in <\(name)>")
                }
                j += 2
                while j < bytes.count, bytes[j] != 34 {
                    if bytes[j] == 60 { throw Problem(offset: j, message: "< in attribute of <\(name)>") }
                    if bytes[j] == 38 { try checkEntity(at: j) }
                    j += 1
                }
                j += 1
            }
            i = j
            if selfClosed { continue }
            if name == "style" {
                guard let end = find("</style>", from: i) else { throw fail("unclosed <style>") }
                i = end + 8
                continue
            }
            stack.append(name)
        }
        if let open = stack.last { throw Problem(offset: bytes.count, message: "<\(open)> never closed") }
    }
}
