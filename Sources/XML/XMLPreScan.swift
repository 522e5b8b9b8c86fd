import Glibc

/// One linear pass over a document's UTF-8 (or ASCII-compatible) bytes that counts the attributes of
/// each start tag and the nodes of the document, so that a document over `XMLLimits` is rejected before
/// libxml2 does work that grows faster than the document: libxml2 2.9 checks the attributes of one
/// element for duplicates pair by pair (300,000 attributes took minutes).
///
/// It never counts less than libxml2 parses. It reads comments, CDATA sections, processing
/// instructions and the DOCTYPE as libxml2 does, and where libxml2 would end one of those early (an
/// invalid character, a malformed declaration) it goes back to counting content from there: content is
/// where libxml2 parses start tags, so being there too often only counts more. A start tag or a quoted
/// attribute value ends at any `<`, as libxml2's do. Attributes are the `=` signs of a tag outside its
/// quoted values.
struct XMLPreScan {
    private let base: UnsafePointer<UInt8>
    private let count: Int
    private let limits: XMLLimits
    private var nodes = 0
    /// Until the first start tag, `<!DOCTYPE` opens a document type declaration.
    private var inProlog = true
    /// Default values of the internal subset's `<!ATTLIST` declarations by element name: libxml2 adds
    /// them to that element's attributes (checking each against the others), so they count as its
    /// attributes.
    private var attributeDefaults: [[UInt8]: Int] = [:]

    private init(base: UnsafePointer<UInt8>, count: Int, limits: XMLLimits) {
        self.base = base
        self.count = count
        self.limits = limits
    }

