import CLibXML2

extension XMLPreScan {
    /// Scans the document as libxml2 will decode it. The raw bytes are always scanned; a document
    /// libxml2 reads as UTF-16 (byte-order mark or `<?` in UTF-16) is scanned again after conversion to
    /// UTF-8 with libxml2's own decoder. Encodings in which markup is not ASCII bytes could hide a start
    /// tag from a byte scan, so only those listed in `asciiCompatible` may be declared, and UCS-4 and
    /// EBCDIC documents are refused.
    static func check(document bytes: UnsafeBufferPointer<UInt8>, limits: XMLLimits) throws(XMLError) {
        try check(bytes, limits: limits)
        guard bytes.count >= 4, let base = bytes.baseAddress else { return }
        let detected = xmlDetectCharEncoding(base, 4)
        switch detected {
        case XML_CHAR_ENCODING_NONE, XML_CHAR_ENCODING_UTF8:
            if let declared = declaredEncoding(in: bytes), !isAccepted(declared, utf16: false) {
                throw refused(declared)
            }
        case XML_CHAR_ENCODING_UTF16LE, XML_CHAR_ENCODING_UTF16BE:
            guard let utf8 = convert(bytes, from: detected) else { return }
            try utf8.withUnsafeBufferPointer { (converted) throws(XMLError) in
                if let declared = declaredEncoding(in: converted), !isAccepted(declared, utf16: true) {
                    throw refused(declared)
                }
                try check(converted, limits: limits)
            }
        default:
            throw XMLError(
                .notWellFormed, "the document is in UCS-4 or EBCDIC, which is not accepted (UTF-8 or UTF-16)",
                line: 1)
        }
    }

    /// Declared encodings whose markup bytes are ASCII: what the byte scan reads. Other declared
    /// names libxml2 does not know are rejected by libxml2 itself, and read as UTF-8 until then.
    private static func isAccepted(_ name: String, utf16: Bool) -> Bool {
        let upper = name.uppercased()
        if upper == "UTF-16" || upper == "UTF16" || upper == "UTF-16LE" || upper == "UTF-16BE" {
            // libxml2 reads a UTF-16 label on ASCII bytes as UTF-8, and keeps UTF-16 when detected.
            return true
        }
        if utf16 { return false }
        let prefixes = [
            "UTF-8", "UTF8", "US-ASCII", "ASCII", "ISO-8859-", "ISO8859-", "ISO_8859-", "ISO-LATIN-", "LATIN",
            "WINDOWS-125", "CP125", "KOI8-", "SHIFT_JIS", "SHIFT-JIS", "SJIS", "EUC-JP", "EUC-KR", "EUC-CN",
            "GB2312", "GBK", "GB18030", "BIG5",
        ]
        if prefixes.contains(where: { upper.hasPrefix($0) }) { return true }
        guard let handler = upper.withCString({ xmlFindCharEncodingHandler($0) }) else { return true }
        xmlCharEncCloseFunc(handler)
        return false
    }

    private static func refused(_ name: String) -> XMLError {
        let shown = name.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 } && name.count <= 40
        return XMLError(
            .notWellFormed,
            "the document declares encoding \(shown ? "'\(name)'" : "a name"), which is not accepted"
                + " (UTF-8, UTF-16, the ISO 8859 and Windows code pages, and the CJK multi-byte sets are)",
            line: 1)
    }

    /// The `encoding` of an XML declaration at the start (after a UTF-8 byte-order mark).
    private static func declaredEncoding(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let head = Array(bytes[start..<min(bytes.count, start + 200)])
        guard head.starts(with: Array("<?xml".utf8)) else { return nil }
        let end = head.indices.dropFirst(5).first { head[$0] == UInt8(ascii: "?") } ?? head.count
        let key = Array("encoding".utf8)
        guard
            let found = (0..<max(0, end - key.count)).first(where: {
                head[$0..<$0 + key.count].elementsEqual(key)
            })
        else { return nil }
        var index = found + key.count
        while index < end, head[index] == UInt8(ascii: " ") || head[index] == UInt8(ascii: "=") { index += 1 }
        guard index < end, head[index] == UInt8(ascii: "\"") || head[index] == UInt8(ascii: "'") else {
            return nil
        }
        let quote = head[index]
        let value = head[(index + 1)..<end].prefix { $0 != quote }
        return String(decoding: value, as: UTF8.self)
    }

    /// The bytes converted to UTF-8 by libxml2's built-in UTF-16 decoder; as far as it could decode.
    private static func convert(_ bytes: UnsafeBufferPointer<UInt8>, from encoding: xmlCharEncoding)
        -> [UInt8]?
    {
        guard let handler = xmlGetCharEncodingHandler(encoding), let decode = handler.pointee.input,
            let base = bytes.baseAddress, bytes.count < Int(Int32.max) / 2
        else { return nil }
        // Each UTF-16 code unit (2 bytes) becomes at most 3 UTF-8 bytes.
        var output = [UInt8](repeating: 0, count: bytes.count / 2 * 3 + 4)
        var written = Int32(output.count)
        var read = Int32(bytes.count)
        _ = output.withUnsafeMutableBufferPointer { out in
            out.baseAddress.map { decode($0, &written, base, &read) }
        }
        guard written > 0 else { return nil }
        return Array(output.prefix(Int(written)))
    }
}