    /// Throws `.tooManyAttributes` or `.tooManyNodes`, with the line, when the bytes exceed `limits`.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, limits: XMLLimits) throws(XMLError) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var scan = XMLPreScan(base: base, count: bytes.count, limits: limits)
        try scan.run()
    }

    private mutating func run() throws(XMLError) {
        var index = 0
        while index < count {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else {
                try addNodes(1, at: index)
                return
            }
            let open = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if open > index { try addNodes(1, at: index) }
            index = try markup(at: open)
        }
    }

    /// Reads the markup starting with the `<` at `open`; returns where content resumes.
    private mutating func markup(at open: Int) throws(XMLError) -> Int {
        let next = byte(open + 1)
        if next == UInt8(ascii: "/") {
            return endOfTag(from: open + 2)
        }
        if next == UInt8(ascii: "?") {
            // libxml2 reads a PI only after a target name; otherwise it consumes `<?` and goes on.
            guard isNameStart(byte(open + 2)) else { return open + 2 }
            try addNodes(1, at: open)
            return skip(from: open + 2, until: UInt8(ascii: "?"), UInt8(ascii: ">"))
        }
        if next == UInt8(ascii: "!") {
            if starts(with: "<!--", at: open) {
                try addNodes(1, at: open)
                return skip(from: open + 4, until: UInt8(ascii: "-"), UInt8(ascii: "-"), UInt8(ascii: ">"))
            }
            if starts(with: "<![CDATA[", at: open) {
                try addNodes(1, at: open)
                return skip(from: open + 9, until: UInt8(ascii: "]"), UInt8(ascii: "]"), UInt8(ascii: ">"))
            }
            if inProlog, starts(with: "<!DOCTYPE", at: open) {
                return documentType(from: open + 9)
            }
        }
        return try startTag(at: open)
    }

    /// A start tag (or anything libxml2 would try to read as one): one element and its attributes.
    private mutating func startTag(at open: Int) throws(XMLError) -> Int {
        inProlog = false
        var index = open + 1
        var attributes = 0
        scan: while index < count {
            switch base[index] {
            case UInt8(ascii: ">"):
                index += 1
                break scan
            case UInt8(ascii: "<"):
                break scan
            case UInt8(ascii: "="):
                attributes += 1
                index += 1
            case let quote where quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"):
                index += 1
                while index < count, base[index] != quote, base[index] != UInt8(ascii: "<") {
                    index += 1
                }
                if index < count, base[index] == quote { index += 1 }
            default:
                index += 1
            }
        }
        let defaults = attributeDefaults.isEmpty ? 0 : attributeDefaults[nameBytes(at: open + 1), default: 0]
        if attributes + defaults > limits.maxAttributes {
            let name = elementName(at: open + 1).map { "element <\($0)>" } ?? "an element"
            let declared = defaults > 0 ? " (\(defaults) of them defaults declared in the DTD)" : ""
            throw XMLError(
                .tooManyAttributes,
                "\(name) has \(attributes + defaults) attributes\(declared), the limit is \(limits.maxAttributes)",
                line: line(at: open))
        }
        try addNodes(1 + attributes, at: open)
        return index
    }

    /// An end tag: nothing counted; it ends at `>`, or at a `<` where libxml2 would go on.
    private func endOfTag(from start: Int) -> Int {
        var index = start
        while index < count {
            if base[index] == UInt8(ascii: ">") { return index + 1 }
            if base[index] == UInt8(ascii: "<") { return index }
            index += 1
        }
        return count
    }

    /// Skips to just after the terminator (`?>`, `-->` or `]]>`). Stops early, and content resumes,
    /// at a character XML does not allow, where libxml2 ends the comment, PI or CDATA section too.
    private func skip(from start: Int, until first: UInt8, _ second: UInt8, _ third: UInt8? = nil) -> Int {
        var index = start
        while index < count {
            let current = base[index]
            if current == first, byte(index + 1) == second {
                guard let third else { return index + 2 }
                if byte(index + 2) == third { return index + 3 }
            }
            if isDisallowed(at: index) { return index }
            index += 1
        }
        return count
    }

    /// `<!DOCTYPE ...>` with its internal subset. Anything libxml2 would not read as part of it makes
    /// content resume at that byte.
    private mutating func documentType(from start: Int) -> Int {
        var index = start
        // Before the internal subset: the name and an external identifier's quoted literals.
        while index < count {
            let current = base[index]
            if current == UInt8(ascii: ">") { return index + 1 }
            if current == UInt8(ascii: "[") { break }
            if current == UInt8(ascii: "<") { return index }
            if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                guard let after = quoted(from: index) else { return nextOpen(after: index) }
                index = after
                continue
            }
            index += 1
        }
        guard index < count else { return count }
        index += 1
        // The internal subset: declarations, comments, PIs, parameter-entity references, blanks.
        while index < count {
            let current = base[index]
            switch current {
            case UInt8(ascii: "]"):
                index += 1
                while index < count, isBlank(base[index]) { index += 1 }
                return byte(index) == UInt8(ascii: ">") ? index + 1 : index
            case UInt8(ascii: "<"):
                if starts(with: "<!--", at: index) {
                    let after = skip(
                        from: index + 4, until: UInt8(ascii: "-"), UInt8(ascii: "-"), UInt8(ascii: ">"))
                    guard after > index + 4, byte(after - 1) == UInt8(ascii: ">") else { return after }
                    index = after
                } else if byte(index + 1) == UInt8(ascii: "?"), isNameStart(byte(index + 2)) {
                    let after = skip(from: index + 2, until: UInt8(ascii: "?"), UInt8(ascii: ">"))
                    guard byte(after - 1) == UInt8(ascii: ">") else { return after }
                    index = after
                } else if byte(index + 1) == UInt8(ascii: "!"), isLetter(byte(index + 2)) {
                    let isAttributeList = starts(with: "<!ATTLIST", at: index)
                    guard let (after, literals) = declaration(from: index + 2) else {
                        return nextOpen(after: index)
                    }
                    if isAttributeList {
                        var name = index + 9
                        while name < count, isBlank(base[name]) { name += 1 }
                        attributeDefaults[nameBytes(at: name), default: 0] += literals
                    }
                    index = after
                } else {
                    return index
                }
            case UInt8(ascii: "%"), UInt8(ascii: ";"):
                index += 1
            default:
                guard isBlank(current) || isNameByte(current) else { return index }
                index += 1
            }
        }
        return count
    }

    /// A markup declaration of the internal subset: just after its `>`, and its quoted literals; nil
    /// when a `<` comes first.
    private func declaration(from start: Int) -> (Int, Int)? {
        var index = start
        var literals = 0
        while index < count {
            let current = base[index]
            if current == UInt8(ascii: ">") { return (index + 1, literals) }
            if current == UInt8(ascii: "<") { return nil }
            if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                guard let after = quoted(from: index) else { return nil }
                literals += 1
                index = after
                continue
            }
            index += 1
        }
        return (count, literals)
    }

    /// The next `<` after `start`: where content resumes after a literal or declaration holding one.
    private func nextOpen(after start: Int) -> Int {
        var index = start + 1
        while index < count, base[index] != UInt8(ascii: "<") { index += 1 }
        return index
    }

    /// Just after the closing quote of the literal opening at `start`; nil if a `<` comes first (no
    /// literal libxml2 keeps reading may hold one here).
    private func quoted(from start: Int) -> Int? {
        let quote = base[start]
        var index = start + 1
        while index < count {
            if base[index] == quote { return index + 1 }
            if base[index] == UInt8(ascii: "<") { return nil }
            index += 1
        }
        return count
    }

    private mutating func addNodes(_ added: Int, at index: Int) throws(XMLError) {
        nodes += added
        if nodes > limits.maxNodes {
            throw XMLError(
                .tooManyNodes, "the document has more than \(limits.maxNodes) nodes", line: line(at: index))
        }
    }

    // MARK: bytes

    private func byte(_ index: Int) -> UInt8 {
        index < count ? base[index] : 0
    }

    private func starts(with literal: StaticString, at index: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= count else { return false }
        return memcmp(base + index, literal.utf8Start, length) == 0
    }

    /// A character XML 1.0 does not allow, in UTF-8: C0 controls other than tab, LF and CR; U+FFFE and
    /// U+FFFF; UTF-16 surrogates.
    private func isDisallowed(at index: Int) -> Bool {
        let current = base[index]
        if current < 0x20 {
            return current != 0x09 && current != 0x0A && current != 0x0D
        }
        if current == 0xEF {
            return byte(index + 1) == 0xBF && (byte(index + 2) == 0xBE || byte(index + 2) == 0xBF)
        }
        if current == 0xED {
            return byte(index + 1) >= 0xA0
        }
        return false
    }

    private func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private func isNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// The element's name for a message, when it is a short plain ASCII name; never other content.
    private func elementName(at start: Int) -> String? {
        var end = start
        while end < count, end - start <= 64, base[end] < 0x80, isNameByte(base[end]) { end += 1 }
        let stop = byte(end)
        guard end > start, end - start <= 64,
            isBlank(stop) || stop == UInt8(ascii: "/") || stop == 0
                || stop == UInt8(ascii: ">")
        else { return nil }
        return String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
    }

    /// The name starting at `start`, up to a blank, `/`, `>` or `<`.
    private func nameBytes(at start: Int) -> [UInt8] {
        var end = start
        while end < count, !isBlank(base[end]), base[end] != UInt8(ascii: "/"),
            base[end] != UInt8(ascii: ">"),
            base[end] != UInt8(ascii: "<")
        {
            end += 1
        }
        return Array(UnsafeBufferPointer(start: base + start, count: end - start))
    }

    /// 1-based line of `index`: counted only when a limit is exceeded.
    private func line(at index: Int) -> Int {
        var lines = 1
        var position = 0
        while position < index {
            guard let found = memchr(base + position, 0x0A, index - position) else { break }
            lines += 1
            position = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return lines
    }
}
